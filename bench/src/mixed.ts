/**
 * The corpora the bench measures: the real corpus alone (size 0), or the
 * real facts spread evenly among synthetic ones, so that the judged queries
 * (written for the real facts) can be asked at every size. Synthetic facts
 * are not judged: one that an engine ranks above a judged fact counts as
 * not relevant, which is the usual bias of judging a pool.
 */
import type { Corpus, Fact } from '@factcite/core';
import { corpus as real } from '@factcite/corpus';
import { generateCorpus } from './generate.js';

/** The real corpus's facts among `size` in all (at least the real ones). */
export function benchCorpus(size: number, seed: number): Corpus {
  if (size <= real.facts.length) return real;
  const synthetic = generateCorpus(size - real.facts.length, seed);
  const ids = new Set(real.facts.map((f) => f.id));
  const clash = synthetic.facts.find((f) => ids.has(f.id));
  if (clash) throw new Error(`synthetic fact id ${clash.id} is also a real one`);
  const facts: Fact[] = [];
  const every = synthetic.facts.length / real.facts.length;
  let next = 0;
  synthetic.facts.forEach((f, i) => {
    // Real fact n goes before synthetic fact round(n × every): neither first nor last in any engine's insertion order.
    while (next < real.facts.length && i >= Math.round(next * every)) facts.push(real.facts[next++]!);
    facts.push(f);
  });
  while (next < real.facts.length) facts.push(real.facts[next++]!);
  return { ...synthetic, facts, sources: [...real.sources, ...synthetic.sources] };
}

/** How the page names a size: the real corpus, or a count of facts. */
export const isRealOnly = (size: number): boolean => size <= real.facts.length;
export const realFactCount = real.facts.length;
