/**
 * Registers the language features for the documents factcite.languages
 * names. Each provider asks @factcite/language-service and converts its
 * LSP-shaped answer; none holds logic of its own.
 */
import { COMPLETION_TRIGGER_CHARACTERS, codeActions, completions, definition, hover } from '@factcite/language-service';
import * as vscode from 'vscode';
import { type FactciteDiagnostic, fromDiagnostic, fromRange, toCodeAction, toCompletionList, toHover, toLocation } from './convert.js';
import { InlineValues } from './inline-values.js';
import { findReferences } from './references.js';
import { settings } from './settings.js';
import type { Workspace } from './workspace.js';

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

function registerProviders(workspace: Workspace, log: vscode.LogOutputChannel): vscode.Disposable {
  const sel = selector();
  const index = () => workspace.current.index;
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      sel,
      {
        provideCompletionItems: guarded(log, 'completion', (document, position, token) => {
          if (token.isCancellationRequested) return undefined;
          // VS Code takes both ranges, so its insert and replace modes each get theirs.
          const list = completions(workspace.document(document), document.offsetAt(position), index(), {
            displayScript: settings.display(),
            lang: settings.messagesLanguage(),
            insertReplace: true,
          });
          if (!list || token.isCancellationRequested) return undefined;
          return toCompletionList(list);
        }),
      },
      ...COMPLETION_TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(sel, {
      provideHover: guarded(log, 'hover', (document, position, token) => {
        if (token.isCancellationRequested) return undefined;
        const found = hover(workspace.document(document), document.offsetAt(position), index(), {
          displayScript: settings.display(),
          commandLinks: true,
          lang: settings.messagesLanguage(),
        });
        return found && !token.isCancellationRequested ? toHover(found) : undefined;
      }),
    }),
    vscode.languages.registerCodeActionsProvider(
      sel,
      {
        provideCodeActions: guarded(log, 'quick fixes', (document, range, context, token) => {
          if (token.isCancellationRequested) return undefined;
          const ours = context.diagnostics.filter((d) => d.source === 'factcite');
          const doc = workspace.document(document);
          // The options the diagnostics were checked with: an uncited claim's fix and an upgrade need the same pin and setting.
          const { uncited, pinned } = workspace.host.checkOptions(document.uri.toString());
          const actions = codeActions(
            doc,
            fromRange(range),
            ours.map((d) => fromDiagnostic(d as FactciteDiagnostic)),
            index(),
            {
              uri: document.uri.toString(),
              lang: settings.messagesLanguage(),
              check: { uncited, pinned },
            },
          );
          return actions.map((a) => toCodeAction(a, ours));
        }),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerDefinitionProvider(sel, {
      provideDefinition: guarded(log, 'definition', (document, position, token) => {
        if (token.isCancellationRequested) return undefined;
        const corpus = workspace.current;
        const found = definition(workspace.document(document), document.offsetAt(position), corpus.index, {
          target: settings.definitionTarget() === 'yaml' ? 'fact' : 'source',
          sourceFile: corpus.sourceFile,
          factLocation: corpus.factLocation,
        });
        return found.map(toLocation);
      }),
    }),
    vscode.languages.registerReferenceProvider(sel, {
      provideReferences: (document, position, _context, token) =>
        findReferences(workspace, document, position, token).catch((error: unknown) => {
          log.error(`references failed: ${error instanceof Error ? error.message : String(error)}`);
          return [];
        }),
    }),
  );
}

/** Completion, hover, quick fixes, definition, references and inline values; the workspace host checks documents. */
export function registerLanguageFeatures(workspace: Workspace, log: vscode.LogOutputChannel): vscode.Disposable {
  let providers = registerProviders(workspace, log);
  const relanguage = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('factcite.languages')) return;
    providers.dispose();
    providers = registerProviders(workspace, log);
  });
  const inline = new InlineValues(workspace);
  return new vscode.Disposable(() => {
    relanguage.dispose();
    providers.dispose();
    inline.dispose();
  });
}
