import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertScript, createFactIndex, type FactIndex, InvalidArgumentError } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const { corpus } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
const built = createFactIndex(corpus);
const bytes = built.exportSearchIndex();

/** Queries of every kind, drawn from the corpus: word starts of statements in both scripts, English, ids, values, entity aliases, pairs of terms. */
function queries(): string[] {
  const out = new Set<string>([
    '数码港',
    '數碼港',
    'cyberport',
    'supercomp',
    'hk-ai',
    'hk-ai-rd-i',
    '10亿',
    '十億',
    '1,000,000,000港元',
    '百分之八十八',
    '800多家',
    'AI 香港',
    '香港 科學園 人工智能',
    'smartmore industrygpt',
  ]);
  corpus.facts.forEach((fact, i) => {
    if (i % 7 !== 0) return;
    const hans = fact.statement['zh-Hans'] ?? '';
    for (const length of [1, 2, 3, 4]) out.add(hans.slice(5, 5 + length));
    out.add(convertScript(hans.slice(10, 13), 'zh-Hant-HK'));
    out.add(fact.statement.en.split(' ')[3] ?? '');
    out.add(fact.id.slice(0, 8));
    if (fact.value) out.add(fact.value.text);
  });
  for (const entity of corpus.entities.slice(0, 12)) out.add(entity.aliases[0] ?? entity.names.en);
  return [...out].filter((q) => q.trim());
}

const results = (index: FactIndex, list: string[]) =>
  list.map((q) => index.search(q, { limit: 10 }).map((h) => `${h.fact.id} ${h.score.toFixed(6)} ${h.matchedTerms}`));

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('a prebuilt search index', () => {
  it('finds what the built index finds, in the same order and with the same scores', () => {
    const list = queries();
    expect(list.length).toBeGreaterThan(80);
    const read = createFactIndex(corpus, { searchIndex: bytes });
    expect(results(read, list)).toEqual(results(built, list));
  });

  /** Runs the queries in a fresh process against the file read back, after `before` (script text) has run there. */
  function inFreshProcess(before: string): { hits: string[][]; same: boolean } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-index-'));
    temps.push(dir);
    writeFileSync(path.join(dir, 'index.bin'), bytes);
    writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(corpus));
    writeFileSync(path.join(dir, 'queries.json'), JSON.stringify(queries()));
    const script = `
      import { readFileSync } from 'node:fs';
      import { createFactIndex } from ${JSON.stringify(path.resolve(__dirname, '../dist/search.js'))};
      const dir = ${JSON.stringify(dir)};
      const corpus = JSON.parse(readFileSync(dir + '/corpus.json', 'utf8'));
      ${before}
      const index = createFactIndex(corpus, { searchIndex: new Uint8Array(readFileSync(dir + '/index.bin')) });
      const again = createFactIndex(corpus).exportSearchIndex();
      const list = JSON.parse(readFileSync(dir + '/queries.json', 'utf8'));
      const hits = list.map((q) => index.search(q, { limit: 10 }).map((h) => h.fact.id + ' ' + h.score.toFixed(6) + ' ' + h.matchedTerms));
      const same = Buffer.compare(again, readFileSync(dir + '/index.bin')) === 0;
      process.stdout.write(JSON.stringify({ hits, same }));
    `;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  }

  it('reads the same as the first index of a fresh process, its tables used in place', () => {
    // This process has numbered no Han character yet, so the file's numbers are taken as they are.
    const out = inFreshProcess('');
    expect(out.hits).toEqual(results(built, queries()));
    expect(out.same).toBe(true);
  });

  it('reads and writes the same in a process that numbered its characters differently', () => {
    // Another corpus indexed first gives Han characters other numbers than in the file.
    const out = inFreshProcess(`
      const other = { ...corpus, facts: [...corpus.facts].reverse().slice(0, 40).map((f) => ({ ...f, statement: { ...f.statement, 'zh-Hans': '龘靐齉' + (f.statement['zh-Hans'] ?? '') } })) };
      createFactIndex(other).search('龘');
    `);
    expect(out.hits).toEqual(results(built, queries()));
    // And exports the same bytes there, whatever it indexed before.
    expect(out.same).toBe(true);
  });

  it('is compact and deterministic', () => {
    // The index's own arrays, used in place, at most twice the corpus as JSON
    // (the release's corpus.json): no per-list tables of counts or skips, which
    // were nearly all zeros, and the character pairs as sorted keys, not hash slots.
    expect(bytes.length).toBeLessThanOrEqual(2 * Buffer.byteLength(JSON.stringify(corpus)));
    // Buffer.compare: a deep equality of 700 KB takes vitest seconds.
    expect(Buffer.compare(createFactIndex(corpus).exportSearchIndex(), bytes)).toBe(0);
  });

  it('exports again what it read', () => {
    expect(Buffer.compare(createFactIndex(corpus, { searchIndex: bytes }).exportSearchIndex(), bytes)).toBe(0);
  });
});

describe('a prebuilt search index that does not fit', () => {
  const refusal = (searchIndex: unknown): string => {
    try {
      createFactIndex(corpus, { searchIndex: searchIndex as Uint8Array });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('is refused when it belongs to another corpus', () => {
    const fewer = { ...corpus, facts: corpus.facts.slice(1) };
    expect(() => createFactIndex(fewer, { searchIndex: bytes })).toThrow(
      /^createFactIndex: options\.searchIndex belongs to another corpus .*exportSearchIndex\(\)$/,
    );
    const reworded = { ...corpus, facts: corpus.facts.map((f, i) => (i === 3 ? { ...f, statement: { ...f.statement, en: `${f.statement.en}!` } } : f)) };
    expect(() => createFactIndex(reworded, { searchIndex: bytes })).toThrow(/another corpus/);
  });

  it('is refused when it is not an index, from another format, or damaged', () => {
    expect(refusal(new TextEncoder().encode('{"facts": []}'))).toMatch(/is not a factcite search index/);
    const otherFormat = bytes.slice();
    otherFormat[3] = 99;
    expect(refusal(otherFormat)).toMatch(/another version of @factcite\/core/);
    for (const cut of [5, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(refusal(bytes.slice(0, cut))).toMatch(/truncated or corrupt/);
    }
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(refusal(longer)).toMatch(/truncated or corrupt/);
  });

  it('is refused when it is not bytes', () => {
    expect(refusal('FCX1')).toMatch(/options\.searchIndex/);
  });
});
