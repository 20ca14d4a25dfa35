/**
 * The command line's targets: what `factcite --version` costs over Node's
 * own start (every command is loaded on demand), how long `factcite check`
 * takes on a 10 MB report, and how large the release's prebuilt search index
 * is against the corpus it indexes. Each runs the built CLI as a writer's
 * shell would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, round } from './measure.js';
import type { Measure } from './results.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'packages/cli/dist/cli.js');

/** User plus system CPU of one command, in ms, as bash's `time` reports it. */
function cpuMs(command: string): number {
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; time ( ${command} >/dev/null 2>&1 )`], { encoding: 'utf8', timeout: 60_000 });
  const [user, system] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (user === undefined || system === undefined || Number.isNaN(user) || Number.isNaN(system))
    throw new Error(`could not time "${command}": ${run.stderr.slice(0, 200)}`);
  return (user + system) * 1000;
}

const quoted = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The command-line measures, each the median of `repeats` runs; an error names the measure it stopped. */
export function cliMeasures(repeats: number): { measures: Measure[]; errors: string[] } {
  const measures: Measure[] = [];
  const errors: string[] = [];
  const node = quoted(process.execPath);
  try {
    const bare: number[] = [];
    const version: number[] = [];
    // Alternated, so that a change in the machine's load falls on both.
    for (let i = 0; i < repeats; i++) {
      bare.push(cpuMs(`${node} -e 0`));
      version.push(cpuMs(`${node} ${quoted(cli)} --version`));
    }
    const over = percentile(version, 50) - percentile(bare, 50);
    measures.push({
      name: 'factcite --version, CPU over node -e 0',
      value_ms: round(over, 1),
      target_ms: 50,
      what: `user + system CPU of \`factcite --version\` (${percentile(version, 50).toFixed(0)} ms) less that of \`node -e 0\` (${percentile(bare, 50).toFixed(0)} ms), medians of ${repeats} runs each`,
    });
  } catch (error) {
    errors.push(`factcite --version: ${(error as Error).message}`);
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-cli-'));
  try {
    // The repository's example report repeated to 10 MB, as the editor measures build it.
    const example = readFileSync(path.join(root, 'examples/report.md'), 'utf8');
    let text = example;
    while (Buffer.byteLength(text) < 10_000_000) text += `\n\n${example}`;
    const file = path.join(dir, 'report.md');
    writeFileSync(file, text);
    const walls: number[] = [];
    for (let i = 0; i < Math.min(repeats, 5); i++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, 'check', file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
      walls.push(performance.now() - started);
      // check exits 1 for the report's deliberate mistakes; anything else is a failure to measure.
      if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${(run.stderr ?? '').trim().split('\n').at(-1)}`);
    }
    measures.push({
      name: 'factcite check, 10 MB report',
      value_ms: round(percentile(walls, 50), 0),
      target_ms: 3000,
      what: `wall time of \`factcite check report.md\` on examples/report.md repeated to ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB (every citation, its value and the unknown ids' suggestions), median of ${walls.length} runs`,
    });
  } catch (error) {
    errors.push(`factcite check, 10 MB report: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const index = statSync(path.join(root, 'corpus/dist/search-index.bin'), { throwIfNoEntry: false });
  const corpus = statSync(path.join(root, 'corpus/dist/corpus.json'), { throwIfNoEntry: false });
  if (index && corpus) {
    measures.push({
      name: 'prebuilt search index, size against corpus.json',
      value_ms: round(index.size / corpus.size, 2),
      target_ms: 2,
      unit: '×',
      what: `corpus/dist/search-index.bin ${(index.size / 1024).toFixed(0)} KB, corpus/dist/corpus.json ${(corpus.size / 1024).toFixed(0)} KB`,
    });
  } else errors.push('search index size: corpus/dist has no search-index.bin or corpus.json (run pnpm build first)');
  return { measures, errors };
}
