import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorpusInput, createFactIndex, type FactIndex } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

/** A fact of the fixture: a statement in both languages, a value, one quote. */
function fact(id: string, zh: string, en: string, value?: { amount: number; unit?: string; text: string }) {
  return {
    id,
    statement: { 'zh-Hans': zh, en },
    kind: value ? (value.unit === 'percent' ? 'percentage' : 'quantity') : 'statement',
    ...(value ? { value } : {}),
    entities: [],
    topics: ['funding'],
    citations: [{ source: 'fixture-news', quote: zh }],
    since: '1.0.0',
  };
}

// Decoys say 港元 and 亿 over and over, so that text alone would rank them above
// the fact whose value is the amount asked for.
const facts = [
  fact('budget-talk', '预算案提到港元港元港元,亿元计划另议,十项措施。', 'The budget talks about Hong Kong dollars, HK$ and billions.'),
  fact('fund-3bn-hkd', '政府推出30亿港元资助计划,另有十亿港元储备待议。', 'The government launched a HK$3 billion scheme.', {
    amount: 3e9,
    unit: 'HKD',
    text: '30亿港元',
  }),
  fact('rd-institute-1bn-hkd', '政府预留10亿港元成立研发院。', 'The government set aside HK$1 billion for an R&D institute.', {
    amount: 1e9,
    unit: 'HKD',
    text: '10亿港元',
  }),
  fact('valuation-1bn-usd', '该公司估值达10亿美元以上。', 'The company is valued at US$1 billion or more.', { amount: 1e9, unit: 'USD', text: '10亿美元以上' }),
  fact('workers-88-percent', '受访知识型员工中,88%使用生成式人工智能。', '88% of knowledge workers surveyed use generative AI.', {
    amount: 88,
    unit: 'percent',
    text: '88%',
  }),
  fact('workers-75-percent', '全球知识型员工中,75%使用生成式人工智能,低于香港的百分比。', '75% of knowledge workers worldwide use generative AI.', {
    amount: 75,
    unit: 'percent',
    text: '75%',
  }),
  fact('companies-88', '园区有88家人工智能公司。', 'The park hosts 88 AI companies.', { amount: 88, unit: 'companies', text: '88家' }),
];

const fixture = {
  version: '1.0.0',
  sources: [
    {
      id: 'fixture-news',
      title: '测试',
      publisher: '测试',
      published: '2025-01-01',
      language: 'zh',
      script: 'Hans',
      origin: 'fixture.txt',
      text: facts.map((f) => f.citations[0]!.quote).join('\n'),
    },
  ],
  entities: [],
  facts,
} as unknown as CorpusInput;

const ids = (index: FactIndex, query: string, limit = 3) => index.search(query, { limit }).map((h) => h.fact.id);

describe('search by value, on a fixture corpus', () => {
  const index = createFactIndex(fixture);

  it('finds an amount however it is written, in the top three', () => {
    for (const query of ['十億', '十亿', '十亿港元', '拾億港元', '1,000,000,000港元', 'HK$1 billion', 'hk$1 billion', '10亿港元', '１０億港元']) {
      expect(ids(index, query), query).toContain('rd-institute-1bn-hkd');
    }
    for (const query of ['百分之八十八', '88%', '８８％', '88 per cent']) expect(ids(index, query)[0], query).toBe('workers-88-percent');
  });

  it('keeps to the currency or percentage a query states', () => {
    // The 3-billion fact says 十亿港元 in passing: found by its text, after the fact of that value.
    expect(ids(index, '十亿港元', 10)).toEqual(['rd-institute-1bn-hkd', 'fund-3bn-hkd']);
    expect(ids(index, '十億美元', 10)).toEqual(['valuation-1bn-usd']);
    expect(ids(index, 'US$1 billion', 10)[0]).toBe('valuation-1bn-usd');
    // 88 companies is not 88 per cent.
    expect(ids(index, '百分之八十八', 10)).not.toContain('companies-88');
  });

  it('leaves a count of things to its text', () => {
    // 88家 counts companies; 88% and 88 people are not what was asked.
    expect(ids(index, '88家', 10)).toEqual(['companies-88']);
  });

  it('finds every unit of a bare amount, before a mere mention', () => {
    const found = ids(index, '十億', 10);
    expect(new Set(found.slice(0, 2))).toEqual(new Set(['rd-institute-1bn-hkd', 'valuation-1bn-usd']));
    expect(found.slice(2)).toEqual(['fund-3bn-hkd']);
  });

  it('still finds a number by its text where no value is that amount', () => {
    // A number still being typed is a prefix of numbers in the text.
    expect(ids(index, '10', 10)).toEqual(expect.arrayContaining(['rd-institute-1bn-hkd', 'valuation-1bn-usd']));
    expect(ids(index, '三十亿港元')[0]).toBe('fund-3bn-hkd');
  });

  it('reads a number inside a longer term or beside other terms', () => {
    expect(ids(index, '研发院 十亿')[0]).toBe('rd-institute-1bn-hkd');
    expect(index.search('研发院 十亿', { limit: 1 })[0]!.matchedTerms).toBe(2);
    expect(ids(index, '预留十亿港元')[0]).toBe('rd-institute-1bn-hkd');
  });

  it('finds every amount a hedged number allows, in the unit it states', () => {
    // 八十多% is from 80% to under 90%: the 88% fact, which no text or exact amount of 80 would find,
    // and not the 75% one nor the 88 companies.
    for (const query of ['八十多%', '百分之八十多', '80多%']) {
      const found = ids(index, query, 10);
      expect(found[0], query).toBe('workers-88-percent');
      expect(found, query).not.toContain('workers-75-percent');
      expect(found, query).not.toContain('companies-88');
    }
    // A fact stating the figure as written (八成以上, 80 percent at least) answers 八十多% before another amount in its range.
    // Longer than the 88% fact, so that length alone would put it second.
    const eighty = fact(
      'workers-80-percent',
      '调查显示，在受访的各行各业机构之中，八成以上的员工已经在日常工作里经常使用各类生成式人工智能工具。',
      'A survey found that over 80% of staff at the organisations surveyed, across every industry, already use generative AI tools in their daily work.',
      { amount: 80, unit: 'percent', text: '八成以上' },
    );
    const withFloor = createFactIndex({ ...fixture, facts: [...(fixture.facts as object[]), eighty] } as CorpusInput, { validate: false });
    expect(ids(withFloor, '八十多%', 2)).toEqual(['workers-80-percent', 'workers-88-percent']);
    // 二十多亿港元 is under 30亿: the HK$3 billion fund does not match it (it may still share its characters).
    expect(index.search('二十多亿港元', { limit: 10 }).filter((h) => h.matchedTerms > 0 && h.fact.id === 'fund-3bn-hkd')).toEqual([]);
  });

  it('keeps a lone numeral among other characters as part of the words', () => {
    // 亿元计划 is in one decoy's statement as written; read as 亿 (10^8) beside 元计划 it would
    // match any fact whose value is 10^8 and that says 元计划 anywhere, the decoy no better.
    const found = index.search('亿元计划', { limit: 10 });
    expect(found.map((h) => h.fact.id)).toEqual(['budget-talk']);
    expect(found[0]!.matchedTerms).toBe(1);
  });

  it('finds the same from a prebuilt index', () => {
    const read = createFactIndex(fixture, { searchIndex: index.exportSearchIndex() });
    for (const query of ['十億', '1,000,000,000港元', '百分之八十八', '研发院 十亿']) expect(ids(read, query, 10)).toEqual(ids(index, query, 10));
  });
});

// Written by the test, not by the code under test, so a reader bug cannot hide in the forms.
const DIGITS = '零一二三四五六七八九';

/** A whole number below 10^4 in Chinese numerals (二十, 一百零五, 六百二十). */
function chineseBelow10k(n: number): string {
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && units[i]! === '十' && out === '' ? '' : DIGITS[d!]) + units[i]!;
  });
  return out;
}

/** An amount as a writer writes it in Chinese numerals (十亿, 六百二十亿, 一万亿), or undefined when it needs decimals. */
function chinese(amount: number): string | undefined {
  for (const [magnitude, char] of [
    [1e12, '万亿'],
    [1e8, '亿'],
    [1e4, '万'],
    [1, ''],
  ] as const) {
    const n = amount / magnitude;
    if (n >= 1 && Number.isInteger(n) && n < 1e4) return chineseBelow10k(n) + char;
  }
  return undefined;
}

/** An amount in English: 1 billion, 62 billion, 1 trillion. */
function english(amount: number): string {
  for (const [magnitude, word] of [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (amount >= magnitude && Number.isInteger(amount / magnitude)) return `${amount / magnitude} ${word}`;
  }
  return String(amount);
}

const CURRENCY: Record<string, { zh: string; sign: string }> = {
  HKD: { zh: '港元', sign: 'HK$' },
  USD: { zh: '美元', sign: 'US$' },
  CNY: { zh: '人民币', sign: 'CNY ' },
};

describe('search by value, on the real corpus', () => {
  const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
  const index = createFactIndex(corpus);
  const valued = corpus.facts.filter((f) => f.status === 'active' && f.value?.amount !== undefined);
  /** How many active facts share a value: all of them are equally right, so the fact must be among that many (at least three). */
  const room = (amount: number, unit: string | undefined) =>
    Math.max(3, valued.filter((f) => f.value!.amount === amount && (unit === undefined || f.value!.unit === unit)).length);

  it('finds each fact with a money value from its amount written several ways', () => {
    const money = valued.filter((f) => CURRENCY[f.value!.unit ?? '']);
    expect(money.length).toBeGreaterThan(0);
    for (const f of money) {
      const { amount, unit } = f.value as { amount: number; unit: string };
      const { zh, sign } = CURRENCY[unit]!;
      const forms = [`${amount.toLocaleString('en')}${zh === '人民币' ? '元人民币' : zh}`, `${sign}${english(amount)}`];
      const numerals = chinese(amount);
      if (numerals) forms.push(zh === '人民币' ? `人民币${numerals}元` : `${numerals}${zh}`);
      for (const query of forms) expect(ids(index, query, room(amount, unit)), `${query} → ${f.id}`).toContain(f.id);
      // With no currency, every fact of that amount is as right.
      if (numerals) expect(ids(index, numerals, room(amount, undefined)), `${numerals} → ${f.id}`).toContain(f.id);
    }
  });

  it('finds each percentage fact from 百分之N and N%', () => {
    const percentages = valued.filter((f) => f.value!.unit === 'percent' && Number.isInteger(f.value!.amount));
    expect(percentages.length).toBeGreaterThan(0);
    for (const f of percentages) {
      const amount = f.value!.amount!;
      for (const query of [`百分之${chineseBelow10k(amount)}`, `${amount}%`]) {
        expect(ids(index, query, room(amount, 'percent')), `${query} → ${f.id}`).toContain(f.id);
      }
    }
  });
});
