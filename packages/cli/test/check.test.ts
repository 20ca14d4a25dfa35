import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

const report = readFileSync(path.join(repoRoot, 'examples', 'report.md'), 'utf8');

/** 1-based line and column (in characters) of the first occurrence of a needle. */
function whereIs(text: string, needle: string) {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: Array.from(before[before.length - 1]!).length + 1 };
}

describe('factcite check', () => {
  it('reports the sample report’s unknown and deprecated citations as JSON, located', () => {
    const { code, stdout } = factcite(['check', 'examples/report.md', '--json']);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout);
    const unknown = whereIs(report, 'hk-ai-subsidy-scheme-3-billion');
    const deprecated = whereIs(report, 'hk-ai-companies-800]');
    expect(findings).toEqual([
      {
        file: 'examples/report.md',
        ...unknown,
        endLine: unknown.line,
        endColumn: unknown.column + 'hk-ai-subsidy-scheme-3-billion'.length,
        severity: 'error',
        code: 'unknown-fact',
        message: expect.stringContaining('did you mean "hk-ai-subsidy-scheme-3bn"'),
        factId: 'hk-ai-subsidy-scheme-3-billion',
        suggestions: expect.arrayContaining(['hk-ai-subsidy-scheme-3bn']),
      },
      {
        file: 'examples/report.md',
        ...deprecated,
        endLine: deprecated.line,
        endColumn: deprecated.column + 'hk-ai-companies-800'.length,
        severity: 'warning',
        code: 'deprecated-fact',
        message: expect.stringContaining('hk-ai-companies-at-science-park-and-cyberport'),
        factId: 'hk-ai-companies-800',
        successor: 'hk-ai-companies-at-science-park-and-cyberport',
      },
    ]);
  });

  it('prints aligned, readable lines for a writer, and --exit-zero keeps the exit code 0', () => {
    const { code, stdout } = factcite(['check', 'examples/report.md', '--exit-zero']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error +Unknown fact "hk-ai-subsidy-scheme-3-billion"/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +warning +Fact "hk-ai-companies-800" is deprecated/m);
    expect(stdout).toMatch(/2 problems \(1 error, 1 warning\); \d+ citations in 1 file checked/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 0 when only warnings remain, and reports malformed citations', () => {
    const dir = tempDir('check');
    const clean = path.join(dir, 'clean.md');
    writeFileSync(clean, '数码港[@fact:hk-ai-companies-800]\r\n\r\n`[@fact:in-code]` 𠀋 [@fact:]\r\n');
    const { code, stdout } = factcite(['check', clean, '--json']);
    const findings = JSON.parse(stdout);
    expect(findings.map((f: { code: string; line: number; column: number }) => [f.code, f.line, f.column])).toEqual([
      ['deprecated-fact', 1, 11],
      ['malformed-citation', 3, 22],
    ]);
    expect(code).toBe(1);
    writeFileSync(clean, '数码港[@fact:hk-ai-companies-800]\n');
    expect(factcite(['check', clean]).code).toBe(0);
  });

  it('reports a missing file as a finding, not a crash', () => {
    const { code, stdout, stderr } = factcite(['check', 'no/such/report.md', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: 'no/such/report.md', code: 'unreadable-file', severity: 'error' });
    expect(stderr).toBe('');
  });
});
