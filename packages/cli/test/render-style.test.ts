import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, tempDir } from './run.js';
import { luaFilter, pandoc, pickFacts } from './writers.js';

const picked = pickFacts();
const { pair, other } = picked;
const STYLES = {
  gb7714: 'china-national-standard-gb-t-7714-2015-numeric',
  'gb7714-author-date': 'china-national-standard-gb-t-7714-2015-author-date',
  'chicago-notes': 'chicago-note-bibliography',
};
const report = `# 简报\n\n第一段[@fact:${pair[0].id}]。第二段[@fact:${other.id}]。\n\n第三段[@fact:${pair[1].id}; @fact:${other.id}]。\n`;

/** Markdown as plain text: the escapes renderMarkdown adds taken off. */
function plainMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|~@])/g, '$1');
}

/** Whitespace as one space, and pandoc's plain-text superscript ^(…) as its content. */
function normal(text: string): string {
  return text
    .replace(/\^\(([^)]*)\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Our render: the bibliography entries and the citation or note texts. */
function ours(dir: string, style: string) {
  const { code, stdout, stderr } = factcite(['render', 'report.md', '--style', style], { cwd: dir });
  expect(code, stderr).toBe(0);
  const [body, rest] = stdout.split('\n## 参考文献\n');
  const lines = rest!.split('\n').filter(Boolean);
  return {
    body: plainMarkdown(body!),
    entries: lines.filter((l) => !l.startsWith('[^')).map((l) => normal(plainMarkdown(l))),
    notes: lines.filter((l) => l.startsWith('[^')).map((l) => normal(plainMarkdown(l.replace(/^\[\^\d+\]: /, '')))),
  };
}

describe('render --style / --csl through citeproc-js, against pandoc --citeproc with the same style', () => {
  for (const [name, file] of Object.entries(STYLES)) {
    it(`${name}: the same bibliography and citations as Pandoc's citeproc`, () => {
      const dir = tempDir('style');
      writeFileSync(path.join(dir, 'report.md'), report);
      const mine = ours(dir, name);
      // Each article once: two sources, however many facts.
      expect(mine.entries).toHaveLength(2);
      const csl = path.resolve(__dirname, '..', 'styles', `${file}.csl`);
      const theirs = pandoc(['report.md', '--lua-filter', luaFilter, '--citeproc', '--csl', csl, '-M', 'lang=zh-CN', '-t', 'plain', '--wrap=none'], {
        cwd: dir,
      });
      expect(theirs.code, theirs.stderr).toBe(0);
      const plain = normal(theirs.stdout);
      for (const entry of mine.entries) expect(plain).toContain(entry);
      for (const note of mine.notes) expect(plain).toContain(note);
      if (name === 'chicago-notes') expect(mine.notes).toHaveLength(3);
      else {
        // In-text styles: the citation as Pandoc places it in the sentence.
        const first = normal(mine.body).match(/第一段(.*?)。/)![1]!;
        expect(first.length).toBeGreaterThan(0);
        expect(plain).toContain(`第一段${first}。`);
      }
    });
  }

  it('renders HTML with the style’s bibliography, and takes a CSL file with --csl', () => {
    const dir = tempDir('style');
    writeFileSync(path.join(dir, 'report.md'), report);
    const csl = path.resolve(__dirname, '..', 'styles', `${STYLES.gb7714}.csl`);
    const { code, stdout } = factcite(['render', 'report.md', '--csl', csl, '--format', 'html'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout.match(/class="csl-entry"/g)).toHaveLength(2);
    expect(stdout).toContain('<h2>参考文献</h2>');
    expect(stdout).toMatch(/第一段<span class="citation"><sup>\[1\]<\/sup><\/span>。/);
  });

  it('refuses an unknown style name and a file that is not a CSL style, in one line', () => {
    const dir = tempDir('style');
    writeFileSync(path.join(dir, 'report.md'), report);
    const unknown = factcite(['render', 'report.md', '--style', 'apa'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'factcite: unknown citation style "apa"; bundled styles: gb7714, gb7714-author-date, chicago-notes (or give a CSL file with --csl)\n',
    );
    writeFileSync(path.join(dir, 'not.csl'), '<html></html>');
    const bad = factcite(['render', 'report.md', '--csl', 'not.csl'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^factcite: cannot use the CSL style not\.csl: not a CSL style/);
    const missing = factcite(['render', 'report.md', '--csl', 'missing.csl'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^factcite: cannot use the CSL style missing\.csl: /);
  });
});
