/**
 * Times the VS Code extension's activation in a fresh process: loading its
 * bundle (dist/extension.js, with the corpus it ships) and running
 * activate(). The `vscode` module is a stub that answers every call at once,
 * so this is the extension's own work, without the editor's; a real editor
 * adds its own overhead around it (the end-to-end run logs "Activated in").
 *
 *   node --import tsx src/activation.ts   → prints RESULT_PREFIX {"load_ms", "activate_ms"}
 */
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX } from './results.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionDir = path.join(root, 'extensions/vscode');

const disposable = { dispose() {} };
/** Anything not spelled out: callable, constructible, every property another stub. */
function anything(): unknown {
  // biome-ignore lint/complexity/useArrowFunction: a Proxy target must be constructible, which an arrow function is not.
  const target = function () {};
  return new Proxy(target, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : key === 'dispose' ? () => {} : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
    set: () => true,
  });
}
function partial<T extends object>(known: T): T {
  return new Proxy(known, { get: (t, key) => (key in t ? t[key as keyof T] : anything()) });
}
// The bundle reads the module's own keys once (esbuild's import * interop): name every one the extension uses.
const NAMESPACE = 'CancellationTokenSource CodeAction CodeActionKind CompletionItem CompletionItemKind CompletionItemTag CompletionList ConfigurationTarget DecorationRangeBehavior Diagnostic DiagnosticSeverity DiagnosticTag Hover Location MarkdownString Position Range RelativePattern StatusBarAlignment ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri WorkspaceEdit env languages'.split(' ');
const event = () => disposable;
class EventEmitter {
  event = event;
  fire() {}
  dispose() {}
}
const vscode = partial({
  ...Object.fromEntries(NAMESPACE.map((name) => [name, anything()])),
  Disposable: Object.assign(
    class {
      dispose() {}
    },
    { from: () => disposable },
  ),
  EventEmitter,
  workspace: partial({
    getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback, has: () => false, update: async () => {} }),
    isTrusted: true,
    workspaceFolders: undefined,
    textDocuments: [],
    onDidChangeConfiguration: event,
    onDidGrantWorkspaceTrust: event,
    onDidChangeTextDocument: event,
    onDidCloseTextDocument: event,
    onDidOpenTextDocument: event,
    onDidSaveTextDocument: event,
  }),
  window: partial({ activeTextEditor: undefined, visibleTextEditors: [], onDidChangeActiveTextEditor: event, onDidChangeVisibleTextEditors: event }),
  commands: partial({ executeCommand: async () => undefined, registerCommand: () => disposable }),
});

function main(): void {
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const require = createRequire(import.meta.url);
  const started = performance.now();
  const extension = require(path.join(extensionDir, 'dist/extension.js')) as { activate(context: unknown): void };
  const loaded = performance.now();
  extension.activate({ extensionPath: extensionDir, subscriptions: [], globalState: partial({}), workspaceState: partial({}) });
  const activated = performance.now();
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ load_ms: loaded - started, activate_ms: activated - loaded })}\n`);
}

main();
