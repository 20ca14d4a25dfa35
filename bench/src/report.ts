/** docs/benchmarks.md and its chart, from one full run. */
import type { EngineResult, Measure } from './results.js';

export interface Report {
  date: string;
  seconds: number;
  machine: { cpu: string; memory_gb: number; os: string; node: string; load: string };
  options: { sizes: number[]; perKind: number; queryBudgetMs: number; seed: number };
  results: EngineResult[];
  skipped: { engine: string; facts: number; reason: string }[];
  measures: Measure[];
  profiles: Record<string, { owner: string; ms: number }[]>;
  errors: string[];
}

const ENGINE_ORDER = ['factcite', 'MiniSearch', 'FlexSearch', 'Fuse.js', 'linear scan'];
const COLORS: Record<string, string> = { factcite: '#d9480f', MiniSearch: '#1971c2', FlexSearch: '#2f9e44', 'Fuse.js': '#9c36b5', 'linear scan': '#868e96' };
const ENGINE_NAMES: Record<string, string> = { linear: 'linear scan', factcite: 'factcite', minisearch: 'MiniSearch', flexsearch: 'FlexSearch', fuse: 'Fuse.js' };

const facts = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const ms = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x < 0.01 ? x.toFixed(4) : x.toFixed(digits));
const byOrder = (a: EngineResult, b: EngineResult) => ENGINE_ORDER.indexOf(a.engine) - ENGINE_ORDER.indexOf(b.engine);

interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}

/** Each target of the issue, against what this run measured. */
export function targets(report: Report): Target[] {
  const out: Target[] = [];
  const ours = (size: number) => report.results.find((r) => r.engine === 'factcite' && r.facts === size);
  for (const [size, limit] of [
    [100_000, 5],
    [1_000_000, 25],
  ] as const) {
    const r = ours(size);
    out.push({ name: `search p95 at ${facts(size)} facts`, target: `≤ ${limit} ms`, measured: r ? `${ms(r.p95_ms)} ms` : 'not run', met: r ? r.p95_ms! <= limit : undefined });
  }
  for (const size of report.options.sizes) {
    const r = ours(size);
    const peers = report.results.filter((p) => p.facts === size && p.engine !== 'factcite' && p.engine !== 'linear scan');
    if (!r || !peers.length) continue;
    const beaten = peers.filter((p) => r.p95_ms! < p.p95_ms! && r.recall! >= p.recall!);
    out.push({
      name: `faster than every peer at ${facts(size)}, recall no worse`,
      target: 'p95 below each peer’s, recall ≥',
      measured: peers.map((p) => `${p.engine} ${ms(p.p95_ms)} ms / ${p.recall}`).join('; '),
      met: beaten.length === peers.length,
    });
  }
  const largest = [...report.results].filter((r) => r.engine === 'factcite').sort((a, b) => b.facts - a.facts)[0];
  if (largest?.extras) {
    out.push({
      name: `hover lookup (index.get) at ${facts(largest.facts)} facts`,
      target: '< 0.1 ms',
      measured: `${(largest.extras.lookup_mean_ms! * 1000).toFixed(2)} µs mean; whole hover card p95 ${ms(largest.extras.hover_p95_ms)} ms`,
      met: largest.extras.lookup_mean_ms! < 0.1,
    });
  }
  const million = ours(1_000_000);
  out.push({
    name: 'index memory at 1M facts',
    target: '< 1 GB',
    measured: million ? `${Math.round(million.heap_mb!)} MB` : 'not run',
    met: million ? million.heap_mb! < 1024 : undefined,
  });
  for (const m of report.measures) {
    if (Number.isNaN(m.target_ms) || m.target_ms === null) continue;
    out.push({ name: m.name, target: `< ${m.target_ms} ms`, measured: `${ms(m.value_ms, 1)} ms`, met: m.value_ms < m.target_ms });
  }
  return out;
}

/** A grouped bar chart of p95 latency (log scale) per corpus size, recall under each bar. */
export function renderSvg(report: Report): string {
  const sizes = report.options.sizes;
  const engines = ENGINE_ORDER.filter((e) => report.results.some((r) => r.engine === e));
  const width = 860;
  const height = 420;
  const left = 70;
  const bottom = 330;
  const top = 50;
  const values = report.results.map((r) => r.p95_ms!).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 0.1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const y = (v: number) => bottom - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (bottom - top);
  const groupWidth = (width - left - 20) / sizes.length;
  const barWidth = Math.min(34, (groupWidth - 30) / engines.length);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="24" font-size="15" font-weight="600">Search latency, p95 (ms, log scale) — recall@10 under each bar</text>`,
  );
  for (let v = lo; v <= hi; v *= 10) {
    parts.push(`<line x1="${left}" x2="${width - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#dee2e6"/>`);
    parts.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#495057">${v >= 1 ? v : v.toFixed(Math.round(-Math.log10(v)))}</text>`);
  }
  sizes.forEach((size, g) => {
    const x0 = left + g * groupWidth + (groupWidth - barWidth * engines.length) / 2;
    engines.forEach((engine, i) => {
      const x = x0 + i * barWidth;
      const r = report.results.find((row) => row.engine === engine && row.facts === size);
      if (!r) {
        parts.push(`<text x="${x + barWidth / 2}" y="${bottom - 6}" text-anchor="middle" fill="#adb5bd" font-size="10">n/a</text>`);
        return;
      }
      const h = bottom - y(r.p95_ms!);
      parts.push(`<rect x="${x + 2}" y="${bottom - h}" width="${barWidth - 4}" height="${Math.max(h, 1)}" fill="${COLORS[engine]}"><title>${engine}, ${facts(size)}: p95 ${ms(r.p95_ms)} ms, recall ${r.recall}</title></rect>`);
      parts.push(`<text x="${x + barWidth / 2}" y="${bottom - h - 4}" text-anchor="middle" font-size="9" fill="#212529">${ms(r.p95_ms, r.p95_ms! >= 100 ? 0 : 2)}</text>`);
      parts.push(`<text x="${x + barWidth / 2}" y="${bottom + 14}" text-anchor="middle" font-size="9" fill="#495057">${r.recall!.toFixed(2)}</text>`);
    });
    parts.push(`<text x="${left + g * groupWidth + groupWidth / 2}" y="${bottom + 34}" text-anchor="middle" font-weight="600">${facts(size)} facts</text>`);
  });
  engines.forEach((engine, i) => {
    const x = left + i * 150;
    parts.push(`<rect x="${x}" y="${height - 36}" width="12" height="12" fill="${COLORS[engine]}"/>`, `<text x="${x + 18}" y="${height - 26}">${engine}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function searchTable(report: Report): string {
  const lines = [
    '| facts | engine | build | index memory | p50 | p95 | p99 | recall@10 | queries |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of report.options.sizes) {
    for (const r of report.results.filter((x) => x.facts === size).sort(byOrder)) {
      const name = r.engine === 'factcite' ? '**factcite**' : r.engine;
      lines.push(
        `| ${facts(size)} | ${name} | ${(r.build_ms! / 1000).toFixed(1)} s | ${Math.round(r.heap_mb!)} MB | ${ms(r.p50_ms)} ms | ${ms(r.p95_ms)} ms | ${ms(r.p99_ms)} ms | ${r.recall!.toFixed(3)} | ${r.queries} |`,
      );
    }
    for (const s of report.skipped.filter((x) => x.facts === size)) {
      lines.push(`| ${facts(size)} | ${ENGINE_NAMES[s.engine] ?? s.engine} | skipped: ${s.reason} | | | | | | |`);
    }
  }
  return lines.join('\n');
}

function kindTable(report: Report, size: number): string {
  const rows = report.results.filter((r) => r.facts === size).sort(byOrder);
  if (!rows.length) return '';
  const kinds = Object.keys(rows[0]!.by_kind);
  const lines = [`| engine | ${kinds.join(' | ')} |`, `| --- | ${kinds.map(() => '---:').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.engine} | ${kinds.map((k) => (r.by_kind[k] ? `${ms(r.by_kind[k]!.p95_ms)} ms / ${r.by_kind[k]!.recall.toFixed(2)}` : '–')).join(' | ')} |`);
  return lines.join('\n');
}

function editorTable(report: Report): string {
  const ours = report.results.filter((r) => r.engine === 'factcite' && r.extras).sort((a, b) => a.facts - b.facts);
  const lines = ['| facts | completion p50 | completion p95 | completion p99 | "[@" first / p95 | index.get mean | hover card p50 / p95 |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of ours) {
    const e = r.extras!;
    lines.push(
      `| ${facts(r.facts)} | ${ms(e.completion_p50_ms)} ms | ${ms(e.completion_p95_ms)} ms | ${ms(e.completion_p99_ms)} ms | ${ms(e.completion_empty_first_ms, 1)} / ${ms(e.completion_empty_p95_ms)} ms | ${(e.lookup_mean_ms! * 1000).toFixed(2)} µs | ${ms(e.hover_p50_ms)} / ${ms(e.hover_p95_ms)} ms |`,
    );
  }
  return lines.join('\n');
}

function measureTable(report: Report): string {
  const lines = ['| measure | value | target | what was timed |', '| --- | ---: | ---: | --- |'];
  for (const m of report.measures) lines.push(`| ${m.name} | ${ms(m.value_ms, 1)} ms | ${m.target_ms === null || Number.isNaN(m.target_ms) ? '–' : `< ${m.target_ms} ms`} | ${m.what} |`);
  return lines.join('\n');
}

function profileList(report: Report): string {
  return Object.entries(report.profiles)
    .map(([name, owners]) => `- **${name}** (one more run under \`node --cpu-prof\`, self time by module): ${owners.map((o) => `${o.owner} ${o.ms} ms`).join(', ')}`)
    .join('\n');
}

/** Where a peer's p95 beat factcite's, which kind of query made the difference, from the run's own figures. */
function peerNote(report: Report): string {
  const notes: string[] = [];
  for (const size of report.options.sizes) {
    const r = report.results.find((x) => x.engine === 'factcite' && x.facts === size);
    if (!r) continue;
    for (const p of report.results.filter((x) => x.facts === size && x.engine !== 'factcite' && x.engine !== 'linear scan')) {
      if (r.p95_ms! < p.p95_ms!) continue;
      const gaps = Object.entries(r.by_kind)
        .map(([kind, v]) => ({ kind, ours: v.p95_ms, theirs: p.by_kind[kind]?.p95_ms ?? Number.NaN }))
        .sort((a, b) => b.ours - b.theirs - (a.ours - a.theirs));
      const worst = gaps[0];
      notes.push(
        `- **${p.engine} at ${facts(size)} facts** had the lower p95 (${ms(p.p95_ms)} against ${ms(r.p95_ms)} ms, at recall ${p.recall} against ${r.recall})` +
          (worst ? `. The gap is in ${worst.kind} queries (p95 ${ms(worst.ours)} against ${ms(worst.theirs)} ms)` : '') +
          `. A query of several terms intersects the lists of each term's character pairs, then checks each
  candidate's text for the phrase (folding that text first) and, when few facts hold every term, goes
  on to facts that hold some; profiled, folding and that second pass are most of its time. With short
  lists at this size that work is not amortised; the peer checks no phrase (one character a term) and
  does not look for partial matches, which is part of its lower recall.`,
      );
    }
  }
  return notes.join('\n');
}

function buildNote(report: Report): string {
  const r = [...report.results].filter((x) => x.engine === 'factcite').sort((a, b) => b.facts - a.facts)[0];
  if (!r) return '';
  return `- **Build** at ${facts(r.facts)} facts takes ${(r.build_ms! / 1000).toFixed(0)} s, once, on the first search (peak resident memory of
  the whole process, corpus included: ${r.peak_rss_mb} MB). \`exportSearchIndex()\` saves it for
  \`createFactIndex(corpus, { searchIndex })\` to read instead; how fast that reads at this size is
  not measured here.`;
}

/** The whole page. */
export function renderMarkdown(report: Report, svgName: string): string {
  const t = targets(report);
  const mark = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**missed**');
  const largest = Math.max(...report.options.sizes.filter((s) => report.results.some((r) => r.facts === s && r.engine === 'factcite')));
  return `# Benchmarks

How fast factcite finds, completes, explains and checks citations as the corpus and the report
grow, measured beside the search libraries a team would otherwise pick. Reproduce it with
\`pnpm install && pnpm build && pnpm bench\` (about ${Math.round(report.seconds / 60)} minutes; \`pnpm bench --quick\` runs
100k facts in under five). This page is written by that command; the text between the tables is
kept in \`bench/src/report.ts\`; after changing it, \`pnpm bench --redraw\` draws the page again from
the saved measurements (\`benchmarks.json\`).

Run on ${report.date}: ${report.machine.cpu}, ${report.machine.memory_gb} GB, ${report.machine.os}, Node ${report.machine.node}.
Load average ${report.machine.load} (other work shared the machine: compare engines within this
run, not with another machine's numbers).

![p95 search latency by engine and corpus size](${svgName})

## Targets

| target | wanted | measured | |
| --- | --- | --- | --- |
${t.map((x) => `| ${x.name} | ${x.target} | ${x.measured} | ${mark(x.met)} |`).join('\n')}

## Search

${searchTable(report)}

Build is the time to index every fact (factcite builds its text index on the first search; that
is included). Index memory is what the engine holds after a full garbage collection, less the
corpus itself: the JS heap plus typed-array buffers. Latency is one query, top 10, single-threaded.

Per kind of query at ${facts(largest)} facts (p95 / recall@10):

${kindTable(report, largest)}

### Method

- **Corpora** (\`bench/src/generate.ts\`): ${report.options.sizes.map(facts).join(', ')} facts generated from a seed (${report.options.seed}),
  shaped like the real corpus and drawn from it: Chinese stitched from fragments of the real
  statements, quotes and articles (so characters and character pairs have their real
  frequencies), about two facts in three in Traditional script, English from runs of the real
  English statements, values from the real ones with digits redrawn (\`73亿港元\`, \`超過2300家\`),
  the 78 real entities plus one new one per 40 facts, each fact naming one to four, popular ones
  far more often.
- **Queries** (\`bench/src/queries.ts\`): ${report.options.perKind} of each kind, drawn from the corpus so that each has
  an answer: 1–4 Han characters from the start of a word in Simplified and in Traditional script,
  English words (half of them still being typed: \`supercomp\`), entity names and aliases in any
  script, values as written (\`10亿\`, \`88%\`, \`800多家\`), and two or three terms together. An engine
  that is slow runs the first queries until it has spent ${report.options.queryBudgetMs / 1000} s (the kinds are interleaved, so
  that is still a fair sample); the table says how many it ran.
- **Ground truth** (\`bench/src/truth.ts\`): a fact is relevant when its folded text (id,
  statements, entity names and aliases, value, topics, quotes) holds every folded query term
  where a word may start: anywhere for Chinese, at the start of a word for letters and digits.
  The linear scan applies exactly that rule to every fact; recall@10 is the share of an engine's
  top 10 that is relevant, out of min(10, relevant facts).
- **Peers**, each given the same folded text (\`foldText\`: NFKC, lower case, Traditional to
  Simplified) and folded queries, set up as their docs suggest for Chinese: MiniSearch with an
  \`Intl.Segmenter\` tokenizer, prefix search and AND; FlexSearch with each Han character a term
  (its \`Charset.CJK\` split), Latin words whole, \`forward\` tokenizer; Fuse.js extended search, each
  term an include-match (\`'term\`), \`ignoreLocation\` (its token search with \`Intl.Segmenter\`
  words, the docs' advice for Chinese, took about a second a query at 10k facts for recall 0.78).
- Before its measured queries each engine runs the query list untimed for 1.5 s, to warm the JIT.
- Each engine runs alone in a fresh \`node --expose-gc\` process per corpus size.

## Editor features

Completion is \`completions()\` of \`@factcite/language-service\` after \`见[@\` and the query (the
list the editor shows: up to 100 items, each with its statement, value and summary); \`"[@"\` is the
list before anything is typed (every fact, in id order; the first call sorts the ids). Hover
lookup is \`index.get(id)\`, timed in batches of 1000; the hover card is the whole \`hover()\` answer.

${editorTable(report)}

${measureTable(report)}

Where the time of the start-up measures goes:

${profileList(report)}

${report.errors.length ? `Errors in this run:\n\n${report.errors.map((e) => `- ${e}`).join('\n')}\n` : ''}
## Why factcite is fast, and where it is not

- **Index**: each token (a Han character, a pair of Han characters, a word of Latin letters and
  digits) has one posting list per field (id, statement, entity names, value, topics, quotes):
  varint-compressed gaps, with a skip point every 64 entries. A fact sits in one list per token,
  the list of the best field it holds the token in. Facts are numbered active first, then by
  length, shortest first: the order equal matches rank in. So a list read from its start is read
  best first, and a search for one token reads its lists only until the next fact could not
  enter the top 10: a few dozen entries, whatever the corpus size. A query of several terms or a
  longer phrase intersects lists (leapfrogging on the skip points from the rarest), stops when
  the score bound allows, and otherwise after 200 candidates per result asked for: the results
  are still all matches, the ranking past that point approximate. A phrase the pairs only
  suggest (three characters or more, letters with signs) is checked in the fact's text, and only
  for a fact that would make the results.
- **Folding** is a character table built from OpenCC's Hong Kong → Simplified dictionaries,
  without its phrase rules, so that a one-character query folds as it does inside a sentence. It
  is identical to OpenCC on the whole real corpus and about 18 times faster.
- **Editing**: a new version of a report carries over the previous one's code-span, code-block
  and comment ranges, blank lines and line starts when the edit brings or takes away no
  backtick, \`<\`, \`>\` or fence: only the blocks around the edit are scanned and parsed.
  Edits of a 10 MB report vary: the first ones after the document opens run before the JIT has
  compiled the incremental path, and each version is 20 MB of UTF-16 text whose collection
  lands in whichever edit the collector picks (under a profiler, garbage collection was the
  largest single cost of an edit). With 15 edits the 95th percentile is the slowest edit or
  nearly, so it swings with the machine's load from run to run; the median is the steady case.
- **Cold start**: \`@factcite/corpus\` ships its search index prebuilt (\`search-index.bin\`: the
  index's own typed arrays end to end, used in place), and \`createFactIndex(corpus, { searchIndex })\`
  reads it in a few milliseconds. Built instead, the index of the 222 facts takes about 90 ms in
  a fresh process, whose code the JIT has not compiled yet. The first search still pays once for
  ICU's Chinese word segmenter and the folding table. The main entry of \`@factcite/core\` also
  imports zod (its schemas are built at import) and YAML, for validating and parsing corpora:
  that is the gap between the two entries, so code that only searches a release imports
  \`@factcite/core/search\`.
- **Activation**: the extension's bundle holds only what activation needs. OpenCC's
  dictionaries (converting a script) and the workspace corpus loader (YAML and zod) are files of
  their own, required on first use; ICU's segmenter and number format are made on first use;
  \`activate()\` reads the bundled corpus and its prebuilt index.
${buildNote(report)}
${peerNote(report)}
`;
}
