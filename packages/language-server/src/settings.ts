import { MESSAGE_LANGS, type MessageLang } from '@factcite/core';
import type { DefinitionTarget, StatementScript } from '@factcite/language-service';

/**
 * What a client can set, in initializationOptions or (under a `factcite`
 * key) in workspace/didChangeConfiguration.
 */
export interface ServerSettings {
  /** A corpus directory (with facts/, sources/, entities.yaml); default: the release installed with the server. */
  corpusPath?: string;
  /** Script of statements in hovers and completions. */
  displayScript: StatementScript;
  /** Where go-to-definition leads. */
  definitionTarget: DefinitionTarget;
  /** Add `command:` links to hovers (VS Code style clients only). */
  commandLinks: boolean;
  /** Milliseconds to wait after the last change before checking a document. */
  diagnosticsDelay: number;
  /** File extensions searched for references outside open documents. */
  referenceExtensions: string[];
  /** Language of diagnostics and quick fixes; `auto` follows the client's locale (initialize `locale`). */
  messagesLanguage: MessageLang | 'auto';
  /** Also report suppression comments that hide nothing. */
  reportUnusedSuppressions: boolean;
  /** Hint at numbers that state a fact without citing it (`uncited-claim`); `"on"`/`"off"` or a boolean from the client. */
  uncitedClaims: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  displayScript: 'original',
  definitionTarget: 'source',
  commandLinks: false,
  diagnosticsDelay: 250,
  referenceExtensions: ['.md', '.markdown', '.qmd', '.rmd', '.txt'],
  messagesLanguage: 'auto',
  reportUnusedSuppressions: false,
  uncitedClaims: true,
};

const SCRIPTS: readonly StatementScript[] = ['original', 'zh-Hans', 'zh-Hant-HK', 'zh-Hant-TW', 'en'];

/** Reads settings from untrusted client JSON, keeping what is valid and the current value otherwise. */
export function readSettings(input: unknown, current: ServerSettings): ServerSettings {
  if (typeof input !== 'object' || input === null) return current;
  const raw = input as Record<string, unknown>;
  const next = { ...current };
  if (typeof raw.corpusPath === 'string') next.corpusPath = raw.corpusPath.trim() || undefined;
  else if (raw.corpusPath === null) next.corpusPath = undefined;
  if (SCRIPTS.includes(raw.displayScript as StatementScript)) next.displayScript = raw.displayScript as StatementScript;
  if (raw.definitionTarget === 'source' || raw.definitionTarget === 'fact') next.definitionTarget = raw.definitionTarget;
  if (typeof raw.commandLinks === 'boolean') next.commandLinks = raw.commandLinks;
  if (typeof raw.diagnosticsDelay === 'number' && Number.isFinite(raw.diagnosticsDelay) && raw.diagnosticsDelay >= 0) {
    next.diagnosticsDelay = raw.diagnosticsDelay;
  }
  if (Array.isArray(raw.referenceExtensions) && raw.referenceExtensions.every((e) => typeof e === 'string')) {
    next.referenceExtensions = raw.referenceExtensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  }
  if (raw.messagesLanguage === 'auto' || MESSAGE_LANGS.includes(raw.messagesLanguage as MessageLang)) {
    next.messagesLanguage = raw.messagesLanguage as MessageLang | 'auto';
  }
  if (typeof raw.reportUnusedSuppressions === 'boolean') next.reportUnusedSuppressions = raw.reportUnusedSuppressions;
  if (raw.uncitedClaims === 'on' || raw.uncitedClaims === true) next.uncitedClaims = true;
  else if (raw.uncitedClaims === 'off' || raw.uncitedClaims === false) next.uncitedClaims = false;
  return next;
}
