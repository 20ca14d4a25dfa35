/**
 * The CJK bigram analysis that search engines document for Chinese (Lucene's
 * CJKAnalyzer, Elasticsearch's `cjk_bigram` filter with `output_unigrams`),
 * as plain functions a JavaScript engine's tokenizer option can take. Text is
 * expected folded already (`foldText`).
 */

// A word of letters or digits holds no Han character: a plain [\p{L}\p{N}]+
// would run on into the Han text after it, since \p{L} includes Han.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Runs of Han characters and words of other letters and digits, in order. */
export function runs(text: string): string[] {
  return text.match(RUN) ?? [];
}

const isHan = (run: string) => /^\p{Script=Han}/u.test(run);

/** Each run's terms: a Han run's from `han` (given its characters), any other word whole. */
function terms(text: string, han: (chars: string[], out: string[]) => void): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    if (isHan(run)) han([...run], out);
    else out.push(run);
  }
  return out;
}

/** Index terms: every Han character, every pair of adjacent Han characters, every other word whole. */
export function indexTerms(text: string): string[] {
  return terms(text, (chars, out) => {
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i]!);
      if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
    }
  });
}

/** Query terms: the pairs of a Han run (its one character when it has one), other words whole. */
export function queryTerms(text: string): string[] {
  return terms(text, (chars, out) => {
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  });
}
