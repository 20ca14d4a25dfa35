import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCorpus } from './fixtures.js';
import { factcite, repoRoot, tempDir } from './run.js';

describe('factcite site', () => {
  it('writes the site of the corpus, with a page per fact of it', () => {
    const out = path.join(tempDir('site'), 'site');
    const result = factcite(['site', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/wrote .*\d+ pages/);
    const facts = JSON.parse(factcite(['list', '--json']).stdout) as { id: string }[];
    for (const f of facts) expect(existsSync(path.join(out, 'facts', f.id, 'index.html')), f.id).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<input type="search"');
  });

  it('builds from a corpus named with --corpus, whose edits it shows', () => {
    const copy = copyCorpus('site-corpus');
    const file = path.join(copy.corpus, 'entities.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: Cyberport', 'en: Cyberport Test Name'));
    const out = path.join(copy.root, 'out');
    const result = factcite(['site', '--corpus', copy.corpus, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'entities', 'cyberport', 'index.html'), 'utf8')).toContain('Cyberport Test Name');
  });

  it('says what is wrong, in one line, for a bad base, port or output directory', () => {
    const base = factcite(['site', '--out', path.join(tempDir('site-base'), 's'), '--base', '/../up']);
    expect(base.code).toBe(2);
    expect(base.stderr).toMatch(/^factcite: --base: must be a URL path/);
    const port = factcite(['site', '--serve', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number/);
    const foreign = tempDir('site-foreign');
    writeFileSync(path.join(foreign, 'thesis.md'), 'mine');
    const refused = factcite(['site', '--out', foreign]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not a site factcite built/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(foreign, 'thesis.md'), 'utf8')).toBe('mine');
  });

  it('previews the site on 127.0.0.1 with --serve', async () => {
    const out = path.join(tempDir('site-serve'), 'site');
    const child = spawn(process.execPath, [path.join(repoRoot, 'packages/cli/dist/cli.js'), 'site', '--out', out, '--serve', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', FACTCITE_CORPUS: '' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code} before serving`)));
      });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<main id="main"');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
