/**
 * Fact upgrades across release snapshots: the pinned release is the real
 * 0.1.0 snapshot (corpus/releases/0.1.0.json, frozen once released), and the
 * "next" release is made from it by the kinds of change maintainers make: a
 * corrected value, a deprecation with a successor, a reworded statement.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitations, createFactIndex, type Fact, planUpgrade, readPin, writePin } from '../src/index.js';
import { loadCorpusDir, readReleaseSnapshot, SnapshotError, UnsafePathError } from '../src/node.js';

const corpusDir = path.resolve(__dirname, '../../../corpus');
const pinned = readReleaseSnapshot(corpusDir, '0.1.0');
const current = loadCorpusDir(corpusDir).corpus;

const byId = new Map(pinned.facts.map((f) => [f.id, structuredClone(f)]));
const fact = (id: string): Fact => {
  const f = byId.get(id);
  if (!f) throw new Error(`the 0.1.0 snapshot has no fact ${id}`);
  return f;
};
// A corrected value: the subsidy scheme is HK$3.5 billion, not 3.
fact('hk-ai-subsidy-scheme-3bn').value = { amount: 3.5e9, unit: 'HKD', qualifier: 'exact', text: '35亿港元' };
// A deprecation with a successor: the R&D institute's funding, re-recorded under a new id.
const successor: Fact = { ...structuredClone(fact('hk-ai-rd-institute-funding')), id: 'hk-ai-rd-institute-funding-budget-2025', since: '0.2.0' };
Object.assign(fact('hk-ai-rd-institute-funding'), { status: 'deprecated', supersededBy: successor.id });
// A reworded statement.
fact('cyberport-startups-incubated').statement = {
  ...fact('cyberport-startups-incubated').statement,
  en: 'Cyberport has incubated over 2,300 start-ups (November 2025).',
};
const next = createFactIndex({ ...current, version: '0.2.0', facts: [...byId.values(), successor] }, { validate: false });

const report = [
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
  'The government launched a HK$3 billion AI subsidy scheme [@fact:hk-ai-subsidy-scheme-3bn].',
  '',
  '香港科学园和数码港集中了800多家人工智能企业[@fact:hk-ai-companies-at-science-park-and-cyberport]。',
  '',
].join('\n');

describe('fact-changed hints since the pinned release', () => {
  const found = checkCitations(report, next, { pinned }).filter((d) => d.code === 'fact-changed');

  it('flags each citation of a changed fact, and none of an unchanged one', () => {
    expect(found.map((d) => d.factId)).toEqual([
      'hk-ai-subsidy-scheme-3bn',
      'hk-ai-rd-institute-funding',
      'cyberport-startups-incubated',
      'hk-ai-subsidy-scheme-3bn',
    ]);
    expect(found.every((d) => d.severity === 'information' && report.slice(d.start, d.end) === d.factId)).toBe(true);
  });

  it('says what changed, and whether the sentence now disagrees', () => {
    const [value, deprecated, statement, english] = found.map((d) => d.change!);
    expect(value).toMatchObject({ kinds: ['value'], before: '30亿港元', after: '35亿港元', disagrees: { found: '30亿港元', replacement: '35亿港元' } });
    expect(found[0]!.message).toContain('30亿港元 → 35亿港元');
    expect(deprecated).toMatchObject({ kinds: ['deprecated'], successor: successor.id });
    expect(deprecated!.disagrees).toBeUndefined();
    expect(statement).toMatchObject({ kinds: ['statement'] });
    expect(statement!.edits).toEqual([]);
    expect(english!.disagrees).toEqual({ found: 'HK$3 billion', replacement: 'HK$3.5 billion' });
  });

  it('is quiet without a pin, and when the pinned release is the current one', () => {
    expect(checkCitations(report, next).some((d) => d.code === 'fact-changed')).toBe(false);
    const same = createFactIndex({ ...current, version: '0.1.0', facts: pinned.facts as Fact[] }, { validate: false });
    expect(checkCitations(report, same, { pinned }).some((d) => d.code === 'fact-changed')).toBe(false);
  });
});

describe('planUpgrade', () => {
  const plan = planUpgrade(report, next, pinned, '0.2.0');

  it('cites successors, writes the new values and moves the pin, touching nothing else', () => {
    expect(plan.text).toBe(
      report
        .replace('factcite: 0.1.0', 'factcite: 0.2.0')
        .replace('30亿港元', '35亿港元')
        .replace('@fact:hk-ai-rd-institute-funding]', `@fact:${successor.id}]`)
        .replace('HK$3 billion', 'HK$3.5 billion'),
    );
    expect(readPin(plan.text)?.version).toBe('0.2.0');
  });

  it('leaves a report that checks clean against the new release', () => {
    const after = checkCitations(plan.text, next, { pinned: { version: '0.2.0', facts: next.all() } });
    expect(after.filter((d) => d.severity !== 'information')).toEqual([]);
  });
});

describe('pins', () => {
  it('reads a pin, quoted or not, and writes one where there is none', () => {
    expect(readPin('---\nfactcite: "0.1.0"\n---\n')?.version).toBe('0.1.0');
    expect(readPin('---\r\ntitle: x\r\nfactcite: 0.3.1 # pinned\r\n---\r\n')?.version).toBe('0.3.1');
    expect(readPin('no front matter, factcite: 0.1.0')).toBeUndefined();
    expect(writePin('# Report\n', '0.1.0')).toBe('---\nfactcite: 0.1.0\n---\n\n# Report\n');
    expect(writePin('---\ntitle: 简报\n---\n正文\n', '0.1.0')).toBe('---\ntitle: 简报\nfactcite: 0.1.0\n---\n正文\n');
    expect(writePin('---\nfactcite: 0.1.0\n---\n', '0.2.0')).toBe('---\nfactcite: 0.2.0\n---\n');
    expect(() => writePin('x', '../0.1.0')).toThrow(RangeError);
  });
});

describe('reading release snapshots: the pinned version is data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'factcite-snapshots-'));
  mkdirSync(path.join(dir, 'releases'));
  const outside = path.join(dir, 'outside.json');
  writeFileSync(outside, JSON.stringify({ format: 'factcite-release-snapshot/1', version: '9.9.9', facts: [] }));
  symlinkSync(outside, path.join(dir, 'releases', '9.9.9.json'));
  writeFileSync(path.join(dir, 'releases', '1.0.0.json'), JSON.stringify({ format: 'factcite-release-snapshot/1', version: '1.0.0', facts: [{ id: 'x' }] }));
  writeFileSync(path.join(dir, 'releases', '2.0.0.json'), '{ not json');

  it('refuses a version that is not x.y.z, before touching the disk', () => {
    for (const v of ['../../etc/passwd', '0.1.0/../../x', '/abs', 'latest', '']) expect(() => readReleaseSnapshot(dir, v)).toThrow(SnapshotError);
  });

  it('refuses a snapshot that a link leads out of the releases folder', () => {
    expect(() => readReleaseSnapshot(dir, '9.9.9')).toThrow(UnsafePathError);
  });

  it('says which releases exist when the pinned one has no snapshot, and refuses bad files by name', () => {
    expect(() => readReleaseSnapshot(dir, '0.5.0')).toThrow(/no snapshot of release 0\.5\.0.*1\.0\.0, 2\.0\.0, 9\.9\.9/);
    expect(() => readReleaseSnapshot(dir, '1.0.0')).toThrow(/facts\.0/);
    expect(() => readReleaseSnapshot(dir, '2.0.0')).toThrow(/cannot read the snapshot/);
  });
});
