import type { Entity, Fact } from '@factcite/core';
import { describeValue, factDate } from '@factcite/language-service';
import type { SiteContext } from '../context.js';
import { type Html, html, join } from '../html.js';
import { switchable } from '../scripts.js';

/** A link to an entity, its name following the display script. */
export function entityLink(ctx: SiteContext, id: string): Html {
  const entity = ctx.index.entity(id);
  if (!entity) return html`<span>${id}</span>`;
  return html`<a href="${ctx.links.entity(id)}">${switchable(ctx.entityName(entity))}</a>`;
}

/** A link to a topic (topics are English kebab-case words). */
export function topicLink(ctx: SiteContext, topic: string): Html {
  return html`<a href="${ctx.links.topic(topic)}">${topic}</a>`;
}

/** A fact as one list item: its statement (following the switch), value, date, status and first source. */
function factItem(ctx: SiteContext, fact: Fact): Html {
  const value = valueHtml(ctx, fact);
  const source = fact.citations[0] && ctx.index.source(fact.citations[0].source);
  return html`<li class="fact-item${fact.status === 'deprecated' ? ' deprecated' : ''}">
<a href="${ctx.links.fact(fact.id)}">${switchable(ctx.statement(fact))}</a>
<span class="meta">${value}${fact.status === 'deprecated' ? html` <span class="badge">deprecated</span>` : ''}${source ? html` · <span lang="${ctx.sourceLang(source)}">${source.publisher}</span>` : ''} · <code>${fact.id}</code></span>
</li>`;
}

/**
 * A fact's value and date: the source's wording (in the source's script),
 * the reading in English when it says more, and the date.
 */
export function valueHtml(ctx: SiteContext, fact: Fact): Html {
  const date = factDate(fact);
  const value = fact.value;
  const reading = value ? describeValue(value) : '';
  const parts: Html[] = [];
  if (value)
    parts.push(
      html`<span class="value"><span lang="${ctx.factLang(fact)}">${value.text}</span>${reading && reading !== value.text && reading !== date ? html` <span class="reading">(${reading})</span>` : ''}</span>`,
    );
  if (date) parts.push(html`<time datetime="${date}">${date}</time>`);
  return join(parts, ' · ');
}

/** A list of facts, newest first by date, then by id. */
export function factList(ctx: SiteContext, facts: readonly Fact[]): Html {
  const sorted = facts.toSorted((a, b) => (factDate(b) ?? '').localeCompare(factDate(a) ?? '') || a.id.localeCompare(b.id));
  return html`<ul class="facts">${join(sorted.map((f) => factItem(ctx, f)))}</ul>`;
}

/** Entities sorted by English name, for index pages. */
export function byEnglishName(entities: readonly Entity[]): Entity[] {
  return entities.toSorted((a, b) => a.names.en.localeCompare(b.names.en));
}
