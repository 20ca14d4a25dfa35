import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, tempDir } from './run.js';
import { count, filterBin, luaFilter, pandoc, pickFacts } from './writers.js';

const picked = pickFacts();
const { pair, other, deprecated, money } = picked;

/** A report citing two facts of one article, one of another, with a front matter. */
function report(frontMatter = ''): string {
  return [
    '---',
    'title: 简报',
    frontMatter,
    '---',
    '',
    `第一段[@fact:${pair[0].id}]。`,
    '',
    `第二段[@fact:${pair[1].id}; @fact:${other.id}]。`,
    '',
    '# 资料来源',
    '',
  ].join('\n');
}

function write(dir: string, name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

/** The text of a rendered file, read back by pandoc, unwrapped. */
function readBack(dir: string, file: string): string {
  return pandoc([file, '-t', 'plain', '--wrap=none'], { cwd: dir }).stdout;
}

describe('pandoc with the factcite filter (Debian pandoc)', () => {
  it('renders HTML and DOCX with the bibliography, each article listed once', () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'report.md', report());
    for (const out of ['report.html', 'report.docx']) {
      const run = pandoc([input, '--lua-filter', luaFilter, '--citeproc', '-s', '-o', out], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const text = readBack(dir, out);
      expect(count(text, picked.pairTitle), out).toBe(1);
      expect(count(text, picked.otherTitle), out).toBe(1);
      expect(text).not.toContain('@fact:');
      expect(text).not.toMatch(/\d{4}[ab]\b/);
    }
  });

  it('cite-as fact gives each fact an entry of its own: the article twice (the trade-off)', () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'report.md', report('factcite:\n  cite-as: fact'));
    const run = pandoc([input, '--lua-filter', luaFilter, '--citeproc', '-t', 'plain', '--wrap=none'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(count(run.stdout, picked.pairTitle)).toBe(2);
  });

  it('fails the render on an unknown id when asked, naming file, line and column', () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'bad.md', ['---', 'factcite:', '  fail-on: error', '---', '', '正文', '', `数码港[@fact:${other.id}-typo]。`, ''].join('\n'));
    const run = pandoc([input, '--lua-filter', luaFilter, '--citeproc', '-o', 'bad.html'], { cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`bad.md:8:11: error: Unknown fact "${other.id}-typo"`);
    expect(run.stderr).toContain(`did you mean "${other.id}"`);
    expect(run.stderr).not.toMatch(/stack traceback|at .*\.js:\d+/);
    expect(existsSync(path.join(dir, 'bad.html'))).toBe(false);
  });

  it('reports deprecated and contradicted-number citations at their place, and renders unless told to stop on warnings', () => {
    const dir = tempDir('pandoc');
    const body = ['', `旧数据[@fact:${deprecated.id}]。`, '', `政府预留${picked.wrongAmount}[@fact:${money.id}]。`, ''].join('\n');
    const input = write(dir, 'warn.md', body);
    const run = pandoc([input, '--lua-filter', luaFilter, '--citeproc', '-o', 'warn.html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warn.md:2:11: warning: Fact "${deprecated.id}" is deprecated; cite "${deprecated.supersededBy}"`);
    expect(run.stderr).toContain(`warn.md:4:5: warning: Text says ${picked.wrongAmount} but fact "${money.id}" says ${money.value!.text}`);
    expect(existsSync(path.join(dir, 'warn.html'))).toBe(true);

    write(dir, 'strict.md', `---\nfactcite:\n  fail-on: warning\n---\n${body}`);
    const strict = pandoc(['strict.md', '--lua-filter', luaFilter, '--citeproc', '-o', 'strict.html'], { cwd: dir });
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('render stopped: 0 error(s), 2 warning(s)');
  });

  it('as a plain JSON filter (pandoc --filter) locates problems by paragraph and sentence', () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'plain.md', `# 标题\n\n第一段。\n\n第二句没问题。数码港[@fact:${other.id}-typo]有误。\n`);
    const run = pandoc([input, '--filter', filterBin, '--citeproc', '-t', 'plain'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`document: paragraph 3: error: Unknown fact "${other.id}-typo"`);
    expect(run.stderr).toContain(`“数码港[@fact:${other.id}-typo]有误。”`);
    write(dir, 'strict.yaml', 'factcite:\n  fail-on: error\n');
    const failing = pandoc([input, '--filter', filterBin, '--metadata-file', 'strict.yaml', '-t', 'plain'], { cwd: dir });
    expect(failing.code).not.toBe(0);
  });

  it("speaks the locale's language, or the document's factcite.lang, in its log", () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'plain.md', `# 标题\n\n第一段。\n\n第二句没问题。数码港[@fact:${other.id}-typo]有误。\n`);
    const hans = pandoc([input, '--filter', filterBin, '-t', 'plain'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(hans.stderr).toContain(`document: 第3段: error: 找不到事实“${other.id}-typo”`);
    write(dir, 'strict.yaml', 'factcite:\n  fail-on: error\n  lang: zh-Hant\n');
    const failing = pandoc([input, '--filter', filterBin, '--metadata-file', 'strict.yaml', '-t', 'plain'], { cwd: dir });
    expect(failing.stderr).toContain(`document: 第3段: error: 找不到事實「${other.id}-typo」`);
    expect(failing.stderr).toContain('factcite：已停止轉換：引用中有1個錯誤、0個警告（fail-on: error）');
  });

  it('says what to do when the factcite command cannot be found, without a Lua traceback', () => {
    const dir = tempDir('pandoc');
    const input = write(dir, 'report.md', report());
    const run = pandoc([input, '--lua-filter', luaFilter, '-t', 'plain'], { cwd: dir, env: { FACTCITE_COMMAND: 'factcite-not-installed-here' } });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('factcite: cannot run "factcite-not-installed-here"');
    expect(run.stderr).not.toContain('stack traceback');
  });

  it('refuses to run on a terminal or on input that is not a Pandoc document', () => {
    const run = factcite(['pandoc-filter', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('reads a Pandoc JSON document on standard input');
  });
});

describe('factcite quarto install', () => {
  it('copies the extension where Quarto looks, and its Lua filter runs under pandoc from there', () => {
    const dir = tempDir('quarto');
    const { code } = factcite(['quarto', 'install', dir]);
    expect(code).toBe(0);
    const installed = path.join(dir, '_extensions', 'factcite');
    expect(readFileSync(path.join(installed, '_extension.yml'), 'utf8')).toMatch(/filters:\s*\n\s*- factcite\.lua/);
    const input = write(dir, 'report.md', report());
    const run = pandoc([input, '--lua-filter', '_extensions/factcite/factcite.lua', '--citeproc', '-t', 'plain', '--wrap=none'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(count(run.stdout, picked.pairTitle)).toBe(1);
    expect(factcite(['quarto', 'install', dir]).code).toBe(2);
    expect(factcite(['quarto', 'install', dir, '--force']).code).toBe(0);
  });
});
