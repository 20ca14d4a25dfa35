import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYaml, splitSourceFile } from '../src/index.js';
import { type CompiledRules, cleanArticle, parseIngestRules, pickRules } from '../src/ingest-entry.js';

const corpus = path.resolve(__dirname, '../../../corpus');
const sourceFiles = readdirSync(path.join(corpus, 'sources')).filter((f) => f.endsWith('.md'));

/** The corpus's publisher rules, each file parsed and compiled as ingest does. */
function corpusRules(): CompiledRules[] {
  const dir = path.join(corpus, 'ingest');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const { rules, problems } = parseIngestRules(readFileSync(path.join(dir, f), 'utf8'), f);
      expect(problems).toEqual([]);
      return rules!;
    });
}

describe('cleanArticle on the corpus', () => {
  it('has a source for every raw capture', () => {
    expect(sourceFiles).toHaveLength(readdirSync(path.join(corpus, 'raw')).length);
  });

  for (const file of sourceFiles) {
    it(`reproduces the committed body of ${file}`, () => {
      const split = splitSourceFile(readFileSync(path.join(corpus, 'sources', file), 'utf8'))!;
      const meta = readYaml(split.frontMatter) as { origin: string; script: string; publisher: string };
      const raw = readFileSync(path.join(corpus, 'raw', meta.origin), 'utf8');
      // The page's markers pick the rules of the publisher its front matter
      // names; a publisher without a rules file is cleaned by the generic
      // rules alone, and no other publisher's markers may claim its page.
      const rules = corpusRules();
      const picked = pickRules(raw, rules);
      if (rules.some((r) => r.publisher === meta.publisher)) {
        expect(picked.by).toBe('marker');
        expect(picked.rules!.publisher).toBe(meta.publisher);
      } else {
        expect(picked.by).toBe('generic');
      }
      const result = cleanArticle(raw, { rules: picked.rules });
      expect(result.body).toBe(split.body);
      expect(result.meta.script).toBe(meta.script);
    });
  }
});

describe('cleanArticle rules', () => {
  it('strips inline pinyin but keeps acronyms in brackets', () => {
    const { body } = cleanArticle('標題\n\n香港數(shù)碼港主席陳細(xì)明表示,研發中心(HKGAI)發布了大模型。\n');
    expect(body).toBe('香港數碼港主席陳細明表示,研發中心(HKGAI)發布了大模型。\n');
  });

  it('drops chrome, credits, captions with their agency line, and stops at end markers', () => {
    const raw = [
      '分享到：微信 微博',
      '',
      '发布时间: 2025-02-27 18:02 更新时间: 3小时前3610',
      '',
      '正文第一段,说明事实。',
      '',
      '▲图为展会现场。',
      '新華社',
      '',
      '本期编辑 | 刘艳美',
      '',
      '阅读原文',
      '',
      '无关的推荐文章。',
    ].join('\n');
    const result = cleanArticle(raw);
    expect(result.body).toBe('正文第一段,说明事实。\n');
    expect(result.meta.published).toBe('2025-02-27');
    expect(result.meta.title).toBeUndefined();
    expect(result.removed.map((r) => `${r.line} ${r.rule}`)).toEqual([
      '1 generic:share-bar',
      '3 generic:publish-time',
      '7 generic:caption',
      '8 generic:caption',
      '10 generic:credit',
      '12 generic:end-of-article',
      '14 generic:end-of-article',
    ]);
  });

  it('joins a sentence that a print layout broke across columns, but not table cells', () => {
    const raw = '標題\n\n行動方案提及算力樞紐。曹鐘雄分析，香港可以為中國企業\n\n提供更優質的算力資源。\n\n人才儲備充足，缺乏企業\n\n純AI企業較少\n';
    expect(cleanArticle(raw).body).toBe(
      '行動方案提及算力樞紐。曹鐘雄分析，香港可以為中國企業提供更優質的算力資源。\n\n人才儲備充足，缺乏企業\n\n純AI企業較少\n',
    );
  });

  it('reads front matter, normalises whitespace and keeps list lines', () => {
    const raw = "---\ntitle: '标题'\ndate: 2024-06-14\n---\n\r\n作者｜林志佳\r\n\r\n正文  有\t空白。\r\n- 第一项\r\n- 第二项\r\n";
    const result = cleanArticle(raw);
    expect(result.meta).toMatchObject({ title: '标题', published: '2024-06-14', authors: ['林志佳'], script: 'Hans' });
    expect(result.body).toBe('正文 有 空白。\n- 第一项\n- 第二项\n');
  });

  it('is deterministic', () => {
    const raw = readFileSync(path.join(corpus, 'raw', '001_1db38bde6e8b3988.txt'), 'utf8');
    expect(cleanArticle(raw)).toEqual(cleanArticle(raw));
  });
});
