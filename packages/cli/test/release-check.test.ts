import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addFactLike,
  CORPUS_VERSION,
  type CorpusCopy,
  copyCorpus,
  deprecateFact,
  editFact,
  factBlock,
  NEXT_MINOR,
  removeFact,
  versionField,
} from './fixtures.js';
import { factcite } from './run.js';

/** A corpus copy whose current state is recorded as a release of its version (CORPUS_VERSION). */
function released(prefix: string): CorpusCopy {
  const copy = copyCorpus(prefix);
  const snap = factcite(['snapshot', '--corpus', copy.corpus]);
  expect(snap.code, snap.stderr).toBe(0);
  return copy;
}

function check(copy: CorpusCopy) {
  const result = factcite(['release-check', '--corpus', copy.corpus, '--json']);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
}

function writeChangeset(copy: CorpusCopy, name: string, bump: string): void {
  writeFileSync(path.join(copy.changesets, `${name}.md`), `---\n"@factcite/corpus": ${bump}\n---\n\nHand-written notes.\n`);
}

function addSuccessor(copy: CorpusCopy, since = NEXT_MINOR): void {
  addFactLike(copy.corpus, 'hk-ai-rd-institute-funding', 'hk-ai-rd-institute-funding-2025', since, (b) =>
    b.replace(/en: .*/, 'en: The 2025-26 Budget reserved HK$1 billion for the Hong Kong AI R&D Institute.'),
  );
  deprecateFact(copy.corpus, 'hk-ai-rd-institute-funding', 'hk-ai-rd-institute-funding-2025');
}

describe('factcite release-check', () => {
  it('passes a corpus identical to its last release', () => {
    const copy = released('rc-same');
    const { code, report } = check(copy);
    expect(report).toMatchObject({ ok: true, last: CORPUS_VERSION, required: 'none', declared: 'none', problems: [] });
    expect(code).toBe(0);
  });

  it('fails when a fact id vanished without deprecation, even with a major changeset', () => {
    const copy = released('rc-removed');
    removeFact(copy.corpus, 'hk-ai-rd-institute-purpose');
    writeChangeset(copy, 'drop', 'major');
    const { code, report } = check(copy);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'removed-id', id: 'hk-ai-rd-institute-purpose', message: expect.stringContaining('status: deprecated') }),
    ]);
    const human = factcite(['release-check', '--corpus', copy.corpus]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`fact "hk-ai-rd-institute-purpose" is in ${CORPUS_VERSION} but gone from the corpus`);
  });

  it('reports a removed id once, not as a major bump and a wrong since on every new fact', () => {
    const copy = released('rc-removed-cascade');
    addSuccessor(copy);
    addFactLike(copy.corpus, 'hk-ai-rd-institute-purpose', 'hk-ai-rd-institute-purpose-2025', NEXT_MINOR);
    writeChangeset(copy, 'added', 'minor');
    expect(check(copy).report.problems).toEqual([]);

    removeFact(copy.corpus, 'hk-ai-rd-institute-purpose');
    const { code, report } = check(copy);
    expect(code).toBe(1);
    // The new facts ship in the minor release the changeset declares, as they did before the removal.
    expect(report).toMatchObject({ next: NEXT_MINOR, required: 'minor', declared: 'minor' });
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'removed-id',
        id: 'hk-ai-rd-institute-purpose',
        message: expect.stringMatching(/restore its record \(.*releases.*\.json holds it\)/),
      }),
    ]);
    expect(report.diff.bump).toBe('major');

    // Removing it on purpose is a major release, and then the new facts ship in it.
    const allowed = JSON.parse(factcite(['release-check', '--corpus', copy.corpus, '--json', '--allow-removal']).stdout);
    expect(allowed.required).toBe('major');
    expect(allowed.problems.map((p: { code: string }) => p.code)).toEqual(['undeclared-bump', 'wrong-since', 'wrong-since']);
  });

  it('fails an added and deprecated fact with no changeset, and passes once factcite changeset declares it', () => {
    const copy = released('rc-minor');
    addSuccessor(copy);
    const before = check(copy);
    expect(before.code).toBe(1);
    expect(before.report).toMatchObject({ required: 'minor', declared: 'none' });
    expect(before.report.problems.map((p: { code: string }) => p.code)).toEqual(['undeclared-bump']);

    const written = factcite(['changeset', '--corpus', copy.corpus]);
    expect(written.code, written.stderr).toBe(0);
    const changeset = readFileSync(path.join(copy.changesets, 'factcite-corpus.md'), 'utf8');
    expect(changeset).toMatch(/^---\n"@factcite\/corpus": minor\n---\n/);
    expect(changeset).toContain('**Added**');
    expect(changeset).toContain('`hk-ai-rd-institute-funding-2025`: The 2025-26 Budget reserved HK$1 billion for the Hong Kong AI R&D Institute.');
    expect(changeset).toContain('**Deprecated**');
    expect(changeset).toContain('`hk-ai-rd-institute-funding`, superseded by `hk-ai-rd-institute-funding-2025`');

    const after = check(copy);
    expect(after.report).toMatchObject({ ok: true, required: 'minor', declared: 'minor', next: NEXT_MINOR });
    expect(after.code).toBe(0);
  });

  it('fails a minor change declared as patch', () => {
    const copy = released('rc-underdeclared');
    addSuccessor(copy);
    writeChangeset(copy, 'small', 'patch');
    const { code, report } = check(copy);
    expect(code).toBe(1);
    expect(report.problems[0]).toMatchObject({ code: 'undeclared-bump', message: expect.stringContaining('need a minor release') });
  });

  it('accepts a corrected value under a patch changeset, with corrected notes', () => {
    const copy = released('rc-patch');
    editFact(copy.corpus, 'hk-ai-rd-institute-funding', (b) => b.replace('amount: 1000000000', 'amount: 1000000001'));
    expect(factcite(['changeset', '--corpus', copy.corpus]).code).toBe(0);
    const changeset = readFileSync(path.join(copy.changesets, 'factcite-corpus.md'), 'utf8');
    expect(changeset).toMatch(/"@factcite\/corpus": patch/);
    expect(changeset).toContain('**Corrected**');
    expect(changeset).toContain('`hk-ai-rd-institute-funding` (value.amount)');
    expect(check(copy).code).toBe(0);
  });

  it('counts a version already bumped by `changeset version` as declared', () => {
    const copy = released('rc-versioned');
    addSuccessor(copy);
    const pkgFile = path.join(copy.corpus, 'package.json');
    writeFileSync(pkgFile, readFileSync(pkgFile, 'utf8').replace(versionField(CORPUS_VERSION), versionField(NEXT_MINOR)));
    const { code, report } = check(copy);
    expect(report).toMatchObject({ ok: true, version: NEXT_MINOR, declared: 'minor', next: NEXT_MINOR });
    expect(code).toBe(0);
    // And factcite changeset does not declare it a second time.
    const again = factcite(['changeset', '--corpus', copy.corpus]);
    expect(again.stdout).toContain(`already at ${NEXT_MINOR}`);
    expect(existsSync(path.join(copy.changesets, 'factcite-corpus.md'))).toBe(false);
  });

  it('fails a new fact whose since is not the release it first ships in', () => {
    const copy = released('rc-since');
    addSuccessor(copy, CORPUS_VERSION);
    expect(factcite(['changeset', '--corpus', copy.corpus]).code).toBe(0);
    const { code, report } = check(copy);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'wrong-since', id: 'hk-ai-rd-institute-funding-2025', message: expect.stringContaining(`first ships in ${NEXT_MINOR}`) }),
    ]);
  });

  it('explains a missing baseline in one line', () => {
    const copy = copyCorpus('rc-no-snapshot');
    const { code, stderr } = factcite(['release-check', '--corpus', copy.corpus]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^factcite: no release snapshot at or below ${CORPUS_VERSION.replaceAll('.', '\\.')} .*factcite snapshot`));
  });

  it('refuses a changeset file it cannot read', () => {
    const copy = released('rc-bad-changeset');
    writeFileSync(path.join(copy.changesets, 'broken.md'), '---\n"@factcite/corpus": huge\n---\n');
    const { code, stderr } = factcite(['release-check', '--corpus', copy.corpus]);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.md: "@factcite/corpus: huge" is not major, minor or patch');
  });
});

describe('factcite changeset and snapshot', () => {
  it('writes nothing when nothing changed', () => {
    const copy = released('cs-none');
    const { code, stdout } = factcite(['changeset', '--corpus', copy.corpus]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Nothing changed since ${CORPUS_VERSION}`);
    expect(existsSync(path.join(copy.changesets, 'factcite-corpus.md'))).toBe(false);
  });

  it('records each record of the release, and never rewrites a released snapshot silently', () => {
    const copy = released('snap');
    const file = path.join(copy.corpus, 'releases', `${CORPUS_VERSION}.json`);
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(snapshot).toMatchObject({ format: 'factcite-release-snapshot/1', name: '@factcite/corpus', version: CORPUS_VERSION });
    expect(snapshot.facts.map((f: { id: string }) => f.id)).toContain('hk-ai-rd-institute-funding');
    expect(snapshot.sources[0]).toHaveProperty('textSha256');
    expect(snapshot.sources[0]).not.toHaveProperty('text');
    expect(factBlock(copy.corpus, 'hk-ai-rd-institute-purpose')).toContain('since: 0.1.0');

    expect(factcite(['snapshot', '--corpus', copy.corpus]).stdout).toContain('already records this corpus');
    editFact(copy.corpus, 'hk-ai-rd-institute-funding', (b) => b.replace('amount: 1000000000', 'amount: 1000000001'));
    const refused = factcite(['snapshot', '--corpus', copy.corpus]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('A released snapshot never changes');
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(snapshot, null, 2)}\n`);
    expect(factcite(['snapshot', '--corpus', copy.corpus, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('1000000001');
  });
});
