import { defineConfig } from 'vitest/config';

// Timeouts only catch hangs; speed is measured by `pnpm bench`.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 } });
