import { defineConfig } from 'vitest/config';

// The CLI is tested as users run it: the built dist/cli.js in a child process.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 } });
