import type { Corpus, Fact } from '@factcite/core';

/** A search engine under test, with everything it needs to be built from a corpus. */
export interface Engine {
  readonly name: string;
  /** The configuration, as the page shows it. */
  readonly config: string;
  /** Indexes every fact; whatever the engine needs before its first answer is built here. */
  build(corpus: Corpus): void;
  /** Positions in `corpus.facts` of the best `k` facts for a query as the writer typed it. */
  search(query: string, k: number): number[];
}

/** Positions of facts in the corpus, made before the engine is built so that it is not counted in its memory. */
export type Positions = ReadonlyMap<Fact, number>;

/** Intl word segmentation, as the MiniSearch and Fuse.js docs suggest for Chinese, Japanese and Thai. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words of a folded text by Intl.Segmenter, punctuation left out. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}
