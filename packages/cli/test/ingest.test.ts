import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

describe('factcite ingest', () => {
  for (const raw of readdirSync(path.join(repoRoot, 'corpus', 'raw'))) {
    it(`reproduces the committed source of ${raw}`, () => {
      const { code, stdout } = factcite(['ingest', `corpus/raw/${raw}`, '--check']);
      expect(stdout).toContain('is what ingest produces');
      expect(code).toBe(0);
    });
  }

  it('creates a new source with front matter to complete, and keeps curated front matter on re-ingest', () => {
    const dir = tempDir('ingest');
    cpSync(path.join(repoRoot, 'corpus', 'facts'), path.join(dir, 'facts'), { recursive: true });
    const raw = path.join(repoRoot, 'corpus', 'raw', '002_fb59a389fb07ccec.txt');
    const first = factcite(['ingest', raw, '--id', 'new-article', '--corpus', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote');
    const written = readFileSync(path.join(dir, 'sources', 'new-article.md'), 'utf8');
    expect(written).toMatch(/^---\nid: new-article\ntitle: 香港全力押注AI/);
    expect(written).toContain('published: 2024-06-14');
    // No rules for this publisher in the copy: the generic source line (来源：[钛媒体AGI](…)) names it.
    expect(written).toContain('publisher: 钛媒体AGI');
    expect(written).toContain('url: https://mp.weixin.qq.com/s/rebx_02wgo78oh-vaMHfPA');
    expect(written).toMatch(/authors:\n {2}- 林志佳\n/);

    const again = factcite(['ingest', raw, '--corpus', dir]);
    expect(again.stdout).toContain('unchanged');
    expect(readFileSync(path.join(dir, 'sources', 'new-article.md'), 'utf8')).toBe(written);
  });

  it('asks for an id for a new source', () => {
    const dir = tempDir('ingest');
    cpSync(path.join(repoRoot, 'corpus', 'facts'), path.join(dir, 'facts'), { recursive: true });
    const { code, stderr } = factcite(['ingest', path.join(repoRoot, 'corpus', 'raw', '000_73c3664704938c01.txt'), '--corpus', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('a new source needs an id');
  });
});
