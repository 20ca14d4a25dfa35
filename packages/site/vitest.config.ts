import { defineConfig } from 'vitest/config';

// Timeouts only catch hangs: the machine is shared, and speed is measured by the site bench.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
