import { defineConfig } from 'vitest/config';

// The suite runs the benchmark on a tiny corpus to check that it works; it asserts no timings.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 300_000 } });
