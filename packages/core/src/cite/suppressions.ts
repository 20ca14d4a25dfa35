/**
 * Suppression comments: a writer who has judged a warning silences it where
 * it stands, in the report, so every front end (CLI, language server,
 * extension) honours the same judgement.
 *
 *     <!-- factcite-disable-next-line value-mismatch -->
 *     <!-- factcite-disable value-mismatch, deprecated-fact -->  …  <!-- factcite-enable -->
 *
 * Codes are separated by commas (ASCII or full-width) or spaces; text after
 * ` -- ` is the writer's reason. A comment with no code hides warnings only:
 * an error (an unknown id, a malformed citation) is hidden only where its
 * code is named. A comment inside code is text, not a directive.
 */
import type { CitationDiagnostic } from './diagnostic.js';
import { type CitationDiagnosticCode, DIAGNOSTIC_CODES } from './diagnostic-codes.js';
import { escapeMask, findIgnoredRanges, findParagraphOpaqueRanges, inSortedRanges, mergeRanges } from './markdown-scan.js';
import { described, type MessageRef } from '../messages/format.js';
import { LineIndex } from '../text/positions.js';

/** What a suppression comment does. */
export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

/** A suppression comment of a report, by UTF-16 offsets of the whole comment. */
export interface SuppressionDirective {
  kind: SuppressionKind;
  /** The codes it names, as written; empty for every warning. */
  codes: string[];
  start: number;
  end: number;
}

/**
 * The text that opens every directive: reports without it skip the scan, and
 * so may an editor that knows no part of its text holds it.
 */
export const SUPPRESSION_MARK = 'factcite-';
const DIRECTIVE = /^<!--\s*factcite-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->$/;
/** Diagnostics a suppression never hides: hiding them would hide the suppressions' own mistakes. */
const OWN_CODES = new Set<string>(['unknown-suppression-code', 'unused-suppression']);
const KNOWN_CODES = new Set<string>(DIAGNOSTIC_CODES);

/** Ranges where an HTML comment is text, not markup: code spans and blocks, indented code, raw blocks. */
function codeRanges(text: string): [number, number][] {
  const notComment = (r: [number, number]) => !text.startsWith('<!--', r[0]);
  const ignored = findIgnoredRanges(text);
  const opaque = findParagraphOpaqueRanges(text, mergeRanges(ignored), escapeMask(text));
  return mergeRanges([...ignored.filter(notComment), ...opaque.filter(notComment)]);
}

/** Every suppression comment of a report, in order. Linear in the text. */
export function parseSuppressions(text: string): SuppressionDirective[] {
  if (!text.includes(SUPPRESSION_MARK)) return [];
  const code = codeRanges(text);
  const out: SuppressionDirective[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    const end = close + 3;
    const m = inSortedRanges(code, at) ? null : DIRECTIVE.exec(text.slice(at, end));
    if (m) {
      const [list] = m[2]!.split(/\s--\s|\s--$/);
      const codes = list!.split(/[\s,，、]+/).filter((c) => c !== '');
      out.push({ kind: m[1] as SuppressionKind, codes, start: at, end });
    }
    at = text.indexOf('<!--', end);
  }
  return out;
}

/** What a directive hides: a code, or every warning ('*'), over offsets [from, to). */
interface Reach {
  directive: SuppressionDirective;
  key: string;
  from: number;
  to: number;
  used: boolean;
}

/** Options of {@link applySuppressions}. */
export interface ApplySuppressionsOptions {
  /** Also report each directive, or code of one, that hides nothing (`unused-suppression`). */
  reportUnused?: boolean;
}

/** The outcome of {@link applySuppressions}. */
export interface SuppressionResult {
  /** The diagnostics still shown, with problems of the directives themselves, sorted by start. */
  diagnostics: CitationDiagnostic[];
  /** The diagnostics a directive hid. */
  suppressed: CitationDiagnostic[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The reaches of the directives: next-line ones keyed by the line they cover, region ones sorted per key. */
function reachesOf(text: string, directives: readonly SuppressionDirective[], lines: LineIndex) {
  const all: Reach[] = [];
  const regions = new Map<string, Reach[]>();
  const open = new Map<string, Reach>();
  const keysOf = (d: SuppressionDirective) => (d.codes.length ? d.codes.filter((c) => KNOWN_CODES.has(c)) : ['*']);
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const line = lines.position(d.end).line + 1;
      if (line >= lines.lineCount) continue;
      const from = lines.offset({ line, character: 0 });
      const to = line + 1 < lines.lineCount ? lines.offset({ line: line + 1, character: 0 }) : text.length;
      for (const key of keysOf(d)) all.push({ directive: d, key, from, to, used: false });
    } else if (d.kind === 'disable') {
      for (const key of keysOf(d)) {
        if (open.has(key)) continue;
        const reach: Reach = { directive: d, key, from: d.end, to: text.length, used: false };
        open.set(key, reach);
        all.push(reach);
        pushTo(regions, key, reach);
      }
    } else {
      const keys = d.codes.length ? keysOf(d) : [...open.keys()];
      for (const key of keys) {
        const reach = open.get(key);
        if (!reach) continue;
        reach.to = d.start;
        open.delete(key);
      }
    }
  }
  const nextLine = new Map<number, Reach[]>();
  for (const r of all) if (r.directive.kind === 'disable-next-line') pushTo(nextLine, r.from, r);
  return { all, regions, nextLine };
}

/** The region of `list` (sorted, disjoint) holding `at`, by binary search. */
function regionAt(list: readonly Reach[] | undefined, at: number): Reach | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid]!;
    if (at < r.from) hi = mid - 1;
    else if (at >= r.to) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/**
 * Hides the diagnostics the report's suppression comments cover, and reports
 * comments that name an unknown code (`unknown-suppression-code`) and, when
 * asked, those that hide nothing (`unused-suppression`). A diagnostic is
 * covered by where it starts.
 */
export function applySuppressions(text: string, diagnostics: readonly CitationDiagnostic[], options: ApplySuppressionsOptions = {}): SuppressionResult {
  const directives = parseSuppressions(text);
  if (directives.length === 0) return { diagnostics: [...diagnostics], suppressed: [] };
  const lines = new LineIndex(text);
  const { all, regions, nextLine } = reachesOf(text, directives, lines);
  const kept: CitationDiagnostic[] = [];
  const suppressed: CitationDiagnostic[] = [];
  for (const d of diagnostics) {
    if (OWN_CODES.has(d.code)) {
      kept.push(d);
      continue;
    }
    const keys = d.severity === 'warning' ? [d.code, '*'] : [d.code];
    const lineStart = lines.offset({ line: lines.position(d.start).line, character: 0 });
    const hit =
      nextLine.get(lineStart)?.find((r) => keys.includes(r.key)) ?? keys.map((key) => regionAt(regions.get(key), d.start)).find((r) => r !== undefined);
    if (hit) {
      hit.used = true;
      // Every directive that covers it counts as used: two comments agreeing is not a mistake.
      for (const r of nextLine.get(lineStart) ?? []) if (keys.includes(r.key)) r.used = true;
      suppressed.push(d);
    } else kept.push(d);
  }
  for (const d of directives) {
    for (const code of d.codes.filter((c) => !KNOWN_CODES.has(c))) {
      kept.push({
        start: d.start,
        end: d.end,
        severity: 'warning',
        code: 'unknown-suppression-code',
        ...described({ id: 'suppression.unknown-code', params: { code, directive: d.kind, codes: [...DIAGNOSTIC_CODES].filter((c) => !OWN_CODES.has(c)) } }),
      });
    }
  }
  if (options.reportUnused) {
    const unused = new Map<SuppressionDirective, string[]>();
    for (const r of all) if (!r.used) pushTo(unused, r.directive, r.key);
    for (const [d, keys] of unused) {
      const detail: MessageRef = keys.includes('*')
        ? { id: 'suppression.unused', params: { directive: d.kind } }
        : { id: 'suppression.unused-codes', params: { directive: d.kind, codes: keys } };
      kept.push({ start: d.start, end: d.end, severity: 'warning', code: 'unused-suppression', ...described(detail) });
    }
  }
  return { diagnostics: kept.sort((a, b) => a.start - b.start), suppressed };
}

/** The codes a suppression comment may name (those of checkCitations' findings). */
export function suppressibleCodes(): CitationDiagnosticCode[] {
  return DIAGNOSTIC_CODES.filter((c) => !OWN_CODES.has(c));
}
