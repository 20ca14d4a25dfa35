import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, CONTENT_SECURITY_POLICY, NotASiteError } from '../src/index.js';
import { fixtureCorpus, HOSTILE, tempDir } from './fixture.js';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

describe('buildSite', () => {
  const corpus = fixtureCorpus();
  const out = path.join(tempDir('build'), 'site');
  const result = buildSite({ corpus, outDir: out });
  const pages = htmlFiles(out);

  it('writes the home, a page per fact, source, entity and topic, the charts and the releases', () => {
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    for (const f of corpus.facts) expect(existsSync(path.join(out, 'facts', f.id, 'index.html'))).toBe(true);
    for (const s of corpus.sources) expect(existsSync(path.join(out, 'sources', s.id, 'index.html'))).toBe(true);
    for (const e of corpus.entities) expect(existsSync(path.join(out, 'entities', e.id, 'index.html'))).toBe(true);
    for (const t of new Set(corpus.facts.flatMap((f) => f.topics))) expect(existsSync(path.join(out, 'topics', t, 'index.html'))).toBe(true);
    for (const p of ['facts', 'charts', 'releases', 'sources', 'entities', 'topics']) expect(existsSync(path.join(out, p, 'index.html'))).toBe(true);
    expect(readFileSync(path.join(out, '404.html'), 'utf8')).toContain('No such page');
    expect(result.pages).toBe(pages.length);
  });

  it('ships the index and every script and style as files of the site', () => {
    for (const f of ['assets/search-index.bin', 'assets/search-data.json', 'assets/site.js', 'assets/script-choice.js', 'assets/site.css']) {
      expect(statSync(path.join(out, f)).size).toBeGreaterThan(0);
    }
  });

  it('shows markup in the data as text, never as markup', () => {
    const all = pages.map((p) => readFileSync(p, 'utf8')).join('\n');
    for (const text of Object.values(HOSTILE)) expect(all).not.toContain(text);
    expect(all).not.toMatch(/<script>alert|<img src=x|<b onmouseover/);
    expect(all).toContain('&lt;script&gt;alert(&quot;fact&quot;)&lt;/script&gt;');
    expect(readFileSync(path.join(out, 'sources', 'hostile-source', 'index.html'), 'utf8')).toContain('&lt;b onmouseover=alert(3)&gt;粗体&lt;/b&gt;');
    // The search data cannot close a script block either.
    expect(readFileSync(path.join(out, 'assets', 'search-data.json'), 'utf8')).not.toContain('<');
  });

  it('gives every page the policy, a language, landmarks, and loads nothing from elsewhere', () => {
    for (const file of pages) {
      const page = readFileSync(file, 'utf8');
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
      expect(page).toMatch(/<html lang="en">/);
      for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(page).toContain(landmark);
      for (const [, attr] of page.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"/g))
        expect(attr === 'data:,' || attr!.startsWith('/')).toBe(true);
    }
  });

  it('marks the language of every Chinese text', () => {
    const fact = readFileSync(path.join(out, 'facts', corpus.facts[0]!.id, 'index.html'), 'utf8');
    // The copy blocks are excepted: a footnote, CSL-JSON and BibTeX entry mix the statement with the source's Chinese title by design.
    const body = fact.slice(fact.indexOf('<body')).replace(/<div class="copy">[\s\S]*?<\/div>/g, '');
    // Han text outside an element that declares a Chinese language would be read as English.
    const withoutLang = body.replace(/<([a-z0-9]+)\b[^>]*\blang="zh[^"]*"[^>]*>[\s\S]*?<\/\1>/g, '');
    expect(withoutLang.match(/.{0,40}[\p{Script=Han}]+/gu) ?? []).toEqual([]);
  });

  it("shows a fact's notes before its citation, in every display script", () => {
    const page = readFileSync(path.join(out, 'facts', 'hostile-fact', 'index.html'), 'utf8');
    expect(page.indexOf('class="notes"')).toBeGreaterThan(0);
    expect(page.indexOf('class="notes"')).toBeLessThan(page.indexOf('id="cite-h"'));
    expect(page).toContain('<span class="alt s-o s-hans" lang="zh-Hans">注意&lt;i&gt;这条&lt;/i&gt;只是测试</span>');
    expect(page).toContain('lang="zh-Hant">注意&lt;i&gt;這條&lt;/i&gt;只是測試</span>');
    expect(page).toContain('<span class="alt s-en" lang="en">A caveat with &lt;i&gt;markup&lt;/i&gt;</span>');
  });

  it('links a deprecated fact to its successor', () => {
    const deprecated = corpus.facts.find((f) => f.status === 'deprecated')!;
    const page = readFileSync(path.join(out, 'facts', deprecated.id, 'index.html'), 'utf8');
    expect(page).toContain(`class="successor" href="/facts/${deprecated.supersededBy}/"`);
  });

  it('draws charts whose marks link to facts, with no inline style', () => {
    const charts = readFileSync(path.join(out, 'charts', 'index.html'), 'utf8');
    const hrefs = [...charts.matchAll(/<a aria-label="[^"]*" href="([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set(corpus.facts.map((f) => f.id));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids.has(href!.split('/')[2]!)).toBe(true);
    expect(charts).not.toMatch(/<style|style="/);
  });

  it('links under a base path', () => {
    const based = path.join(tempDir('base'), 'site');
    buildSite({ corpus, outDir: based, base: '/factcite/' });
    const home = readFileSync(path.join(based, 'index.html'), 'utf8');
    expect(home).toContain('href="/factcite/assets/site.css"');
    expect(home).not.toMatch(/(?:href|src)="\/(?!factcite\/)/);
    expect(() => buildSite({ corpus, outDir: based, base: '/../x' })).toThrow(/base/);
    expect(() => buildSite({ corpus, outDir: based, base: '"><script>' })).toThrow(/base/);
  });

  it('replaces a site it built, and refuses a directory that holds anything else', () => {
    expect(() => buildSite({ corpus, outDir: out })).not.toThrow();
    const other = tempDir('other');
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    expect(() => buildSite({ corpus, outDir: other })).toThrow(NotASiteError);
    expect(readFileSync(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
    const empty = path.join(tempDir('empty'), 'new');
    mkdirSync(empty);
    expect(() => buildSite({ corpus, outDir: empty })).not.toThrow();
  });
});
