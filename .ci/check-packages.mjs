#!/usr/bin/env node
// The publish dry run: packs every public workspace package exactly as
// `pnpm publish` would, then fails when a tarball lacks its README, its
// dist/, a file its package.json points at, or (for a package that exports
// modules) its type declarations; and runs publint and @arethetypeswrong/cli
// on each tarball. Run from the repository root: `pnpm check:packages`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Workspace package directories, from pnpm-workspace.yaml's `dir/*` and `dir` entries. */
function workspacePackages() {
  const globs = [...readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s*-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [path.join(root, glob)];
    const parent = path.join(root, glob.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => path.join(parent, name)) : [];
  }).filter((dir) => existsSync(path.join(dir, 'package.json')));
}

/** Every file a package.json points at: main, module, types, bin, and export and import targets. */
function declaredFiles(pkg) {
  const out = [];
  const walk = (value, types) => {
    if (typeof value === 'string') out.push({ file: value, types });
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, types || key === 'types');
  };
  for (const key of ['main', 'module']) if (pkg[key]) out.push({ file: pkg[key], types: false });
  if (pkg.types) out.push({ file: pkg.types, types: true });
  walk(typeof pkg.bin === 'string' ? { bin: pkg.bin } : pkg.bin ?? {}, false);
  walk(pkg.exports ?? {}, false);
  walk(pkg.imports ?? {}, false);
  return out.map(({ file, types }) => ({ file: file.replace(/^\.\//, ''), types }));
}

/** The pnpm that runs this script (npm_execpath under `pnpm run`), else pnpm 10 through npx. */
function pnpm(args, cwd) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(path.basename(execpath))) return execFileSync(process.execPath, [execpath, ...args], { cwd, encoding: 'utf8' });
  return execFileSync('npx', ['-y', 'pnpm@10', ...args], { cwd, encoding: 'utf8' });
}

const failures = [];
const out = mkdtempSync(path.join(os.tmpdir(), 'factcite-pack-'));
try {
  for (const dir of workspacePackages()) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    const name = pkg.name;
    const fail = (message) => failures.push(`${name}: ${message}`);
    const before = new Set(readdirSync(out));
    pnpm(['pack', '--pack-destination', out], dir);
    const tarball = readdirSync(out).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!tarball) {
      fail('pnpm pack wrote no tarball');
      continue;
    }
    const tarPath = path.join(out, tarball);
    const files = execFileSync('tar', ['-tzf', tarPath], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    const has = (file) => (file.includes('*') ? files.some((f) => f.startsWith(file.slice(0, file.indexOf('*')))) : files.includes(file));

    if (!files.includes('README.md')) fail('the tarball has no README.md');
    if (!files.some((f) => f.startsWith('dist/'))) fail('the tarball has no dist/ (was it built?)');
    const declared = declaredFiles(pkg);
    for (const { file } of declared) if (!has(file)) fail(`package.json points at ${file}, which the tarball lacks`);
    const exportsModules = Boolean(pkg.exports || pkg.main || pkg.module);
    if (exportsModules && !declared.some((d) => d.types && /\.d\.[cm]?ts$/.test(d.file) && has(d.file))) {
      fail('the package exports modules but ships no type declarations');
    }

    const { messages, pkg: packed } = await publint({ pack: { tarball: new Uint8Array(readFileSync(tarPath)).buffer }, level: 'warning', strict: true });
    for (const m of messages) fail(`publint: ${formatMessage(m, packed) ?? m.code}`);

    // Node 20.19+ is the floor everywhere, so node10 resolution (TypeScript's legacy
    // `moduleResolution: node`, without exports maps) is out of scope: the node16
    // profile. A package that offers no `require` condition is ESM-only by design.
    const esmOnly = pkg.type === 'module' && !JSON.stringify(pkg.exports ?? {}).includes('"require"') && !/\.cjs$/.test(pkg.main ?? '');
    const attw = spawnSync(bin('attw'), [tarPath, '--profile', esmOnly ? 'esm-only' : 'node16', '--format', 'ascii'], { encoding: 'utf8' });
    if (attw.status !== 0) fail(`@arethetypeswrong/cli:\n${attw.stdout}${attw.stderr}`);

    console.log(`${failures.some((f) => f.startsWith(`${name}:`)) ? '✖' : '✔'} ${name}@${pkg.version}: ${files.length} files in ${tarball}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (failures.length) {
  for (const f of failures) console.error(`  ${f}`);
  console.error(`✖ ${failures.length} packaging problem(s); nothing would publish cleanly`);
  process.exit(1);
}
console.log('✔ every public package packs with its dist, types and README, and passes publint and attw');
