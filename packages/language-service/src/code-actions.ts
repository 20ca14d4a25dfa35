import { type CheckOptions, type FactIndex, foldText, isReleaseVersion, type MalformedCitation, planUpgrade, resolveSuccessor } from '@factcite/core';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { type DocumentInput, type FactDocument, toDocument } from './document.js';
import { CodeActionKind, toRange } from './lsp.js';

/** Options of {@link codeActions}. */
export interface CodeActionOptions {
  /** The document's URI, which the actions' workspace edits address. */
  uri: string;
  /** What the diagnostics were checked with: uncited claims get a fix inserting their citation, changed facts an upgrade. */
  check?: CheckOptions;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
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

function replaceAllDeprecated(doc: FactDocument, index: FactIndex, uri: string): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const c of doc.citations()) {
    if (index.get(c.id)?.status !== 'deprecated') continue;
    const successor = resolveSuccessor(index, c.id);
    if (successor) edits.push({ range: toRange(doc, c.idStart, c.idEnd), newText: successor });
  }
  return edits.length > 1 ? action(`Replace all ${edits.length} deprecated citations with their successors`, uri, edits, [], false) : undefined;
}

/**
 * Fixes for a citation typed with an IME (`【@fact:id】`): its canonical
 * rewrite; when the id it names is unknown, the rewrite with each of the
 * closest ids instead, first, since the rewrite as typed would still be wrong.
 */
function rewrites(m: MalformedCitation, index: FactIndex, uri: string, range: Range, fixes: Diagnostic[]): CodeAction[] {
  const rewrite = m.rewrite!;
  const out: CodeAction[] = [];
  if (m.id !== undefined && !index.get(m.id)) {
    for (const id of index.suggest(m.id)) {
      const fixed = rewrite.replace(`@fact:${m.id}`, `@fact:${id}`);
      out.push(action(`Rewrite as ${fixed}`, uri, [{ range, newText: fixed }], fixes, out.length === 0));
    }
  }
  out.push(action(`Rewrite as ${rewrite}`, uri, [{ range, newText: rewrite }], fixes, out.length === 0));
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
  check: CheckOptions,
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
      out.push(action(`Cite ${d.factId} (${d.uncited.expected})`, uri, [{ range: toRange(doc, at, at), newText: text }], fixes, true));
    } else if (d.code === 'fact-changed' && d.change) {
      changedHere = true;
      if (!d.change.edits.length) continue;
      const fixes = matching(diagnostics, 'fact-changed', range);
      const what = [d.change.successor ? `cite ${d.change.successor}` : '', d.change.disagrees?.replacement ? `write ${d.change.disagrees.replacement}` : '']
        .filter(Boolean)
        .join(', ');
      const edits = d.change.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
      out.push(action(`Upgrade this citation of ${d.factId}: ${what}`, uri, edits, fixes, true));
    }
  }
  // Only a release version can be pinned: a corpus at 0.2.0-rc.1 still gets the per-citation upgrades above.
  if (changedHere && check.pinned && index.version && isReleaseVersion(index.version)) {
    const plan = planUpgrade(doc.text, index, check.pinned, index.version);
    const edits = plan.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
    out.push(action(`Upgrade the report to release ${plan.to} (${plan.changes.length} changed citations; moves the pin)`, uri, edits, [], false));
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
        out.push(action(`Replace with "${id}"`, uri, [{ range: idRange, newText: id }], fixes, i === 0));
      });
    } else if (fact.status === 'deprecated') {
      const successor = resolveSuccessor(index, c.id);
      if (!successor) continue;
      deprecatedHere = true;
      const fixes = matching(diagnostics, 'deprecated-fact', idRange);
      out.push(action(`Replace deprecated "${c.id}" with "${successor}"`, uri, [{ range: idRange, newText: successor }], fixes, true));
    }
  }
  if (deprecatedHere) {
    const all = replaceAllDeprecated(doc, index, uri);
    if (all) out.push(all);
  }

  // Value checks are cached per paragraph, so asking again costs nothing.
  for (const d of doc.check(index)) {
    if (d.code !== 'value-mismatch' || d.end < start || d.start > end) continue;
    const replacement = d.mismatch?.replacement;
    if (replacement === undefined) continue;
    const numberRange = toRange(doc, d.start, d.end);
    const { found, expected } = d.mismatch!;
    const origin = foldText(replacement) === foldText(expected) ? 'as in the source' : `the source says ${expected}`;
    const fixes = matching(diagnostics, 'value-mismatch', numberRange);
    out.push(action(`Replace ${found} with ${replacement} (${origin})`, uri, [{ range: numberRange, newText: replacement }], fixes, true));
  }

  if (options.check?.uncited || options.check?.pinned) out.push(...hintFixes(doc, index, options.check, uri, start, end, diagnostics));

  for (const m of doc.malformedIn(start, end)) {
    const mRange = toRange(doc, m.start, m.end);
    const fixes = matching(diagnostics, 'malformed-citation', mRange);
    const text = doc.text.slice(m.start, m.end);
    if (text.startsWith('fact:')) {
      out.push(action('Add "@" before "fact:"', uri, [{ range: toRange(doc, m.start, m.start), newText: '@' }], fixes, true));
    } else if (m.rewrite !== undefined) {
      out.push(...rewrites(m, index, uri, mRange, fixes));
    } else if (text.startsWith('[') && !text.includes(']')) {
      const close = m.start + text.trimEnd().length;
      out.push(action('Close the citation group with "]"', uri, [{ range: toRange(doc, close, close), newText: ']' }], fixes, true));
    }
  }
  return out;
}
