// A corpus release rehearsed end to end in a temporary copy of the repository:
// a page from a publisher the cleaner has never seen goes through ingest, mine,
// review (the facts in this folder), a changeset, `changeset version`, build,
// release-check, snapshot and verify; then the test suites of every package
// that reads the corpus run against the released copy and must pass.
//
//   node corpus/test/release-simulation/simulate.mjs [--keep] [--only-release]
//
// --keep leaves the copy in place (its path is printed); --only-release stops
// before the test suites. CI runs it from .ci/run after the built test run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSourceFile, readYaml, splitSourceFile } from '@factcite/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const keep = process.argv.includes('--keep');
const onlyRelease = process.argv.includes('--only-release');

/** The packages whose tests read the corpus (its files, its build or both). */
const SUITES = ['corpus', 'packages/core', 'packages/cli', 'packages/language-service', 'packages/language-server', 'bench', 'extensions/vscode'];

// Parts of the tree a copy must not take: the git store, caches, and the root
// node_modules, which is linked instead (package node_modules hold relative links into it).
const SKIP = new Set(['.git', '.turbo', 'node_modules', 'candidates', 'test-results', 'coverage']);

function copyRepository() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'factcite-release-simulation-'));
  for (const entry of readdirSync(repo)) {
    if (SKIP.has(entry)) continue;
    cpSync(path.join(repo, entry), path.join(root, entry), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => {
        const name = path.basename(src);
        if (name === '.turbo' || name === 'test-results' || name.endsWith('.vsix')) return false;
        // Package node_modules are pnpm's links: kept as links. The root one is linked below.
        return !(name === 'candidates' && path.dirname(src) === path.join(repo, 'corpus'));
      },
    });
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

let failed = false;
/** Runs a command in the copy, echoes it and what it printed (cut to `lines`), and stops the simulation on failure. */
function run(root, label, command, args, { lines = 12, summary, allowFail = false, env = {} } = {}) {
  process.stdout.write(`\n$ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FACTCITE_CORPUS: '', ...env } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd();
  const all = output.split('\n');
  // A test run shows its summary lines; a command its first lines.
  const shown = summary ? all.filter((line) => summary.test(line)) : all.slice(0, lines);
  process.stdout.write(`${shown.join('\n')}${!summary && all.length > lines ? `\n… (${all.length - lines} more lines)` : ''}\n`);
  process.stdout.write(`  [exit ${result.status}, ${((Date.now() - started) / 1000).toFixed(1)} s]\n`);
  if (result.status !== 0 && !allowFail) {
    if (shown.length < all.length) process.stdout.write(`${output}\n`);
    failed = true;
    throw new Error(`${label} failed with exit code ${result.status}`);
  }
  return { code: result.status, output };
}

const cli = (root) => path.join(root, 'scripts', 'factcite.mjs');

function nextMinor(version) {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}

function simulate(root) {
  const corpus = path.join(root, 'corpus');
  const version = JSON.parse(readFileSync(path.join(corpus, 'package.json'), 'utf8')).version;
  const next = nextMinor(version);
  const meta = readYaml(readFileSync(path.join(here, 'source.yaml'), 'utf8'));
  const factcite = (label, args, options) => run(root, `factcite ${label ?? args.join(' ')}`, process.execPath, [cli(root), ...args], options);
  process.stdout.write(`release simulation in ${root}: @factcite/corpus ${version} → ${next}\n`);

  // 1. Capture: the page exactly as saved.
  const raw = `${meta.id}.txt`;
  cpSync(path.join(here, 'page.txt'), path.join(corpus, 'raw', raw));

  // 2. Ingest, then complete the front matter as the maintainer does; the body stays ingest's.
  factcite(undefined, ['ingest', `corpus/raw/${raw}`, '--id', meta.id]);
  const sourceFile = path.join(corpus, 'sources', `${meta.id}.md`);
  const split = splitSourceFile(readFileSync(sourceFile, 'utf8'));
  if (!split) throw new Error(`ingest wrote no front matter to ${sourceFile}`);
  const written = readYaml(split.frontMatter);
  writeFileSync(sourceFile, formatSourceFile({ ...written, ...meta, origin: raw }, split.body));
  factcite(undefined, ['ingest', `corpus/raw/${raw}`, '--check']);

  // 3. Mine: stubs for review. The reviewed outcome is facts.yaml; the stubs are deleted.
  factcite(undefined, ['mine', meta.id], { lines: 4 });
  const candidates = path.join(corpus, 'candidates', `${meta.id}.yaml`);
  const stubs = (readFileSync(candidates, 'utf8').match(/^- id: /gm) ?? []).length;
  if (stubs === 0) throw new Error('mine proposed no candidate facts for the page');
  process.stdout.write(`  ${stubs} candidate stubs to review\n`);
  rmSync(path.join(corpus, 'candidates'), { recursive: true });

  // 4. Review: the kept facts, shipping in the next minor release, and the new entities.
  writeFileSync(path.join(corpus, 'facts', `${meta.id}.yaml`), readFileSync(path.join(here, 'facts.yaml'), 'utf8').replaceAll('since: NEXT', `since: ${next}`));
  const entities = path.join(corpus, 'entities.yaml');
  writeFileSync(entities, `${readFileSync(entities, 'utf8').trimEnd()}\n${readFileSync(path.join(here, 'entities.yaml'), 'utf8').replace(/^#.*\n/gm, '')}`);

  // 5–8. Validate, declare, version, build, check, record, verify.
  factcite(undefined, ['validate']);
  factcite(undefined, ['changeset'], { lines: 3 });
  run(root, 'changeset version', path.join(root, 'node_modules', '.bin', 'changeset'), ['version'], { lines: 3 });
  const released = JSON.parse(readFileSync(path.join(corpus, 'package.json'), 'utf8')).version;
  if (released !== next) throw new Error(`changeset version made ${released}, not ${next}`);
  const changelog = readFileSync(path.join(corpus, 'CHANGELOG.md'), 'utf8');
  for (const id of ['hk-budget-2026-ai-training-50m', 'hkstp-ai-companies-500']) {
    if (!changelog.includes(id)) throw new Error(`CHANGELOG.md does not list ${id}`);
  }
  factcite(undefined, ['build']);
  factcite(undefined, ['release-check']);
  factcite(undefined, ['snapshot']);
  factcite(undefined, ['verify', 'corpus/dist']);
  factcite(undefined, ['get', 'hkstp-ai-companies-500'], { lines: 20 });

  if (onlyRelease) return;
  // 9. The test suites of every package that reads the corpus, against the released copy.
  const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
  for (const suite of SUITES) {
    if (!existsSync(path.join(root, suite, 'package.json'))) continue;
    run(path.join(root, suite), `vitest run (${suite})`, vitest, ['run', '--reporter=dot'], { summary: /^\s*(Test Files|Tests)\s/ });
  }
}

const root = copyRepository();
const started = Date.now();
try {
  simulate(root);
  process.stdout.write(`\n✔ release simulation passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
} catch (error) {
  process.stdout.write(`\n✖ release simulation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  failed = true;
} finally {
  if (keep || failed) process.stdout.write(`the copy is kept in ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
