import { LineIndex } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { FactDocument } from '../src/index.js';

// Line breaks as LSP counts them: "\n", "\r\n" and a lone "\r". Edits that
// split or join a "\r\n" pair are the ones a carried-over index gets wrong.
const PIECES = ['\r', '\n', '\r\n', '\r\r', 'x', '数', ' [@fact:a]'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Lines of a text split the plain way, to check LineIndex itself. */
function naiveLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

describe('line starts with any line endings', () => {
  it('core LineIndex splits at \\n, \\r\\n and a lone \\r', () => {
    const text = 'a\rb\r\nc\nd\r\r\ne';
    const lines = new LineIndex(text);
    const expected = naiveLines(text);
    expect(lines.lineCount).toBe(expected.length);
    expected.forEach((line, i) => {
      expect(lines.lineText(i)).toBe(line);
    });
    expect(lines.position(text.indexOf('e'))).toEqual({ line: 5, character: 0 });
  });

  it('carried over an edit, answer as a fresh index does, also when an edit splits or joins "\\r\\n"', () => {
    const rand = random(3);
    let text = 'first\r\nsecond\rthird\nfourth';
    let doc = FactDocument.create(text);
    doc.lines.position(0);
    for (let n = 0; n < 600; n++) {
      const at = Math.floor(rand() * (text.length + 1));
      const removed = rand() < 0.4 ? Math.floor(rand() * 4) : 0;
      text = text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)]! + text.slice(at + removed);
      if (text.length > 400) text = 'a\r\nb';
      doc = FactDocument.create(text, doc);
      const fresh = new LineIndex(text);
      const expected = naiveLines(text);
      expect(fresh.lineCount, JSON.stringify(text)).toBe(expected.length);
      expect(doc.lines.lineCount, JSON.stringify(text)).toBe(expected.length);
      for (let line = 0; line < expected.length; line++) {
        expect(doc.lines.lineText(line)).toBe(expected[line]);
        expect(doc.lines.offset({ line, character: 99 })).toBe(fresh.offset({ line, character: 99 }));
      }
      for (let i = 0; i <= text.length; i++) expect(doc.lines.position(i)).toEqual(fresh.position(i));
    }
  });
});
