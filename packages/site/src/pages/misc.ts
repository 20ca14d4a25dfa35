import type { SiteContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { factList } from './common.js';

/** facts/index.html: every fact, newest first, for a reader who climbs up from a permalink. */
export function factsIndexPage(ctx: SiteContext): string {
  const facts = ctx.index.all();
  const body = html`<h1>All facts</h1><p>${facts.length} facts, newest first. <a href="${ctx.links.root()}">Search them</a> instead of scrolling.</p>${factList(ctx, facts)}`;
  return page({ links: ctx.links, title: 'All facts', version: ctx.version, body });
}

/** 404.html: what a static host shows for a page that does not exist (a mistyped or removed id). */
export function notFoundPage(ctx: SiteContext): string {
  const body = html`<h1>No such page</h1>
<p>There is no page at this address. A fact id is never removed from the corpus, so a link to a fact that once existed still works; check the id for a typo, or <a href="${ctx.links.root()}">search the facts</a>.</p>`;
  return page({ links: ctx.links, title: 'No such page', version: ctx.version, body });
}
