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

  describe('value-mismatch', () => {
    const right = readFileSync(path.join(repoRoot, 'examples', 'numbers-report.md'), 'utf8');
    const wrong = readFileSync(path.join(repoRoot, 'examples', 'numbers-report-wrong.md'), 'utf8');
    const rightLines = right.split('\n');
    const changed = wrong
      .split('\n')
      .map((line, i) => (line !== rightLines[i] && line.includes('@fact:') ? i + 1 : 0))
      .filter(Boolean);

    it('finds nothing wrong with a report restating facts in every form', () => {
      const { code, stdout } = factcite(['check', 'examples/numbers-report.md']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^✔ \d+ citations in 1 file checked/m);
      expect(stdout).not.toContain('value-mismatch');
    });

    it('flags every changed number as JSON, located at the number, with the source’s wording', () => {
      const { code, stdout } = factcite(['check', 'examples/numbers-report-wrong.md', '--json']);
      // Warnings only: the report is not broken, its numbers are in doubt.
      expect(code).toBe(0);
      const findings = JSON.parse(stdout) as {
        line: number;
        column: number;
        endColumn: number;
        code: string;
        severity: string;
        message: string;
        factId: string;
        mismatch: { found: string; expected: string; quote: string; source: string; replacement?: string };
      }[];
      expect(findings.every((f) => f.code === 'value-mismatch' && f.severity === 'warning')).toBe(true);
      expect(findings.map((f) => f.line)).toEqual(changed);
      const lines = wrong.split('\n');
      for (const f of findings) {
        const at = Array.from(lines[f.line - 1]!)
          .slice(f.column - 1, f.endColumn - 1)
          .join('');
        expect(at, f.message).toBe(f.mismatch.found);
      }
      expect(findings.find((f) => f.factId === 'hk-ai-rd-institute-funding')).toEqual({
        file: 'examples/numbers-report-wrong.md',
        ...whereIs(wrong, '二十亿港元'),
        endLine: whereIs(wrong, '二十亿港元').line,
        endColumn: whereIs(wrong, '二十亿港元').column + '二十亿港元'.length,
        severity: 'warning',
        code: 'value-mismatch',
        message: 'Text says 二十亿港元 but fact "hk-ai-rd-institute-funding" says 10亿港元 (source: "特区政府已预留10亿港元,成立香港人工智能研发院")',
        factId: 'hk-ai-rd-institute-funding',
        mismatch: {
          found: '二十亿港元',
          expected: '10亿港元',
          replacement: '10亿港元',
          quote: '特区政府已预留10亿港元,成立香港人工智能研发院',
          source: 'city24-hk-ai-2025-02-27',
        },
      });
    });

    it('prints each value-mismatch at its line and column for a writer', () => {
      const { stdout } = factcite(['check', 'examples/numbers-report-wrong.md']);
      const { line, column } = whereIs(wrong, 'HK$2 billion');
      expect(stdout).toMatch(new RegExp(`^ {2}${line}:${column} +warning +Text says HK\\$2 billion but fact "hk-ai-rd-institute-funding" says 10亿港元`, 'm'));
      expect(stdout.match(/value-mismatch$/gm)).toHaveLength(changed.length);
      expect(stdout).toMatch(new RegExp(`${changed.length} problems \\(0 errors, ${changed.length} warnings\\)`));
    });
  });

  it('reports a missing file as a finding, not a crash', () => {
    const { code, stdout, stderr } = factcite(['check', 'no/such/report.md', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: 'no/such/report.md', code: 'unreadable-file', severity: 'error' });
    expect(stderr).toBe('');
  });
});
