import type { SiteContext } from '../context.js';
import { html, join } from '../html.js';
import { page } from '../layout.js';

/** releases/index.html: each release with its notes, hash and counts, and how to check an installed copy. */
export function releasesPage(ctx: SiteContext): string {
  const { index, links } = ctx;
  const sections = ctx.releases.map((r) => {
    const added = index.all().filter((f) => f.since === r.version);
    const id = r.unreleased ? 'unreleased' : `v${r.version}`;
    const shownHere = r.unreleased || (r.version === ctx.version && !ctx.releases.some((x) => x.unreleased));
    const heading = r.unreleased ? `Unreleased changes after ${r.version}` : r.version;
    return html`<section aria-labelledby="${id}-h" id="${id}">
<h2 id="${id}-h">${heading}${shownHere ? ' (shown here)' : ''}</h2>
${r.unreleased ? html`<p>This site was built from a working copy of the corpus that differs from the published ${r.version}: its hash is not one a published release has.</p>` : ''}
<dl class="facts-table">
<dt>Release hash</dt><dd><code class="hash">${r.hash}</code></dd>
<dt>Holds</dt><dd>${r.counts.facts} facts, ${r.counts.sources} sources, ${r.counts.entities} entities</dd>
${r.unreleased ? '' : html`<dt>New facts</dt><dd>${added.length} facts first released in ${r.version}${added.length ? html` (<a href="${links.fact(added[0]!.id)}">first</a>)` : ''}</dd>`}
</dl>
${r.changelog ? html`<h3>Release notes</h3><pre class="changelog" lang="en">${r.changelog}</pre>` : ''}
</section>`;
  });
  const body = html`<h1>Releases</h1>
<p>The facts are published as versioned releases of <code>@factcite/corpus</code>. A fact id never disappears in a minor or patch release: a replaced fact stays, deprecated, naming its successor.</p>
<h2>Check a release</h2>
<p>Each release has a manifest of SHA-256 hashes (each fact, source and entity, each file, and the release as a whole). Recompute them for an installed copy:</p>
<pre><code>npx @factcite/cli verify node_modules/@factcite/corpus</code></pre>
<p>It prints the release hash; compare it with the one below.</p>
${join(sections)}`;
  return page({ links, title: 'Releases', section: 'releases', version: ctx.version, body });
}
