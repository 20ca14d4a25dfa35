import { describe, expect, it } from 'vitest';
import { applySuppressions, type CitationDiagnostic, findIgnoredRanges, LineIndex, parseCitations, parseSuppressions } from '../src/index.js';

// Complexity guards, not speed targets: the time for an input four times as
// long must stay near four times the time for the input, on shapes that made
// the old parser quadratic (a minute for 100 KB of "["). Linear code gives a
// ratio near 4 and quadratic code near 16; the bound of 8 sits between them
// with room for a loaded machine on either side (a factor of 2 between the
// two sizes' noise, which a 2n/n ratio with a bound of 3.5 did not leave: it
// failed linear code under CI load). Inputs grow until a call takes tens of
// milliseconds, and each size takes the best of several runs. Absolute speed
// is measured in `pnpm bench`.

/** Milliseconds one call takes. */
function once(fn: (text: string) => unknown, input: string): number {
  const start = performance.now();
  fn(input);
  return performance.now() - start;
}

/** Linear code's ratio is near 4, quadratic code's near 16. */
const BOUND = 8;

/**
 * Time for 4n over time for n. The size grows from `n` until one call takes
 * long enough that timer and pause noise is small beside it; runs on the two
 * sizes alternate (so a burst of load hits both) and each size keeps its best;
 * when noise still makes the ratio look bad, it is measured again, up to four times.
 */
function growthRatio(fn: (text: string) => unknown, make: (n: number) => string, n: number): number {
  let size = n;
  let small = make(size);
  fn(small); // warm up the JIT
  while (once(fn, small) < 50 && size < 3_200_000) {
    size *= 2;
    small = make(size);
  }
  const large = make(4 * size);
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 4 && ratio >= BOUND; attempt++) {
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      bestSmall = Math.min(bestSmall, once(fn, small));
      bestLarge = Math.min(bestLarge, once(fn, large));
    }
    ratio = Math.min(ratio, bestLarge / bestSmall);
  }
  return ratio;
}

const repeat = (piece: string, n: number) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n);

// Each shape, at a size n where the work is long enough to time.
const shapes: [string, (n: number) => string, number][] = [
  ['100 KB of "["', (n) => '['.repeat(n), 100_000],
  ['"[@fact:a " then backslashes', (n) => `[@fact:a ${'\\'.repeat(n)}`, 100_000],
  ['backslashes before every bracket', (n) => repeat('\\\\\\[', n), 100_000],
  ['deeply nested brackets around a key', (n) => `${'['.repeat(n / 2)}@fact:a${']'.repeat(n / 2)}`, 100_000],
  ['nested groups, each with a key', (n) => `${'[@fact:a '.repeat(n / 18)}${']'.repeat(n / 18)}`, 100_000],
  ['a long id', (n) => `[@fact:${'a'.repeat(n)}]`, 100_000],
  ['a key of punctuation', (n) => `@fact:a${'.'.repeat(n)}`, 100_000],
  ['an @ storm', (n) => `[${'@'.repeat(n)}]`, 100_000],
  ['repeated "[@fact:" never closed', (n) => repeat('[@fact:', n), 100_000],
  ['an unclosed code fence', (n) => `\`\`\`\n${repeat('[@fact:a] `x`\n', n)}`, 100_000],
  ['"<!--" without end', (n) => repeat('<!--[@fact:a]', n), 100_000],
  ['unmatched backticks of growing length', (n) => repeat('`a``b```c [', n), 100_000],
  ['dollar signs that never close', (n) => repeat('$a [', n), 100_000],
  ['link text never followed by a closing parenthesis', (n) => repeat('[a](', n), 100_000],
  ['open tags with unclosed quotes', (n) => repeat('<a x="[@fact:', n), 100_000],
  ['full-width brackets', (n) => repeat('【＠fact:a［', n), 100_000],
  ['list items and indented paragraphs', (n) => repeat('- [@fact:a]\n\n    y [\n\n', n), 100_000],
  ['many paragraphs, then inline math', (n) => `${repeat('a\n\n', n)}$x$`, 100_000],
  ['many paragraphs, then one bracket or tag', (n) => `${repeat('a\n\n', n)}[x](<a>`, 100_000],
  ['lone carriage returns', (n) => repeat('[@fact:a\r\r', n), 100_000],
];

describe('parseCitations runs in linear time', () => {
  for (const [name, make, n] of shapes) {
    it(`on ${name}`, () => {
      expect(growthRatio(parseCitations, make, n)).toBeLessThan(BOUND);
    }, 60_000);
  }

  it('finds code spans, fences and comments in linear time', () => {
    expect(growthRatio(findIgnoredRanges, (n) => repeat('``` `` <!-- ` \n', n), 200_000)).toBeLessThan(BOUND);
  }, 60_000);

  it('maps offsets to lines in linear time on any line endings', () => {
    const positions = (text: string) => {
      const lines = new LineIndex(text);
      for (let i = 0; i < text.length; i += 97) lines.humanPosition(i);
    };
    expect(growthRatio(positions, (n) => repeat('a\r\n\r\n\rb\n', n), 400_000)).toBeLessThan(BOUND);
  }, 60_000);

  it('reads suppression comments in linear time, unclosed or in code', () => {
    expect(growthRatio(parseSuppressions, (n) => repeat('<!-- factcite-disable a `<!-- factcite-enable\n', n), 200_000)).toBeLessThan(BOUND);
    expect(growthRatio(parseSuppressions, (n) => `<!-- factcite-disable ${repeat('a, ', n)}`, 200_000)).toBeLessThan(BOUND);
  }, 60_000);

  it('applies many suppressions to many findings in linear time', () => {
    const line = '<!-- factcite-disable-next-line deprecated-fact -->\nx\n<!-- factcite-disable value-mismatch -->\n<!-- factcite-enable -->\n';
    // The findings of each text are made once, outside the timed call: only applySuppressions is measured.
    const made = new Map<string, CitationDiagnostic[]>();
    const findingsOf = (text: string) => {
      const findings: CitationDiagnostic[] = [];
      for (let at = text.indexOf('\nx'); at >= 0; at = text.indexOf('\nx', at + 1)) {
        findings.push({ start: at + 1, end: at + 2, severity: 'warning', code: 'deprecated-fact', message: '', detail: { id: 'deprecated-fact' } });
      }
      made.set(text, findings);
      return text;
    };
    const apply = (text: string) => applySuppressions(text, made.get(text)!, { reportUnused: true });
    expect(growthRatio(apply, (n) => findingsOf(repeat(line, n)), 50_000)).toBeLessThan(BOUND);
  }, 60_000);
});
