import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CompiledRules, cleanArticle, parseIngestRules, pickRules } from '../src/ingest-entry.js';

const corpus = path.resolve(__dirname, '../../../corpus');
const layouts = path.join(__dirname, 'fixtures', 'ingest');

function rulesFrom(file: string): CompiledRules {
  const { rules, problems } = parseIngestRules(readFileSync(file, 'utf8'), file);
  expect(problems).toEqual([]);
  return rules!;
}

/** The corpus's publishers and the three unseen layouts, as ingest would hold them side by side. */
const allRules: CompiledRules[] = [
  ...readdirSync(path.join(corpus, 'ingest'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => rulesFrom(path.join(corpus, 'ingest', f))),
  ...readdirSync(layouts).map((name) => ({ ...rulesFrom(path.join(layouts, name, 'rules.yaml')), name })),
];

const read = (layout: string, file: string) => readFileSync(path.join(layouts, layout, file), 'utf8');

// Pages from publishers the cleaner had never seen, each with share bar,
// dateline and source line, editor credit, related links, advert, QR-code
// prompt and breadcrumb (or their print equivalents), in both scripts. Each
// is cleaned by its rules file alone: no code knows these sites.
const expectedMeta: Record<string, { title: string; authors: string[]; published: string; publisher: string; script: 'Hans' | 'Hant' }> = {
  hkjfinance: { title: '科學園推5億元AI孵化計劃 三年內扶持30家初創', authors: ['陳嘉欣'], published: '2025-03-12', publisher: '香江財經網', script: 'Hant' },
  gbatech: {
    title: '数码港人工智能超算中心扩容 算力规模将达3000PFLOPS',
    authors: ['王晓明'],
    published: '2025-03-05',
    publisher: '湾区科技网',
    script: 'Hans',
  },
  mingchen: { title: '政府預留10億元成立人工智能研發院', authors: ['何志強'], published: '2025-02-27', publisher: '明晨報', script: 'Hant' },
};

describe('pages of unseen publishers, cleaned by rules alone', () => {
  for (const [layout, meta] of Object.entries(expectedMeta)) {
    it(`${layout}: the marker picks its rules; the body is the article's paragraphs and nothing else; the front matter is filled`, () => {
      const raw = read(layout, 'raw.txt');
      const picked = pickRules(raw, allRules);
      expect(picked.rules?.name).toBe(layout);
      const result = cleanArticle(raw, { rules: picked.rules });
      expect(result.body).toBe(read(layout, 'body.md'));
      expect(result.meta).toEqual(meta);
      expect(result.suspectedDefects).toEqual([]);
    });
  }

  it('needs the rules: with the generic rules alone a page keeps its site chrome', () => {
    const raw = read('hkjfinance', 'raw.txt');
    const generic = cleanArticle(raw);
    expect(generic.body).not.toBe(read('hkjfinance', 'body.md'));
    expect(generic.body).toContain('字級：小');
    // Even then a breadcrumb is never the title, and the share bar, advert, QR-code prompt and related links go.
    expect(generic.meta.title).not.toContain('>');
    for (const chrome of ['首頁 > 新聞', '分享到', 'Advertisement', '掃描二維碼', '相關新聞', '版權所有', '責任編輯'])
      expect(generic.body).not.toContain(chrome);
  });

  it('explains which rule removed which line of the raw file', () => {
    const raw = read('hkjfinance', 'raw.txt');
    const { removed, fields } = cleanArticle(raw, { rules: allRules.find((r) => r.name === 'hkjfinance') });
    const lineOf = (text: string) => raw.split('\n').findIndex((l) => l.startsWith(text)) + 1;
    expect(removed).toContainEqual({ line: lineOf('首頁 >'), rule: 'generic:breadcrumb', text: '首頁 > 新聞 > 科技 > 正文' });
    expect(removed).toContainEqual({ line: lineOf('科學園推'), rule: 'title', text: '科學園推5億元AI孵化計劃 三年內扶持30家初創' });
    expect(removed).toContainEqual(expect.objectContaining({ line: lineOf('字級'), rule: 'hkjfinance:font-size' }));
    expect(removed).toContainEqual({ line: lineOf('（責任編輯'), rule: 'generic:bracketed-credit', text: '（責任編輯：李文傑）' });
    expect(removed).toContainEqual({ line: lineOf('©'), rule: 'generic:related-links', text: expect.stringContaining('版權所有'), block: true });
    expect(fields).toContainEqual({ field: 'authors', value: '陳嘉欣', line: lineOf('2025-03-12'), rule: 'hkjfinance:dateline' });
    // Every removed line is a line of the raw file, and every kept one is in the body.
    for (const r of removed) expect(raw.split('\n')[r.line - 1]!.replace(/\s+/g, '')).toBe(r.text.replace(/\s+/g, ''));
  });

  it('saves the reporter of a byline as an author, merging bylines of one page', () => {
    const raw = read('mingchen', 'raw.txt');
    expect(cleanArticle(raw).meta.authors).toEqual(['何志強']);
    const tkp = readFileSync(path.join(corpus, 'raw', '004_37a7c766c31cb43c.txt'), 'utf8');
    expect(cleanArticle(tkp, { rules: pickRules(tkp, allRules).rules }).meta.authors).toEqual(['蘆靜怡', '帥誠', '黃寶儀']);
  });
});

describe('choosing rules', () => {
  it('takes a publisher by file name or by the publisher it names', () => {
    const raw = read('gbatech', 'raw.txt');
    expect(pickRules(raw, allRules, 'takungpao')).toMatchObject({ by: 'publisher', rules: { publisher: '大公報' } });
    expect(pickRules(raw, allRules, '大公報')).toMatchObject({ by: 'publisher', rules: { name: 'takungpao' } });
    expect(pickRules(raw, allRules)).toMatchObject({ by: 'marker', marker: '湾区科技网' });
    expect(pickRules('一篇沒有標記的文章。', allRules)).toEqual({ by: 'generic' });
  });

  it("refuses a name no rules have, and a page with two publishers' markers", () => {
    expect(() => pickRules('x', allRules, 'nobody')).toThrow(/no ingest rules for publisher "nobody" \(known: .*takungpao/);
    const both = `${read('gbatech', 'raw.txt')}\n大公報記者 某某報道\n`;
    expect(() => pickRules(both, allRules)).toThrow(/markers of 2 publishers .*--publisher/);
  });
});

describe('rules files', () => {
  const problems = (text: string) => parseIngestRules(text, 'ingest/bad.yaml').problems;

  it('reports a pattern the engine refuses at its line and column, with the reason', () => {
    const text = "publisher: 某報\nmarkers: [某報]\ndrop:\n  - rule: repeat\n    line: '(報)\\1'\n";
    expect(problems(text)).toEqual([
      { file: 'ingest/bad.yaml', line: 5, column: 11, message: expect.stringMatching(/^drop\[0\]\.line is not a pattern the cleaner can run: .*\\1/) },
    ]);
    const lookaround = "publisher: 某報\nmarkers: [某報]\nfields:\n  - rule: x\n    line: '(?<=記者)(?<authors>\\S+)'\n";
    expect(problems(lookaround)[0]).toMatchObject({ line: 5, message: expect.stringContaining('fields[0].line is not a pattern') });
  });

  it('reports schema mistakes located: unknown fields, a rule with neither line nor from, a field rule naming no field, bad YAML', () => {
    expect(problems('publisher: 某報\nmarkers: [某報]\ndrops: []\n')).toEqual([
      { file: 'ingest/bad.yaml', line: 1, column: 1, message: 'unknown field "drops"' },
    ]);
    expect(problems('publisher: 某報\nmarkers: [某報]\ndrop:\n  - rule: x\n    to: "^$"\n')[0]).toMatchObject({
      line: 4,
      message: expect.stringContaining('needs exactly one of "line"'),
    });
    expect(problems('publisher: 某報\nmarkers: [某報]\nfields:\n  - rule: x\n    line: "^(?<author>.+)$"\n')[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining('names a group the front matter has no field for: author'),
    });
    expect(problems('publisher: 某報\nmarkers: []\n')[0]).toMatchObject({ line: 2, column: 10 });
    expect(problems('publisher: [\n')[0]).toMatchObject({ line: 2, message: expect.stringContaining('not valid YAML') });
    expect(problems(`publisher: 某報\nmarkers: [某報]\ndrop:\n  - rule: long\n    line: '${'a'.repeat(301)}'\n`)[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining('at most 300'),
    });
  });

  it('loads every rules file of the corpus without a problem', () => {
    for (const f of readdirSync(path.join(corpus, 'ingest')))
      expect(parseIngestRules(readFileSync(path.join(corpus, 'ingest', f), 'utf8'), f).problems).toEqual([]);
  });
});

describe('the title, by the generic rules', () => {
  it('is the headline after a breadcrumb, never the breadcrumb', () => {
    for (const crumb of ['首頁 > 新聞 > 科技 > 正文', '首页 › 资讯 › 湾区', '當前位置：首頁 > 港聞']) {
      const { meta, body } = cleanArticle(`${crumb}\n\n科學園推AI孵化計劃\n\n香港科技園公司今日宣布推出計劃。\n`);
      expect(meta.title, crumb).toBe('科學園推AI孵化計劃');
      expect(body).toBe('香港科技園公司今日宣布推出計劃。\n');
    }
  });

  it('is not a sentence: a page that opens with one has no title', () => {
    expect(cleanArticle('香港科技園公司今日宣布推出計劃，預留5億元。\n').meta.title).toBeUndefined();
  });
});
