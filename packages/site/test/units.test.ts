import { describe, expect, it } from 'vitest';
import { changelogSections } from '../src/release-info.js';
import { markPieces, paragraphsOf, piecesOf } from '../src/highlight.js';
import { escapeHtml, html, jsonForScript, trusted } from '../src/html.js';
import { normaliseBase } from '../src/links.js';

describe('html', () => {
  it('escapes every interpolated value and keeps markup made here', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(html`<p title="${'"><script>'}">${'<i>'}${html`<b>${'&'}</b>`}${[1, '<']}${undefined}${false}</p>`.text).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;i&gt;<b>&amp;</b>1&lt;</p>',
    );
    expect(html`${trusted('<svg></svg>')}`.text).toBe('<svg></svg>');
  });

  it('writes JSON that cannot close a script block', () => {
    const text = jsonForScript({ a: '</script><script>alert(1)</script>', b: '\u2028' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ a: '</script><script>alert(1)</script>', b: '\u2028' });
  });
});

describe('normaliseBase', () => {
  it('accepts URL paths and refuses anything else', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('factcite')).toBe('/factcite/');
    expect(normaliseBase('/a/b/')).toBe('/a/b/');
    // Never protocol-relative: the leading slashes fold into one.
    expect(normaliseBase('//evil.example/')).toBe('/evil.example/');
    for (const bad of ['/../x', '/a b/', 'javascript:alert(1)', '/a"b/']) expect(() => normaliseBase(bad)).toThrow();
  });
});

describe('highlighting quotes', () => {
  it('splits paragraphs at blank lines', () => {
    const text = '一。\n\n二。\n \n三。';
    expect(paragraphsOf(text).map((p) => text.slice(p.start, p.end))).toEqual(['一。', '二。', '三。']);
  });

  it('cuts overlapping quotes into pieces marked with every fact quoting them', () => {
    const text = '甲乙丙丁戊己';
    const pieces = piecesOf(0, text.length, [
      { start: 1, end: 4, factId: 'a' },
      { start: 3, end: 5, factId: 'b' },
    ]);
    expect(pieces.map((p) => [text.slice(p.start, p.end), p.factIds])).toEqual([
      ['甲', []],
      ['乙丙', ['a']],
      ['丁', ['a', 'b']],
      ['戊', ['b']],
      ['己', []],
    ]);
    expect(markPieces(text, pieces, (id) => `/facts/${id}/`).text).toBe(
      '甲<mark><a href="/facts/a/" title="a">乙丙</a></mark><mark><a href="/facts/a/" title="a, b">丁</a></mark><mark><a href="/facts/b/" title="b">戊</a></mark>己',
    );
  });

  it('takes time linear in the spans (no quadratic scan of spans per piece)', () => {
    // Adversarial: one paragraph quoted by n facts, each a different short span. CPU time, best of five.
    const cpu = (n: number) => {
      const spans = Array.from({ length: n }, (_, k) => ({ start: 2 * k, end: 2 * k + 1, factId: `f${k}` }));
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 5; run++) {
        const t0 = process.cpuUsage();
        piecesOf(0, 2 * n, spans);
        const used = process.cpuUsage(t0);
        best = Math.min(best, used.user + used.system);
      }
      return best;
    };
    cpu(50_000);
    // Linear work gives about 4 (a little more for the sort and the collector); quadratic gives 16.
    // A burst of load can still inflate one measurement, so a bad ratio is measured again, up to three times.
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && ratio >= 12; attempt++) ratio = Math.min(ratio, cpu(200_000) / Math.max(1, cpu(50_000)));
    expect(ratio).toBeLessThan(12);
  });

  it('marks text as text', () => {
    const text = '<b>x</b>';
    expect(markPieces(text, piecesOf(0, text.length, [{ start: 0, end: 3, factId: 'a' }])).text).toBe('<mark>&lt;b&gt;</mark>x&lt;/b&gt;');
  });
});

describe('changelogSections', () => {
  it('reads the notes under each version heading of a changesets CHANGELOG', () => {
    const sections = changelogSections('# @factcite/corpus\n\n## 0.2.0\n\n### Minor Changes\n\n- Added 12 facts.\n\n## 0.1.0\n\n- First release.\n');
    expect([...sections.keys()]).toEqual(['0.2.0', '0.1.0']);
    expect(sections.get('0.2.0')).toBe('### Minor Changes\n\n- Added 12 facts.');
  });
});
