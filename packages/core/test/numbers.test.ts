import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NumberMatch, parseChineseNumber, readNumber, readNumbers } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
const bodies = corpus.sources.map((s) => s.text).join('\n');

type Expected = Partial<Omit<NumberMatch, 'start' | 'end'>>;

// Expressions exactly as the corpus's articles write them, with how a
// maintainer reads each.
const FROM_THE_CORPUS: [string, Expected][] = [
  ['10亿港元', { kind: 'quantity', amount: 1e9, unit: 'HKD', qualifier: 'exact' }],
  ['30億港元', { kind: 'quantity', amount: 3e9, unit: 'HKD', qualifier: 'exact' }],
  ['620亿港元', { kind: 'quantity', amount: 6.2e10, unit: 'HKD', qualifier: 'exact' }],
  ['80 亿美元', { kind: 'quantity', amount: 8e9, unit: 'USD', qualifier: 'exact' }],
  ['1000億元', { kind: 'quantity', amount: 1e11, unit: 'CNY', qualifier: 'exact' }],
  ['10亿美元以上', { kind: 'quantity', amount: 1e9, unit: 'USD', qualifier: 'at-least' }],
  ['萬億美元', { kind: 'quantity', amount: 1e12, unit: 'USD', qualifier: 'exact' }],
  ['超過三千萬億次', { kind: 'quantity', amount: 3e15, qualifier: 'more-than' }],
  ['突破三千萬億次', { kind: 'quantity', amount: 3e15, qualifier: 'more-than' }],
  ['千億級', { kind: 'quantity', amount: 1e11, qualifier: 'approx' }],
  ['超14萬件', { kind: 'quantity', amount: 140000, qualifier: 'more-than' }],
  ['800多家', { kind: 'quantity', amount: 800, unit: 'companies', qualifier: 'more-than' }],
  ['逾200家', { kind: 'quantity', amount: 200, qualifier: 'more-than' }],
  ['超過10家', { kind: 'quantity', amount: 10, qualifier: 'more-than' }],
  ['超過2300家', { kind: 'quantity', amount: 2300, qualifier: 'more-than' }],
  ['超1500家', { kind: 'quantity', amount: 1500, qualifier: 'more-than' }],
  ['近300家', { kind: 'quantity', amount: 300, qualifier: 'approx' }],
  ['5家以上', { kind: 'quantity', amount: 5, qualifier: 'at-least' }],
  ['上百家', { kind: 'quantity', amount: 100, qualifier: 'at-least' }],
  ['逾50多个', { kind: 'quantity', amount: 50, qualifier: 'more-than' }],
  ['数百名', { kind: 'quantity', amount: 100, unit: 'people', qualifier: 'at-least' }],
  ['約10至15人', { kind: 'quantity', amount: 10, upTo: 15, unit: 'people', qualifier: 'approx' }],
  ['兩三年', { kind: 'quantity', amount: 2, upTo: 3, unit: 'years', qualifier: 'approx' }],
  ['20餘年', { kind: 'quantity', amount: 20, unit: 'years', qualifier: 'more-than' }],
  ['18个月', { kind: 'quantity', amount: 18, unit: 'months', qualifier: 'exact' }],
  ['16倍', { kind: 'quantity', amount: 16, unit: 'times', qualifier: 'exact' }],
  ['21 家', { kind: 'quantity', amount: 21, unit: 'companies', qualifier: 'exact' }],
  ['五所', { kind: 'quantity', amount: 5, unit: 'institutions', qualifier: 'exact' }],
  ['不低於1000Pops', { kind: 'quantity', amount: 1e18, unit: 'ops-per-second', qualifier: 'at-least' }],
  ['200PB', { kind: 'quantity', amount: 200, unit: 'petabytes', qualifier: 'exact' }],
  ['百GB級', { kind: 'quantity', amount: 100, unit: 'gigabytes', qualifier: 'approx' }],
  ['十分之一', { kind: 'quantity', amount: 0.1, unit: 'ratio', qualifier: 'exact' }],
  ['88%', { kind: 'percentage', amount: 88, unit: 'percent', qualifier: 'exact' }],
  ['超過三成', { kind: 'percentage', amount: 30, unit: 'percent', qualifier: 'more-than' }],
  ['第32位', { kind: 'rank', amount: 32, qualifier: 'exact' }],
  ['全國第一', { kind: 'rank', amount: 1, qualifier: 'exact' }],
  ['排名前100', { kind: 'rank', amount: 100, qualifier: 'up-to' }],
  ['2023年年底', { kind: 'date', date: '2023-12' }],
  ['2024年9月', { kind: 'date', date: '2024-09' }],
  ['2019年', { kind: 'date', date: '2019' }],
];

// Written-out forms the articles do not happen to use, read the same way.
const WRITTEN_OUT: [string, Expected][] = [
  ['六百二十億港元', { amount: 6.2e10, unit: 'HKD' }],
  ['百分之八十八', { kind: 'percentage', amount: 88, unit: 'percent' }],
  ['約百分之七十五', { kind: 'percentage', amount: 75, qualifier: 'approx' }],
  ['一億二千萬元', { amount: 1.2e8, unit: 'CNY' }],
  ['兩萬三千億', { amount: 2.3e12 }],
  ['1,500家', { amount: 1500 }],
  ['１０亿港元', { amount: 1e9, unit: 'HKD' }],
  ['二〇二五年', { kind: 'date', date: '2025' }],
  ['不超過5家', { amount: 5, qualifier: 'up-to' }],
];

describe('readNumber', () => {
  it.each(FROM_THE_CORPUS)('reads %s as the corpus does', (text, expected) => {
    expect(readNumber(text)).toMatchObject({ text, ...expected });
  });

  it('takes every case in that table from the articles themselves', () => {
    expect(FROM_THE_CORPUS.filter(([text]) => !bodies.includes(text)).map(([text]) => text)).toEqual([]);
  });

  it.each(WRITTEN_OUT)('reads %s', (text, expected) => {
    expect(readNumber(text)).toMatchObject(expected);
  });

  it('agrees with the maintainers on the value of every quantity, percentage and rank fact', () => {
    const valued = corpus.facts.filter((f) => f.value?.amount !== undefined);
    expect(valued.length).toBeGreaterThan(30);
    const disagreements = valued.flatMap((f) => {
      const v = f.value!;
      // A hedge can sit just outside the value text (突破萬億美元), so the quote is read first.
      const found =
        f.citations.flatMap((c) => readNumbers(c.quote)).find((m) => m.text.includes(v.text) || v.text.includes(m.text)) ?? readNumber(v.text);
      const ok = found !== undefined && found.amount === v.amount && found.qualifier === v.qualifier && (v.upTo === undefined || found.upTo === v.upTo);
      return ok ? [] : [`${f.id}: ${v.text} read as ${found ? `${found.amount} ${found.qualifier}` : 'nothing'}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('reads a date without a year only with a year given', () => {
    expect(readNumber('5月31日', { year: 2023 })).toMatchObject({ kind: 'date', date: '2023-05-31', yearInferred: true });
    expect(readNumber('5月31日')?.date).toBeUndefined();
    expect(readNumber('2月30日', { year: 2025 })).toBeUndefined();
  });
});

describe('readNumbers', () => {
  it('finds every number of a sentence, with offsets into it', () => {
    const sentence = '特区政府引进的66家重点企业中,有24家属于数据科学与人工智能类别,占比超过三成。';
    const found = readNumbers(sentence);
    expect(found.map((m) => m.text)).toEqual(['66家', '24家', '超过三成']);
    for (const m of found) expect(sentence.slice(m.start, m.end)).toBe(m.text);
  });

  it('leaves words that only look numeric alone', () => {
    for (const text of ['DeepSeek一家公司', '百度', '十分完整', '一成不變', '第一次', 'HKGAI V1', '六小龍', '一群龍', '超算中心']) {
      expect(readNumbers(text), text).toEqual([]);
    }
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三千萬億', 3e15],
    ['六百二十億', 6.2e10],
    ['十', 10],
    ['二十一', 21],
    ['一百零五', 105],
    ['10亿', 1e9],
    ['14萬', 140000],
    ['1.5萬', 15000],
    ['萬億', 1e12],
    ['二〇二三', 2023],
  ])('%s = %d', (numeral, value) => {
    expect(parseChineseNumber(numeral)).toBe(value);
  });

  it('refuses what is not one numeral', () => {
    for (const text of ['', '港元', '兩三', '10家']) expect(parseChineseNumber(text), text).toBeUndefined();
  });
});
