import { describe, expect, it } from 'vitest';
import { cleanArticle, parseIngestRules } from '../src/ingest-entry.js';

/**
 * CPU time of this process for one run, in ms: other work on a loaded
 * machine delays a run's wall-clock time, not the CPU time it uses.
 */
function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Time for 2n over time for n, each the best of several runs taken in turn,
 * so a burst of load from other work falls on both sizes alike. The input
 * grows until one run of the smaller size takes 40 ms, so timer noise stays small.
 */
function doublingRatio(make: (n: number) => string, run: (input: string) => void): { ratio: number; detail: string } {
  let n = 100_000;
  run(make(n)); // the first run compiles; it says nothing about size
  while (n < 3_200_000 && time(() => run(make(n))) < 40) n *= 2;
  const small = make(n);
  const large = make(2 * n);
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 9; i++) {
    bestSmall = Math.min(
      bestSmall,
      time(() => run(small)),
    );
    bestLarge = Math.min(
      bestLarge,
      time(() => run(large)),
    );
  }
  return { ratio: bestLarge / bestSmall, detail: `n=${n}: ${bestSmall.toFixed(1)} ms, 2n: ${bestLarge.toFixed(1)} ms` };
}

// Adversarial captures, each of about n characters, aimed at a rule that
// could rescan what it already read: paragraphs that each end mid-sentence
// (every one joins the one before), mojibake marks, pinyin readings, runs of
// spaces, front-matter fences that never close, caption brackets, credit
// prefixes, and blank lines.
const shapes: Record<string, (n: number) => string> = {
  'broken sentences joined': (n) => `标题\n\n${'香港。人工智能，\n\n'.repeat(n / 10)}`,
  'mojibake marks': (n) => `标题\n\n${'字?'.repeat(n / 2)}`,
  'pinyin readings': (n) => `标题\n\n${'數(shù)'.repeat(n / 6)}`,
  'runs of spaces': (n) => `标题\n\n香${' \u3000&nbsp;'.repeat(n / 8)}x`,
  'unclosed front matter': (n) => `---\n${'\n---x'.repeat(n / 5)}`,
  'caption brackets': (n) => `（图片来源：${')'.repeat(n)}x`,
  'credit prefixes': (n) => `标题\n\n${'海外运营'.repeat(n / 4)}`,
  'blank lines': (n) => '\n'.repeat(n),
  'one long line': (n) => `标题\n\n${'香港人工智能，'.repeat(n / 7)}`,
};

describe('cleanArticle runs in linear time on adversarial captures', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: twice the input takes about twice the time`, () => {
      const { ratio, detail } = doublingRatio(make, cleanArticle);
      // Linear gives about 2; quadratic gives 4. The margin absorbs a loaded machine.
      expect(ratio, detail).toBeLessThan(3.5);
    });
  }
});

// A maintainer's rule that would backtrack exponentially or polynomially in a
// JavaScript engine ((a+)+$ on aaaa…b, nested repeats, an unanchored search on
// one long line): rules run on RE2, so cleaning stays linear whatever they say.
const hostileRules = parseIngestRules(
  [
    'publisher: 某報',
    'markers: [某報]',
    'drop:',
    "  - rule: nested\n    line: '^(a+)+$'",
    "  - rule: repeats\n    line: '(a*)*(a|aa)*c'",
    "  - rule: block\n    from: '(.*a){12}z'\n    to: '(a|a)*$'",
    'fields:',
    "  - rule: by\n    line: '^(?:a|aa)+(?<authors>b)$'",
  ].join('\n'),
  'hostile.yaml',
);

describe('cleanArticle stays linear under hostile rules', () => {
  it('compiles the hostile rules (RE2 takes them; they only cannot backtrack)', () => {
    expect(hostileRules.problems).toEqual([]);
  });

  for (const [name, make] of Object.entries({
    'one long line of a': (n: number) => `${'a'.repeat(n)}b`,
    'many lines of a': (n: number) => `${'a'.repeat(29)}b\n`.repeat(n / 30),
  })) {
    it(`${name}: twice the input takes about twice the time`, () => {
      const { ratio, detail } = doublingRatio(make, (input) => cleanArticle(input, { rules: hostileRules.rules! }));
      expect(ratio, detail).toBeLessThan(3.5);
    });
  }
});
