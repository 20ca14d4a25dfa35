import { LineIndex, type TextEdit } from '@factcite/core';

/** One changed stretch of lines: where it starts (1-based) and its lines before and after the edits. */
export interface Hunk {
  line: number;
  before: string[];
  after: string[];
}

/**
 * The lines that a set of edits changes, before and after, grouped where
 * edits touch the same or adjacent lines. Edits are sorted and disjoint
 * (as planUpgrade gives them); each line is sliced once, so this is linear.
 */
export function editHunks(text: string, edits: readonly TextEdit[]): Hunk[] {
  const lines = new LineIndex(text);
  const lineStart = (offset: number) => offset - lines.position(offset).character;
  const lineEnd = (offset: number) => {
    const nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length : nl;
  };
  const groups: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const e of edits) {
    const start = lineStart(e.start);
    const end = lineEnd(e.end);
    const last = groups[groups.length - 1];
    if (last && start <= last.end + 1) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else groups.push({ start, end, edits: [e] });
  }
  return groups.map((g) => {
    let after = '';
    let at = g.start;
    for (const e of g.edits) {
      after += text.slice(at, e.start) + e.newText;
      at = e.end;
    }
    after += text.slice(at, g.end);
    const split = (s: string) => s.split('\n').map((l) => l.replace(/\r$/, ''));
    return { line: lines.position(g.start).line + 1, before: split(text.slice(g.start, g.end)), after: split(after) };
  });
}

/** Hunks as a unified diff a writer reads in a terminal (or pipes to `patch`). */
export function formatUnifiedDiff(file: string, hunks: readonly Hunk[]): string {
  const out = [`--- ${file}`, `+++ ${file}`];
  let shift = 0;
  for (const h of hunks) {
    out.push(`@@ -${h.line},${h.before.length} +${h.line + shift},${h.after.length} @@`);
    for (const l of h.before) out.push(`-${l}`);
    for (const l of h.after) out.push(`+${l}`);
    shift += h.after.length - h.before.length;
  }
  return `${out.join('\n')}\n`;
}
