import type { Fact, Source } from '@factcite/core';
import type { SiteContext } from '../context.js';
import { markPieces, paragraphIndexAt, paragraphsOf, piecesOf, type QuotedSpan } from '../highlight.js';
import { html, join } from '../html.js';
import { page } from '../layout.js';
import { factList } from './common.js';

/** Where each fact citing the source quotes it: the first occurrence of each quote. */
function quotedSpans(source: Source, facts: readonly Fact[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const fact of facts) {
    for (const c of fact.citations) {
      if (c.source !== source.id) continue;
      const at = source.text.indexOf(c.quote);
      if (at >= 0) spans.push({ start: at, end: at + c.quote.length, factId: fact.id });
    }
  }
  return spans;
}

/** The page of one source: its metadata and whole cleaned text, every quoted span marked and linked to its fact. */
export function sourcePage(ctx: SiteContext, source: Source): string {
  const { index, links } = ctx;
  const facts = index.bySource(source.id);
  const lang = ctx.sourceLang(source);
  const spans = quotedSpans(source, facts);
  const paragraphs = paragraphsOf(source.text);
  // Each span goes to the paragraphs it touches, found by binary search: no paragraph scans every span.
  const byParagraph = new Map<number, QuotedSpan[]>();
  for (const span of spans) {
    const first = paragraphIndexAt(paragraphs, span.start);
    const last = paragraphIndexAt(paragraphs, span.end - 1);
    for (let i = Math.max(first, 0); i <= last; i++) {
      const list = byParagraph.get(i);
      if (list) list.push(span);
      else byParagraph.set(i, [span]);
    }
  }
  const quotedChars = piecesOf(0, source.text.length, spans).reduce((n, p) => n + (p.factIds.length ? p.end - p.start : 0), 0);
  const share = source.text.length ? Math.round((100 * quotedChars) / source.text.length) : 0;
  const describe = (ids: string[]) => ids.map((id) => index.get(id)?.statement.en ?? id).join(' / ');
  const body = html`<article class="source">
<p class="kicker">Source <code>${source.id}</code></p>
<h1 lang="${lang}">${source.title}</h1>
<dl class="facts-table">
<dt>Publisher</dt><dd lang="${lang}">${source.publisher}</dd>
${source.authors.length ? html`<dt>Authors</dt><dd lang="${lang}">${source.authors.join('、')}</dd>` : ''}
<dt>Published</dt><dd><time datetime="${source.published}">${source.published}</time>${source.page ? `, page ${source.page}` : ''}</dd>
${source.url ? html`<dt>Original</dt><dd><a href="${source.url}" rel="noopener noreferrer nofollow">${source.url}</a></dd>` : ''}
<dt>Script</dt><dd>${source.script === 'Hant' ? 'Traditional Chinese' : 'Simplified Chinese'}</dd>
<dt>Facts</dt><dd>${facts.length} facts quote ${share}% of the text</dd>
${source.defects.length ? html`<dt>Garbled spans</dt><dd><ul>${join(source.defects.map((d) => html`<li lang="${lang}">${d}</li>`))}</ul><p>No quote may include them.</p></dd>` : ''}
</dl>
<section aria-labelledby="text-h">
<h2 id="text-h">The article</h2>
<p class="hint">The cleaned text as the corpus keeps it. <mark>Marked</mark> spans are quoted by a fact: follow one to its fact. Unmarked text was not taken.</p>
<div class="source-text" lang="${lang}">
${join(paragraphs.map((p, i) => html`<p>${markPieces(source.text, piecesOf(p.start, p.end, byParagraph.get(i) ?? []), (id) => links.fact(id), describe)}</p>`))}
</div>
</section>
<section aria-labelledby="facts-h">
<h2 id="facts-h">Facts from this source</h2>
${factList(ctx, facts)}
</section>
</article>`;
  return page({ links, title: source.title, section: 'sources', version: ctx.version, body });
}

/** sources/index.html: every source, newest first. */
export function sourcesIndexPage(ctx: SiteContext): string {
  const sources = ctx.index.sources().toSorted((a, b) => b.published.localeCompare(a.published));
  const body = html`<h1>Sources</h1>
<p>The articles the facts are drawn from, each with its cleaned text and the spans the facts quote.</p>
<ul class="cards">${join(
    sources.map(
      (s) =>
        html`<li><a href="${ctx.links.source(s.id)}" lang="${ctx.sourceLang(s)}">${s.title}</a><span class="meta"><span lang="${ctx.sourceLang(s)}">${s.publisher}</span> · <time datetime="${s.published}">${s.published}</time> · ${ctx.index.bySource(s.id).length} facts</span></li>`,
    ),
  )}</ul>`;
  return page({ links: ctx.links, title: 'Sources', section: 'sources', version: ctx.version, body });
}
