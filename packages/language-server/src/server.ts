import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  citationAt,
  codeActions,
  COMPLETION_TRIGGER_CHARACTERS,
  completions,
  definition,
  hover,
  type ReferenceDocument,
  references,
} from '@factcite/language-service';
import {
  type CancellationToken,
  CodeActionKind,
  type Connection,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type MessageLang, messageLangOf } from '@factcite/core';
import { type CorpusState, type HostSettings, WorkspaceHost } from '@factcite/workspace';
import { nodeHostIO, nodeTimers } from '@factcite/workspace/node';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings.js';
import { workspaceReports } from './workspace.js';

/** Sent after every corpus (re)load, so a client can show the corpus in a status bar. */
export const CORPUS_LOADED_NOTIFICATION = 'factcite/corpusLoaded';
/** A request (no parameters) that reloads the corpus now. */
export const RELOAD_CORPUS_REQUEST = 'factcite/reloadCorpus';
/** The same, as a workspace command. */
export const RELOAD_CORPUS_COMMAND = 'factcite.reloadCorpus';

/** What CORPUS_LOADED_NOTIFICATION carries. */
export interface CorpusLoadedParams {
  /** Directory of the corpus in use. */
  dir: string;
  version: string | undefined;
  facts: number;
  /** Whether the last load failed and an earlier corpus is still in use. */
  stale: boolean;
  /** The failure, when the last load failed. */
  error?: string;
}

/** The file a `file:` URI names, resolved, or undefined for another scheme or a malformed URI. */
function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves factcite's language features on a connection: completion, hover,
 * debounced diagnostics, quick fixes, definition and references. The corpus,
 * the open documents and the diagnostics schedule belong to the shared
 * workspace host (@factcite/workspace), with its policy: `corpusPath` or the
 * release installed with the server, a corpus with errors refused while the
 * last good one serves, said once per breakage. This file maps LSP to it.
 */
export function startServer(connection: Connection, serverVersion = '0.0.0'): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  /** The client's display language, from initialize (`zh-cn`, `zh-tw`, `en`…). */
  let clientLocale: string | undefined;
  /** The language of messages: the setting, else the client's locale, else English. */
  const lang = (): MessageLang => (settings.messagesLanguage !== 'auto' ? settings.messagesLanguage : (messageLangOf(clientLocale) ?? 'en'));
  let folders: string[] = [];
  let host: WorkspaceHost | undefined;
  // Whether the client takes InsertReplaceEdits, so its insert and replace modes both behave.
  let insertReplace = false;

  const log = (message: string) => connection.console.log(message);

  /** Runs a handler; a failure is logged and answered with `fallback`, never thrown at the client. */
  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`factcite: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  }

  /** LSP has no Workspace Trust: a client that starts the server trusts the folder it names. */
  function hostSettings(): HostSettings {
    return {
      corpusPath: settings.corpusPath,
      folder: folders[0] ?? process.cwd(),
      trusted: true,
      diagnosticsDelay: settings.diagnosticsDelay,
      check: { lang: lang(), reportUnusedSuppressions: settings.reportUnusedSuppressions },
      uncitedClaims: settings.uncitedClaims,
    };
  }

  /** Tells the client what is served; a failure is shown once per breakage and every problem logged. */
  function announce(state: CorpusState): void {
    if (state.failure) {
      if (state.newlyBroken) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: state.failureMessage! });
      for (const p of state.failure.problems) connection.console.warn(`${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
    }
    const params: CorpusLoadedParams = {
      dir: state.current.origin.dir,
      version: state.current.index.version,
      facts: state.current.index.size,
      stale: state.failure !== undefined,
      ...(state.failureMessage ? { error: state.failureMessage } : {}),
    };
    void connection.sendNotification(CORPUS_LOADED_NOTIFICATION, params);
  }

  /** The parsed document and its offset for a request, unless cancelled or unknown. */
  function at(uri: string, position: { line: number; character: number }, token: CancellationToken) {
    const document = documents.get(uri);
    const doc = document && host?.document(uri);
    if (!document || !doc || !host || token.isCancellationRequested) return undefined;
    return { doc, offset: document.offsetAt(position), corpus: host.corpus, host };
  }

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    clientLocale = params.locale;
    insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    folders = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(!params.workspaceFolders?.length && params.rootUri ? [params.rootUri] : [])
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri));
    host = new WorkspaceHost({
      io: nodeHostIO(),
      timers: nodeTimers,
      settings: hostSettings(),
      events: {
        publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
        corpus: announce,
        log,
      },
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        executeCommandProvider: { commands: [RELOAD_CORPUS_COMMAND] },
      },
      serverInfo: { name: 'factcite-language-server', version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    // The first search builds lazy tables; pay for it now, not on the first completion.
    setTimeout(() => guard('warm-up', undefined, () => void host?.corpus.index.search('数码港 cyberport')), 0);
  });

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { factcite?: unknown } | undefined)?.factcite;
    const next = readSettings(raw, settings);
    settings = next;
    host?.configure(hostSettings());
  });

  // TextDocuments keeps the text in step with the client; the host parses and checks it.
  const opened = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    const text = () => document.getText();
    if (opened.has(document.uri)) host?.change(document.uri, document.version, text, document.lineCount);
    else {
      opened.add(document.uri);
      host?.open(document.uri, document.version, text, document.lineCount);
    }
  });
  documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    host?.close(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCompletion((params, token) =>
    guard('completion', null, () => {
      const here = at(params.textDocument.uri, params.position, token);
      return here ? completions(here.doc, here.offset, here.corpus.index, { displayScript: settings.displayScript, lang: lang(), insertReplace }) : null;
    }),
  );

  connection.onHover((params, token) =>
    guard('hover', null, () => {
      const here = at(params.textDocument.uri, params.position, token);
      return here
        ? hover(here.doc, here.offset, here.corpus.index, { displayScript: settings.displayScript, commandLinks: settings.commandLinks, lang: lang() })
        : null;
    }),
  );

  connection.onCodeAction((params, token) =>
    guard('code action', [], () => {
      const here = at(params.textDocument.uri, params.range.start, token);
      if (!here) return [];
      // The options the diagnostics were checked with: an uncited claim's fix and an upgrade need the same pin and setting.
      const { uncited, pinned } = here.host.checkOptions(params.textDocument.uri);
      return codeActions(here.doc, params.range, params.context.diagnostics, here.corpus.index, {
        uri: params.textDocument.uri,
        lang: lang(),
        check: { uncited, pinned },
      });
    }),
  );

  connection.onDefinition((params, token) =>
    guard('definition', [], () => {
      const here = at(params.textDocument.uri, params.position, token);
      if (!here) return [];
      return definition(here.doc, here.offset, here.corpus.index, {
        target: settings.definitionTarget,
        sourceFile: here.corpus.sourceFile,
        factLocation: here.corpus.factLocation,
      });
    }),
  );

  connection.onReferences((params, token) =>
    guard('references', [], () => {
      const here = at(params.textDocument.uri, params.position, token);
      const id = here && citationAt(here.doc, here.offset)?.id;
      if (!id) return [];
      const needle = `fact:${id}`;
      const docs: ReferenceDocument[] = documents.all().map((d) => ({ uri: d.uri, text: host?.document(d.uri) ?? d.getText() }));
      // By path: a client spells a file's URI its own way (VS Code escapes "(" and a drive's ":"; Node does not).
      const open = new Set(docs.map((d) => filePath(d.uri)).filter((p) => p !== undefined));
      for (const { file, text } of workspaceReports(folders, settings.referenceExtensions)) {
        if (token.isCancellationRequested) return [];
        if (!open.has(path.resolve(file)) && text.includes(needle)) docs.push({ uri: pathToFileURL(file).href, text });
      }
      return references(docs, id);
    }),
  );

  connection.onExecuteCommand((params) => {
    if (params.command === RELOAD_CORPUS_COMMAND) host?.reload();
  });
  connection.onRequest(RELOAD_CORPUS_REQUEST, () => {
    const state = host?.reload();
    return { facts: state?.current.index.size ?? 0, dir: state?.current.origin.dir };
  });

  connection.onShutdown(() => host?.dispose());

  documents.listen(connection);
  connection.listen();
}
