/**
 * Splits the numbers of a sentence into claims: each amount is its own claim
 * (5億元 and 30家 in 預留5億元，扶持30家初創 are two facts), except an amount
 * that restates the one before it in another unit (620亿港元（80亿美元）,
 * 約合3.9億美元), which belongs to that claim, and a span of time
 * (未來三年內) next to another amount, which frames it.
 */
import type { NumberMatch } from '@factcite/core';

/** One claim: the amount it is about, and any restatement of it. */
export interface Claim {
  primary: NumberMatch;
  restated: NumberMatch[];
}

// What may stand between an amount and its restatement: a bracket, a conversion word.
const RESTATES = /^\s*(?:[（(]\s*(?:約合|约合|約|约|即|折合|相當於|相当于)?|[，,]?\s*(?:約合|约合|折合|相當於|相当于|即))\s*$/u;

const DURATION = new Set(['years', 'months', 'days']);

/** The claims among a sentence's numbers (dates left out: they date a claim, they are not one). */
export function claimsOf(sentence: string, numbers: readonly NumberMatch[]): Claim[] {
  const claims: Claim[] = [];
  let previous: NumberMatch | undefined;
  // A span of time (未來三年內) frames the sentence's other amounts; alone it may be the claim.
  const framing = numbers.some((n) => n.kind !== 'date' && !DURATION.has(n.unit ?? ''));
  for (const n of numbers) {
    if (n.kind === 'date' || (framing && DURATION.has(n.unit ?? ''))) continue;
    const last = claims[claims.length - 1];
    if (
      last &&
      previous &&
      n.kind === 'quantity' &&
      previous.kind === 'quantity' &&
      n.unit !== previous.unit &&
      RESTATES.test(sentence.slice(previous.end, n.start))
    ) {
      last.restated.push(n);
    } else {
      claims.push({ primary: n, restated: [] });
    }
    previous = n;
  }
  return claims;
}
