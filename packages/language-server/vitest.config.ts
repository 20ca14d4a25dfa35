import { defineConfig } from 'vitest/config';

// The server is tested as editors run it: the built dist/cli.js over stdio.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
