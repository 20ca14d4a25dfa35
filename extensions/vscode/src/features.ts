/**
 * Registers the language features for the documents factcite.languages
 * names. Each provider asks @factcite/language-service and converts its
 * LSP-shaped answer; none holds logic of its own.
 */
import { COMPLETION_TRIGGER_CHARACTERS, codeActions, completions, definition, hover } from '@factcite/language-service';
import * as vscode from 'vscode';
import { type FactciteDiagnostic, fromDiagnostic, fromRange, toCodeAction, toCompletionList, toHover, toLocation } from './convert.js';
import { corpusFiles } from './corpus/files.js';
import type { CorpusStore } from './corpus/store.js';
import { DiagnosticsScheduler } from './diagnostics.js';
import { DocumentCache } from './documents.js';
import { InlineValues } from './inline-values.js';
import { checkOptions } from './pins.js';
import { findReferences } from './references.js';
import { settings } from './settings.js';

function selector(): vscode.DocumentSelector {
  return settings.languages().map((language) => ({ language }));
}

/** Wraps a provider: a failure is logged once per message and answered with nothing, never thrown at the editor. */
function guarded<A extends unknown[], R>(log: vscode.LogOutputChannel, name: string, run: (...args: A) => R): (...args: A) => R | undefined {
  const seen = new Set<string>();
  return (...args: A) => {
    try {
      return run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!seen.has(message)) {
        seen.add(message);
        log.error(`${name} failed: ${message}`);
      }
      return undefined;
    }
  };
}

function registerProviders(store: CorpusStore, cache: DocumentCache, log: vscode.LogOutputChannel): vscode.Disposable {
  const sel = selector();
  const index = () => store.current.index;
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      sel,
      {
        provideCompletionItems: guarded(log, 'completion', (document, position, token) => {
          if (token.isCancellationRequested) return undefined;
          // VS Code takes both ranges, so its insert and replace modes each get theirs.
          const list = completions(cache.get(document), document.offsetAt(position), index(), { displayScript: settings.display(), insertReplace: true });
          if (!list || token.isCancellationRequested) return undefined;
          return toCompletionList(list);
        }),
      },
      ...COMPLETION_TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(sel, {
      provideHover: guarded(log, 'hover', (document, position, token) => {
        if (token.isCancellationRequested) return undefined;
        const found = hover(cache.get(document), document.offsetAt(position), index(), { displayScript: settings.display(), commandLinks: true });
        return found && !token.isCancellationRequested ? toHover(found) : undefined;
      }),
    }),
    vscode.languages.registerCodeActionsProvider(
      sel,
      {
        provideCodeActions: guarded(log, 'quick fixes', (document, range, context, token) => {
          if (token.isCancellationRequested) return undefined;
          const ours = context.diagnostics.filter((d) => d.source === 'factcite');
          const doc = cache.get(document);
          const { uncited, pinned } = checkOptions(store.current, doc.text, document.uri);
          const actions = codeActions(doc, fromRange(range), ours.map((d) => fromDiagnostic(d as FactciteDiagnostic)), index(), {
            uri: document.uri.toString(),
            check: { uncited, pinned },
          });
          return actions.map((a) => toCodeAction(a, ours));
        }),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerDefinitionProvider(sel, {
      provideDefinition: guarded(log, 'definition', (document, position, token) => {
        if (token.isCancellationRequested) return undefined;
        const files = corpusFiles(store.current);
        const found = definition(cache.get(document), document.offsetAt(position), index(), {
          target: settings.definitionTarget() === 'yaml' ? 'fact' : 'source',
          sourceFile: (id) => files.sourceFile(id),
          factLocation: (id) => files.factLocation(id),
        });
        return found.map(toLocation);
      }),
    }),
    vscode.languages.registerReferenceProvider(sel, {
      provideReferences: (document, position, _context, token) =>
        findReferences(cache, document, position, token).catch((error: unknown) => {
          log.error(`references failed: ${error instanceof Error ? error.message : String(error)}`);
          return [];
        }),
    }),
  );
}

/** Completion, hover, diagnostics, quick fixes, definition, references and inline values. */
export function registerLanguageFeatures(store: CorpusStore, log: vscode.LogOutputChannel): vscode.Disposable {
  const cache = new DocumentCache();
  let providers = registerProviders(store, cache, log);
  const relanguage = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('factcite.languages')) return;
    providers.dispose();
    providers = registerProviders(store, cache, log);
  });
  const diagnostics = new DiagnosticsScheduler(store, cache, log);
  const inline = new InlineValues(store, cache);
  return new vscode.Disposable(() => {
    relanguage.dispose();
    providers.dispose();
    diagnostics.dispose();
    inline.dispose();
    cache.dispose();
  });
}
