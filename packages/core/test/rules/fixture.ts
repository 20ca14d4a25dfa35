/**
 * A miniature corpus for the rule tests, taken from the real one: two
 * sources (one Simplified, one Traditional with defects listed), the
 * entities they name, and three facts, one of them deprecated in favour of
 * another. Each test copies it, breaks one thing, and runs one rule.
 */
import { expect } from 'vitest';
import type { Corpus, Entity, Fact, Source } from '../../src/index.js';
import type { CorpusRule } from '../../src/corpus/rules/rule.js';
import { type RuleProblem, runRules } from '../../src/corpus/rules/run-rules.js';

const CITY24: Source = {
  id: 'city24-hk-ai-2025-02-27',
  title: '城市24小时 | 人工智能时代,香港不想“缺席”',
  publisher: '城市进化论',
  authors: [],
  published: '2025-02-27',
  language: 'zh',
  script: 'Hans',
  origin: '000_73c3664704938c01.txt',
  defects: [],
  text:
    '陈茂波表示,为引导及助力香港的人工智能创新研发和产业应用,特区政府已预留10亿港元,成立香港人工智能研发院。\n\n' +
    '近年来,香港不断加大对人工智能产业的投入,先后建设了人工智能超算中心,推出30亿港元人工智能资助计划等。目前,香港科学园和数码港已集中800多家人工智能相关企业,2024年吸引上百家人工智能企业落户。\n',
};

const SFC: Source = {
  id: 'sfc-cyberport-chan-2025-11-19',
  title: '香港數碼港陳細明:AI正經歷飛速發展,料將形成長期投資生態',
  publisher: '南方財經全媒體集團（21世紀經濟報道）',
  authors: ['楊雨萊'],
  published: '2025-11-19',
  language: 'zh',
  script: 'Hant',
  origin: '001_1db38bde6e8b3988.txt',
  defects: ['?shù)馁Y'],
  text: '確保資金支持充足,并讓我們生態系統中的所有企業都能獲得可靠、規模適當?shù)馁Y金來源,正是我們持續努力的方向。\n',
};

const entity = (id: string, kind: Entity['kind'], zhHans: string, zhHant: string, en: string): Entity => ({
  id,
  kind,
  names: { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en },
  aliases: [],
});

const ENTITIES: Entity[] = [
  entity('hksar-government', 'organisation', '香港特区政府', '香港特區政府', 'Government of the Hong Kong SAR'),
  entity('hong-kong', 'place', '香港', '香港', 'Hong Kong'),
  entity('cyberport', 'organisation', '数码港', '數碼港', 'Cyberport'),
  entity('hkstp', 'organisation', '香港科学园', '香港科學園', 'Hong Kong Science Park'),
  entity('hk-ai-rd-institute', 'organisation', '香港人工智能研发院', '香港人工智能研發院', 'Hong Kong AI Research and Development Institute'),
];

const FACTS: Fact[] = [
  {
    id: 'hk-ai-rd-institute-funding',
    statement: { 'zh-Hans': '特区政府预留10亿港元成立香港人工智能研发院。', en: 'The government set aside HK$1 billion for the institute.' },
    kind: 'quantity',
    value: { amount: 1_000_000_000, unit: 'HKD', qualifier: 'exact', text: '10亿港元' },
    date: '2025-02-25',
    entities: ['hksar-government', 'hk-ai-rd-institute'],
    topics: [],
    citations: [{ source: CITY24.id, quote: '特区政府已预留10亿港元,成立香港人工智能研发院' }],
    status: 'active',
    since: '0.1.0',
  },
  {
    id: 'hk-ai-companies-at-science-park-and-cyberport',
    statement: {
      'zh-Hans': '香港科学园和数码港集中了800多家人工智能相关企业。',
      en: 'More than 800 AI-related companies are clustered at Hong Kong Science Park and Cyberport.',
    },
    kind: 'quantity',
    value: { amount: 800, unit: 'companies', qualifier: 'more-than', text: '800多家' },
    date: '2024-09',
    entities: ['hkstp', 'cyberport', 'hong-kong'],
    topics: [],
    citations: [{ source: CITY24.id, quote: '目前,香港科学园和数码港已集中800多家人工智能相关企业' }],
    status: 'active',
    since: '0.1.0',
  },
  {
    id: 'hk-ai-companies-800',
    statement: {
      'zh-Hans': '香港科学园和数码港已集中800多家人工智能相关企业。',
      en: 'More than 800 AI-related companies are clustered at Hong Kong Science Park and Cyberport.',
    },
    kind: 'quantity',
    value: { amount: 800, unit: 'companies', qualifier: 'more-than', text: '800多家' },
    date: '2025-02',
    entities: ['hkstp', 'cyberport', 'hong-kong'],
    topics: [],
    citations: [{ source: CITY24.id, quote: '目前,香港科学园和数码港已集中800多家人工智能相关企业' }],
    status: 'deprecated',
    supersededBy: 'hk-ai-companies-at-science-park-and-cyberport',
    since: '0.1.0',
  },
];

/** A fresh copy of the miniature corpus, safe to break. */
export function miniCorpus(): Corpus {
  return structuredClone({ facts: FACTS, sources: [CITY24, SFC], entities: ENTITIES });
}

/** The raw/ file names the miniature corpus's sources come from. */
export const RAW_FILES = [CITY24.origin, SFC.origin];

/** Problems one rule reports on a corpus, each at a path such as facts[0].citations[0].quote. */
export function check(rule: CorpusRule, corpus: Corpus, rawFileNames?: string[]): Omit<RuleProblem<string>, 'rule'>[] {
  const placed = <T>(kind: string, records: readonly T[]) =>
    records.map((value, i) => ({
      value,
      at: (path: readonly PropertyKey[]) => `${kind}[${i}]${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
    }));
  const { problems } = runRules(
    {
      sources: placed('sources', corpus.sources),
      entities: placed('entities', corpus.entities),
      facts: placed('facts', corpus.facts),
      ...(rawFileNames ? { rawFileNames } : {}),
    },
    (where) => where,
    [rule],
  );
  for (const p of problems) expect(p.rule).toBe(rule.name);
  return problems.map(({ rule: _, ...rest }) => rest);
}
