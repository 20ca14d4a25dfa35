import { LineIndex, lineContentEnd, lineStartsOf, type Position } from '@factcite/core';

/** Offsets where each line of a text starts (after `\n`, `\r\n` or a lone `\r`). */
function scanStarts(text: string): Int32Array {
  const starts = [0];
  for (const next of lineStartsOf(text)) starts.push(next);
  return Int32Array.from(starts);
}

/** Index of the last of the first `count` sorted starts that is at or before `offset` (0 when none is). */
export function lastAtOrBefore(starts: Int32Array, offset: number, count = starts.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * core's LineIndex over line starts that a new version of a text can take
 * over from the previous version's: only the edited span is scanned for line
 * breaks, the rest is copied (and shifted past the edit). In a 10 MB report
 * that is a copy of a few hundred thousand numbers instead of a scan of ten
 * million characters. Answers exactly as LineIndex does (a test compares them).
 */
export class CarriedLineIndex extends LineIndex {
  private constructor(
    private readonly fullText: string,
    private readonly lineStarts: Int32Array,
  ) {
    super('');
  }

  /** The line index of a text, scanned in full. */
  static of(text: string): CarriedLineIndex {
    return new CarriedLineIndex(text, scanStarts(text));
  }

  /** The line index of `text`, which is this index's text with [from, oldEnd) replaced by text[from, newEnd). */
  carry(text: string, from: number, oldEnd: number, newEnd: number): CarriedLineIndex {
    const old = this.lineStarts;
    const delta = newEnd - oldEnd;
    // Whether p starts a line depends on the characters at p - 1 and p (a "\r" then a "\n" is one break), so
    // starts before `from` stand, those past `oldEnd + 1` stand shifted, and the ones between are found again.
    const low = Math.max(from, 1);
    const keep = lastAtOrBefore(old, low - 1) + 1;
    const tail = lastAtOrBefore(old, oldEnd + 1) + 1;
    const added: number[] = [];
    for (const next of lineStartsOf(text, low - 1, newEnd + 1)) if (next >= low && next <= newEnd + 1) added.push(next);
    const starts = new Int32Array(keep + added.length + old.length - tail);
    starts.set(old.subarray(0, keep));
    starts.set(added, keep);
    for (let k = tail, at = keep + added.length; k < old.length; k++, at++) starts[at] = old[k]! + delta;
    return new CarriedLineIndex(text, starts);
  }

  override get lineCount(): number {
    return this.lineStarts.length;
  }

  override position(offset: number): Position {
    const line = lastAtOrBefore(this.lineStarts, offset);
    return { line, character: offset - this.lineStarts[line]! };
  }

  override humanPosition(offset: number): { line: number; column: number } {
    const { line, character } = this.position(offset);
    const start = this.lineStarts[line]!;
    return { line: line + 1, column: Array.from(this.fullText.slice(start, start + character)).length + 1 };
  }

  override offset(position: Position): number {
    const starts = this.lineStarts;
    const start = starts[Math.min(Math.max(position.line, 0), starts.length - 1)]!;
    const end = position.line + 1 < starts.length ? lineContentEnd(this.fullText, starts[position.line + 1]!) : this.fullText.length;
    return Math.min(start + Math.max(position.character, 0), end);
  }

  override lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.fullText.length;
    const next = this.lineStarts[line + 1];
    return this.fullText.slice(start, next === undefined ? this.fullText.length : lineContentEnd(this.fullText, next));
  }
}
