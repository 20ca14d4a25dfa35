/**
 * A stand-in for the `vscode` module that answers every call at once, for
 * loading the built extension in plain Node: the benchmark times activation
 * with it, and a unit test checks what activation loads. The end-to-end
 * tests run the real editor.
 */
const Module = require('node:module');

const disposable = { dispose() {} };
/** Anything not spelled out: callable, constructible, every property another stub. */
function anything() {
  // biome-ignore lint/complexity/useArrowFunction: a Proxy target must be constructible, which an arrow function is not.
  const target = function () {};
  return new Proxy(target, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : key === 'dispose' ? () => {} : anything()),
    apply: () => anything(),
    construct: () => anything(),
    set: () => true,
  });
}
function partial(known) {
  return new Proxy(known, { get: (t, key) => (key in t ? t[key] : anything()) });
}
// The bundle reads the module's own keys once (esbuild's import * interop): name every one the extension uses.
const NAMESPACE =
  'CancellationTokenSource CodeAction CodeActionKind CompletionItem CompletionItemKind CompletionItemTag CompletionList ConfigurationTarget DecorationRangeBehavior Diagnostic DiagnosticSeverity DiagnosticTag Hover Location MarkdownString Position Range RelativePattern StatusBarAlignment ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri WorkspaceEdit env l10n languages'.split(
    ' ',
  );
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
    getConfiguration: () => ({ get: (_key, fallback) => fallback, has: () => false, update: async () => {} }),
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

/** Makes `require('vscode')` return the stub in this process. */
function installVscodeStub() {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
}

/** An ExtensionContext with what activate() reads. */
function fakeContext(extensionPath) {
  return { extensionPath, subscriptions: [], globalState: partial({}), workspaceState: partial({}) };
}

module.exports = { installVscodeStub, fakeContext };
