import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, pad, truncate } from '../src/format.js';
import { factcite, tempDir } from './run.js';

/** The display column at which `needle` starts on `line` (string-width counts CJK as two). */
const columnOf = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));

describe('factcite speaks the writer’s language', () => {
  it('--lang picks the language of messages, severities and the summary', () => {
    const { code, stdout } = factcite(['check', 'examples/report.md', '--lang', 'zh-Hant']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +錯誤 +找不到事實「hk-ai-subsidy-scheme-3-billion」/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +警告 +事實「hk-ai-companies-800」已棄用/m);
    expect(stdout).toMatch(/共2個問題（1個錯誤，1個警告）/);
  });

  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, '找不到事实“'],
    [{ LANG: 'zh_HK.UTF-8' }, '找不到事實「'],
    [{ LANG: 'zh_TW.UTF-8' }, '找不到事實「'],
    [{ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_HK.UTF-8' }, '找不到事实“'],
    [{ LC_ALL: 'zh_HK.UTF-8', LANG: 'zh_CN.UTF-8' }, '找不到事實「'],
    [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'Unknown fact "'],
    [{ LANG: 'en_US.UTF-8' }, 'Unknown fact "'],
  ])('follows the locale %o', (env, expected) => {
    expect(factcite(['check', 'examples/report.md'], { env }).stdout).toContain(expected);
  });

  it('--lang wins over the locale, and a language it does not speak is a usage error in the locale’s language', () => {
    expect(factcite(['check', 'examples/report.md', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('Unknown fact "');
    const bad = factcite(['check', 'examples/report.md', '--lang', 'fr'], { env: { LANG: 'zh_HK.UTF-8' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('factcite: --lang只可以是en、zh-Hans或zh-Hant，不可以是「fr」\n');
  });

  it('JSON findings carry the message in the language asked for and the code unchanged', () => {
    const findings = JSON.parse(factcite(['check', 'examples/report.md', '--json', '--lang', 'zh-Hans']).stdout);
    expect(findings.map((f: { code: string }) => f.code)).toEqual(['unknown-fact', 'deprecated-fact']);
    expect(findings[0].message).toMatch(/^找不到事实“hk-ai-subsidy-scheme-3-billion”/);
  });

  it('aligns the message column by display width in every language', () => {
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      const lines = factcite(['check', 'examples/report.md', '--lang', lang])
        .stdout.split('\n')
        .filter((l) => /^ {2}\d+:\d+/.test(l));
      expect(lines.length).toBe(2);
      const starts = lines.map((l) => columnOf(l, l.includes('hk-ai-subsidy') ? (lang === 'en' ? 'Unknown' : '找不到') : lang === 'en' ? 'Fact' : '事'));
      expect(new Set(starts).size).toBe(1);
    }
  });

  it('list and search speak it too', () => {
    expect(factcite(['list', '--lang', 'zh-Hans']).stdout).toMatch(/共\d+条事实\n$/);
    expect(factcite(['search', 'zzzzqqq', '--lang', 'zh-Hant']).stdout).toBe('沒有與「zzzzqqq」相符的事實。\n');
    expect(factcite(['get', 'hk-ai-subsidy-scheme-3-billion', '--lang', 'zh-Hant']).stderr).toMatch(/^factcite: 找不到事實「hk-ai-subsidy-scheme-3-billion」/);
  });

  it("get labels a fact, names its entities and marks it deprecated in the writer's language; sources counts in it", () => {
    const hant = factcite(['get', 'hk-ai-companies-800', '--lang', 'zh-Hant']).stdout;
    expect(hant.split('\n')[0]).toBe('hk-ai-companies-800（已棄用 → hk-ai-companies-at-science-park-and-cyberport）');
    expect(hant).toMatch(/^ {2}數值 {4}/m);
    expect(hant).toMatch(/^ {2}類型 {4}\S+ {2}主題：/m);
    expect(hant).toMatch(/^ {2}來源 {4}/m);
    expect(hant).not.toMatch(/^ {2}(value|kind|source|about) /m);
    const en = factcite(['get', 'hk-ai-companies-800', '--lang', 'en']).stdout;
    expect(en.split('\n')[0]).toBe('hk-ai-companies-800 (deprecated → hk-ai-companies-at-science-park-and-cyberport)');
    expect(en).toMatch(/^ {2}source {2}/m);
    expect(factcite(['sources', '--lang', 'zh-Hans']).stdout).toMatch(/ {2}共\d+条事实\n/);
  });
});

describe('display width', () => {
  it('counts CJK, full-width forms and emoji as two columns, combining marks and colour codes as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('數碼港')).toBe(6);
    expect(displayWidth('ＡＩ')).toBe(4);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('カタカナ')).toBe(8);
    expect(displayWidth('🇭🇰')).toBe(2);
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('\u001b[31m错误\u001b[39m')).toBe(4);
  });

  it('pads mixed text to the same column and truncates without splitting a character', () => {
    const rows = ['hk-ai', '數碼港', '🇭🇰 AI', 'Café'].map((t) => `${pad(t, 10)}|`);
    expect(new Set(rows.map((r) => displayWidth(r.slice(0, r.indexOf('|'))))).size).toBe(1);
    expect(truncate('香港人工智能研发院', 9)).toBe('香港人工…');
    expect(truncate('👩‍💻👩‍💻👩‍💻', 5)).toBe('👩‍💻👩‍💻…');
    expect(displayWidth(truncate('数码港 cyberport 初创企业', 12))).toBeLessThanOrEqual(12);
  });

  it('check lines up positions of different widths', () => {
    const dir = tempDir('width');
    const file = path.join(dir, 'r.md');
    writeFileSync(file, `${'段落。\n'.repeat(9)}数码港[@fact:no-such-fact-a]\n\n[@fact:no-such-fact-b]\n`);
    const lines = factcite(['check', file, '--lang', 'zh-Hans'])
      .stdout.split('\n')
      .filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(lines.map((l) => columnOf(l, '错误'))).toEqual([9, 9]);
  });
});
