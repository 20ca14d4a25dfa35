import { corpus } from '@factcite/corpus';
import { describe, expect, it } from 'vitest';
import { JUDGED_KINDS, JudgementError, parseJudgements, readJudgements } from '../src/judgements.js';
import { dcg, ndcgAt, reciprocalRankAt } from '../src/ranking.js';

describe('the judged query set', () => {
  const judged = readJudgements();
  const facts = new Map(corpus.facts.map((f) => [f.id, f]));

  it('has at least 150 queries, of every kind', () => {
    expect(judged.length).toBeGreaterThanOrEqual(150);
    for (const kind of JUDGED_KINDS) expect(judged.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
  });

  it('grades only facts of the corpus', () => {
    for (const q of judged) for (const id of q.grades.keys()) expect(facts.has(id), `line ${q.line}: ${id}`).toBe(true);
  });

  it('grades a deprecated fact only below the fact that replaces it', () => {
    for (const q of judged) {
      for (const [id, grade] of q.grades) {
        const fact = facts.get(id)!;
        if (fact.status !== 'deprecated') continue;
        expect(grade, `line ${q.line}: ${id}`).toBe(1);
        expect(fact.supersededBy && q.grades.get(fact.supersededBy), `line ${q.line}: ${id}'s successor`).toBe(2);
      }
    }
  });

  it('writes an id query as an id of the corpus and an id fragment as part of one', () => {
    for (const q of judged.filter((x) => x.kind === 'id')) expect(facts.has(q.text), q.text).toBe(true);
    for (const q of judged.filter((x) => x.kind === 'id-fragment')) {
      expect(facts.has(q.text), q.text).toBe(false);
      expect(
        [...q.grades.keys()].some((id) => id.includes(q.text)),
        q.text,
      ).toBe(true);
    }
  });

  it('interleaves the kinds, so that the first queries are a fair sample', () => {
    expect(new Set(judged.slice(0, JUDGED_KINDS.length).map((q) => q.kind))).toEqual(new Set(JUDGED_KINDS));
  });

  it('names the line of a malformed judgement', () => {
    const bad = (text: string) => {
      try {
        parseJudgements(text);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e = bad('# comment\nenglish | Cyberport | cyberport-startups-incubated=2\nenglish | AI | some-fact=3\n');
    expect(e).toBeInstanceOf(JudgementError);
    expect((e as JudgementError).line).toBe(3);
    expect((e as Error).message).toMatch(/line 3: "some-fact=3" is not ID=1 or ID=2/);
    expect((bad('poetry | 诗 | a=2') as JudgementError).message).toMatch(/line 1: unknown kind/);
    expect((bad('english | x | a=1') as JudgementError).message).toMatch(/no fact of grade 2/);
    expect((bad('english | x | a=2\nenglish | x | b=2') as JudgementError).message).toMatch(/line 2: query "x" is judged twice/);
    expect((bad('english | x') as JudgementError).message).toMatch(/line 1: expected KIND/);
  });
});

describe('the ranking metrics, on hand-computed cases', () => {
  it('computes DCG with gain 2^grade − 1 and a log2 discount', () => {
    // 3/log2(2) + 0 + 1/log2(4) = 3 + 0.5
    expect(dcg([2, 0, 1], 10)).toBeCloseTo(3.5, 10);
    expect(dcg([2, 0, 1], 1)).toBeCloseTo(3, 10);
  });

  it('normalises by the best order of every judged fact', () => {
    expect(ndcgAt(10, [2, 1], [1, 2])).toBeCloseTo(1, 10);
    // The fact asked for second: (3/log2(3)) / 3
    expect(ndcgAt(10, [0, 2], [2])).toBeCloseTo(1 / Math.log2(3), 10);
    // Related first, asked-for second: (1 + 3/log2(3)) / (3 + 1/log2(3)) = 0.79670…
    expect(ndcgAt(10, [1, 2], [2, 1])).toBeCloseTo(0.7967, 4);
    expect(ndcgAt(10, [0, 0, 0], [2, 1])).toBe(0);
    // A judged fact past the cut-off counts against the engine: ideal holds both, the top 1 one.
    expect(ndcgAt(1, [2, 2], [2, 2])).toBeCloseTo(1, 10);
    expect(ndcgAt(2, [2], [2, 2])).toBeCloseTo(3 / (3 + 3 / Math.log2(3)), 10);
  });

  it('takes the reciprocal rank of the first fact asked for', () => {
    expect(reciprocalRankAt(10, [0, 1, 2])).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRankAt(10, [2, 0])).toBe(1);
    expect(reciprocalRankAt(10, [1, 1, 0])).toBe(0);
    expect(reciprocalRankAt(2, [0, 0, 2])).toBe(0);
    expect(reciprocalRankAt(10, [0, 1], 1)).toBe(0.5);
  });
});
