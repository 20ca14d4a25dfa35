import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One corpus size measured in Chromium. */
export interface SiteRun {
  facts: number;
  home_kb_compressed: number;
  home_kb: number;
  index_kb_compressed: number;
  data_kb_compressed: number;
  script_kb_compressed: number;
  /** Median over three fresh loads of the time from navigation until search is ready. */
  ready_ms: number;
  keystrokes: number;
  keystroke_p50_ms: number;
  keystroke_p95_ms: number;
  keystroke_max_ms: number;
  /** 95th percentile of the last keystroke of each query: the whole query's first results. */
  query_p95_ms: number;
}

export interface SiteBench {
  date: string;
  chromium: string;
  machine: string;
  seconds: number;
  runs: SiteRun[];
}

/** The markers around the section: `pnpm bench`, which writes the rest of the page, keeps what is between them. */
const START = '<!-- site-benchmarks:start -->';
const END = '<!-- site-benchmarks:end -->';

/** A size in KB, or MB past a thousand KB, as a reader compares them. */
const size = (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`);

const label = (facts: number, real: boolean) => (real ? `real (${facts})` : `${facts.toLocaleString('en')} (synthetic)`);

/** The section's Markdown, markers included. */
function siteSection(report: SiteBench): string {
  const [real, ...synthetic] = report.runs;
  const rows = report.runs.map(
    (r, i) =>
      `| ${label(r.facts, i === 0)} | ${size(r.home_kb_compressed)} (${size(r.home_kb)}) | ${size(r.index_kb_compressed)} + ${size(r.data_kb_compressed)} + ${size(r.script_kb_compressed)} | ${r.ready_ms} ms | ${r.keystroke_p50_ms} / ${r.keystroke_p95_ms} / ${r.keystroke_max_ms} ms | ${r.query_p95_ms} ms | ${r.keystrokes} |`,
  );
  const big = synthetic.at(-1);
  return `${START}
## Fact browser

The static site \`factcite site\` writes, measured in ${report.chromium} by \`pnpm bench:site\`
(${report.date}, ${report.machine}, ${Math.round(report.seconds / 60)} minutes). The site is served by \`factcite site --serve\`,
which gzips as a static host would. **Weight** is what the home page transfers until search is
ready, from the performance API (\`encodedBodySize\` of the page and every file it loads; decoded
size in brackets); the index, search data and script are its three largest files. **Ready** is
navigation to the index read (\`createFactIndex\` over the prebuilt index), median of three fresh
loads. **Keystroke** is the time from a key's \`input\` event to its results on the page (search and
rendering the first 10), over ${real?.keystrokes ?? 0} keystrokes of ${'24'} queries typed key by key in both scripts,
English, names, numbers and an id fragment; **query p95** counts only each query's last key.

| facts | home page, compressed | index + data + script | ready | keystroke p50 / p95 / max | query p95 | keystrokes |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Targets: the first result within 50 ms of typing on the real corpus (keystroke p95 ${real?.keystroke_p95_ms ?? '–'} ms:
${real && real.keystroke_p95_ms <= 50 ? 'met' : '**missed**'}), and the home page with its index under 300 KB compressed (${real?.home_kb_compressed ?? '–'} KB:
${real && real.home_kb_compressed < 300 ? 'met' : '**missed**'}).
${
  big
    ? `
At ${big.facts.toLocaleString('en')} facts the home page loads the whole release before the first search:
${(big.home_kb_compressed / 1024).toFixed(1)} MB compressed (${(big.home_kb / 1024).toFixed(1)} MB decoded), ready after ${(big.ready_ms / 1000).toFixed(1)} s on this
machine; once loaded, a keystroke's results take ${big.keystroke_p50_ms} ms at the median and ${big.keystroke_p95_ms} ms at p95, as the
engine reads a few dozen posting entries whatever the corpus size. The load, not the search, is
what grows: a site of that size would want the index split by token and fetched as typed, which
this site does not do.
`
    : ''
}${END}
`;
}

/** Writes the section into the benchmarks page: in place of its previous version, or at the end. */
export function writeSiteSection(file: string, report: SiteBench): void {
  const page = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = siteSection(report);
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  const next =
    start >= 0 && end > start ? page.slice(0, start) + section + page.slice(end + END.length).replace(/^\n/, '') : `${page.replace(/\n*$/, '\n\n')}${section}`;
  writeFileSync(file, next);
}
