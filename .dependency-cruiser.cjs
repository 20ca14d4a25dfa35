/**
 * What the architecture promises, checked on every `pnpm test`
 * (ARCHITECTURE.md says why each rule holds). Sources only: tests may reach
 * across layers to set things up.
 */
const NODE_IO = '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads|cluster|readline)$';
const { builtinModules } = require('node:module');
/** Every Node built-in, as dependency-cruiser names it (with or without `node:`). */
const NODE_BUILTIN = `^(node:)?(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`;

const HOST_OR_SERVICE = '^packages/(language-service|workspace)/src/';
/** The host's Node adapter, exported as @factcite/workspace/node. */
const WORKSPACE_NODE_ADAPTER = '^packages/workspace/src/node[.-]';

/** Workspace packages by layer: a package may import only the ones below it. */
const pkg = (name) => `^(packages/${name}|node_modules/@factcite/${name})/`;
const CORE = pkg('core');
const LANGUAGE_SERVICE = pkg('language-service');
const WORKSPACE = pkg('workspace');
const LANGUAGE_SERVER = pkg('language-server');
const CLI = pkg('cli');
const EXTENSION = '^extensions/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle, even through types only, means two modules are one job split in two or a shared type lives in the wrong file: move it into a leaf.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-browser-safe',
      severity: 'error',
      comment: "@factcite/core and its search, schema, printable and ingest entries run in browsers and editors: nothing they load may import a Node built-in (file loading lives in @factcite/core/node).",
      from: { path: '^packages/core/src/(index|search-entry|schema-entry|printable|ingest-entry)\\.ts$' },
      to: { reachable: true, path: NODE_BUILTIN },
    },
    {
      name: 'no-io-in-editor-logic',
      severity: 'error',
      comment:
        "The language service and the workspace host are pure: files, watchers, processes and sockets are passed in by the front end, so they run without a disk and are tested without one. The host's Node I/O is an adapter of its own (@factcite/workspace/node: node.ts, node-*.ts), which front ends pass in.",
      from: { path: HOST_OR_SERVICE, pathNot: WORKSPACE_NODE_ADAPTER },
      to: { path: NODE_IO },
    },
    {
      name: 'workspace-main-entry-without-node',
      severity: 'error',
      comment: "@factcite/workspace's main entry runs in any editor host, a browser's included: nothing it loads may import a Node built-in.",
      from: { path: '^packages/workspace/src/index\\.ts$' },
      to: { reachable: true, path: NODE_BUILTIN },
    },
    {
      name: 'no-core-node-in-editor-logic',
      severity: 'error',
      comment: '@factcite/core/node reads the disk; the language service and the workspace host get files from their caller.',
      from: { path: HOST_OR_SERVICE, pathNot: WORKSPACE_NODE_ADAPTER },
      to: { path: '^packages/core/(src/node\\.ts|dist/node\\.|src/io/|src/corpus/load-dir\\.|src/corpus/watch-corpus\\.|src/release/)' },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core imports no other workspace package.',
      from: { path: '^packages/core/src/' },
      to: { path: [LANGUAGE_SERVICE, WORKSPACE, LANGUAGE_SERVER, CLI, EXTENSION, '^corpus/'] },
    },
    {
      name: 'language-service-over-core-only',
      severity: 'error',
      from: { path: '^packages/language-service/src/' },
      to: { path: [WORKSPACE, LANGUAGE_SERVER, CLI, EXTENSION] },
    },
    {
      name: 'workspace-below-its-front-ends',
      severity: 'error',
      comment: 'The workspace host serves the language server, the extension and the CLI; it imports none of them.',
      from: { path: '^packages/workspace/src/' },
      to: { path: [LANGUAGE_SERVER, CLI, EXTENSION] },
    },
    {
      name: 'language-server-below-the-extension',
      severity: 'error',
      from: { path: '^packages/language-server/src/' },
      to: { path: [CLI, EXTENSION] },
    },
    {
      name: 'cli-over-core',
      severity: 'error',
      comment: 'The CLI uses core (and the workspace host for choosing a corpus), never the editor packages.',
      from: { path: '^packages/cli/src/' },
      to: { path: [LANGUAGE_SERVICE, LANGUAGE_SERVER, EXTENSION] },
    },
    {
      name: 'nothing-imports-front-ends',
      severity: 'error',
      comment: 'The CLI and the extension are the top: no package builds on them.',
      from: { pathNot: `(${CLI}|${EXTENSION}|^packages/cli/|^extensions/)` },
      to: { path: [CLI, EXTENSION] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing would fail at run time (or silently, for a type).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/test/', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    combinedDependencies: false,
  },
};
