import { defineConfig } from 'tsup';

export default defineConfig({
  // cli.ts starts with a hashbang, which the build keeps.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
