import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CORPUS_VERSION, copyCorpus, NEXT_MINOR, versionField } from './fixtures.js';
import { factcite } from './run.js';

interface Stub {
  id: string;
  review?: boolean;
  statement: Record<string, string>;
  kind: string;
  value: { amount?: number; unit?: string; qualifier?: string; date?: string; text: string };
  entities: string[];
  citations: { source: string; quote: string }[];
  since: string;
}

function body(corpus: string, source: string): string {
  return readFileSync(path.join(corpus, 'sources', `${source}.md`), 'utf8')
    .split('\n---\n\n')
    .slice(1)
    .join('\n---\n\n');
}

describe('factcite mine', () => {
  it('proposes every sentence with a number as a stub marked for review, its quote verbatim', () => {
    const { corpus } = copyCorpus('mine');
    const source = 'tkp-deepseek-gba-2025-03';
    const { code, stdout } = factcite(['mine', source, '--all', '--corpus', corpus]);
    expect(code).toBe(0);
    const file = path.join(corpus, 'candidates', `${source}.yaml`);
    // Outside the working directory the path is shown absolute, not as ../../.
    expect(stdout).toContain(`wrote ${file}:`);
    const text = readFileSync(file, 'utf8');
    const stubs = parse(text) as Stub[];
    expect(stubs.length).toBeGreaterThanOrEqual(6);
    const article = body(corpus, source);
    for (const stub of stubs) {
      expect(stub.review).toBe(true);
      expect(stub.since).toBe(NEXT_MINOR);
      expect(article, stub.id).toContain(stub.citations[0]!.quote);
      expect(stub.statement['zh-Hant']).toBe(stub.citations[0]!.quote);
    }
    const patents = stubs.find((s) => s.value.text === '超14萬件');
    expect(patents).toMatchObject({ kind: 'quantity', value: { amount: 140000, qualifier: 'more-than' } });
    expect(patents!.citations[0]!.quote).toContain('廣東省人工智能專利累計授權數量超14萬件');
    expect(patents!.entities).toContain('guangdong');
    expect(text).toMatch(/# numbers: 超14萬件 → 140000 items \(more-than\); 全國第一 → 1 rank/);
    expect(text).toContain('# already cited by: ');
  });

  it('leaves out sentences already quoted by facts unless --all', () => {
    const { corpus } = copyCorpus('mine-skip');
    const source = 'tkp-deepseek-gba-2025-03';
    const all = parse(factcite(['mine', source, '--all', '--stdout', '--corpus', corpus]).stdout) as Stub[];
    const fresh = (parse(factcite(['mine', source, '--stdout', '--corpus', corpus]).stdout) ?? []) as Stub[];
    expect(fresh.length).toBeLessThan(all.length);
    const quoted = JSON.parse(factcite(['list', '--json', '--corpus', corpus]).stdout).flatMap((f: Stub) =>
      f.citations.filter((c) => c.source === source).map((c) => c.quote),
    );
    for (const stub of fresh) expect(quoted.some((q: string) => stub.citations[0]!.quote.includes(q) || q.includes(stub.citations[0]!.quote))).toBe(false);
  });

  it('keeps candidates out of the corpus: validate ignores them, and the schema refuses the review marker', () => {
    const { corpus } = copyCorpus('mine-validate');
    expect(factcite(['mine', 'tmtpost-hkic-smartmore-2024-06-14', '--all', '--corpus', corpus]).code).toBe(0);
    expect(factcite(['validate', '--corpus', corpus]).code).toBe(0);
    const candidates = readFileSync(path.join(corpus, 'candidates', 'tmtpost-hkic-smartmore-2024-06-14.yaml'), 'utf8');
    writeFileSync(path.join(corpus, 'facts', 'unreviewed.yaml'), candidates);
    const { code, stdout } = factcite(['validate', '--corpus', corpus, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).errors[0]).toMatchObject({
      file: expect.stringMatching(/facts\/unreviewed\.yaml$/),
      code: 'unknown-field',
      message: expect.stringContaining('"review"'),
    });
  });

  it('does not overwrite a candidates file under review without --force', () => {
    const { corpus } = copyCorpus('mine-force');
    expect(factcite(['mine', 'city24-hk-ai-2025-02-27', '--all', '--corpus', corpus]).code).toBe(0);
    const again = factcite(['mine', 'city24-hk-ai-2025-02-27', '--all', '--corpus', corpus]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('pass --force');
    expect(factcite(['mine', 'city24-hk-ai-2025-02-27', '--all', '--force', '--corpus', corpus]).code).toBe(0);
    expect(factcite(['mine', 'no-such-source', '--corpus', corpus]).stderr).toContain('no source "no-such-source"');
  });
});

describe('a new article, from raw text to a released minor version', () => {
  it('goes through ingest, mine, review, changeset, release-check, build, verify and snapshot', () => {
    const copy = copyCorpus('sixth-article');
    const { corpus } = copy;
    const run = (...args: string[]) => {
      const result = factcite([...args, '--corpus', corpus], { cwd: copy.root });
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
      return result.stdout;
    };
    run('snapshot');

    // 1. The capture: a raw file in corpus/raw, cleaned into a source.
    const raw = path.join(corpus, 'raw', '002_fb59a389fb07ccec.txt');
    run('ingest', raw, '--id', 'hkej-ai-bet-2024-06-14');
    const sourceFile = path.join(corpus, 'sources', 'hkej-ai-bet-2024-06-14.md');
    writeFileSync(sourceFile, readFileSync(sourceFile, 'utf8').replace('publisher: "TODO: publisher"', 'publisher: 信報'));
    run('validate');

    // 2. Candidates, reviewed: two stubs kept, given ids and English, the marker removed.
    run('mine', 'hkej-ai-bet-2024-06-14');
    const stubs = parse(readFileSync(path.join(corpus, 'candidates', 'hkej-ai-bet-2024-06-14.yaml'), 'utf8')) as Stub[];
    const fund = stubs.find((s) => s.value.text === '620亿港元')!;
    const survey = stubs.find((s) => s.value.text === '88%')!;
    expect(fund.value).toMatchObject({ amount: 6.2e10, unit: 'HKD' });
    expect(fund.entities).toContain('hkic');
    const reviewed = [
      { ...fund, id: 'hkej-hkic-fund-62-billion', statement: { ...fund.statement, en: 'HKIC manages a fund of HK$62 billion.' } },
      {
        ...survey,
        id: 'hkej-knowledge-workers-genai-88-percent',
        statement: { ...survey.statement, en: '88% of knowledge workers in Hong Kong use generative AI.' },
      },
    ].map(({ review: _review, ...fact }) => fact);
    writeFileSync(path.join(corpus, 'facts', 'hkej-ai-bet-2024-06-14.yaml'), stringify(reviewed));
    rmSync(path.join(corpus, 'candidates'), { recursive: true });
    run('validate');

    // 3. The release: a minor version with notes, checked, built and verified.
    expect(factcite(['release-check', '--corpus', corpus]).code).toBe(1);
    run('changeset');
    const notes = readFileSync(path.join(copy.changesets, 'factcite-corpus.md'), 'utf8');
    expect(notes).toContain('"@factcite/corpus": minor');
    expect(notes).toContain('`hkej-hkic-fund-62-billion`: HKIC manages a fund of HK$62 billion.');
    expect(notes).toContain('**Sources added**');
    run('release-check');
    // What `changeset version` does to the corpus package: bump it, consume the changeset.
    const pkg = path.join(corpus, 'package.json');
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace(versionField(CORPUS_VERSION), versionField(NEXT_MINOR)));
    rmSync(path.join(copy.changesets, 'factcite-corpus.md'));
    run('release-check');
    expect(run('build')).toContain(`@factcite/corpus ${NEXT_MINOR}`);
    expect(run('verify')).toContain('match the manifest');
    run('snapshot');
    expect(existsSync(path.join(corpus, 'releases', `${NEXT_MINOR}.json`))).toBe(true);
    expect(run('release-check')).toContain(`no changes since ${NEXT_MINOR}`);
  }, 120_000);
});
