/**
 * What starting the extension costs: the built bundle (test runs after
 * build) is loaded in a fresh Node process with a stub VS Code API and
 * activated. Activation must not parse what only some sessions use: zod and
 * YAML (a workspace corpus) or OpenCC's dictionaries (converting a script).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, corpusDir } from './fixtures.js';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

/** Activates the bundle in a child process; returns the files it had required, relative to dist/. */
function filesLoadedByActivation(): string[] {
  const script = `
    const { installVscodeStub, fakeContext } = require(${JSON.stringify(path.join(root, 'test/support/vscode-stub.cjs'))});
    installVscodeStub();
    require(${JSON.stringify(path.join(dist, 'extension.js'))}).activate(fakeContext(${JSON.stringify(root)}));
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));
  `;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  return loaded.filter((file) => file.startsWith(dist)).map((file) => path.relative(dist, file));
}

describe('the extension bundle', () => {
  it('activates with dist/extension.js alone', () => {
    expect(filesLoadedByActivation()).toEqual(['extension.js']);
  });

  it('leaves zod, YAML and OpenCC to the files loaded on demand', () => {
    const main = readFileSync(path.join(dist, 'extension.js'), 'utf8');
    const workspace = readFileSync(path.join(dist, 'workspace-corpus.js'), 'utf8');
    const openCC = readFileSync(path.join(dist, 'opencc.js'), 'utf8');
    // Strings each library's code carries, minified or not.
    const zod = 'ZodError';
    const yaml = 'Implicit map keys need to be';
    const dictionary = '一丝不挂 一絲不掛';
    for (const marker of [zod, yaml, dictionary]) expect(main).not.toContain(marker);
    expect(workspace).toContain(zod);
    expect(workspace).toContain(yaml);
    expect(openCC).toContain(dictionary);
  });

  it('has on-demand files that work when required', () => {
    // Required directly, in a process of their own; the shims that require them in the editor
    // (workspace-lazy.ts, vendor/opencc-lazy.ts) run in the end-to-end test.
    const script = `
      const { Converter } = require(${JSON.stringify(path.join(dist, 'opencc.js'))});
      const { nodeCorpusReaders } = require(${JSON.stringify(path.join(dist, 'workspace-corpus.js'))});
      const readers = nodeCorpusReaders();
      const parsed = readers.readCorpusDir(${JSON.stringify(corpusDir)});
      const watch = readers.watch(${JSON.stringify(corpusDir)}, () => {});
      watch.close();
      process.stdout.write(JSON.stringify({
        hk: Converter({ from: 'cn', to: 'hk' })('数码港人工智能超算中心'),
        facts: parsed.corpus.facts.length,
        errors: parsed.errors.length,
        watch: typeof watch.close,
      }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(out).toEqual({ hk: '數碼港人工智能超算中心', facts: corpus.facts.length, errors: 0, watch: 'function' });
  });
});
