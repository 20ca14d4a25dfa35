/**
 * Pins, fact-changed notes, `upgrade` and `usage` through the built CLI, on a
 * corpus made of two releases: the real 0.1.0 snapshot as the pinned release,
 * and a "0.2.0" made from it by a corrected value, a deprecation with a
 * successor and a reworded statement.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

interface SnapshotFact {
  id: string;
  [key: string]: unknown;
}

/** A corpus whose release is 0.2.0 and whose releases/ keeps the real 0.1.0 snapshot. */
function twoReleaseCorpus(): { root: string; corpus: string } {
  const root = tempDir('upgrade');
  const corpus = path.join(root, 'corpus');
  for (const part of ['sources', 'entities.yaml']) cpSync(path.join(repoRoot, 'corpus', part), path.join(corpus, part), { recursive: true });
  mkdirSync(path.join(corpus, 'releases'));
  const snapshotFile = path.join(repoRoot, 'corpus', 'releases', '0.1.0.json');
  cpSync(snapshotFile, path.join(corpus, 'releases', '0.1.0.json'));
  const facts: SnapshotFact[] = JSON.parse(readFileSync(snapshotFile, 'utf8')).facts;
  const get = (id: string) => facts.find((f) => f.id === id)!;
  get('hk-ai-subsidy-scheme-3bn').value = { amount: 3.5e9, unit: 'HKD', qualifier: 'exact', text: '35亿港元' };
  const successor = { ...structuredClone(get('hk-ai-rd-institute-funding')), id: 'hk-ai-rd-institute-funding-budget-2025', since: '0.2.0' };
  Object.assign(get('hk-ai-rd-institute-funding'), { status: 'deprecated', supersededBy: successor.id });
  const statement = get('cyberport-startups-incubated').statement as Record<string, string>;
  statement.en = 'Cyberport has incubated over 2,300 start-ups (November 2025).';
  mkdirSync(path.join(corpus, 'facts'));
  // JSON is YAML: the facts file is the snapshot's records, changed.
  writeFileSync(path.join(corpus, 'facts', 'facts.yaml'), JSON.stringify([...facts, successor], null, 1));
  writeFileSync(path.join(corpus, 'package.json'), JSON.stringify({ name: '@factcite/corpus', version: '0.2.0' }));
  return { root, corpus };
}

const REPORT = [
  '---',
  'title: 香港人工智能简报',
  'factcite: 0.1.0',
  '---',
  '',
  '特区政府推出30亿港元的人工智能资助计划[@fact:hk-ai-subsidy-scheme-3bn]。',
  '',
  '政府预留10亿港元成立研发院[@fact:hk-ai-rd-institute-funding]。',
  '',
  '数码港已孵化超过2300家初创企业[@fact:cyberport-startups-incubated]。',
  '',
].join('\n');

describe('pinned reports across two releases', () => {
  const { root, corpus } = twoReleaseCorpus();
  const write = (name: string, text: string) => {
    writeFileSync(path.join(root, name), text);
    return name;
  };
  const run = (args: string[]) => factcite([...args, '--corpus', corpus], { cwd: root });

  it('check notes each cited fact changed since the pin, and whether the number now disagrees', () => {
    const file = write('report.md', REPORT);
    const { code, stdout } = run(['check', file, '--json']);
    expect(code).toBe(0);
    const changed = JSON.parse(stdout).filter((f: { code: string }) => f.code === 'fact-changed');
    expect(changed.map((f: { factId: string; severity: string }) => [f.factId, f.severity])).toEqual([
      ['hk-ai-subsidy-scheme-3bn', 'information'],
      ['hk-ai-rd-institute-funding', 'information'],
      ['cyberport-startups-incubated', 'information'],
    ]);
    expect(changed[0].message).toMatch(/changed since 0\.1\.0: value 30亿港元 → 35亿港元; this sentence's 30亿港元 now disagrees/);
    expect(changed[0]).toMatchObject({ line: 6, column: REPORT.split('\n')[5]!.indexOf('hk-ai') + 1 });
    const text = run(['check', file]).stdout;
    expect(text).toMatch(/^ {2}6:\d+ +info +Fact "hk-ai-subsidy-scheme-3bn" changed since 0\.1\.0/m);
  });

  it('upgrade prints the diff without touching the report, and --write makes it', () => {
    const file = write('upgrade-me.md', REPORT);
    const dry = run(['upgrade', file]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-factcite: 0.1.0\n+factcite: 0.2.0');
    expect(dry.stdout).toContain('+特区政府推出35亿港元的人工智能资助计划[@fact:hk-ai-subsidy-scheme-3bn]。');
    expect(dry.stdout).toContain('+政府预留10亿港元成立研发院[@fact:hk-ai-rd-institute-funding-budget-2025]。');
    expect(dry.stdout).toContain('hk-ai-rd-institute-funding: deprecated → hk-ai-rd-institute-funding-budget-2025');
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(REPORT);

    expect(run(['upgrade', file, '--write']).code).toBe(0);
    const upgraded = readFileSync(path.join(root, file), 'utf8');
    expect(upgraded).toContain('factcite: 0.2.0');
    expect(upgraded).toContain('35亿港元');
    const after = JSON.parse(run(['check', file, '--json']).stdout);
    expect(after).toEqual([]);
    expect(run(['upgrade', file]).stdout).toContain('nothing to upgrade');
  });

  it('check --pin pins a report without a pin to the corpus release, keeping its front matter', () => {
    const file = write('unpinned.md', '---\ntitle: 简报\n---\n\n数码港已孵化超过2300家初创企业[@fact:cyberport-startups-incubated]。\n');
    const { code, stdout } = run(['check', file, '--pin']);
    expect(code).toBe(0);
    expect(stdout).toContain('pinned unpinned.md to release 0.2.0');
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(
      '---\ntitle: 简报\nfactcite: 0.2.0\n---\n\n数码港已孵化超过2300家初创企业[@fact:cyberport-startups-incubated]。\n',
    );
    expect(run(['upgrade', 'no-pin.md']).code).toBe(1);
    const broken = write('broken.md', '数码港[@fact:no-such-fact]。\n');
    expect(run(['check', broken, '--pin']).stdout).toContain('not pinned broken.md: fix its errors first');
    expect(readFileSync(path.join(root, broken), 'utf8')).toBe('数码港[@fact:no-such-fact]。\n');
  });

  it('a pin that names no release, or one without a snapshot, is a located warning; no path is read from it', () => {
    const file = write('hostile.md', '---\nfactcite: ../../../etc/passwd\n---\n\n正文。\n');
    const findings = JSON.parse(run(['check', file, '--json']).stdout);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'unresolved-pin', severity: 'warning', line: 2, column: 11, message: expect.stringContaining('names no release') }),
    ]);
    const missing = write('missing.md', '---\nfactcite: 0.0.9\n---\n\n正文。\n');
    expect(JSON.parse(run(['check', missing, '--json']).stdout)[0].message).toMatch(/no snapshot of release 0\.0\.9.*there are: 0\.1\.0/);
    const upgrade = run(['upgrade', file]);
    expect(upgrade.code).toBe(1);
    expect(upgrade.stderr).toMatch(/^factcite: .*names no release/);
    const hans = JSON.parse(run(['check', file, '--json', '--lang', 'zh-Hans']).stdout);
    expect(hans[0].message).toBe('固定版本“factcite: ../../../etc/passwd”不是有效的版本号；请写成0.1.0这样的版本号');
    expect(JSON.parse(run(['check', missing, '--json', '--lang', 'zh-Hant']).stdout)[0].message).toMatch(/^無法與固定的版本比較：/);
  });

  it('usage lists where each fact is cited, deprecated facts still cited, and the reports the release affects', () => {
    const dir = path.join(root, 'usage');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.md'), REPORT);
    writeFileSync(
      path.join(dir, 'b.md'),
      '---\nfactcite: 0.2.0\n---\n\n政府预留10亿港元[@fact:hk-ai-rd-institute-funding]，另见[@fact:guangdong-ai-unicorns-26]。\n',
    );
    const { code, stdout } = factcite(['usage', '--json', '--corpus', corpus], { cwd: dir });
    expect(code).toBe(0);
    const usage = JSON.parse(stdout);
    expect(usage.reports).toBe(2);
    expect(usage.facts.map((f: { id: string }) => f.id)).toEqual([
      'cyberport-startups-incubated',
      'guangdong-ai-unicorns-26',
      'hk-ai-rd-institute-funding',
      'hk-ai-subsidy-scheme-3bn',
    ]);
    expect(usage.deprecated).toEqual([
      {
        id: 'hk-ai-rd-institute-funding',
        status: 'deprecated',
        successor: 'hk-ai-rd-institute-funding-budget-2025',
        citations: [
          { file: 'a.md', line: 8, column: expect.any(Number) },
          { file: 'b.md', line: 5, column: expect.any(Number) },
        ],
      },
    ]);
    // b.md is pinned to the release itself: only a.md is affected.
    expect(usage.affected).toEqual([
      {
        file: 'a.md',
        pin: '0.1.0',
        facts: [
          { id: 'hk-ai-subsidy-scheme-3bn', kinds: ['value'] },
          { id: 'hk-ai-rd-institute-funding', kinds: ['deprecated'] },
          { id: 'cyberport-startups-incubated', kinds: ['statement'] },
        ],
      },
    ]);
    const text = factcite(['usage', '--corpus', corpus], { cwd: dir }).stdout;
    expect(text).toContain('hk-ai-rd-institute-funding → hk-ai-rd-institute-funding-budget-2025: a.md:8:');
    expect(text).toContain('a.md (pinned 0.1.0): hk-ai-subsidy-scheme-3bn [value]');
  });

  it('check --uncited notes a number that states a fact without citing it', () => {
    const sentence = '香港科学园和数码港已集中800多家人工智能相关企业。\n';
    const file = write('uncited.md', sentence);
    const findings = JSON.parse(run(['check', file, '--uncited', '--json']).stdout);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'uncited-claim',
        severity: 'information',
        factId: 'hk-ai-companies-at-science-park-and-cyberport',
        uncited: expect.objectContaining({
          found: '800多家',
          insert: { at: sentence.indexOf('。'), text: '[@fact:hk-ai-companies-at-science-park-and-cyberport]' },
        }),
      }),
    ]);
    expect(JSON.parse(run(['check', file, '--json']).stdout)).toEqual([]);
  });
});
