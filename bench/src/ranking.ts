/**
 * Ranking quality against graded judgements: nDCG@k and MRR@k, as in TREC
 * practice. Grades are 0 (not judged relevant), 1 (related), 2 (the fact
 * asked for).
 */

/** Discounted cumulative gain of grades in rank order, gain 2^grade − 1, discount log2(rank + 1). */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** grades[i]! - 1) / Math.log2(i + 2);
  return sum;
}

/**
 * nDCG@k: the DCG of the engine's top k over the DCG of the best possible
 * order of every judged fact. A query with no judged fact scores 0 (it is
 * a judging error, which the judgement check rejects).
 */
export function ndcgAt(k: number, ranked: readonly number[], judged: readonly number[]): number {
  const ideal = dcg(
    [...judged].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? 0 : dcg(ranked, k) / ideal;
}

/** Reciprocal rank of the first result of at least `grade` within the top k; 0 when there is none. */
export function reciprocalRankAt(k: number, ranked: readonly number[], grade = 2): number {
  const at = ranked.slice(0, k).findIndex((g) => g >= grade);
  return at < 0 ? 0 : 1 / (at + 1);
}
