import type { Entity } from '@factcite/core';
import type { SiteContext } from '../context.js';
import { html, join } from '../html.js';
import { page } from '../layout.js';
import { switchable } from '../scripts.js';
import { byEnglishName, factList } from './common.js';

/** The page of an entity: its names in every script, aliases, and the facts naming it. */
export function entityPage(ctx: SiteContext, entity: Entity): string {
  const facts = ctx.index.byEntity(entity.id);
  const body = html`<article class="entity">
<p class="kicker">${entity.kind} <code>${entity.id}</code></p>
<h1>${switchable(ctx.entityName(entity))}</h1>
<dl class="facts-table">
<dt lang="zh-Hans">简体</dt><dd lang="zh-Hans">${entity.names['zh-Hans']}</dd>
<dt lang="zh-Hant">繁體</dt><dd lang="zh-Hant">${entity.names['zh-Hant']}</dd>
<dt>English</dt><dd lang="en">${entity.names.en}</dd>
${entity.aliases.length ? html`<dt>Also written</dt><dd><ul class="inline">${join(entity.aliases.map((a) => html`<li lang="${/[\p{Script=Han}]/u.test(a) ? 'zh' : 'en'}">${a}</li>`))}</ul></dd>` : ''}
${entity.description ? html`<dt>About</dt><dd lang="en">${entity.description}</dd>` : ''}
</dl>
<section aria-labelledby="facts-h"><h2 id="facts-h">${facts.length} facts</h2>${factList(ctx, facts)}</section>
</article>`;
  return page({ links: ctx.links, title: entity.names.en, section: 'entities', version: ctx.version, body });
}

/** entities/index.html: every entity by kind, with how many facts name it. */
export function entitiesIndexPage(ctx: SiteContext): string {
  const kinds = new Map<string, Entity[]>();
  for (const e of byEnglishName(ctx.index.entities())) {
    const list = kinds.get(e.kind);
    if (list) list.push(e);
    else kinds.set(e.kind, [e]);
  }
  const body = html`<h1>Entities</h1>
<p>Organisations, people, places, programmes, products, events and documents the facts name.</p>
${join(
  [...kinds].map(
    ([kind, list]) =>
      html`<section aria-labelledby="k-${kind}"><h2 id="k-${kind}">${kind}</h2><ul class="columns">${join(
        list.map(
          (e) =>
            html`<li><a href="${ctx.links.entity(e.id)}">${switchable(ctx.entityName(e))}</a> <span class="count">${ctx.index.byEntity(e.id).length}</span></li>`,
        ),
      )}</ul></section>`,
  ),
)}`;
  return page({ links: ctx.links, title: 'Entities', section: 'entities', version: ctx.version, body });
}

/** The page of a topic: the facts filed under it. */
export function topicPage(ctx: SiteContext, topic: string): string {
  const facts = ctx.index.byTopic(topic);
  const body = html`<h1>Topic: ${topic}</h1><p>${facts.length} facts.</p>${factList(ctx, facts)}`;
  return page({ links: ctx.links, title: `Topic ${topic}`, section: 'topics', version: ctx.version, body });
}

/** topics/index.html: every topic with its count. */
export function topicsIndexPage(ctx: SiteContext): string {
  const topics = ctx.index.topics().toSorted();
  const body = html`<h1>Topics</h1><ul class="columns">${join(
    topics.map((t) => html`<li><a href="${ctx.links.topic(t)}">${t}</a> <span class="count">${ctx.index.byTopic(t).length}</span></li>`),
  )}</ul>`;
  return page({ links: ctx.links, title: 'Topics', section: 'topics', version: ctx.version, body });
}
