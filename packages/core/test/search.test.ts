import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertScript, createFactIndex, type Fact, foldText } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';
import { createFactIndex as buildFactIndex } from '../src/search/search.js';

const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
const index = createFactIndex(corpus);
const ids = (query: string, limit = 10) => index.search(query, { limit }).map((h) => h.fact.id);
const cites = (id: string, source: string) => index.get(id)!.citations.some((c) => c.source.startsWith(source));

describe('script folding', () => {
  it('folds Traditional (HK and TW), full-width and case to one form', () => {
    expect(foldText('數碼港')).toBe(foldText('数码港'));
    expect(foldText('機械人')).toBe('机械人');
    expect(foldText('ＨＫＧＡＩ １０億')).toBe('hkgai 10亿');
  });

  it('renders text in each display script', () => {
    expect(convertScript('数码港人工智能超算中心', 'zh-Hant-HK')).toBe('數碼港人工智能超算中心');
    expect(convertScript('數碼港', 'zh-Hans')).toBe('数码港');
    expect(convertScript('软件', 'zh-Hant-TW')).toBe('軟體');
  });
});

describe('createFactIndex lookups', () => {
  it('gets, groups and lists facts', () => {
    expect(index.size).toBe(corpus.facts.length);
    const first = corpus.facts[0]!;
    expect(index.get(first.id)).toEqual(first);
    expect(index.has('no-such-fact')).toBe(false);
    expect(index.get('no-such-fact')).toBeUndefined();
    for (const source of corpus.sources) {
      const facts = index.bySource(source.id);
      expect(facts.length).toBeGreaterThan(0);
      expect(facts.every((f) => f.citations.some((c) => c.source === source.id))).toBe(true);
    }
    expect(index.byEntity('cyberport').every((f) => f.entities.includes('cyberport') || f.attributedTo === 'cyberport')).toBe(true);
    expect(index.byTopic('funding').length).toBeGreaterThan(0);
  });

  it('suggests the closest ids for a typo', () => {
    const id = corpus.facts[5]!.id;
    const typo = id.slice(0, -2) + id.slice(-1);
    expect(index.suggest(typo)[0]).toBe(id);
  });
});

describe('search', () => {
  it('is script-insensitive: Simplified and Traditional queries find the same facts', () => {
    for (const [hans, hant] of [
      ['数码港', '數碼港'],
      ['人工智能企业', '人工智能企業'],
      ['算力', '算力'],
      ['鹏城云脑', '鵬城雲腦'],
    ] as const) {
      expect(ids(hans, 50)).toEqual(ids(hant, 50));
    }
  });

  it('finds facts from Traditional sources with a Simplified query, and the reverse', () => {
    expect(ids('鹏城云脑').some((id) => cites(id, 'tkp-shenzhen'))).toBe(true);
    expect(ids('港投公司').some((id) => cites(id, 'tmtpost'))).toBe(true);
    expect(ids('個人資料私隱').some((id) => cites(id, 'tmtpost'))).toBe(true);
  });

  it('narrows 数码港, 數碼港 and cyberport to Cyberport facts', () => {
    for (const q of ['数码港', '數碼港', 'cyberport', 'Cyberport']) {
      const hits = index.search(q, { limit: 10 });
      expect(hits.length, q).toBeGreaterThan(3);
      for (const hit of hits) {
        const text = foldText(JSON.stringify(hit.fact));
        expect(text.includes('数码港') || text.includes('cyberport'), `${q} → ${hit.fact.id}`).toBe(true);
      }
    }
  });

  it('lists facts that say the query themselves before facts that reach it only through an entity', () => {
    // 陈细明's alias 数码港主席 and the 数码港人工智能超算中心 contain the query too;
    // their facts belong in the list, after every fact that names Cyberport.
    const ownWords = (id: string) => {
      const f = index.get(id)!;
      return /数码港|cyberport/.test(foldText(`${id} ${Object.values(f.statement).join(' ')}`));
    };
    for (const q of ['数码港', '數碼港', 'cyberport']) {
      const found = ids(q, 60);
      const firstIndirect = found.findIndex((id) => !ownWords(id));
      expect(firstIndirect, q).toBeGreaterThan(10);
      expect(found.slice(firstIndirect).some(ownWords), `${q}: ${found.slice(firstIndirect).join(', ')}`).toBe(false);
      expect(found, q).toContain('chan-ai-rapid-development-demand');
    }
  });

  it('ranks a statement its entity and quote back up above a shorter one that only mentions the words', () => {
    // Each real fact whose statement and quote both name one of its entities, beside a fact stitched
    // from that name the way a careless summary would be: it says the name in passing, links no
    // entity and quotes a sentence without it. The stitched one is shorter, which alone would rank
    // it first.
    const cases = corpus.facts.flatMap((real) => {
      const quote = foldText(real.citations.map((c) => c.quote).join('\n'));
      const statement = foldText(Object.values(real.statement).join('\n'));
      const named = real.entities.map((id) => index.entity(id)!.names['zh-Hans']).find((n) => quote.includes(foldText(n)) && statement.includes(foldText(n)));
      return named ? [{ real, name: named }] : [];
    });
    expect(cases.length).toBeGreaterThan(10);
    for (const { real, name } of cases) {
      const { value: _, attributedTo: __, ...rest } = real;
      const stitched: Fact = {
        ...rest,
        id: 'stitched-mention',
        statement: { 'zh-Hans': `${name}与其他。`, en: 'And others.' },
        entities: [],
        kind: 'statement',
        citations: [{ source: real.citations[0]!.source, quote: '其他' }],
      };
      // Built without validating: the stitched fact's quote is not in the article.
      const small = buildFactIndex({ ...corpus, facts: [stitched, real] });
      expect(
        small.search(name, { limit: 2 }).map((h) => h.fact.id),
        `${name}: ${real.id}`,
      ).toEqual([real.id, 'stitched-mention']);
    }
  });

  it('matches entity aliases in any script', () => {
    for (const q of ['HKIC', '港投', 'SmartMore', '思謀', 'PCPD']) {
      const [top] = index.search(q, { limit: 1 });
      expect(top, q).toBeDefined();
    }
    const smartmore = ids('SmartMore', 5);
    expect(smartmore.every((id) => index.get(id)!.entities.includes('smartmore'))).toBe(true);
  });

  it('matches numbers as written', () => {
    expect(index.search('10亿', { limit: 3 }).map((h) => h.fact.value?.text)).toContain('10亿港元');
    expect(index.search('88%', { limit: 3 })[0]!.fact.value?.amount).toBe(88);
  });

  it('ranks facts matching every term first', () => {
    const hits = index.search('数码港 初创', { limit: 10 });
    expect(hits[0]!.matchedTerms).toBe(2);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.matchedTerms).toBeLessThanOrEqual(hits[i - 1]!.matchedTerms);
  });

  it('puts an exact id first', () => {
    const id = corpus.facts[10]!.id;
    expect(ids(id)[0]).toBe(id);
  });

  it('puts a deprecated id typed in full first and its successor second', () => {
    const [old, successor, ...rest] = corpus.facts;
    const facts = [...rest, { ...old!, status: 'deprecated', supersededBy: successor!.id } as Fact, successor!];
    const fixture = buildFactIndex({ ...corpus, facts });
    expect(
      fixture
        .search(old!.id, { limit: 5 })
        .slice(0, 2)
        .map((h) => h.fact.id),
    ).toEqual([old!.id, successor!.id]);
  });

  it('matches an English word still being typed', () => {
    expect(ids('supercomput').length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query or a zero limit', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('数码港', { limit: 0 })).toEqual([]);
  });
});
