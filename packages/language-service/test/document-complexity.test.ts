/**
 * Complexity guards for a new version made from the previous one (not speed
 * targets, which `pnpm bench` measures): an edit's diagnostics may cost time
 * in proportion to the report (the findings after the edit are moved), but
 * never in proportion to its square. A report four times as long must cost
 * near four times as much per edit; linear code gives a ratio near 4,
 * quadratic code near 16, and the bound of 8 leaves room for a loaded
 * machine. Each size runs the same edits several times, alternating with the
 * other size, and keeps its best round.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, FactDocument } from '../src/index.js';
import { exampleReport, realIndex } from './fixtures.js';

const index = realIndex();
const BOUND = 8;

/**
 * The example report, then paragraphs that each cite a mistyped id, repeated
 * to about `chars` characters: a finding every few dozen characters, so that
 * work per finding after the edit shows.
 */
function report(chars: number): string {
  const dense = Array.from({ length: 200 }, (_, i) => `第${i}段：香港预留六百多亿港元[@fact:hkgai-v1-releasd]。`).join('\n\n');
  const piece = `${exampleReport()}\n\n${dense}`;
  return Array.from({ length: Math.ceil(chars / (piece.length + 2)) }, () => piece).join('\n\n');
}

/** A document of the text with its diagnostics made, as an editor holds it before the next edit. */
function checked(text: string): FactDocument {
  const doc = FactDocument.create(text);
  diagnostics(doc, index);
  return doc;
}

/** Milliseconds for `rounds` of edits from `doc`, each version's diagnostics made; the document after the last. */
function editRound(doc: FactDocument, edit: (text: string, k: number) => string, count: number): { ms: number; doc: FactDocument } {
  let current = doc;
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const next = FactDocument.create(edit(current.text, k), current);
    diagnostics(next, index);
    current = next;
  }
  return { ms: performance.now() - start, doc: current };
}

/** Best time of a round of edits on a report four times as long, over the best on the report itself. */
function editGrowth(chars: number, edit: (text: string, k: number) => string, count: number): number {
  let small = checked(report(chars));
  let large = checked(report(4 * chars));
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio >= BOUND; attempt++) {
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 4; r++) {
      const s = editRound(small, edit, count);
      small = s.doc;
      bestSmall = Math.min(bestSmall, s.ms);
      const l = editRound(large, edit, count);
      large = l.doc;
      bestLarge = Math.min(bestLarge, l.ms);
    }
    ratio = Math.min(ratio, bestLarge / bestSmall);
  }
  return ratio;
}

/** Offset of the start of the line nearest the middle of the text. */
const middle = (text: string): number => text.indexOf('\n', text.length >> 1) + 1;

describe('an edit of a long report', () => {
  it('costs at most in proportion to the report: a new line with a citation, typed in the middle', () => {
    const edit = (text: string, k: number) => {
      const at = middle(text);
      return `${text.slice(0, at)}新的一句${k}[@fact:hkgai-v1-releasd]，六百多亿港元。\n${text.slice(at)}`;
    };
    expect(editGrowth(400_000, edit, 10)).toBeLessThan(BOUND);
  });

  it('costs at most in proportion to the report: a fence opened in the middle and closed again, which changes every block after it', () => {
    // Opening the fence turns the rest of the report into code (its findings go); closing it brings them back.
    let at = 0;
    const edit = (text: string, k: number) => {
      if (k % 2 === 1) return text.slice(0, at) + text.slice(at + 4);
      at = middle(text);
      return `${text.slice(0, at)}\`\`\`\n${text.slice(at)}`;
    };
    expect(editGrowth(200_000, edit, 2)).toBeLessThan(BOUND);
  });
});
