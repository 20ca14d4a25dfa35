// The fact browser's performance, measured in Debian's Chromium: the home
// page's compressed weight with its index, the time until search is ready,
// and the time from each keystroke to its results, on the real corpus and on
// the bench's synthetic corpus of 100k facts (bench/src/generate.ts). Writes
// docs/site-benchmarks.json and the "Fact browser" section of
// docs/benchmarks.md (between markers that `pnpm bench` keeps).
//
//   pnpm bench:site            real corpus and 100k facts
//   pnpm bench:site --sizes 0  the real corpus only (0 = real)
//   pnpm bench:site --redraw   the section again from docs/site-benchmarks.json
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateCorpus } from '../../../bench/src/generate.js';
import { buildSearchAssets, serveSite } from '../src/index.js';
import { writeSiteSection, type SiteBench, type SiteRun } from './bench-report.js';
// @ts-expect-error: a plain .mjs module shared with the browser test
import { pageWeight, typeQuery } from '../test/browser/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const cli = path.join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [0, 100_000];

/** Queries a reader types: both scripts, English, names, numbers, an id fragment. */
const QUERIES = [
  '数码港',
  '數碼港',
  'cyberport',
  '人工智能',
  '超算中心',
  '科学园',
  '研发院',
  '初创企业',
  'HKGAI',
  'DeepSeek',
  '深圳',
  '香港投资管理',
  '10亿港元',
  '十億',
  '800多家',
  '七成',
  'AI companies',
  'supercomputing',
  'Science Park',
  'budget',
  'hk-ai-rd',
  '大湾区 人工智能',
  '數碼港 初創',
  '商汤',
];

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let chromiumVersion = '';

async function measureSite(dir: string, facts: number): Promise<SiteRun> {
  const server = await serveSite({ dir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  chromiumVersion = `Chromium ${browser.version()}`;
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const loads: number[] = [];
    let weight: Awaited<ReturnType<typeof pageWeight>> | undefined;
    // Three fresh loads: the index-ready time varies with the machine's load.
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(server.url);
      await fresh.waitForSelector('body[data-search-ready="true"]', { timeout: 300_000 });
      weight = await pageWeight(fresh);
      loads.push(weight.indexReadyMs);
      await context.close();
    }
    await page.goto(server.url);
    await page.waitForSelector('body[data-search-ready="true"]', { timeout: 300_000 });
    const keystrokes: number[] = [];
    const lastKey: number[] = [];
    for (const query of QUERIES) {
      const times: number[] = await typeQuery(page, query);
      keystrokes.push(...times);
      lastKey.push(times.at(-1)!);
    }
    const byFile = (suffix: string) => weight!.files.find((f: { path: string }) => f.path.endsWith(suffix));
    return {
      facts,
      home_kb_compressed: Math.round(weight!.encoded / 1024),
      home_kb: Math.round(weight!.decoded / 1024),
      index_kb_compressed: Math.round((byFile('search-index.bin')?.encoded ?? 0) / 1024),
      data_kb_compressed: Math.round((byFile('search-data.json')?.encoded ?? 0) / 1024),
      script_kb_compressed: Math.round((byFile('site.js')?.encoded ?? 0) / 1024),
      ready_ms: Math.round(percentile(loads, 50)),
      keystrokes: keystrokes.length,
      keystroke_p50_ms: Number(percentile(keystrokes, 50).toFixed(1)),
      keystroke_p95_ms: Number(percentile(keystrokes, 95).toFixed(1)),
      keystroke_max_ms: Number(Math.max(...keystrokes).toFixed(1)),
      query_p95_ms: Number(percentile(lastKey, 95).toFixed(1)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv.includes('--redraw')) {
  // A change to the section's text: the saved measurements, written again.
  writeSiteSection(
    path.join(repoRoot, 'docs', 'benchmarks.md'),
    JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'site-benchmarks.json'), 'utf8')) as SiteBench,
  );
  console.log('drew the Fact browser section of docs/benchmarks.md again from docs/site-benchmarks.json');
  process.exit(0);
}

const started = Date.now();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'factcite-site-bench-'));
const runs: SiteRun[] = [];
try {
  const site = path.join(tmp, 'site');
  execFileSync(process.execPath, [cli, 'site', '--out', site], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  for (const size of sizes) {
    if (size === 0) {
      const facts = JSON.parse(readFileSync(path.join(site, 'assets', 'search-data.json'), 'utf8')).corpus.facts.length;
      runs.push(await measureSite(site, facts));
    } else {
      // The real site's pages and script, with the search assets of the synthetic corpus: what its home page would load.
      console.log(`Generating ${size.toLocaleString('en')} facts and their search assets…`);
      const corpus = generateCorpus(size);
      for (const [file, content] of buildSearchAssets(corpus)) writeFileSync(path.join(site, file), content);
      runs.push(await measureSite(site, size));
    }
    console.table([runs.at(-1)]);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const report: SiteBench = {
  date: new Date().toISOString().slice(0, 10),
  chromium: chromiumVersion,
  machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`,
  seconds: Math.round((Date.now() - started) / 1000),
  runs,
};
writeFileSync(path.join(repoRoot, 'docs', 'site-benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
writeSiteSection(path.join(repoRoot, 'docs', 'benchmarks.md'), report);
console.log('wrote docs/site-benchmarks.json and the Fact browser section of docs/benchmarks.md');
