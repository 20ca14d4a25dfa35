import { readNumbers } from '../../numbers/numbers.js';
import type { Fact } from '../schema.js';
import type { FactRule } from './rule.js';

function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Why no quote of `fact` holds its value, or undefined when one does. What
 * the rule accepts: a quote holding a number whose amount is the value's
 * (and whose top is its upTo, for a range), in any form the reader knows;
 * the hedge and the unit are not compared, since a maintainer may record
 * them from the words around the number. Facts without an amount (dates,
 * events, statements) are not checked: a date is often worked out from the
 * article's own date (去年, 本月底). A rank the quote words without a
 * number (位居榜首) is accepted when the quote states no rank at all.
 */
function valueNotInQuote(fact: Fact): string | undefined {
  const v = fact.value;
  if (v?.amount === undefined) return undefined;
  const read = fact.citations.flatMap((c) => readNumbers(c.quote));
  const holds = read.some(
    (n) => n.amount !== undefined && same(n.amount, v.amount!) && (v.upTo === undefined || (n.upTo !== undefined && same(n.upTo, v.upTo))),
  );
  if (holds) return undefined;
  if (fact.kind === 'rank' && !read.some((n) => n.kind === 'rank')) return undefined;
  const stated = read.filter((n) => n.kind !== 'date' && n.amount !== undefined).map((n) => `${n.text} (${n.amount})`);
  const value = `${v.amount}${v.upTo !== undefined ? `–${v.upTo}` : ''}`;
  return `fact "${fact.id}": value.amount ${value} is not a number any of its quotes states${stated.length ? `; they state ${stated.join(', ')}` : ''}`;
}

/**
 * A fact's value is a number one of its own quotes states, read by the same
 * number reader the value check uses (10亿港元, 十分之一, 超過三千萬億次,
 * 1000Pops, 全國第一). A warning: the reader may miss a form a maintainer
 * rightly read.
 */
export const valueInQuote: FactRule = {
  name: 'value-in-quote',
  description: "A fact's value.amount (and upTo) is a number one of its quotes states, in any form the number reader knows.",
  severity: 'warning',
  codes: ['value-not-in-quote'],
  scope: 'fact',
  check(fact, _context, report) {
    const misquoted = valueNotInQuote(fact);
    if (misquoted) report(['value', 'amount'], misquoted);
  },
};
