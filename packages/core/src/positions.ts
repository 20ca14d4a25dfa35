import { expectText } from './errors.js';

/** A zero-based position: line, and character in UTF-16 code units (as in LSP). */
export interface Position {
  line: number;
  character: number;
}

/** Maps offsets in a text to lines and columns and back; build once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    expectText(text, 'LineIndex', 'text');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
    const end = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! - 1 : this.text.length;
    return Math.min(start + Math.max(position.character, 0), end);
  }

  /** The text of a zero-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}
