import { defineConfig } from 'tsup';

// One CommonJS file for the extension host: every dependency inlined except
// the `vscode` module, which the host provides.
export default defineConfig({
  entry: { extension: 'src/extension.ts' },
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  noExternal: [/^(?!vscode$)/],
  minify: true,
  sourcemap: true,
  clean: true,
  dts: false,
  esbuildOptions(options) {
    // opencc-js's dictionaries are Chinese text; escaping it as \uXXXX would double the bundle.
    options.charset = 'utf8';
  },
});
