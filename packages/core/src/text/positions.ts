import { expectText } from '../errors.js';

/** A zero-based position: line, and character in UTF-16 code units (as in LSP). */
export interface Position {
  line: number;
  character: number;
}

/**
 * Where each line after the first starts. A line ends at `\n`, `\r\n` or a
 * lone `\r`, as the Language Server Protocol counts lines.
 */
export function* lineStartsOf(text: string, from = 0, to = text.length): Generator<number> {
  const breaks = /\r\n?|\n/g;
  breaks.lastIndex = from;
  for (let m = breaks.exec(text); m && m.index < to; m = breaks.exec(text)) yield m.index + m[0].length;
}

/** Where the text of the line that ends just before line start `next` ends, without its line break. */
export function lineContentEnd(text: string, next: number): number {
  return text[next - 1] === '\n' && text[next - 2] === '\r' ? next - 2 : next - 1;
}

/** Maps offsets in a text to lines and columns and back; build once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    expectText(text, 'LineIndex', 'text');
    for (const next of lineStartsOf(text)) this.starts.push(next);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Zero-based line and UTF-16 character of an offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }

  /** One-based line and column counted in Unicode characters, as a person reads them in a terminal. */
  humanPosition(offset: number): { line: number; column: number } {
    const { line, character } = this.position(offset);
    const start = this.starts[line]!;
    return { line: line + 1, column: Array.from(this.text.slice(start, start + character)).length + 1 };
  }

  /** Offset of a zero-based line and UTF-16 character, clamped to the text. */
  offset(position: Position): number {
    const start = this.starts[Math.min(Math.max(position.line, 0), this.starts.length - 1)]!;
    const end = position.line + 1 < this.starts.length ? lineContentEnd(this.text, this.starts[position.line + 1]!) : this.text.length;
    return Math.min(start + Math.max(position.character, 0), end);
  }

  /** The text of a zero-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : lineContentEnd(this.text, next));
  }
}
