import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkCitations,
  convertScript,
  createFactIndex,
  parseChineseNumber,
  parseCitations,
  parseCorpus,
  readNumber,
  readNumbers,
  roundingTolerance,
  valueAgrees,
} from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

// Property tests run with a fixed seed and a fixed number of runs in CI, so a
// failure reproduces. FACTCITE_FC_RUNS=20000 (or any number) runs a larger
// search on demand; FACTCITE_FC_SEED picks another seed.
const runs = Number(process.env.FACTCITE_FC_RUNS ?? 300);
const seed = Number(process.env.FACTCITE_FC_SEED ?? 20251123);
const params = { numRuns: runs, seed };
// Timeouts only catch hangs (speed is for `pnpm bench`); larger on-demand runs get more room.
const timeout = Math.max(120_000, runs * 10);

// Pieces Markdown with citations is made of, including the awkward ones.
const piece = fc.constantFrom(
  '[',
  ']',
  '@',
  '-@',
  'fact:',
  '@fact:',
  '[@fact:',
  ';',
  '; ',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '`',
  '``',
  '```',
  '~~~',
  '<!--',
  '-->',
  '\\',
  '.',
  ',',
  'p. 3',
  'see',
  'a@fact:x',
  'hk-ai',
  '-',
  'gai-v1',
  '数码港',
  '數碼港',
  '𠀋',
  '🙂',
  '(',
  ')',
  '*',
  '_',
  '|',
  '#',
  '>',
  'Ab_C',
  '0',
  'x',
  // Lone CR, indentation, math, link targets, HTML and what a Chinese input method types.
  '\r',
  '    ',
  '\t',
  '$',
  '$$',
  '](',
  '<',
  '<span title="',
  '">',
  '<https://x.org/',
  '【',
  '】',
  '［',
  '］',
  '＠',
  '：',
  '；',
  '＠fact:',
  '@fact：',
  '【@fact:',
  '[fact:',
);
// Runs of one piece: the shapes that made scans quadratic (bracket storms, backslash runs, nested groups).
const run = fc.tuple(piece, fc.integer({ min: 2, max: 300 })).map(([p, n]) => p.repeat(n));
const markdown = fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: run }), { maxLength: 60 }).map((parts) => parts.join(''));
const id = fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-'));

describe('parseCitations properties', () => {
  it(
    'never throws, and every range slices back to the text it names',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const { citations, malformed } = parseCitations(text);
          for (const c of citations) {
            expect(text.slice(c.idStart, c.idEnd)).toBe(c.id);
            expect(text.slice(c.start, c.end)).toBe(`${c.suppressAuthor ? '-' : ''}@fact:${c.id}`);
            expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            if (c.group) {
              expect(c.group.start).toBeLessThanOrEqual(c.start);
              expect(c.group.end).toBeGreaterThanOrEqual(c.end);
              expect(text[c.group.start]).toBe('[');
              expect(text[c.group.end - 1]).toBe(']');
            }
          }
          for (const m of malformed) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            // A rewrite that names one id is a clean citation of it.
            if (m.rewrite !== undefined && m.id !== undefined) {
              const again = parseCitations(m.rewrite);
              expect(again.malformed, m.rewrite).toEqual([]);
              expect(again.citations.map((c) => c.id)).toContain(m.id);
            }
          }
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'finds a well-formed citation placed in any prose that leaves it alone',
    () => {
      const prose = fc.array(fc.constantFrom('香港', ' ', 'AI', '，', '。', 'and', '\n', '数码港'), { maxLength: 20 }).map((p) => p.join(''));
      fc.assert(
        fc.property(prose, id, prose, (before, factId, after) => {
          const text = `${before} [@fact:${factId}] ${after}`;
          // Four spaces at the start of its line would make it indented code, where Pandoc reads nothing either.
          fc.pre(!/^ {4}/.test(`${before} `.split('\n').pop()!));
          const { citations, malformed } = parseCitations(text);
          expect(malformed).toEqual([]);
          expect(citations.map((c) => c.id)).toEqual([factId]);
          expect(text.slice(citations[0]!.idStart, citations[0]!.idEnd)).toBe(factId);
        }),
        params,
      );
    },
    timeout,
  );
});

describe('parseCorpus properties', () => {
  it(
    'never throws on any YAML value in any corpus file',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (facts, entities, frontMatter) => {
          const result = parseCorpus({
            facts: [{ path: 'facts/x.yaml', text: stringify(facts) }],
            entities: { path: 'entities.yaml', text: stringify(entities) },
            sources: [{ path: 'sources/x.md', text: `---\n${stringify(frontMatter)}---\n\nbody\n` }],
          });
          for (const problem of [...result.errors, ...result.warnings]) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.column).toBeGreaterThanOrEqual(1);
            expect(problem.message).toBeTruthy();
          }
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'never throws on arbitrary text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          parseCorpus({ facts: [{ path: 'facts/x.yaml', text }], sources: [{ path: 'sources/x.md', text }] });
        }),
        params,
      );
    },
    timeout,
  );
});

// Chinese numerals written the standard way, independently of the reader:
// four-digit groups under 万 and 亿, 零 for a gap, 十 for a leading 一十, and
// the 亿 multiplier itself written in 万 groups (三千万亿 = 3 × 10^15).
const DIGITS = '零一二三四五六七八九';
function group(n: number, leadingTen: boolean): string {
  let out = '';
  let gap = false;
  for (const [place, unit] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += leadingTen && !out && d === 1 && unit === '十' ? unit : DIGITS[d]! + unit;
  }
  return out;
}
function chineseNumeral(n: number, leading = true): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const rest = n % 1e8;
    return `${chineseNumeral(high, leading)}亿${rest ? (rest < 1e7 ? '零' : '') + chineseNumeral(rest, false) : ''}`;
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const rest = n % 1e4;
    return `${group(high, leading)}万${rest ? (rest < 1000 ? '零' : '') + group(rest, false) : ''}`;
  }
  return group(n, leading);
}

describe('number reading round trips', () => {
  // Below 2^53 / 1000 so every sum and product of the reader stays exact.
  const amount = fc.integer({ min: 2, max: 9_000_000_000_000 });

  it(
    'reads back an integer written in Chinese numerals, in either script',
    () => {
      fc.assert(
        fc.property(amount, fc.constantFrom('zh-Hans', 'zh-Hant-HK') as fc.Arbitrary<'zh-Hans' | 'zh-Hant-HK'>, (n, script) => {
          const numeral = convertScript(chineseNumeral(n), script);
          expect(parseChineseNumber(numeral), numeral).toBe(n);
          expect(readNumber(`${numeral}港元`), numeral).toMatchObject({ amount: n, unit: 'HKD', text: `${numeral}港元` });
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'reads back an amount written in Arabic digits with a magnitude, separators or full width',
    () => {
      const written = fc.oneof(
        amount.map((n) => [n, n.toLocaleString('en-US')] as const),
        amount.map((n) => [n, String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))] as const),
        fc.integer({ min: 1, max: 99_999_999 }).map((k) => [k * 1e4, `${k / 1e4}亿`] as const),
        fc.integer({ min: 1, max: 99_999 }).map((k) => [k * 100, `${k / 100}万`] as const),
      );
      const unit = fc.constantFrom(['港元', 'HKD'], ['億美元', 'USD'], ['家', 'companies'], ['名', 'people'], ['件', 'items']);
      fc.assert(
        fc.property(written, unit, ([n, numeral], [word, code]) => {
          // 億美元 after a number with its own magnitude would multiply it again.
          const text = word === '億美元' && /[亿万]/u.test(numeral) ? `${numeral}美元` : `${numeral}${word}`;
          const expected = word === '億美元' && !/[亿万]/u.test(numeral) ? n * 1e8 : n;
          expect(readNumber(text), text).toMatchObject({ amount: expected, unit: code });
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'reads back money and percentages written in English',
    () => {
      const money = fc.tuple(
        fc.integer({ min: 1, max: 999_999 }),
        fc.constantFrom(['HK$', 'HKD'], ['US$', 'USD'], ['RMB ', 'CNY']),
        fc.constantFrom(['million', 1e6], ['billion', 1e9], ['trillion', 1e12]),
      );
      fc.assert(
        fc.property(money, fc.integer({ min: 0, max: 100 }), ([k, [symbol, code], [scale, size]], percent) => {
          const text = `${symbol}${k / 1000} ${scale}`;
          expect(readNumber(text), text).toMatchObject({ amount: Number(((k / 1000) * size).toPrecision(15)), unit: code, text });
          expect(readNumber(`${percent} per cent`)).toMatchObject({ kind: 'percentage', amount: percent });
        }),
        params,
      );
    },
    timeout,
  );
});

describe('value agreement properties', () => {
  const value = fc.double({ min: 1, max: 1e13, noNaN: true });
  const roundTo = (x: number, digits: number) => Number(x.toPrecision(digits));

  it(
    'lets a writer round to two or more significant figures',
    () => {
      fc.assert(
        fc.property(value, fc.integer({ min: 2, max: 6 }), (x, digits) => {
          const written = roundTo(x, digits);
          expect(valueAgrees({ amount: written, qualifier: 'exact' }, { amount: x, qualifier: 'exact', text: String(x) })).toBe(true);
          expect(Math.abs(written - x)).toBeLessThanOrEqual(roundingTolerance(written) * (1 + 1e-9));
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'never lets a slip of magnitude through',
    () => {
      fc.assert(
        fc.property(value, fc.constantFrom(10, 100, 1e4, 0.1, 0.01, 1e-4), (x, slip) => {
          expect(valueAgrees({ amount: x * slip, qualifier: 'exact' }, { amount: x, qualifier: 'exact', text: String(x) })).toBe(false);
        }),
        params,
      );
    },
    timeout,
  );
});

describe('value check properties on the real corpus', () => {
  const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
  const index = createFactIndex(corpus);
  // Facts whose source wording holds a numeral that can be written another
  // way, and scaled (三成 counts tenths: there is no 六十成).
  const facts = corpus.facts.filter(
    (f) =>
      (f.kind === 'quantity' || f.kind === 'percentage') &&
      f.value?.amount !== undefined &&
      /\d|[一二三四五六七八九十百千]/u.test(f.value.text) &&
      !f.value.text.includes('成'),
  );
  const NUMERAL = /\d+(?:,\d{3})*(?:\.\d+)?|[零一二三四五六七八九十百千]+/gu;
  /** The fact's value text with each numeral rewritten: Arabic or Chinese, either script, full width. */
  const rewrite = (text: string, form: number, script: 'zh-Hans' | 'zh-Hant-HK', factor = 1) =>
    convertScript(
      text.replace(NUMERAL, (run) => {
        const n = parseChineseNumber(run)! * factor;
        if (!Number.isInteger(n) || form === 0) return String(n);
        if (form === 1) return chineseNumeral(n);
        return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      }),
      script,
    );
  const cases = fc.tuple(
    fc.constantFrom(...facts),
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom('zh-Hans', 'zh-Hant-HK') as fc.Arbitrary<'zh-Hans' | 'zh-Hant-HK'>,
    fc.constantFrom('据报道，', '截至2025年11月，', '在2024年，', ''),
  );

  it(
    'finds no mismatch in a fact’s value written another way, and flags a slip of magnitude',
    () => {
      fc.assert(
        fc.property(cases, ([fact, form, script, lead]) => {
          const right = `${lead}${rewrite(fact.value!.text, form, script)}[@fact:${fact.id}]。`;
          expect(
            checkCitations(right, index).filter((d) => d.code === 'value-mismatch'),
            right,
          ).toEqual([]);
          // A figure that meets a lower bound may be up to ten times it, so the slip must go past that.
          const slip = fact.value!.qualifier === 'at-least' || fact.value!.qualifier === 'more-than' ? 20 : 10;
          const wrong = `${lead}${rewrite(fact.value!.text, form, script, slip)}[@fact:${fact.id}]。`;
          const found = checkCitations(wrong, index).filter((d) => d.code === 'value-mismatch');
          expect(
            found.map((d) => d.factId),
            wrong,
          ).toEqual([fact.id]);
          expect(
            readNumbers(wrong).some((n) => wrong.slice(n.start, n.end) === found[0]!.mismatch!.found),
            wrong,
          ).toBe(true);
        }),
        params,
      );
    },
    timeout,
  );
});
