import { describe, expect, it } from 'vitest';
import { parseCorpus, validateCorpus } from '../../src/index.js';

// A miniature corpus from the real sfc-cyberport-chan-2025-11-19 article.
const SOURCE = `---
id: sfc-cyberport
title: 香港數碼港陳細明
publisher: 南方財經全媒體集團
published: 2025-11-19
language: zh
script: Hant
origin: raw.txt
---

數碼港社區已匯聚超過2300家初創企業,其中約400家從事人工智能及大數據業務。每個代表團約10至15人。
`;

/** One fact file: `value` and `quote` vary, the rest is fixed. */
function facts(rows: { id: string; kind?: string; value: string; quote: string }[]): string {
  return rows
    .map(
      (r) => `- id: ${r.id}
  statement: { zh-Hant: 數碼港。, en: Cyberport. }
  kind: ${r.kind ?? 'quantity'}
  value: ${r.value}
  citations:
    - source: sfc-cyberport
      quote: ${r.quote}
  status: active
  since: 0.1.0`,
    )
    .join('\n');
}

function warningsFor(text: string) {
  const result = parseCorpus({
    facts: [{ path: 'facts/f.yaml', text }],
    entities: { path: 'entities.yaml', text: '[]' },
    sources: [{ path: 'sources/sfc-cyberport.md', text: SOURCE }],
    rawFileNames: ['raw.txt'],
  });
  expect(result.errors).toEqual([]);
  return result.warnings.filter((w) => w.code === 'value-not-in-quote');
}

describe('value-in-quote', () => {
  it('warns, at the amount, when the value is no number its quote states', () => {
    const text = facts([
      { id: 'startups', value: '{ amount: 3200, unit: startups, qualifier: more-than, text: 超過2300家 }', quote: '數碼港社區已匯聚超過2300家初創企業' },
    ]);
    const [w, ...rest] = warningsFor(text);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ file: 'facts/f.yaml', line: 4, code: 'value-not-in-quote', severity: 'warning' });
    expect(w!.message).toBe('fact "startups": value.amount 3200 is not a number any of its quotes states; they state 超過2300家 (2300)');
  });

  it('accepts the value in any form the reader knows, whatever the hedge and unit recorded', () => {
    const text = facts([
      { id: 'startups', value: '{ amount: 2300, unit: startups, qualifier: more-than, text: 超過2300家 }', quote: '數碼港社區已匯聚超過2300家初創企業' },
      { id: 'ai-share', value: '{ amount: 400, unit: companies, qualifier: approx, text: 約400家 }', quote: '其中約400家從事人工智能及大數據業務' },
      { id: 'delegation', value: '{ amount: 10, upTo: 15, unit: people, qualifier: approx, text: 約10至15人 }', quote: '每個代表團約10至15人' },
    ]);
    expect(warningsFor(text)).toEqual([]);
  });

  it('checks both ends of a range', () => {
    const text = facts([
      { id: 'delegation', value: '{ amount: 10, upTo: 20, unit: people, qualifier: approx, text: 約10至15人 }', quote: '每個代表團約10至15人' },
    ]);
    expect(warningsFor(text).map((w) => w.message)).toEqual([
      'fact "delegation": value.amount 10–20 is not a number any of its quotes states; they state 約10至15人 (10)',
    ]);
  });

  it('says so when the quote states no number at all', () => {
    const text = facts([{ id: 'startups', value: '{ amount: 2300, unit: startups, qualifier: more-than, text: 超過2300家 }', quote: '數碼港社區已匯聚' }]);
    expect(warningsFor(text).map((w) => w.message)).toEqual(['fact "startups": value.amount 2300 is not a number any of its quotes states']);
  });

  it('accepts a rank the quote words without a number', () => {
    const text = facts([{ id: 'rank', kind: 'rank', value: '{ amount: 1, unit: rank, qualifier: exact, text: 首位 }', quote: '數碼港社區已匯聚' }]);
    expect(warningsFor(text)).toEqual([]);
  });

  it('is reported for a corpus given as objects too, by path', () => {
    const result = parseCorpus({
      facts: [
        {
          path: 'facts/f.yaml',
          text: facts([
            { id: 'startups', value: '{ amount: 23000, unit: startups, qualifier: more-than, text: 超過2300家 }', quote: '數碼港社區已匯聚超過2300家初創企業' },
          ]),
        },
      ],
      entities: { path: 'entities.yaml', text: '[]' },
      sources: [{ path: 'sources/sfc-cyberport.md', text: SOURCE }],
      rawFileNames: ['raw.txt'],
    });
    const validated = validateCorpus(result.corpus);
    expect(validated.warnings.filter((w) => w.code === 'value-not-in-quote').map((w) => w.path)).toEqual(['facts[0].value.amount']);
  });
});
