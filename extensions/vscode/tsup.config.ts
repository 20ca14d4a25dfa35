import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

const coreSource = path.resolve(__dirname, '../../packages/core/src');
const CORE_ENTRIES: Record<string, string> = { '': 'index.ts', '/node': 'node.ts', '/search': 'search-entry.ts' };

/**
 * Bundles @factcite/core from its sources rather than its dist chunks. Each
 * source module is its own unit, so esbuild leaves out whole modules nothing
 * uses (core is free of side effects); a dist chunk shares the schemas with
 * the citation parser and would bring zod along.
 */
const coreFromSource: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'factcite-core-source',
  setup(build) {
    build.onResolve({ filter: /^@factcite\/core(\/node|\/search)?$/ }, (args) => {
      const file = CORE_ENTRIES[args.path.slice('@factcite/core'.length)];
      return file ? { path: path.join(coreSource, file) } : undefined;
    });
  },
};

const common: Options = {
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  noExternal: [/^(?!vscode$)/],
  minify: !process.env.FACTCITE_NO_MINIFY,
  sourcemap: true,
  clean: false,
  dts: false,
  esbuildPlugins: [coreFromSource],
  esbuildOptions(options) {
    // opencc-js's dictionaries are Chinese text; escaping it as \uXXXX would double the bundle.
    options.charset = 'utf8';
    // @factcite/workspace/node finds an installed release through import.meta.url; the extension reads its own
    // bundled release instead, so that function is left out and its import.meta never runs.
    options.logOverride = { 'empty-import-meta': 'silent' };
  },
};

// CommonJS for the extension host, every dependency inlined except the
// `vscode` module, which the host provides. What activation does not need
// goes in files of its own, required on first use: OpenCC (1.1 MB of
// dictionaries, for converting scripts) and the workspace corpus loader
// (YAML and zod). Parsed at every start, they were most of the time the
// editor waited for the extension.
export default defineConfig([
  { ...common, entry: { opencc: 'src/vendor/opencc.ts' } },
  { ...common, entry: { 'workspace-corpus': 'src/corpus/workspace.ts' } },
  {
    ...common,
    entry: { extension: 'src/extension.ts' },
    esbuildOptions(options, context) {
      common.esbuildOptions?.(options, context);
      options.alias = { 'opencc-js': './src/vendor/opencc-lazy.ts' };
    },
  },
]);
