import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Corpus, Fact, Source } from '@factcite/core';
import { corpus as real } from '@factcite/corpus';

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `factcite-site-${prefix}-`));
}

/** Markup a hostile corpus writer might try: each must come out as text. */
export const HOSTILE = {
  statement: '<script>alert("fact")</script>',
  title: '</title><script>alert(1)</script>',
  name: '"><img src=x onerror=alert(2)>',
  quote: '<b onmouseover=alert(3)>粗体</b>',
  note: '<i>markup</i>',
};

/**
 * A small corpus taken from the real one: the facts of its first source
 * (with their entities), a deprecated fact and its successor, plus one fact
 * whose texts are markup, quoting a source whose title and text hold markup.
 */
export function fixtureCorpus(): Corpus {
  const first = real.sources[0]!;
  const deprecated = real.facts.find((f) => f.status === 'deprecated')!;
  const successor = real.facts.find((f) => f.id === deprecated.supersededBy)!;
  const fromFirst = real.facts.filter((f) => f.citations.some((c) => c.source === first.id)).slice(0, 12);
  // Facts with amounts of every kind the charts draw: money, counts of companies, percentages.
  const amounts = ['HKD', 'USD', 'companies', 'percent'].flatMap((unit) =>
    real.facts.filter((f) => f.status === 'active' && f.value?.unit === unit).slice(0, 2),
  );
  const facts: Fact[] = [...new Map([...fromFirst, ...amounts, deprecated, successor].map((f) => [f.id, f])).values()];
  const hostileSource: Source = {
    ...first,
    id: 'hostile-source',
    title: HOSTILE.title,
    text: `第一段。\n\n${HOSTILE.quote}的第二段，说了一些话。\n\n第三段。`,
  };
  const entityIds = new Set(facts.flatMap((f) => [...f.entities, ...(f.attributedTo ? [f.attributedTo] : [])]));
  const entities = real.entities.filter((e) => entityIds.has(e.id)).map((e, i) => (i === 0 ? { ...e, names: { ...e.names, en: HOSTILE.name } } : e));
  const hostileFact: Fact = {
    ...facts[0]!,
    id: 'hostile-fact',
    statement: { 'zh-Hans': `${HOSTILE.statement}中文`, en: HOSTILE.statement },
    citations: [{ source: 'hostile-source', quote: HOSTILE.quote }],
    topics: ['policy'],
    notes: [{ 'zh-Hans': '注意<i>这条</i>只是测试', en: 'A caveat with <i>markup</i>' }],
  };
  const sourceIds = new Set([...facts, hostileFact].flatMap((f) => f.citations.map((c) => c.source)));
  return {
    version: real.version,
    facts: [...facts, hostileFact],
    sources: [...real.sources.filter((s) => sourceIds.has(s.id)), hostileSource],
    entities,
  };
}
