/**
 * The uncited-claim check read over the corpus's own cleaned articles as if
 * they were reports: every hint must name a fact that quotes the very
 * sentence it is on (a hint pointing anywhere else would be a false alarm on
 * real prose). Expectations come from the corpus: its sources, bodies and
 * quotes, whatever the release.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactIndex, findSentences, findUncitedClaims } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const repoRoot = path.resolve(__dirname, '../../..');
const index = createFactIndex(loadCorpusDir(path.join(repoRoot, 'corpus')).corpus);

/** Every range at which `quote` occurs in `body`. */
function occurrences(body: string, quote: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = body.indexOf(quote); at >= 0; at = body.indexOf(quote, at + 1)) out.push([at, at + quote.length]);
  return out;
}

const results = index.sources().map((source) => {
  const body = source.text;
  const sentences = findSentences(body);
  const hints = findUncitedClaims(body, index).map((d) => {
    const sentence = sentences.find((s) => s.start <= d.start && d.end <= s.end)!;
    const fact = index.get(d.factId!)!;
    const quotesIt = fact.citations.some((c) => c.source === source.id && occurrences(body, c.quote).some(([s, e]) => s < sentence.end && e > sentence.start));
    // Short of quoting the sentence: the fact quotes this article elsewhere, stating the very number of the hint.
    const found = d.uncited!.found.replace(/\s+/g, '');
    const restates = fact.citations.some((c) => c.source === source.id && c.quote.replace(/\s+/g, '').includes(found));
    return { at: d.start, factId: d.factId!, sentence: body.slice(sentence.start, sentence.end), quotesIt, restates };
  });
  return { source: source.id, hints };
});

describe('uncited-claim over the cleaned source articles', () => {
  it('reads every article of the corpus, and finds claims in them', () => {
    expect(results.map((r) => r.source).sort()).toEqual(
      index
        .sources()
        .map((s) => s.id)
        .sort(),
    );
    expect(results.flatMap((r) => r.hints).length).toBeGreaterThan(0);
  });

  it('points every hint to a fact that quotes the sentence it is on, or that quotes the same number from the same article', () => {
    const hints = results.flatMap((r) => r.hints.map((h) => ({ ...h, source: r.source })));
    const wrong = hints.filter((h) => !h.quotesIt && !h.restates).map((h) => `${h.source}@${h.at} → ${h.factId}: ${h.sentence}`);
    expect(wrong).toEqual([]);
    // The figure the README gives: how many hints the fact's own quote covers.
    const exact = hints.filter((h) => h.quotesIt).length;
    console.info(
      `uncited-claim on the articles: ${hints.length} hints, ${exact} on a sentence their fact quotes, ${hints.length - exact} on a sentence restating a number their fact quotes from the same article`,
    );
    for (const h of hints.filter((x) => !x.quotesIt)) console.info(`  restated: ${h.source}@${h.at} → ${h.factId}`);
  });
});
