/**
 * Id-fragment queries: what a writer has typed after `@fact:` when they
 * remember how an id starts, or one of its middle words (approach-r,
 * hk-ai-rd): whole words of the id joined by hyphens, the last one cut short.
 */
import type { Fact } from '@factcite/core';
import type { Random } from './random.js';

/** A piece of the fact's id: from one of its words, over at least one hyphen, into a later word by one to three characters. */
export function idFragment(fact: Fact, r: Random): string | undefined {
  const words = fact.id.split('-');
  if (words.length < 2) return undefined;
  const from = r.int(words.length - 1);
  const to = from + 1 + r.int(words.length - from - 1);
  const last = words[to]!;
  const cut = last.slice(0, Math.min(last.length, 1 + r.int(3)));
  return [...words.slice(from, to), cut].join('-');
}
