import { defineConfig } from 'vitest/config';

// Timeouts only catch hangs: speed is measured by `pnpm bench`, and CI machines
// running four packages' tests at once are far slower than a quiet laptop.
export default defineConfig({ test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 120_000 } });
