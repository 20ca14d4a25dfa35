import { defineConfig } from 'tsup';

export default defineConfig([
  // The generator, run by `factcite site` in Node.
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  // The reader's script: search, the display-script switch and copy buttons,
  // bundled whole (core's search entry included) so the site loads nothing
  // from elsewhere.
  {
    entry: { site: 'src/client/main.ts', 'script-choice': 'src/client/script-choice.ts' },
    outDir: 'dist/client',
    format: ['iife'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    noExternal: [/.*/],
    sourcemap: false,
    dts: false,
    clean: false,
  },
]);
