import type { SiteContext } from '../context.js';
import { html, join } from '../html.js';
import { page } from '../layout.js';

/** index.html: the search box, and ways in that need no script. */
export function homePage(ctx: SiteContext): string {
  const { index, links } = ctx;
  const topics = index.topics().toSorted();
  const body = html`<h1>Facts on AI in Hong Kong and the Greater Bay Area</h1>
<p class="lead">${index.size} facts from ${index.sources().length} Chinese-language news articles, each with its verbatim quotes. Search in Simplified or Traditional Chinese, English, a name, or a number as written (<span lang="zh-Hant">十億</span>, <span lang="zh-Hans">10亿港元</span>, HK$1 billion); cite a fact as <code>[@fact:id]</code>.</p>
<search class="search" aria-label="Facts">
<form action="${links.root()}" method="get" role="search">
<label for="q">Search facts <span lang="zh-Hans">搜索事实</span></label>
<input type="search" id="q" name="q" autocomplete="off" spellcheck="false" placeholder="数码港 / 數碼港 / Cyberport" lang="zh" aria-describedby="search-status">
</form>
<p id="search-status" class="hint" role="status" aria-live="polite">Search runs in your browser once the index has loaded.</p>
<noscript><p>Search needs JavaScript. Browse the facts by <a href="${links.root('topics/')}">topic</a>, <a href="${links.root('entities/')}">entity</a> or <a href="${links.root('sources/')}">source</a>.</p></noscript>
<ol id="results" class="facts results" aria-label="Results"></ol>
</search>
<section aria-labelledby="browse-h">
<h2 id="browse-h">Browse</h2>
<ul class="cards">
<li><a href="${links.root('charts/')}">Charts</a><span class="meta">amounts by kind, over time and by entity</span></li>
<li><a href="${links.root('sources/')}">Sources</a><span class="meta">${index.sources().length} articles with their quoted spans marked</span></li>
<li><a href="${links.root('entities/')}">Entities</a><span class="meta">${index.entities().length} organisations, people, places, programmes</span></li>
<li><a href="${links.root('releases/')}">Releases</a><span class="meta">versions, hashes and how to verify them</span></li>
</ul>
<h3>Topics</h3>
<ul class="inline">${join(topics.map((t) => html`<li><a href="${links.topic(t)}">${t}</a></li>`))}</ul>
</section>`;
  return page({
    links,
    title: 'Search',
    section: 'home',
    version: ctx.version,
    body,
    description: 'Facts on AI in Hong Kong and the Greater Bay Area, with their sources.',
  });
}
