import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactIndex } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

// The questions were written for these five articles: the index holds the real corpus's facts
// from them alone, so a later article with facts as relevant cannot push an answer out of the
// top five and break the test on release (the release simulation caught exactly that).
const ARTICLES = new Set([
  'city24-hk-ai-2025-02-27',
  'sfc-cyberport-chan-2025-11-19',
  'tkp-deepseek-gba-2025-03',
  'tkp-shenzhen-ai-plan-2023-06-01',
  'tmtpost-hkic-smartmore-2024-06-14',
]);
const real = loadCorpusDir(path.resolve(__dirname, '../../../corpus')).corpus;
const index = createFactIndex({
  ...real,
  sources: real.sources.filter((s) => ARTICLES.has(s.id)),
  facts: real.facts.filter((f) => f.citations.every((c) => ARTICLES.has(c.source))),
});

// Questions a report writer would type, in Simplified, Traditional and English,
// with the fact that answers each. The answer must be in the top five.
const QUESTIONS: [string, string][] = [
  ['香港有多少人工智能企业', 'hk-ai-companies-at-science-park-and-cyberport'],
  ['How many AI companies are in Science Park and Cyberport', 'hk-ai-companies-at-science-park-and-cyberport'],
  ['政府为人工智能研发院预留多少钱', 'hk-ai-rd-institute-funding'],
  ['AI R&D institute funding', 'hk-ai-rd-institute-funding'],
  ['研發院 10億港元', 'hk-ai-rd-institute-funding'],
  ['數碼港超算中心算力', 'cyberport-supercomputing-centre-compute-capacity'],
  ['数码港超算中心算力', 'cyberport-supercomputing-centre-compute-capacity'],
  ['Cyberport supercomputing compute capacity', 'cyberport-supercomputing-centre-compute-capacity'],
  ['港投公司基金规模', 'hkic-fund-size-hkd'],
  ['港投公司基金規模', 'hkic-fund-size-hkd'],
  ['HKIC fund size', 'hkic-fund-size-hkd'],
  ['Tortoise ranking Hong Kong', 'hk-tortoise-global-ai-index-2023-rank'],
  ['香港 全球人工智能指數 排名', 'hk-tortoise-global-ai-index-2023-rank'],
  ['思謀 估值', 'smartmore-valuation-over-1bn-usd'],
  ['SmartMore valuation', 'smartmore-valuation-over-1bn-usd'],
  ['how many startups has Cyberport incubated', 'cyberport-startups-incubated'],
  ['數碼港 初創企業 孵化', 'cyberport-startups-incubated'],
  ['知识型员工 生成式AI', 'hk-knowledge-workers-genai-use-88-percent'],
  ['generative AI use knowledge workers Hong Kong', 'hk-knowledge-workers-genai-use-88-percent'],
  ['30亿港元 资助计划', 'hk-ai-subsidy-scheme-3bn'],
  ['AI subsidy scheme HK$3 billion', 'hk-ai-subsidy-scheme-3bn'],
  ['HKGAI V1 发布', 'hkgai-v1-released'],
  ['私隐专员公署 AI 指南', 'pcpd-ai-guidance-published'],
  ['PCPD compliance checks organisations', 'pcpd-ai-compliance-checks-28-organisations'],
  ['引進重點企業 66家', 'oase-key-enterprises-attracted-66'],
  ['Hub71 memorandum', 'cyberport-hub71-mou'],
  ['深圳人工智能基金群规模', 'shenzhen-ai-fund-cluster-100bn-cny'],
  ['深圳人工智能基金群規模', 'shenzhen-ai-fund-cluster-100bn-cny'],
  ['Shenzhen AI fund cluster', 'shenzhen-ai-fund-cluster-100bn-cny'],
  ['鵬城雲腦II 計算能力', 'pengcheng-cloud-brain-2-compute-1000-pops'],
  ['Pengcheng Cloud Brain storage', 'pengcheng-cloud-brain-2-storage-200pb'],
  ['广东人工智能专利', 'guangdong-ai-patents-granted-140000'],
  ['Guangdong AI unicorns', 'guangdong-ai-unicorns-26'],
  ['DeepSeek 香港', 'deepseek-sets-up-in-hong-kong'],
  ['Nvidia market value', 'nvidia-market-value-passes-1-trillion-usd'],
  ['一群龍 六小龍', 'wang-lizong-gba-group-of-dragons'],
];

describe("a writer's question finds the right fact in the top five", () => {
  for (const [question, expected] of QUESTIONS) {
    it(question, () => {
      expect(index.has(expected), `fixture names a fact that exists: ${expected}`).toBe(true);
      const top = index.search(question, { limit: 5 }).map((h) => h.fact.id);
      expect(top).toContain(expected);
    });
  }
});
