import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

/** A deprecated fact of the corpus, read from the corpus. */
function deprecatedId(): string {
  const facts = JSON.parse(factcite(['list', '--json', '--corpus', path.join(repoRoot, 'corpus')]).stdout) as { id: string; status: string }[];
  return facts.find((f) => f.status === 'deprecated')!.id;
}

describe('factcite check honours suppression comments', () => {
  const id = deprecatedId();
  const dir = tempDir('suppress');
  const file = path.join(dir, 'report.md');
  writeFileSync(
    file,
    [
      '<!-- factcite-disable-next-line deprecated-fact -->',
      `已核对[@fact:${id}]。`,
      `未核对[@fact:${id}]。`,
      '<!-- factcite-disable-next-line -->',
      '[@fact:no-such-fact-here]',
      '<!-- factcite-disable-next-line value-mismatch -->',
      '这一行没有问题。',
      '',
    ].join('\n'),
  );

  it('hides what the comments name, keeps the rest, and an unknown id stays an error', () => {
    const { code, stdout } = factcite(['check', file, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((f: { line: number; code: string }) => [f.line, f.code])).toEqual([
      [3, 'deprecated-fact'],
      [5, 'unknown-fact'],
    ]);
  });

  it('--report-unused-suppressions names the comments that hide nothing, at their lines', () => {
    const { stdout } = factcite(['check', file, '--json', '--report-unused-suppressions']);
    const unused = JSON.parse(stdout).filter((f: { code: string }) => f.code === 'unused-suppression');
    expect(unused.map((f: { line: number; severity: string }) => [f.line, f.severity])).toEqual([
      [4, 'warning'],
      [6, 'warning'],
    ]);
    const human = factcite(['check', file, '--report-unused-suppressions', '--lang', 'zh-Hans']).stdout;
    expect(human).toMatch(/^ {2}6:1 +警告 +多余的factcite-disable-next-line（“value-mismatch”）：这里没有这类问题 +unused-suppression$/m);
  });
});
