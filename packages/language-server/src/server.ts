import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  citationAt,
  codeActions,
  COMPLETION_TRIGGER_CHARACTERS,
  completions,
  definition,
  diagnosticsInSlices,
  FactDocument,
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
import type { FactIndex } from '@factcite/core';
import { createPinResolver, type PinResolution, watchCorpus } from '@factcite/core/node';
import type { DiagnosticOptions } from '@factcite/language-service';
import { bundledCorpusDir, type CorpusFailure, isFailure, type LoadedCorpus, loadBundledCorpus, loadCorpus } from './corpus.js';
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
 * debounced diagnostics, quick fixes, definition and references. The corpus
 * comes from `corpusPath` (initializationOptions or configuration) or the
 * release installed with the server; a reload that fails keeps the last good
 * corpus and says so once.
 */
export function startServer(connection: Connection, serverVersion = '0.0.0'): void {
  const documents = new TextDocuments(TextDocument);
  const models = new Map<string, FactDocument>();
  const timers = new Map<string, NodeJS.Timeout>();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let corpus: LoadedCorpus | undefined;
  let watcher: { dir: string; close(): void } | undefined;
  let lastShownError: string | undefined;
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

  function corpusDir(): string {
    if (!settings.corpusPath) return bundledCorpusDir();
    return path.resolve(folders[0] ?? process.cwd(), settings.corpusPath);
  }

  function unwatch(): void {
    watcher?.close();
    watcher = undefined;
  }

  /** Reloads when the corpus files change; a reload of the same folder keeps its watch. */
  function watchDir(dir: string): void {
    if (watcher?.dir === dir) return;
    unwatch();
    if (dir === bundledCorpusDir()) return;
    try {
      const w = watchCorpus(dir, (files) => {
        log(`factcite: ${files.join(', ')} changed; reloading the corpus`);
        reloadCorpus();
      });
      watcher = { dir, close: () => w.close() };
    } catch (error) {
      // A folder that is missing now is reported by the load; the next reload tries again.
      log(`factcite: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function announce(dir: string, failure?: CorpusFailure): void {
    const params: CorpusLoadedParams = {
      dir: corpus?.dir ?? dir,
      version: corpus?.index.version,
      facts: corpus?.index.size ?? 0,
      stale: failure !== undefined && corpus !== undefined,
      ...(failure ? { error: failure.message } : {}),
    };
    void connection.sendNotification(CORPUS_LOADED_NOTIFICATION, params);
  }

  function reloadCorpus(): void {
    const dir = corpusDir();
    const result = settings.corpusPath ? loadCorpus(dir) : loadBundledCorpus();
    if (isFailure(result)) {
      for (const p of result.problems) connection.console.warn(`${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
      let message = result.message;
      if (corpus) message += `; still using the last good corpus (${corpus.index.size} facts from ${corpus.dir})`;
      else if (dir !== bundledCorpusDir()) {
        const fallback = loadBundledCorpus();
        if (!isFailure(fallback)) {
          corpus = fallback;
          message += `; using the corpus installed with the server (${fallback.index.size} facts)`;
        }
      }
      // One message per distinct failure: a maintainer saving a broken file twice sees it once.
      if (message !== lastShownError) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
      lastShownError = message;
      log(message);
      watchDir(dir);
      announce(dir, result);
      revalidateAll();
      return;
    }
    corpus = result;
    lastShownError = undefined;
    log(`factcite: loaded ${result.index.size} facts from ${result.dir}${result.index.version ? ` (corpus ${result.index.version})` : ''}`);
    watchDir(dir);
    announce(dir);
    revalidateAll();
  }

  // One resolver per loaded corpus: it reads each pinned release's snapshot once, from that corpus's releases/.
  const pinResolvers = new WeakMap<FactIndex, (text: string) => PinResolution>();

  /** What a document is checked with: uncited claims by the setting, and the release its front matter pins. */
  function checkOptions(loaded: LoadedCorpus, text: string, uri: string): DiagnosticOptions {
    let resolve = pinResolvers.get(loaded.index);
    if (!resolve) {
      resolve = createPinResolver(loaded.dir, loaded.index.version);
      pinResolvers.set(loaded.index, resolve);
    }
    const pin = resolve(text);
    // The corpus's own articles are its sources, not reports: every number in them is uncited.
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const inCorpus = ['sources', 'raw'].some((d) => {
      const relative = file === undefined ? '..' : path.relative(path.join(loaded.dir, d), file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    return {
      uncited: settings.uncitedClaims && !inCorpus,
      ...(pin.kind === 'pinned' ? { pinned: pin.release } : {}),
      ...(pin.kind === 'problem' ? { pinProblem: { start: pin.start, end: pin.end, message: pin.message } } : {}),
    };
  }

  function model(document: TextDocument): FactDocument {
    const text = document.getText();
    const previous = models.get(document.uri);
    const next = FactDocument.create(text, previous);
    models.set(document.uri, next);
    return next;
  }

  async function validate(uri: string): Promise<void> {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document || !corpus) return;
    const version = document.version;
    const index = corpus.index;
    // A newer version or corpus has its own check scheduled; this one stops at the next slice.
    const stale = () => documents.get(uri)?.version !== version || corpus?.index !== index;
    let found: Awaited<ReturnType<typeof diagnosticsInSlices>>;
    try {
      // In slices, so completion and hover requests are answered while a long report is checked.
      const doc = model(document);
      found = await diagnosticsInSlices(doc, index, { isCancelled: stale, check: checkOptions(corpus, doc.text, uri) });
    } catch (error) {
      connection.console.error(`factcite: diagnostics failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!found || stale()) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: found });
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => void validate(uri), settings.diagnosticsDelay),
    );
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  /** The parsed document and its offset for a request, unless cancelled or unknown. */
  function at(uri: string, position: { line: number; character: number }, token: CancellationToken) {
    const document = documents.get(uri);
    if (!document || !corpus || token.isCancellationRequested) return undefined;
    return { doc: model(document), offset: document.offsetAt(position), corpus };
  }

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    folders = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(!params.workspaceFolders?.length && params.rootUri ? [params.rootUri] : [])
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri));
    reloadCorpus();
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
    setTimeout(() => guard('warm-up', undefined, () => void corpus?.index.search('数码港 cyberport')), 0);
  });

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { factcite?: unknown } | undefined)?.factcite;
    const next = readSettings(raw, settings);
    const corpusChanged = next.corpusPath !== settings.corpusPath;
    const checkChanged = next.uncitedClaims !== settings.uncitedClaims;
    settings = next;
    if (corpusChanged) reloadCorpus();
    else if (checkChanged) revalidateAll();
  });

  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    models.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCompletion((params, token) =>
    guard('completion', null, () => {
      const here = at(params.textDocument.uri, params.position, token);
      return here ? completions(here.doc, here.offset, here.corpus.index, { displayScript: settings.displayScript, insertReplace }) : null;
    }),
  );

  connection.onHover((params, token) =>
    guard('hover', null, () => {
      const here = at(params.textDocument.uri, params.position, token);
      return here
        ? hover(here.doc, here.offset, here.corpus.index, { displayScript: settings.displayScript, commandLinks: settings.commandLinks })
        : null;
    }),
  );

  connection.onCodeAction((params, token) =>
    guard('code action', [], () => {
      const here = at(params.textDocument.uri, params.range.start, token);
      if (!here) return [];
      const { uncited, pinned } = checkOptions(here.corpus, here.doc.text, params.textDocument.uri);
      return codeActions(here.doc, params.range, params.context.diagnostics, here.corpus.index, { uri: params.textDocument.uri, check: { uncited, pinned } });
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
      const docs: ReferenceDocument[] = documents.all().map((d) => ({ uri: d.uri, text: model(d) }));
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
    if (params.command === RELOAD_CORPUS_COMMAND) reloadCorpus();
  });
  connection.onRequest(RELOAD_CORPUS_REQUEST, () => {
    reloadCorpus();
    return { facts: corpus?.index.size ?? 0, dir: corpus?.dir };
  });

  connection.onShutdown(() => {
    unwatch();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}
