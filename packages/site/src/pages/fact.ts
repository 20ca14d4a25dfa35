import { bibtexEntry, type Fact, factItem, resolveSuccessor } from '@factcite/core';
import { footnote, type StatementScript } from '@factcite/language-service';
import type { SiteContext } from '../context.js';
import { markPieces, paragraphAt, paragraphsOf, piecesOf } from '../highlight.js';
import { type Html, html, join } from '../html.js';
import { page } from '../layout.js';
import { DISPLAY_SCRIPTS, type ScriptKey, switchable } from '../scripts.js';
import { entityLink, topicLink, valueHtml } from './common.js';
import { noteVariants } from './notes.js';

/** The quote inside its paragraph of the source, the quote marked; the quote alone when the text does not hold it. */
function quoteInParagraph(ctx: SiteContext, sourceId: string, quote: string): Html {
  const source = ctx.index.source(sourceId);
  const lang = source ? ctx.sourceLang(source) : 'zh';
  const at = source ? source.text.indexOf(quote) : -1;
  if (!source || at < 0) return html`<blockquote lang="${lang}"><p><mark>${quote}</mark></p></blockquote>`;
  const paragraphs = paragraphsOf(source.text);
  const first = paragraphAt(paragraphs, at)!;
  const last = paragraphAt(paragraphs, at + quote.length - 1) ?? first;
  const span = { start: at, end: at + quote.length, factId: '' };
  return html`<blockquote lang="${lang}" cite="${ctx.links.source(sourceId)}">${join(
    paragraphs
      .filter((p) => p.start >= first.start && p.start <= last.start)
      .map((p) => html`<p>${markPieces(source.text, piecesOf(p.start, p.end, [span]))}</p>`),
  )}</blockquote>`;
}

/** A labelled text to copy, with its button (shown once the script runs). */
function copyBlock(id: string, label: string, body: Html, block = false): Html {
  const content = block ? html`<pre id="${id}">${body}</pre>` : html`<code id="${id}">${body}</code>`;
  return html`<div class="copy"><span class="copy-label">${label}</span>${content}<button type="button" class="copy-button" data-copy="${id}" hidden>Copy ${/^[A-Z]{2}/.test(label) ? label : label.toLowerCase()}</button></div>`;
}

/** The footnote in every display script, following the switch. */
function footnotes(ctx: SiteContext, fact: Fact): Html {
  const texts = {} as Record<ScriptKey, string>;
  for (const { key, script } of DISPLAY_SCRIPTS) texts[key] = footnote(fact, ctx.index, script as StatementScript);
  return switchable({ texts, originalLang: ctx.statement(fact).originalLang });
}

/** The page of one fact: facts/<id>/index.html. */
export function factPage(ctx: SiteContext, fact: Fact): string {
  const { index, links } = ctx;
  const variants = ctx.statement(fact);
  const successorId = fact.status === 'deprecated' ? resolveSuccessor(index, fact.id) : undefined;
  const successor = successorId ? index.get(successorId) : undefined;
  const sources = [...new Set(fact.citations.map((c) => c.source))];
  const csl = factItem(fact, index);
  const bibtex = bibtexEntry(fact, index);
  const notes = noteVariants(fact, index);
  const said = fact.attributedTo ? html`<dt>Said by</dt><dd>${entityLink(ctx, fact.attributedTo)}</dd>` : '';
  const body = html`<article class="fact" data-fact="${fact.id}">
<p class="kicker">Fact <code>${fact.id}</code> · ${fact.kind}</p>
<h1>${switchable(variants)}</h1>
${
  fact.status === 'deprecated'
    ? html`<div class="notice" role="note"><strong>Deprecated.</strong> This fact has been replaced${
        successor
          ? html`: cite <a class="successor" href="${links.fact(successor.id)}">${switchable(ctx.statement(successor))}</a> (<code>${successor.id}</code>) instead.`
          : '.'
      } Old reports that cite it still resolve.</div>`
    : ''
}
${notes.length ? html`<div class="notes" role="note"><h2 class="notes-h">Before you cite it</h2><ul>${join(notes.map((n) => html`<li>${switchable(n)}</li>`))}</ul></div>` : ''}
<section aria-labelledby="cite-h">
<h2 id="cite-h">Cite it</h2>
${copyBlock('cite-key', 'Citation', html`[@fact:${fact.id}]`)}
${copyBlock('cite-footnote', 'Footnote', footnotes(ctx, fact))}
<details><summary>CSL-JSON and BibTeX</summary>
${csl ? copyBlock('cite-csl', 'CSL-JSON', html`${JSON.stringify(csl, null, 2)}`, true) : ''}
${bibtex ? copyBlock('cite-bibtex', 'BibTeX', html`${bibtex}`, true) : ''}
</details>
</section>
<section aria-labelledby="about-h">
<h2 id="about-h">The fact</h2>
<dl class="facts-table">
<dt lang="zh-Hans">简体</dt><dd lang="zh-Hans">${variants.texts.hans}</dd>
<dt lang="zh-Hant">繁體</dt><dd lang="zh-Hant-HK">${variants.texts.hk}</dd>
<dt>English</dt><dd lang="en">${variants.texts.en}</dd>
${fact.value || fact.date ? html`<dt>${fact.value ? 'Value' : 'Date'}</dt><dd>${valueHtml(ctx, fact)}${fact.value && fact.value.qualifier !== 'exact' ? html` <span class="qualifier">qualifier: ${fact.value.qualifier}</span>` : ''}</dd>` : ''}
${fact.entities.length ? html`<dt>Entities</dt><dd><ul class="inline">${join(fact.entities.map((id) => html`<li>${entityLink(ctx, id)}</li>`))}</ul></dd>` : ''}
${said}
${fact.topics.length ? html`<dt>Topics</dt><dd><ul class="inline">${join(fact.topics.map((t) => html`<li>${topicLink(ctx, t)}</li>`))}</ul></dd>` : ''}
<dt>Status</dt><dd>${fact.status}${successor ? html`, superseded by <a href="${links.fact(successor.id)}"><code>${successor.id}</code></a>` : ''}</dd>
<dt>Release</dt><dd>in the corpus since <a href="${links.root('releases/')}#v${fact.since}">${fact.since}</a>${ctx.version ? `; shown from ${ctx.version}` : ''}</dd>
</dl>
</section>
<section aria-labelledby="sources-h">
<h2 id="sources-h">What the sources say</h2>
${sources.length > 1 ? html`<p>Reported by ${sources.length} sources, which corroborate each other.</p>` : ''}
${join(
  fact.citations.map((c) => {
    const source = index.source(c.source);
    return html`<figure class="citation">
${quoteInParagraph(ctx, c.source, c.quote)}
<figcaption>${source ? html`<a href="${links.source(source.id)}"><span lang="${ctx.sourceLang(source)}">${source.publisher}, ${source.title}</span></a>, <time datetime="${source.published}">${source.published}</time>` : html`source <code>${c.source}</code>`}</figcaption>
</figure>`;
  }),
)}
</section>
</article>`;
  return page({ links, title: variants.texts.en, version: ctx.version, body, description: variants.texts.en });
}
