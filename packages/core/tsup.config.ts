import { defineConfig, type Options } from 'tsup';

/**
 * YAML and OpenCC were about a third of what importing the main entry cost in
 * a fresh Node process (some 45 of 135 ms), and zod most of the rest (some 58
 * of 77 ms, with the schemas built at import); most callers never parse YAML,
 * convert a script or validate. The built files import them through
 * package.json `imports` (`#yaml`, `#opencc`, `#zod`) instead of the sources'
 * src/deps/*.ts: under Node that resolves to deps/*.node.ts, which requires
 * the library on first use; everywhere else (browsers, and bundlers that
 * target them) to deps/*.ts, which imports it as before. The sources keep the
 * plain import, so the VS Code extension's bundle, the tests and the type
 * checker see an ordinary module. A bundler that targets Node takes the
 * `node` branch too and leaves the libraries to be found at run time (see the
 * README).
 */
const depsByCondition: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'factcite-deps-by-condition',
  setup(build) {
    build.onResolve({ filter: /\/deps\/(yaml|opencc|zod)\.js$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `#${args.path.match(/(yaml|opencc|zod)\.js$/)![1]}`, external: true },
    );
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    search: 'src/search-entry.ts',
    schema: 'src/schema-entry.ts',
    printable: 'src/printable.ts',
    ingest: 'src/ingest-entry.ts',
    messages: 'src/messages/index.ts',
    'deps/yaml': 'src/deps/yaml.ts',
    'deps/yaml.node': 'src/deps/yaml.node.ts',
    'deps/opencc': 'src/deps/opencc.ts',
    'deps/opencc.node': 'src/deps/opencc.node.ts',
    'deps/zod': 'src/deps/zod.ts',
    'deps/zod.node': 'src/deps/zod.node.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url in CommonJS, for deps/*.node.cjs's createRequire.
  shims: true,
  esbuildPlugins: [depsByCondition],
});
