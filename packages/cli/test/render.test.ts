import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCorpus, editFact } from './fixtures.js';
import { factcite, repoRoot, tempDir } from './run.js';

// A writer's report citing real facts: a group with prefix and suffix, an
// in-text citation, a repeated fact, a deprecated one, and text that must
// never become markup.
const REPORT = `# 香港人工智能简报

特区政府已预留10亿港元成立香港人工智能研发院[@fact:hk-ai-rd-institute-funding]。香港科学园和数码港已集中800多家人工智能相关企业[@fact:hk-ai-companies-800; see @fact:oase-key-enterprises-attracted-66, p. 2]。

@fact:hkic-fund-size-hkd 是港投公司的规模。研发院的资金再次引用[-@fact:hk-ai-rd-institute-funding]。

代码 \`[@fact:not-cited]\` 不是引用。<script>alert("x")</script> [链接](javascript:alert(1))
`;

function writeReport(text = REPORT): string {
  const file = path.join(tempDir('render'), 'report.md');
  writeFileSync(file, text);
  return file;
}

describe('factcite render --format md', () => {
  const { code, stdout, stderr } = factcite(['render', writeReport()]);

  it('renders, warning about the deprecated fact', () => {
    expect(code).toBe(0);
    expect(stderr).toMatch(/report\.md:3:\d+ {2}warning {2}Fact "hk-ai-companies-800" is deprecated/);
  });

  it('turns each citation group into one numbered footnote, in reading order', () => {
    expect(stdout).toContain('成立香港人工智能研发院[^1]。');
    expect(stdout).toContain('相关企业[^2]。');
    expect(stdout).toContain('资金再次引用[^4]。');
    expect(stdout).not.toMatch(/\[-?@fact:hk/);
    expect(stdout).toContain('代码 `[@fact:not-cited]` 不是引用。');
  });

  it('keeps a name in the sentence for an in-text citation', () => {
    expect(stdout).toContain('钛媒体AGI (2024-06-14)[^3] 是港投公司的规模。');
  });

  it('writes notes in the report’s script, with the writer’s prefix and suffix', () => {
    expect(stdout).toContain('[^1]: 香港特区政府在2025至2026年度财政预算案中预留10亿港元,用于成立香港人工智能研发院（城市进化论，2025-02-27）。');
    expect(stdout).toMatch(/\[\^2\]: .*800多家.*。see .*66家重点企业（城市进化论，2025-02-27；大公報，2025-03）, p\. 2。/);
    // [-@fact:…] suppresses the author: the date alone.
    expect(stdout).toContain('研发院（2025-02-27）。');
  });

  it('appends a bibliography grouped by source, each quote pointing at its notes', () => {
    const bibliography = stdout.slice(stdout.indexOf('## 资料来源'));
    const titles = [...bibliography.matchAll(/^\d+\. \*\*(.+?)\*\*/gm)].map((m) => m[1]);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toContain('人工智能时代');
    expect(bibliography).toMatch(/“特区政府已预留10亿港元,成立香港人工智能研发院” `hk-ai-rd-institute-funding` 注 \[\^1\] \[\^4\]/);
    expect(bibliography).toContain('<https://mp.weixin.qq.com/s/');
  });

  it('writes English notes on request', () => {
    const english = factcite(['render', writeReport(), '--lang', 'en']).stdout;
    expect(english).toContain(
      '[^1]: In the 2025-26 Budget, the Hong Kong government set aside HK$1 billion to set up the Hong Kong AI R&D Institute (城市进化论, 2025-02-27).',
    );
    expect(english).toContain('## Sources');
  });
});

describe('factcite render --format html', () => {
  // A Pandoc-style report: its title block in YAML front matter, no # heading.
  const FRONT = `---
title: 港投公司与人工智能研究院
author:
  - 陈大文
  - name: 李小明
date: 2024年6月
lang: zh-Hans
---

港投公司持有620亿港元资金[@fact:hkic-fund-size-hkd]。
`;

  it('reads YAML front matter as the title block, not as content', () => {
    const { code, stdout } = factcite(['render', writeReport(FRONT), '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout).toContain('<title>港投公司与人工智能研究院</title>');
    expect(stdout).toContain(
      '<header id="title-block-header">\n<h1 class="title">港投公司与人工智能研究院</h1>\n<p class="author">陈大文</p>\n<p class="author">李小明</p>\n<p class="date">2024年6月</p>\n</header>',
    );
    const article = stdout.match(/<article>[\s\S]*<\/article>/)![0];
    expect(article).not.toMatch(/<hr>|title:|lang:|<h2>/);
    expect(article).toContain('<p>港投公司持有620亿港元资金<sup class="note-ref" id="ref-1">');
  });

  it('leaves the front matter to Pandoc in Markdown output, and a --- block that is not YAML metadata in the prose', () => {
    expect(factcite(['render', writeReport(FRONT)]).stdout.startsWith(FRONT.slice(0, FRONT.indexOf('\n\n') + 1))).toBe(true);
    const rule = factcite(['render', writeReport('---\n一段引言\n---\n\n港投公司持有620亿港元资金[@fact:hkic-fund-size-hkd]。\n'), '--format', 'html']).stdout;
    expect(rule).toContain('一段引言');
    expect(rule).not.toContain('title-block-header');
  });

  it('writes a standalone page with linked notes and escaped text', () => {
    const { code, stdout } = factcite(['render', writeReport(), '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>\n<html lang="zh-Hans">/);
    expect(stdout).toContain('<title>香港人工智能简报</title>');
    expect(stdout).toContain("default-src 'none'");
    expect(stdout).toContain('<sup class="note-ref" id="ref-1"><a href="#note-1">1</a></sup>');
    expect(stdout).toContain('<li id="note-4">');
    expect(stdout).toContain('<a class="back" href="#ref-4"');
    // The report's own HTML is shown, not run, and only http(s) links become links.
    expect(stdout).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(stdout).not.toMatch(/<script|href="javascript/i);
    expect(stdout).toContain('<a href="https://mp.weixin.qq.com/s/');
    expect((stdout.match(/<section class="sources">[\s\S]*<\/section>/)?.[0].match(/<li><p><strong>/g) ?? []).length).toBe(3);
  });

  it('escapes corpus text as well', () => {
    const { corpus } = copyCorpus('render-escape');
    editFact(corpus, 'hk-ai-rd-institute-funding', (b) => b.replace(/zh-Hans: .*/, 'zh-Hans: 预留<img src=x onerror=alert(1)>&amp;10亿港元。'));
    const file = path.join(corpus, 'sources', 'city24-hk-ai-2025-02-27.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^title: .*$/m, 'title: "<b>Title</b>"')
        .replace(/^url: .*\n/m, '')
        .replace('language: zh', 'url: https://example.org/?a=1&b="2"\nlanguage: zh'),
    );
    const { code, stdout, stderr } = factcite(['render', writeReport(), '--format', 'html', '--corpus', corpus]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('预留&lt;img src=x onerror=alert(1)&gt;&amp;amp;10亿港元');
    expect(stdout).toContain('<strong>&lt;b&gt;Title&lt;/b&gt;</strong>');
    expect(stdout).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(stdout).not.toMatch(/<img|<b>/);
  });
});

describe('factcite render refuses a report that does not check', () => {
  it('prints the located errors and renders nothing', () => {
    const { code, stdout, stderr } = factcite(['render', path.join(repoRoot, 'examples', 'report.md')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/report\.md:\d+:\d+ {2}error {2}Unknown fact "hk-ai-subsidy-scheme-3-billion"/);
    expect(stderr).toContain('not rendered');
  });

  it('refuses an unknown format', () => {
    const { code, stderr } = factcite(['render', writeReport(), '--format', 'pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be md or html');
  });
});
