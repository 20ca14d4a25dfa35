import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusRules } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { CORPUS_SOURCES } from './fixtures.js';
import { factcite, repoRoot, tempDir } from './run.js';

/** A copy of the real corpus in a temporary directory, to break on purpose. */
function corpusCopy(): string {
  const dir = tempDir('corpus');
  for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json']) {
    cpSync(path.join(repoRoot, 'corpus', part), path.join(dir, part), { recursive: true });
  }
  return dir;
}

describe('factcite validate', () => {
  it('passes on the committed corpus and prints a summary', () => {
    const { code, stdout } = factcite(['validate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`✔ \\d+ facts, ${CORPUS_SOURCES} sources, \\d+ entities`));
  });

  it('prints { ok, errors, warnings } as the only output with --json', () => {
    const { code, stdout } = factcite(['validate', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports every problem at once, located, and exits 1', () => {
    const dir = corpusCopy();
    const factsFile = path.join(dir, 'facts', 'city24-hk-ai-2025-02-27.yaml');
    const original = readFileSync(factsFile, 'utf8');
    // Alter one character of a quote, and break a date elsewhere in the same file.
    const quoteLine = original.split('\n').findIndex((l) => l.includes('quote:') && l.includes('10亿港元'));
    expect(quoteLine).toBeGreaterThan(0);
    const lines = original.split('\n');
    lines[quoteLine] = lines[quoteLine]!.replace('10亿港元', '20亿港元');
    const dateLine = lines.findIndex((l) => /^ {2}date: \d{4}-\d{2}-\d{2}$/.test(l));
    lines[dateLine] = '  date: 2025-13-45';
    writeFileSync(factsFile, lines.join('\n'));
    writeFileSync(path.join(dir, 'facts', 'broken.yaml'), '- id: x\n  statement: [unclosed\n');

    const { code, stdout } = factcite(['validate', '--corpus', dir, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    const summary = report.errors.map((e: { file: string; line: number; code: string }) => [path.basename(e.file), e.line, e.code]);
    // The parser notices the unclosed list where the file ends.
    expect(summary).toContainEqual(['broken.yaml', 3, 'yaml-syntax']);
    expect(summary).toContainEqual(['city24-hk-ai-2025-02-27.yaml', quoteLine + 1, 'quote-not-found']);
    expect(summary).toContainEqual(['city24-hk-ai-2025-02-27.yaml', dateLine + 1, 'invalid-date']);
    for (const e of report.errors) expect(Object.keys(e).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'severity']);
  });

  it('reports a file that is not UTF-8 without a stack trace', () => {
    const dir = corpusCopy();
    writeFileSync(path.join(dir, 'facts', 'latin1.yaml'), Buffer.from([0x2d, 0x20, 0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    const { code, stdout, stderr } = factcite(['validate', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/latin1\.yaml:1:7 +error +file is not valid UTF-8/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every corpus rule with its severity, what it asks and its codes, without reading a corpus', () => {
    // Not a corpus: --list-rules must not try to load one.
    const { code, stdout } = factcite(['validate', '--list-rules', '--corpus', os.tmpdir()]);
    expect(code).toBe(0);
    const rules = corpusRules();
    const lines = stdout.split('\n').filter((l) => /^[a-z]/.test(l));
    expect(lines).toHaveLength(rules.length);
    rules.forEach((rule, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${rule.name} +${rule.severity} +`));
      expect(lines[i]).toContain(rule.description);
      expect(lines[i]).toContain(rule.codes.join(', '));
    });
    const json = factcite(['validate', '--list-rules', '--json']);
    expect(JSON.parse(json.stdout)).toEqual(rules);
  });

  it('refuses a directory that is not a corpus with a usage error', () => {
    const { code, stderr } = factcite(['validate', '--corpus', os.tmpdir()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^factcite: not a corpus directory/);
  });
});
