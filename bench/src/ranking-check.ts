/**
 * `pnpm bench:ranking [size] [kind|all]`: factcite's ranking quality on the
 * judged queries at one corpus size, in seconds rather than the full
 * benchmark's minutes, for changing the ranking. Prints nDCG@10 and MRR@10
 * overall, on the odd and even lines of the judgements file (tune on one
 * half, check on the other) and by kind; with a kind (or `all`), also each
 * query of it that scores under 0.5, with its top five.
 */
import { createFactIndex } from '@factcite/core/search';
import { type Judged, JUDGED_KINDS, readJudgements } from './judgements.js';
import { benchCorpus } from './mixed.js';
import { ndcgAt, reciprocalRankAt } from './ranking.js';

const size = Number(process.argv[2] ?? 100_000);
const show = process.argv[3];
if (!Number.isSafeInteger(size) || size < 0) {
  console.error(`usage: pnpm bench:ranking [size] [kind|all]: size must be a whole number, got "${process.argv[2]}"`);
  process.exit(2);
}
if (show && show !== 'all' && !(JUDGED_KINDS as readonly string[]).includes(show)) {
  console.error(`usage: pnpm bench:ranking [size] [kind|all]: kind is one of ${JUDGED_KINDS.join(', ')}`);
  process.exit(2);
}

const corpus = benchCorpus(size, 1);
const index = createFactIndex(corpus);
const judged = readJudgements();
const scored = judged.map((q) => {
  const hits = index.search(q.text, { limit: 10 });
  const grades = hits.map((h) => q.grades.get(h.fact.id) ?? 0);
  return { q, hits, ndcg: ndcgAt(10, grades, [...q.grades.values()]), rr: reciprocalRankAt(10, grades) };
});

const mean = (list: readonly number[]): string => (list.reduce((a, b) => a + b, 0) / Math.max(1, list.length)).toFixed(3);
const line = (label: string, of: (q: Judged) => boolean): string => {
  const part = scored.filter((s) => of(s.q));
  return `${label.padEnd(16)} nDCG@10 ${mean(part.map((s) => s.ndcg))}  MRR@10 ${mean(part.map((s) => s.rr))}  (${part.length})`;
};
console.log(`${corpus.facts.length} facts (${size <= 1 ? 'the real corpus' : 'real facts among synthetic ones'}), ${judged.length} judged queries`);
console.log(line('all', () => true));
console.log(line('odd lines', (q) => q.line % 2 === 1));
console.log(line('even lines', (q) => q.line % 2 === 0));
for (const kind of JUDGED_KINDS) console.log(line(kind, (q) => q.kind === kind));

if (show) {
  for (const { q, hits, ndcg } of scored) {
    if ((show !== 'all' && q.kind !== show) || ndcg >= 0.5) continue;
    console.log(
      `\n${q.kind} ${q.text} (line ${q.line}) nDCG@10 ${ndcg.toFixed(3)}; asked for: ${[...q.grades]
        .filter(([, g]) => g === 2)
        .map(([id]) => id)
        .join(' ')}`,
    );
    for (const h of hits.slice(0, 5)) console.log(`  ${q.grades.get(h.fact.id) ?? 0} ${h.fact.id}`);
  }
}
