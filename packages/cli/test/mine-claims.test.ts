import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Entity, readYaml, splitSourceFile } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Candidate, formatCandidates, type MineInput, mineCandidates } from '../src/mine/stubs.js';
import { repoRoot } from './run.js';

const entities = readYaml(readFileSync(path.join(repoRoot, 'corpus', 'entities.yaml'), 'utf8')) as Entity[];
const layouts = path.join(repoRoot, 'packages', 'core', 'test', 'fixtures', 'ingest');

function input(body: string, script: 'Hans' | 'Hant', region?: MineInput['region']): MineInput {
  return { sourceId: 'fixture', body, script, year: 2025, entities, facts: [], since: '9.9.0', ...(region ? { region } : {}) };
}

/** The body of a real source of the corpus. */
function sourceBody(id: string): string {
  return splitSourceFile(readFileSync(path.join(repoRoot, 'corpus', 'sources', `${id}.md`), 'utf8'))!.body;
}

const HK = { region: 'HK' as const, reason: 'a Hong Kong publisher' };
const byText = (candidates: Candidate[], text: string) => candidates.filter((c) => c.primary.text === text);

describe('mine: one stub per claim', () => {
  const incubator = readFileSync(path.join(layouts, 'hkjfinance', 'body.md'), 'utf8');

  it('proposes every amount of a sentence as its own stub, the sentence quoted whole in each', () => {
    const found = mineCandidates(input(incubator, 'Hant', HK));
    const first = found.filter((c) => c.sentence.text.startsWith('香港科技園公司'));
    expect(first.map((c) => c.primary.text)).toEqual(['5億元', '30家']);
    expect(new Set(first.map((c) => c.sentence.text)).size).toBe(1);
    // 未來三年內 frames the amounts; it is no claim of its own.
    expect(byText(found, '三年')).toEqual([]);
  });

  it('keeps a restatement in another currency with its amount: 620亿港元（80亿美元） is one stub', () => {
    const found = mineCandidates(input(sourceBody('tmtpost-hkic-smartmore-2024-06-14'), 'Hans'));
    // The article states the fund size twice, once as 80 亿美元 with a space.
    const fund = byText(found, '620亿港元');
    expect(fund.length).toBeGreaterThanOrEqual(1);
    for (const f of fund) expect(f.restated.map((r) => r.amount)).toEqual([8e9]);
    expect(found.filter((c) => c.primary.unit === 'USD' && c.primary.amount === 8e9)).toEqual([]);
  });

  it('reads hedges into qualifiers and areas into their unit: 約8,000平方米, 近20億元, 逾百家, 最高1,000萬元', () => {
    const found = mineCandidates(input(incubator, 'Hant', HK));
    expect(byText(found, '約8,000平方米')[0]!.primary).toMatchObject({ amount: 8000, unit: 'square-metres', qualifier: 'approx' });
    expect(byText(found, '近20億元')[0]!.primary).toMatchObject({ amount: 2e9, unit: 'HKD', qualifier: 'approx' });
    expect(byText(found, '逾百家')[0]!.primary).toMatchObject({ amount: 100, unit: 'companies', qualifier: 'more-than' });
    expect(byText(found, '最高1,000萬元')[0]!.primary).toMatchObject({ amount: 1e7, unit: 'HKD', qualifier: 'up-to' });
    const gba = mineCandidates(input(readFileSync(path.join(layouts, 'gbatech', 'body.md'), 'utf8'), 'Hans'));
    expect(byText(gba, '超过50家')[0]!.primary).toMatchObject({ amount: 50, qualifier: 'more-than' });
    expect(byText(gba, '约七成')[0]!.primary).toMatchObject({ amount: 70, unit: 'percent', qualifier: 'approx' });
  });
});

describe('mine: currency by the source', () => {
  const sentence = '政府預留5億元，支援30家初創企業。\n';

  it('reads bare 元 as Hong Kong dollars for a Hong Kong publisher, and says why', () => {
    const [money] = mineCandidates(input(sentence, 'Hant', HK));
    expect(money!.primary).toMatchObject({ text: '5億元', unit: 'HKD' });
    expect(money!.currencyNote).toContain('HKD: a Hong Kong publisher');
  });

  it('leaves bare 元 as renminbi for a mainland publisher, and follows named currencies whatever the region', () => {
    expect(mineCandidates(input(sentence, 'Hant', { region: 'CN', reason: 'mainland' }))[0]!.primary.unit).toBe('CNY');
    expect(mineCandidates(input(sentence, 'Hant'))[0]!.primary.unit).toBe('CNY');
    expect(mineCandidates(input('基金規模達5億美元。\n', 'Hant', HK))[0]!.primary.unit).toBe('USD');
  });

  it("obeys the article's own note: 1000億元（人民幣，下同） makes later bare 元 renminbi in a Hong Kong paper", () => {
    const found = mineCandidates({ ...input(sourceBody('tkp-shenzhen-ai-plan-2023-06-01'), 'Hant', HK), year: 2023 });
    const funds = byText(found, '1000億元');
    expect(funds.length).toBeGreaterThanOrEqual(2);
    for (const f of funds) expect(f.primary.unit).toBe('CNY');
    expect(funds[0]!.currencyNote).toContain('（人民幣，下同）');
  });
});

describe('mine: no junk from datelines and bylines', () => {
  it("skips a wire dateline and an in-text byline, keeping the sentence's claims", () => {
    const found = mineCandidates(input(readFileSync(path.join(layouts, 'gbatech', 'body.md'), 'utf8'), 'Hans'));
    const lead = found.filter((c) => c.sentence.text.startsWith('本报香港3月4日电'));
    expect(lead.map((c) => c.primary.text)).toEqual(['3000PFLOPS']);
    expect(lead[0]!.numbers.map((n) => n.text)).not.toContain('3月4日');
    expect(found.some((c) => c.primary.kind === 'date' && c.primary.text.includes('3月4日'))).toBe(false);
  });

  it('skips dateline and byline lines that a page left in the body', () => {
    const body = '2025年3月5日 10:30 來源：香江財經網\n\n大公報記者 毛麗娟深圳報道\n\n科學園今年將投入5億元。\n';
    expect(mineCandidates(input(body, 'Hant', HK)).map((c) => c.primary.text)).toEqual(['5億元']);
  });
});

describe('mine: drafts and entities', () => {
  it("drafts the statement in both scripts through OpenCC, the source's own verbatim, and marks the English as a placeholder", () => {
    const body = '業界人士認為，香港已有800多家人工智能相關企業集中在科學園及數碼港。\n';
    const candidates = mineCandidates(input(body, 'Hant', HK));
    const [stub] = parse(formatCandidates(candidates, input(body, 'Hant', HK), 'sources/fixture.md')) as {
      statement: Record<string, string>;
      entities: string[];
    }[];
    expect(stub!.statement).toEqual({
      'zh-Hant': '業界人士認為，香港已有800多家人工智能相關企業集中在科學園及數碼港。',
      'zh-Hans': '业界人士认为，香港已有800多家人工智能相关企业集中在科学园及数码港。',
      en: 'TODO: the statement in English',
    });
    expect(stub!.entities).toEqual(['hong-kong', 'hkstp', 'cyberport']);
    const hans = mineCandidates(input('数码港超算中心算力将达3000PFLOPS。\n', 'Hans'));
    const [draft] = parse(formatCandidates(hans, input('数码港超算中心算力将达3000PFLOPS。\n', 'Hans'), 'x')) as { statement: Record<string, string> }[];
    expect(draft!.statement['zh-Hant']).toBe('數碼港超算中心算力將達3000PFLOPS。');
  });

  it('writes plain YAML: stubs of one sentence share no anchors, which corpus files refuse', () => {
    const body = readFileSync(path.join(layouts, 'hkjfinance', 'body.md'), 'utf8');
    const yaml = formatCandidates(mineCandidates(input(body, 'Hant', HK)), input(body, 'Hant', HK), 'x');
    expect(yaml).not.toMatch(/[&*][a-z]+\d+/);
    expect(yaml).toMatch(/# this stub: 5億元 → 500000000 HKD \(bare 元 read as HKD: a Hong Kong publisher\)/);
  });
});
