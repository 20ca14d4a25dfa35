import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NumberMatch, parseChineseNumber, readNumber, readNumbers } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
const bodies = corpus.sources.map((s) => s.text).join('\n');
const englishStatements = corpus.facts.map((f) => f.statement.en).join('\n');

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
  // Mixed Arabic and Chinese, full width, and the hedges of the issue.
  ['3.5万亿美元', { amount: 3.5e12, unit: 'USD' }],
  ['3千萬港元', { amount: 3e7, unit: 'HKD' }],
  ['二千三百家', { amount: 2300, unit: 'companies', unitText: '家' }],
  ['１，５００家', { amount: 1500 }],
  ['２３００家', { amount: 2300, unit: 'companies' }],
  ['８８％', { kind: 'percentage', amount: 88 }],
  ['數百名', { amount: 100, unit: 'people', qualifier: 'at-least' }],
  ['上千家', { amount: 1000, qualifier: 'at-least' }],
  ['近千家', { amount: 1000, qualifier: 'approx' }],
  ['約八十億美元', { amount: 8e9, unit: 'USD', qualifier: 'approx' }],
  // 元 is renminbi, unless a currency is written before the number or after 元.
  ['1000亿元', { amount: 1e11, unit: 'CNY', unitText: '元' }],
  ['港幣10億元', { amount: 1e9, unit: 'HKD', unitText: '港幣' }],
  ['人民币1000亿元', { amount: 1e11, unit: 'CNY' }],
  ['10亿元港币', { amount: 1e9, unit: 'HKD' }],
  ['1000億元人民幣', { amount: 1e11, unit: 'CNY' }],
  ['美金5億元', { amount: 5e8, unit: 'USD' }],
];

// English as the corpus's own English statements write it, and as a
// bilingual report might.
const ENGLISH: [string, Expected][] = [
  ['HK$1 billion', { kind: 'quantity', amount: 1e9, unit: 'HKD', unitText: 'HK$', qualifier: 'exact' }],
  ['HK$62 billion', { amount: 6.2e10, unit: 'HKD' }],
  ['US$8 billion', { amount: 8e9, unit: 'USD' }],
  ['RMB 100 billion', { amount: 1e11, unit: 'CNY' }],
  ['US$1 billion or more', { amount: 1e9, unit: 'USD', qualifier: 'at-least' }],
  ['pass US$1 trillion', { amount: 1e12, unit: 'USD', qualifier: 'more-than' }],
  ['More than 800 AI-related companies', { amount: 800, unit: 'companies', qualifier: 'more-than' }],
  ['more than 2,300 start-ups', { amount: 2300, unit: 'startups', qualifier: 'more-than' }],
  ['a hundred or more AI companies', { amount: 100, unit: 'companies', qualifier: 'at-least' }],
  ['66 key enterprises', { amount: 66, unit: 'enterprises', qualifier: 'exact' }],
  ['more than 30%', { kind: 'percentage', amount: 30, qualifier: 'more-than' }],
  ['about 10 to 15 people', { amount: 10, upTo: 15, unit: 'people', qualifier: 'approx' }],
  ['more than 140,000 AI patents', { amount: 140000, unit: 'patents', qualifier: 'more-than' }],
  ['at least five AI joint laboratories', { amount: 5, unit: 'laboratories', qualifier: 'at-least' }],
  ['six areas', { amount: 6, unit: 'areas' }],
  ['16 times', { amount: 16, unit: 'times' }],
  ['more than 20 years', { amount: 20, unit: 'years', qualifier: 'more-than' }],
  ['no less than 1000 POPS', { amount: 1e18, unit: 'ops-per-second', qualifier: 'at-least' }],
  ['10^18 operations per second', { amount: 1e18, unit: 'ops-per-second' }],
  ['64 PB', { amount: 64, unit: 'petabytes' }],
  ['nearly 300 large customers', { amount: 300, unit: 'customers', qualifier: 'approx' }],
  ['28 local organisations', { amount: 28, unit: 'organisations' }],
];

const COMMON_ENGLISH: [string, Expected][] = [
  ['88 per cent', { kind: 'percentage', amount: 88, unit: 'percent', unitText: 'per cent' }],
  ['88 percent', { kind: 'percentage', amount: 88 }],
  ['1.5 million people', { amount: 1.5e6, unit: 'people' }],
  ['HK$1.5bn', { amount: 1.5e9, unit: 'HKD' }],
  ['HK$100m', { amount: 1e8, unit: 'HKD' }],
  ['US$ 8 billion', { amount: 8e9, unit: 'USD' }],
  ['100 billion yuan', { amount: 1e11, unit: 'CNY' }],
  ['1 billion Hong Kong dollars', { amount: 1e9, unit: 'HKD' }],
  ['three thousand trillion operations a second', { amount: 3e15, unit: 'ops-per-second' }],
  ['one hundred and twenty-five companies', { amount: 125, unit: 'companies' }],
  ['800+ companies', { amount: 800, qualifier: 'more-than' }],
  ['fewer than 50 firms', { amount: 50, unit: 'companies', qualifier: 'less-than' }],
  ['up to 15 people', { amount: 15, qualifier: 'up-to' }],
  ['$5 billion', { amount: 5e9, unitText: '$' }],
  // Once in a corpus statement, until 0.1.1 corrected it (三千萬億次 is 3 × 10^15, not 3,000 petaflops).
  ['3 × 10^15 operations per second', { amount: 3e15, unit: 'ops-per-second' }],
  ['exceed 3,000 petaflops', { amount: 3e18, unit: 'flops', qualifier: 'more-than' }],
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

  it.each(ENGLISH)('reads the corpus’s English %s', (text, expected) => {
    expect(readNumber(text)).toMatchObject({ text, ...expected });
  });

  it('takes every English case from the corpus’s own statements', () => {
    expect(ENGLISH.filter(([text]) => !englishStatements.includes(text)).map(([text]) => text)).toEqual([]);
  });

  it.each(COMMON_ENGLISH)('reads %s', (text, expected) => {
    expect(readNumber(text)).toMatchObject({ text, ...expected });
  });

  it('names no currency for $ alone, which Hong Kong and America both write', () => {
    expect(readNumber('$5 billion')?.unit).toBeUndefined();
  });

  it('agrees with the maintainers on the value of every quantity, percentage and rank fact', () => {
    const valued = corpus.facts.filter((f) => f.value?.amount !== undefined);
    expect(valued.length).toBeGreaterThan(30);
    const disagreements = valued.flatMap((f) => {
      const v = f.value!;
      // A hedge can sit just outside the value text (突破萬億美元), so the quote is read first.
      const found = f.citations.flatMap((c) => readNumbers(c.quote)).find((m) => m.text.includes(v.text) || v.text.includes(m.text)) ?? readNumber(v.text);
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

  it('leaves English that only looks numeric alone: years, ranks, ordinals, "one company", bare numbers', () => {
    for (const text of [
      'In 2024 AI companies moved in',
      'one company',
      'the top 100 universities',
      'ranked 32nd',
      'the 2025-26 Budget',
      'often tense',
      '5G networks',
      'had grown to 400',
      'a company',
      'over the two-year period',
    ]) {
      expect(readNumbers(text), text).toEqual([]);
    }
  });

  it('reads a sentence of English, and the powers of ten inside it', () => {
    const sentence = 'computing power was expected to exceed 3,000 petaflops (3 × 10^15 operations per second, "三千萬億次").';
    expect(readNumbers(sentence).map((m) => [m.text, m.amount, m.unit, m.qualifier])).toEqual([
      ['exceed 3,000 petaflops', 3e18, 'flops', 'more-than'],
      ['3 × 10^15 operations per second', 3e15, 'ops-per-second', 'exact'],
      ['三千萬億次', 3e15, 'times', 'exact'],
    ]);
  });

  it('reads an amount in another currency in brackets after an amount as its approximate conversion', () => {
    // As the HKIC article writes the fund's size.
    const quote = '一支持有620亿港元（80亿美元）的基金机构';
    expect(bodies).toContain(quote);
    expect(readNumbers(quote).map((m) => [m.text, m.unit, m.qualifier])).toEqual([
      ['620亿港元', 'HKD', 'exact'],
      ['80亿美元', 'USD', 'approx'],
    ]);
    expect(readNumbers('HK$62 billion (US$8 billion)').map((m) => m.qualifier)).toEqual(['exact', 'approx']);
    // Not a conversion: the same currency again, no bracket, or a hedge of its own.
    expect(readNumbers('620亿港元（其中80亿港元）').map((m) => m.qualifier)).toEqual(['exact', 'exact']);
    expect(readNumbers('620亿港元及80亿美元').map((m) => m.qualifier)).toEqual(['exact', 'exact']);
    expect(readNumbers('620亿港元（逾80亿美元）').map((m) => m.qualifier)).toEqual(['exact', 'more-than']);
  });

  it('reads areas with their hedges: 約8,000平方米, 逾3萬平方呎, 近2公頃', () => {
    expect(readNumbers('計劃在科學園劃出約8,000平方米的空間，另有逾3萬平方呎寫字樓及近2公頃用地。')).toEqual([
      expect.objectContaining({ text: '約8,000平方米', amount: 8000, unit: 'square-metres', unitText: '平方米', qualifier: 'approx' }),
      expect.objectContaining({ text: '逾3萬平方呎', amount: 30000, unit: 'square-feet', qualifier: 'more-than' }),
      expect.objectContaining({ text: '近2公頃', amount: 2, unit: 'hectares', qualifier: 'approx' }),
    ]);
  });

  it('reads 最高 before an amount as a ceiling: 最高1,000萬元 is up to 10 million', () => {
    expect(readNumbers('入選初創可獲最高1,000萬元資助。')).toEqual([
      expect.objectContaining({ text: '最高1,000萬元', amount: 1e7, unit: 'CNY', qualifier: 'up-to' }),
    ]);
  });

  it('keeps offsets into the original text across full-width digits', () => {
    const sentence = '數碼港已孵化超過２３００家初創企業，估值達＄5 billion。';
    for (const m of readNumbers(sentence)) expect(sentence.slice(m.start, m.end)).toBe(m.text);
    expect(readNumbers(sentence).map((m) => m.amount)).toEqual([2300, 5e9]);
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
