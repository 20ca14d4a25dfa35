import { type Corpus, convertScript, createFactIndex, type Fact } from '@factcite/core';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { factSummary, hover } from '../src/index.js';
import { exampleReport, offsetOf, realCorpus, realIndex, textAt } from './fixtures.js';

const index = realIndex();

function card(text: string, offset: number, options = {}, on = index): string {
  const result = hover(text, offset, on, options);
  expect(result, 'a hover').not.toBeNull();
  return (result!.contents as { value: string }).value;
}

/** Renders Markdown as VS Code's hover does (marked, GFM on) and lists what a reader could act on. */
function rendered(markdown: string) {
  const html = marked.parse(markdown, { async: false, gfm: true }) as string;
  const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]!);
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { html, links, tags, text };
}

const cite = (id: string) => `正文[@fact:${id}]。`;

describe('hover', () => {
  it('shows the statement, value, date, source and the quote with the value in bold', () => {
    const text = cite('hk-ai-rd-institute-funding');
    const fact = index.get('hk-ai-rd-institute-funding')!;
    const source = index.source(fact.citations[0]!.source)!;
    const result = hover(text, offsetOf(text, 'rd-institute'), index)!;
    expect(textAt(text, result.range!)).toBe('@fact:hk-ai-rd-institute-funding');
    const { html, text: plain } = rendered((result.contents as { value: string }).value);
    expect(plain).toContain(fact.statement['zh-Hans']);
    expect(plain).toContain(fact.statement.en);
    expect(plain).toContain(fact.value!.text);
    expect(plain).toContain(fact.date ?? fact.value!.date);
    expect(plain).toContain(source.publisher);
    expect(plain).toContain(source.title);
    expect(plain).toContain(source.published);
    // Status is said only when it needs acting on.
    expect(plain).not.toMatch(/deprecated|Status/);
    // The quote, verbatim, under its source, with the cited number emphasised.
    const quote = fact.citations[0]!.quote;
    const [before, after] = quote.split(fact.value!.text);
    expect(html).toContain(`<br>“${before}<strong>${fact.value!.text}</strong>${after}”</p>`);
  });

  it('bolds the digits of a value that ends in punctuation, so the emphasis still renders', () => {
    const fact = index.all().find((f) => f.value?.text === '88%');
    expect(fact, 'a fact valued 88%').toBeDefined();
    const { html } = rendered(card(cite(fact!.id), 5));
    expect(html).toContain('<strong>88</strong>%');
  });

  it('writes the statement in the chosen script and keeps quotes verbatim', () => {
    const fact = index.get('hk-ai-rd-institute-funding')!;
    const text = cite(fact.id);
    const hans = fact.statement['zh-Hans']!;
    expect(card(text, 5, { displayScript: 'zh-Hans' })).toContain(hans);
    const hk = card(text, 5, { displayScript: 'zh-Hant-HK' });
    expect(hk).toContain(fact.statement['zh-Hant'] ?? convertScript(hans, 'zh-Hant-HK'));
    const tw = card(text, 5, { displayScript: 'zh-Hant-TW' });
    expect(tw).toContain(convertScript(hans, 'zh-Hant-TW'));
    const en = card(text, 5, { displayScript: 'en' });
    expect(rendered(en).html).toContain(`<strong>${fact.statement.en.replace(/&/g, '&amp;')}</strong>`);
    expect(en).not.toContain(hans);
    for (const shown of [hk, tw, en]) expect(rendered(shown).text).toContain(fact.citations[0]!.quote);
  });

  it('lists the other sources that corroborate a fact', () => {
    const fact = index.all().find((f) => new Set(f.citations.map((c) => c.source)).size > 1)!;
    const { text } = rendered(card(cite(fact.id), 5));
    expect(text).toContain('Corroborated by');
    for (const c of fact.citations) expect(text).toContain(index.source(c.source)!.publisher);
    // Compact: the other quotes on one line, as publisher and date, their text left to "Open at quote".
    const markdown = card(cite(fact.id), 5);
    const line = markdown.split('\n').find((l) => l.startsWith('Corroborated by'))!;
    expect(line.match(/command:factcite\.openSource/g)).toHaveLength(fact.citations.length - 1);
    for (const c of fact.citations.slice(1)) expect(rendered(markdown).text).not.toContain(c.quote);
  });

  it('says when a corroborating quote comes from the same source', () => {
    const fact = index.all().find((f) => f.citations.length > 1 && f.citations[1]!.source === f.citations[0]!.source)!;
    expect(rendered(card(cite(fact.id), 5)).text).toContain('same source, quote 2');
  });

  it('names the successor of a deprecated fact', () => {
    const { text } = rendered(card(cite('hk-ai-companies-800'), 5));
    expect(text).toContain('deprecated');
    expect(text).toContain('hk-ai-companies-at-science-park-and-cyberport');
  });

  it('links to open the source at the quote and to copy a footnote, with decodable arguments', () => {
    const fact = index.get('cyberport-supercomputing-centre-compute-capacity')!;
    const { links } = rendered(card(cite(fact.id), 5));
    const commands = links.filter((l) => l.startsWith('command:'));
    const open = commands.filter((l) => l.startsWith('command:factcite.openSource?'));
    expect(open).toHaveLength(fact.citations.length);
    expect(JSON.parse(decodeURIComponent(open[0]!.split('?')[1]!))).toEqual([{ factId: fact.id, sourceId: fact.citations[0]!.source, citation: 0 }]);
    const copy = commands.find((l) => l.startsWith('command:factcite.copyFootnote?'))!;
    expect(JSON.parse(decodeURIComponent(copy.split('?')[1]!))).toEqual([{ factId: fact.id }]);
  });

  it('leaves command links out when asked (editors that cannot run them)', () => {
    const { links } = rendered(card(cite('hkgai-v1-released'), 5, { commandLinks: false }));
    expect(links.some((l) => l.startsWith('command:'))).toBe(false);
  });

  it('offers the closest ids for an unknown one', () => {
    const report = exampleReport();
    const value = card(report, offsetOf(report, 'hk-ai-subsidy-scheme-3-billion'));
    expect(value).toContain('Unknown fact');
    expect(value).toContain('`hk-ai-subsidy-scheme-3bn`');
  });

  describe("in the writer's language", () => {
    it('labels a card in Traditional Chinese, with Hong Kong quote marks, and leaves corpus text as it is', () => {
      const fact = index.get('hk-ai-rd-institute-funding')!;
      const markdown = card(cite(fact.id), 5, { lang: 'zh-Hant' });
      const { text } = rendered(markdown);
      for (const label of ['數值：', '來源：', '開啟原文', '複製為腳註', '語料庫']) expect(text).toContain(label);
      expect(text).toContain(`「${fact.citations[0]!.quote}」`);
      expect(text).toContain(fact.statement.en);
      expect(text).not.toMatch(/\b(Value|Source|Open at quote|Copy as footnote|corpus)\b/);
      // The tooltip of a command link is the writer's too.
      expect(markdown).toContain('"開啟整理後的來源原文，並定位至這段引文"');
    });

    it('says a fact is deprecated, and what replaces it, in Simplified Chinese', () => {
      const { text } = rendered(card(cite('hk-ai-companies-800'), 5, { lang: 'zh-Hans' }));
      expect(text).toContain('状态：已弃用，请改为引用hk-ai-companies-at-science-park-and-cyberport：');
      expect(text).not.toContain('deprecated');
      const summary = rendered(factSummary(index.get('hk-ai-companies-800')!, index, { lang: 'zh-Hant' })).text;
      expect(summary).toContain('已棄用：請改為引用hk-ai-companies-at-science-park-and-cyberport');
    });

    it('names corroborating sources and an unknown id in Chinese', () => {
      const fact = index.all().find((f) => f.citations.length > 1 && f.citations[1]!.source === f.citations[0]!.source)!;
      expect(rendered(card(cite(fact.id), 5, { lang: 'zh-Hans' })).text).toContain('佐证来源：同一来源的引文2');
      const report = exampleReport();
      const unknown = card(report, offsetOf(report, 'hk-ai-subsidy-scheme-3-billion'), { lang: 'zh-Hant' });
      expect(unknown).toContain('**找不到事實** `hk-ai-subsidy-scheme-3-billion`');
      expect(unknown).toContain('是不是要引用：');
    });
  });

  it('is null away from a citation and inside code', () => {
    const text = '香港 `[@fact:hkgai-v1-released]` 数码港';
    expect(hover(text, 1, index)).toBeNull();
    expect(hover(text, offsetOf(text, 'hkgai'), index)).toBeNull();
  });

  describe('with notes', () => {
    // A caveat written in Simplified only, on a fact of a Simplified source.
    const NOTE = {
      'zh-Hans': '620亿港元是基金规模，不是与思谋集团合作的金额。',
      en: 'HK$62 billion is the size of the fund, not the value of the SmartMore deal.',
    };
    function notedIndex() {
      const copy = structuredClone(realCorpus().corpus) as Corpus;
      const fact = copy.facts.find((f) => f.id === 'hkic-fund-size-usd')! as Fact;
      fact.notes = [NOTE];
      return createFactIndex(copy);
    }
    const noted = notedIndex();

    it('shows each note in the display script with its English, before the source', () => {
      const { text } = rendered(card(cite('hkic-fund-size-usd'), 5, {}, noted));
      expect(text).toContain(`Note: ${NOTE['zh-Hans']} ${NOTE.en}`);
      expect(text.indexOf('Note:')).toBeLessThan(text.indexOf('Source:'));
      const hant = rendered(card(cite('hkic-fund-size-usd'), 5, { displayScript: 'zh-Hant-HK' }, noted)).text;
      expect(hant).toContain(convertScript(NOTE['zh-Hans'], 'zh-Hant-HK'));
      const en = rendered(card(cite('hkic-fund-size-usd'), 5, { displayScript: 'en' }, noted)).text;
      expect(en).toContain(`Note: ${NOTE.en}`);
      expect(en).not.toContain(NOTE['zh-Hans']);
    });

    it('shows them in the completion card too, and nothing for a fact without notes', () => {
      expect(rendered(factSummary(noted.get('hkic-fund-size-usd')!, noted)).text).toContain(NOTE.en);
      const plain = index.all().find((f) => !f.notes)!;
      expect(rendered(card(cite(plain.id), 5)).text).not.toContain('Note:');
    });
  });

  describe('with hostile corpus text', () => {
    const HOSTILE = [
      '[x](command:workbench.action.files.delete)',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<javascript:alert(1)>',
      '<command:workbench.action.files.delete>',
      '![img](https://evil.example/x.png)',
      '[ref][1]\n\n[1]: command:workbench.action.files.delete',
      '*bold* _it_ `code` # heading | table | ~~strike~~ &lt;b&gt;',
      'https://evil.example/autolink www.evil.example',
      '\u202Eevil',
    ].join(' ');

    function hostileIndex() {
      const { corpus } = realCorpus();
      const copy = structuredClone(corpus) as Corpus;
      const fact = copy.facts.find((f) => f.id === 'hk-ai-rd-institute-funding')! as Fact;
      fact.statement = { 'zh-Hans': HOSTILE, 'zh-Hant': HOSTILE, en: HOSTILE };
      fact.notes = [{ 'zh-Hans': HOSTILE, en: HOSTILE }];
      fact.citations[0]!.quote = `${HOSTILE} ${fact.value!.text} ${HOSTILE}`;
      const source = copy.sources.find((s) => s.id === fact.citations[0]!.source)!;
      // Validation now refuses a javascript: URL and the bidi override, but a
      // release's JSON reaches the editor unvalidated (validate: false), so the card must stay inert anyway.
      source.text += `\n\n${fact.citations[0]!.quote}`;
      source.title = HOSTILE;
      source.publisher = HOSTILE;
      source.url = 'javascript:alert(1)';
      const entity = copy.entities.find((e) => e.id === fact.entities[0])!;
      entity.names = { 'zh-Hans': HOSTILE, 'zh-Hant': HOSTILE, en: HOSTILE };
      return createFactIndex(copy, { validate: false });
    }

    it.each(['original', 'en', 'zh-Hant-TW'] as const)('renders it inert (%s)', (displayScript) => {
      const markdown = card(cite('hk-ai-rd-institute-funding'), 5, { displayScript }, hostileIndex());
      const { links, tags, text } = rendered(markdown);
      // Only the card's own commands are links; nothing from the data.
      expect(
        links.every((l) => /^command:factcite\.(openSource|copyFootnote)\?/.test(l)),
        links.join('\n'),
      ).toBe(true);
      expect(tags.filter((t) => !['p', 'br', 'strong', 'em', 'ul', 'li', 'blockquote', 'code', 'a'].includes(t))).toEqual([]);
      // And it reads exactly as written.
      expect(text).toContain(HOSTILE.split('\n')[0]!.replace('\u202E', ''));
      expect(text).not.toContain('\u202E');
    });

    it('keeps a source link only for http(s) URLs', () => {
      const { links } = rendered(card(cite('hk-ai-rd-institute-funding'), 5, { commandLinks: false }, hostileIndex()));
      expect(links).toEqual([]);
      const real = index.all().find((f) => index.source(f.citations[0]!.source)?.url)!;
      const url = index.source(real.citations[0]!.source)!.url!;
      expect(rendered(card(cite(real.id), 5, { commandLinks: false })).links).toContain(new URL(url).href);
    });
  });
});
