import { defineConfig } from 'vitest/config';

// Unit tests cover the modules that do not import `vscode`; the end-to-end
// test (test/e2e, run by `pnpm test:e2e`) covers the rest in a real editor.
// Timeouts only catch hangs; speed is measured by `pnpm bench`.
export default defineConfig({ test: { include: ['test/unit/**/*.test.ts'], testTimeout: 120_000 } });
