import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCorpus, editFact } from './fixtures.js';
import { factcite, tempDir } from './run.js';

// Debian's real pandoc; `pnpm test` installs it when missing (scripts/ensure-system-tools.sh).
const hasPandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;

const facts: { id: string }[] = JSON.parse(factcite(['list', '--json']).stdout);

describe('factcite export --format csl-json', () => {
  const items = JSON.parse(factcite(['export', '--format', 'csl-json']).stdout);

  it('gives one entry per fact, keyed fact:<id>', () => {
    expect(items.map((i: { id: string }) => i.id)).toEqual(facts.map((f) => `fact:${f.id}`));
  });

  it('carries the source’s metadata', () => {
    const item = items.find((i: { id: string }) => i.id === 'fact:hkic-fund-size-hkd');
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: expect.stringContaining('港投基金支持AI独角兽思谋'),
      'container-title': '钛媒体AGI',
      author: [{ literal: '林志佳' }],
      issued: { 'date-parts': [[2024, 6, 14]] },
      URL: expect.stringMatching(/^https:\/\//),
      language: 'zh-Hans',
    });
    expect(item.note).toContain('factcite fact hkic-fund-size-hkd');
    const deprecated = items.find((i: { id: string }) => i.id === 'fact:hk-ai-companies-800');
    expect(deprecated.note).toContain('superseded by hk-ai-companies-at-science-park-and-cyberport');
  });

  it('refuses an unknown format as a usage error', () => {
    const { code, stderr } = factcite(['export', '--format', 'ris']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be csl-json or bibtex');
  });
});

describe('factcite export --format bibtex', () => {
  it('escapes TeX’s special characters so every entry stays balanced', () => {
    const { corpus } = copyCorpus('export-escape');
    const file = path.join(corpus, 'sources', 'city24-hk-ai-2025-02-27.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "50% of {AI} & R_D #1 ~ ^ \\\\"'));
    const { stdout } = factcite(['export', '--format', 'bibtex', '--corpus', corpus]);
    const entry = stdout.split('\n\n').find((e) => e.startsWith('@article{fact:hk-ai-rd-institute-funding,'))!;
    expect(entry).toContain(
      'title = {{50\\% of \\textbraceleft{}AI\\textbraceright{} \\& R\\_D \\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}},',
    );
    // BibTeX counts every brace, a backslash before it or not, to find where a field ends.
    let depth = 0;
    for (const ch of stdout) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});

describe('Pandoc resolves exported citations', () => {
  const dir = tempDir('pandoc');
  const report = path.join(dir, 'report.md');
  writeFileSync(
    report,
    '香港预留10亿港元成立人工智能研发院[@fact:hk-ai-rd-institute-funding]；深圳设千亿基金群[see @fact:shenzhen-ai-fund-cluster-100bn-cny, A2]。\n\n@fact:hkic-fund-size-hkd reports the fund size.\n',
  );

  function citeproc(bibliography: string) {
    const result = spawnSync('pandoc', ['--citeproc', '--bibliography', bibliography, '-t', 'plain', '--wrap=none', report], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    return result;
  }

  it('has pandoc to test with', () => {
    expect(hasPandoc, 'pandoc is not installed: apt-get install -y pandoc').toBe(true);
  });

  it.each([
    ['csl-json', 'refs.json'],
    ['bibtex', 'refs.bib'],
  ])('from %s', (format, name) => {
    const bibliography = path.join(dir, name);
    expect(factcite(['export', '--format', format, '--out', bibliography]).code).toBe(0);
    const { stdout, stderr } = citeproc(bibliography);
    expect(stderr).not.toMatch(/not found/i);
    expect(stdout).not.toContain('@fact:');
    expect(stdout).toContain('(城市进化论 2025)');
    expect(stdout).toContain('毛麗娟 2023');
    expect(stdout).toContain('林志佳 (2024) reports the fund size.');
    // The bibliography: each cited source once, with its title and publisher.
    expect(stdout).toContain('“深圳千億基金群 攜港建算力樞紐.” 大公報, June 1, 2023.');
    expect(stdout).toContain('钛媒体AGI, June 14, 2024. https://mp.weixin.qq.com/');
  });

  it('reports an id missing from the bibliography, as a check against the test itself', () => {
    const bibliography = path.join(dir, 'partial.json');
    const { corpus } = copyCorpus('pandoc-partial');
    editFact(corpus, 'hk-ai-rd-institute-funding', (b) => b.replace('- id: hk-ai-rd-institute-funding\n', '- id: hk-ai-rd-institute-funding-renamed\n'));
    expect(factcite(['export', '--format', 'csl-json', '--out', bibliography, '--corpus', corpus]).code).toBe(0);
    const { stderr } = citeproc(bibliography);
    expect(stderr).toMatch(/fact:hk-ai-rd-institute-funding not found/);
  });
});
