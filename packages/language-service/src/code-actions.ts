import {
  type CheckCitationsOptions,
  type CitationDiagnostic,
  type FactIndex,
  foldText,
  isReleaseVersion,
  type MalformedCitation,
  type MessageId,
  type MessageLang,
  type MessageParam,
  message,
  parseSuppressions,
  planUpgrade,
  resolveSuccessor,
} from '@factcite/core';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { type DocumentInput, type FactDocument, toDocument } from './document.js';
import { CodeActionKind, toRange } from './lsp.js';

/** Options of {@link codeActions}. */
export interface CodeActionOptions {
  /** The document's URI, which the actions' workspace edits address. */
  uri: string;
  /** The language of the actions' titles: en (the default), zh-Hans or zh-Hant. */
  lang?: MessageLang;
  /** What the diagnostics were checked with: uncited claims get a fix inserting their citation, changed facts an upgrade. */
  check?: Pick<CheckCitationsOptions, 'uncited' | 'pinned'>;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The diagnostics the client sent that a fix at `range` resolves. */
function matching(diagnostics: readonly Diagnostic[], code: string, range: Range): Diagnostic[] {
  return diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === code && sameRange(d.range, range));
}

function action(title: string, uri: string, edits: TextEdit[], fixes: Diagnostic[], preferred: boolean): CodeAction {
  const out: CodeAction = { title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } };
  if (fixes.length) out.diagnostics = fixes;
  if (preferred) out.isPreferred = true;
  return out;
}

function replaceAllDeprecated(doc: FactDocument, index: FactIndex, uri: string, t: Titles): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const c of doc.citations()) {
    if (index.get(c.id)?.status !== 'deprecated') continue;
    const successor = resolveSuccessor(index, c.id);
    if (successor) edits.push({ range: toRange(doc, c.idStart, c.idEnd), newText: successor });
  }
  return edits.length > 1 ? action(t('fix.replace-all-deprecated', { count: edits.length }), uri, edits, [], false) : undefined;
}

/**
 * Fixes for a citation typed with an IME (`【@fact:id】`): its canonical
 * rewrite; when the id it names is unknown, the rewrite with each of the
 * closest ids instead, first, since the rewrite as typed would still be wrong.
 */
function rewrites(m: MalformedCitation, index: FactIndex, uri: string, range: Range, fixes: Diagnostic[], t: Titles): CodeAction[] {
  const rewrite = m.rewrite!;
  const out: CodeAction[] = [];
  if (m.id !== undefined && !index.get(m.id)) {
    for (const id of index.suggest(m.id)) {
      const fixed = rewrite.replace(`@fact:${m.id}`, `@fact:${id}`);
      out.push(action(t('fix.rewrite', { rewrite: fixed }), uri, [{ range, newText: fixed }], fixes, out.length === 0));
    }
  }
  out.push(action(t('fix.rewrite', { rewrite }), uri, [{ range, newText: rewrite }], fixes, out.length === 0));
  return out;
}

/**
 * Fixes for the hints of severity information in a range: an uncited claim
 * gets its citation inserted at the end of its clause; a fact changed since
 * the pinned release gets its sentence upgraded (successor id, new number),
 * and the whole report can be upgraded at once, which also moves the pin.
 */
function hintFixes(
  doc: FactDocument,
  index: FactIndex,
  check: Pick<CheckCitationsOptions, 'uncited' | 'pinned'>,
  t: Titles,
  uri: string,
  start: number,
  end: number,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const out: CodeAction[] = [];
  let changedHere = false;
  for (const d of doc.check(index, check)) {
    if (d.end < start || d.start > end) continue;
    const range = toRange(doc, d.start, d.end);
    if (d.code === 'uncited-claim' && d.uncited?.insert) {
      const { at, text } = d.uncited.insert;
      const fixes = matching(diagnostics, 'uncited-claim', range);
      out.push(action(t('fix.cite', { id: d.factId ?? '', expected: d.uncited.expected }), uri, [{ range: toRange(doc, at, at), newText: text }], fixes, true));
    } else if (d.code === 'fact-changed' && d.change) {
      changedHere = true;
      if (!d.change.edits.length) continue;
      const fixes = matching(diagnostics, 'fact-changed', range);
      const { successor } = d.change;
      const replacement = d.change.disagrees?.replacement;
      const id = d.factId ?? '';
      const title =
        successor && replacement
          ? t('fix.upgrade-citation.both', { id, successor, replacement })
          : successor
            ? t('fix.upgrade-citation.successor', { id, successor })
            : t('fix.upgrade-citation.value', { id, replacement: replacement ?? '' });
      const edits = d.change.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
      out.push(action(title, uri, edits, fixes, true));
    }
  }
  // Only a release version can be pinned: a corpus at 0.2.0-rc.1 still gets the per-citation upgrades above.
  if (changedHere && check.pinned && index.version && isReleaseVersion(index.version)) {
    const plan = planUpgrade(doc.text, index, check.pinned, index.version);
    const edits = plan.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
    out.push(action(t('fix.upgrade-report', { version: plan.to, count: plan.changes.length }), uri, edits, [], false));
  }
  return out;
}

/**
 * Quick fixes for the citations in `range`: an unknown id is replaced by each
 * of the closest ids, a deprecated one by its successor (and, when there are
 * several, every deprecated citation in the document at once); `fact:` without
 * `@` gets its `@`, and an unclosed group its `]`; a citation typed with a
 * Chinese input method (`【@fact:id】`, `＠fact:`, `@fact：`) is rewritten as
 * `[@fact:id]`; a number that contradicts
 * the fact its sentence cites is replaced by the fact's value as the source
 * writes it (in the report's script, or in English in English prose). Fixes are computed from the
 * text, so they work whether or not the client sends the diagnostics back;
 * the diagnostics it does send are attached to the fixes that resolve them.
 */
export function codeActions(
  input: DocumentInput,
  range: Range,
  diagnostics: readonly Diagnostic[],
  index: FactIndex,
  options: CodeActionOptions,
): CodeAction[] {
  const doc = toDocument(input);
  const { uri } = options;
  const t: Titles = (id, params = {}) => message(id, params, options.lang ?? 'en');
  const start = doc.lines.offset(range.start);
  const end = doc.lines.offset(range.end);
  const out: CodeAction[] = [];
  let deprecatedHere = false;

  // A citation inside an IME attempt (【@fact:id】) is fixed by the attempt's rewrite, which also handles its id.
  const attempts = doc.malformedIn(start, end).filter((m) => m.rewrite !== undefined);
  for (const c of doc.citationsIn(start, end)) {
    const idRange = toRange(doc, c.idStart, c.idEnd);
    const fact = index.get(c.id);
    if (!fact && attempts.some((m) => m.start <= c.start && c.end <= m.end)) continue;
    if (!fact) {
      const fixes = matching(diagnostics, 'unknown-fact', idRange);
      index.suggest(c.id).forEach((id, i) => {
        out.push(action(t('fix.replace-id', { id }), uri, [{ range: idRange, newText: id }], fixes, i === 0));
      });
    } else if (fact.status === 'deprecated') {
      const successor = resolveSuccessor(index, c.id);
      if (!successor) continue;
      deprecatedHere = true;
      const fixes = matching(diagnostics, 'deprecated-fact', idRange);
      out.push(action(t('fix.replace-deprecated', { id: c.id, successor }), uri, [{ range: idRange, newText: successor }], fixes, true));
    }
  }
  if (deprecatedHere) {
    const all = replaceAllDeprecated(doc, index, uri, t);
    if (all) out.push(all);
  }

  // Checks are cached per paragraph and options, so asking again costs nothing;
  // with the diagnostics' own options, so an uncited claim can be ignored too.
  const found = doc.check(index, { uncited: options.check?.uncited ?? false, ...(options.check?.pinned ? { pinned: options.check.pinned } : {}) });
  for (const d of found) {
    if (d.code !== 'value-mismatch' || d.end < start || d.start > end) continue;
    const replacement = d.mismatch?.replacement;
    if (replacement === undefined) continue;
    const numberRange = toRange(doc, d.start, d.end);
    const { found, expected } = d.mismatch!;
    const title =
      foldText(replacement) === foldText(expected)
        ? t('fix.replace-value', { found, replacement })
        : t('fix.replace-value-source', { found, replacement, expected });
    const fixes = matching(diagnostics, 'value-mismatch', numberRange);
    out.push(action(title, uri, [{ range: numberRange, newText: replacement }], fixes, true));
  }

  if (options.check?.uncited || options.check?.pinned) out.push(...hintFixes(doc, index, options.check, t, uri, start, end, diagnostics));

  for (const m of doc.malformedIn(start, end)) {
    const mRange = toRange(doc, m.start, m.end);
    const fixes = matching(diagnostics, 'malformed-citation', mRange);
    const text = doc.text.slice(m.start, m.end);
    if (text.startsWith('fact:')) {
      out.push(action(t('fix.add-at'), uri, [{ range: toRange(doc, m.start, m.start), newText: '@' }], fixes, true));
    } else if (m.rewrite !== undefined) {
      out.push(...rewrites(m, index, uri, mRange, fixes, t));
    } else if (text.startsWith('[') && !text.includes(']')) {
      const close = m.start + text.trimEnd().length;
      out.push(action(t('fix.close-group'), uri, [{ range: toRange(doc, close, close), newText: ']' }], fixes, true));
    }
  }
  out.push(...ignoreHere(doc, found, start, end, diagnostics, uri, t));
  return out;
}

/** Warnings a suppression comment may hide (not the comments' own). */
const IGNORABLE = new Set(['deprecated-fact', 'value-mismatch']);
/** Hints a writer may judge wrong: a number that only looks like a fact's. */
const IGNORABLE_HINTS = new Set(['uncited-claim']);

/**
 * "Ignore this warning here" (or "this hint", for an uncited claim): for each one in the range, a
 * `<!-- factcite-disable-next-line CODE -->` line above its line, in the
 * document's line ending and behind the line's blockquote marks and
 * indentation (so it stays in the same quote or list item). When the line
 * above already is such a comment, the code joins it instead. Never the
 * preferred fix: the others correct the report, this one silences it.
 */
function ignoreHere(
  doc: FactDocument,
  found: readonly CitationDiagnostic[],
  start: number,
  end: number,
  diagnostics: readonly Diagnostic[],
  uri: string,
  t: Titles,
): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const ignorable = (d: CitationDiagnostic) => (d.severity === 'warning' ? IGNORABLE.has(d.code) : d.severity === 'information' && IGNORABLE_HINTS.has(d.code));
  const here = found.filter((d) => ignorable(d) && d.end >= start && d.start <= end);
  const codes = new Set(here.map((d) => d.code));
  for (const d of here) {
    const line = doc.lines.position(d.start).line;
    if (seen.has(`${line} ${d.code}`)) continue;
    seen.add(`${line} ${d.code}`);
    const base = d.severity === 'information' ? t('fix.ignore-hint-here') : t('fix.ignore-here');
    const title = codes.size > 1 ? `${base} (${d.code})` : base;
    const fixes = matching(diagnostics, d.code, toRange(doc, d.start, d.end));
    out.push(action(title, uri, [ignoreHereEdit(doc, line, d.code)], fixes, false));
  }
  return out;
}

/** The edit that hides `code` on a zero-based line: a new comment line above it, or the code added to the one there. */
export function ignoreHereEdit(doc: FactDocument, line: number, code: string): TextEdit {
  const text = doc.lines.lineText(line);
  const aboveText = line > 0 ? doc.lines.lineText(line - 1) : '';
  // core reads the comment as checkCitations does; it must be the whole line above.
  const [above] = parseSuppressions(aboveText);
  const alone = above !== undefined && /^[ \t]*(?:>[ \t]?)*$/.test(aboveText.slice(0, above.start)) && aboveText.slice(above.end).trim() === '';
  // A comment with no code hides every warning already; one naming the code needs nothing either.
  if (alone && above.kind === 'disable-next-line' && above.codes.length > 0 && !above.codes.includes(code)) {
    // After the last code: before the reason (` -- …`) or the comment's end.
    const listStop = aboveText.indexOf(' --', aboveText.indexOf('factcite-disable-next-line', above.start));
    const listEnd = aboveText.lastIndexOf(above.codes.at(-1)!, listStop) + above.codes.at(-1)!.length;
    const at = doc.lines.offset({ line: line - 1, character: 0 }) + listEnd;
    return { range: toRange(doc, at, at), newText: `, ${code}` };
  }
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(text)![0];
  const at = doc.lines.offset({ line, character: 0 });
  return { range: toRange(doc, at, at), newText: `${prefix}<!-- factcite-disable-next-line ${code} -->${lineEndingOf(doc, line)}` };
}

/** The line ending of a line, else the document's first, else \n. */
function lineEndingOf(doc: FactDocument, line: number): string {
  const next = line + 1 < doc.lines.lineCount ? doc.lines.offset({ line: line + 1, character: 0 }) : -1;
  const contentEnd = doc.lines.offset({ line, character: Number.MAX_SAFE_INTEGER });
  if (next > contentEnd) return doc.text.slice(contentEnd, next);
  return /\r\n|\r|\n/.exec(doc.text)?.[0] ?? '\n';
}

type Titles = (id: MessageId, params?: Record<string, MessageParam>) => string;
