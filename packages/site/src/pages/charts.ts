import type { SiteContext } from '../context.js';
import { chartGroups, chartPoints, entityChart, timeChart } from '../charts.js';
import { html, join } from '../html.js';
import { page } from '../layout.js';
import { switchable } from '../scripts.js';

/** charts/index.html: the facts with amounts, by kind, over time and by entity; each chart with its data as a table. */
export function chartsPage(ctx: SiteContext): string {
  const groups = chartGroups(ctx.index.all());
  const sections = groups.map((group) => {
    const rows = chartPoints(ctx, group);
    const time = timeChart(group, rows);
    const dated = new Set(rows.filter((r) => r.date).map((r) => r.factId));
    const undated = group.facts.filter((f) => !dated.has(f.id));
    return html`<section class="chart-group" aria-labelledby="${group.key}">
<h2 id="${group.key}">${group.title}</h2>
${time ? html`<figure><figcaption>Over time (a year or month alone is drawn at its first day)</figcaption>${time}</figure>` : ''}
${undated.length ? html`<p class="hint">${undated.length} of these facts give no date and are drawn by entity only.</p>` : ''}
<figure><figcaption>By entity (each fact under the first three entities it names)</figcaption>${entityChart(group, rows)}</figure>
<details><summary>The data as a table</summary>
<table><thead><tr><th scope="col">Fact</th><th scope="col">As written</th><th scope="col">Amount</th><th scope="col">Date</th></tr></thead><tbody>
${join(
  group.facts.map(
    (f) =>
      html`<tr><td><a href="${ctx.links.fact(f.id)}">${switchable(ctx.statement(f))}</a></td><td lang="${ctx.factLang(f)}">${f.value!.text}</td><td>${f.value!.amount!.toLocaleString('en')} ${f.value!.unit}</td><td>${f.date ?? f.value!.date ?? ''}</td></tr>`,
  ),
)}
</tbody></table></details>
</section>`;
  });
  const body = html`<h1>Charts</h1>
<p>The facts with amounts: money by currency, counts of companies, percentages. Every dot is a link to its fact; each chart's data is also given as a table. Deprecated facts are left out.</p>
<nav aria-label="Charts"><ul class="inline">${join(groups.map((g) => html`<li><a href="#${g.key}">${g.title}</a></li>`))}</ul></nav>
${join(sections)}`;
  return page({ links: ctx.links, title: 'Charts', section: 'charts', version: ctx.version, body });
}
