/**
 * Whether a number a report states agrees with a fact's value.
 *
 * Agreement is interval overlap. An amount stands for: exact, itself (or its
 * range); approx, ±10%; at-least and more-than, itself and up, but less than
 * ten times it; up-to and less-than, itself and down, but more than a tenth
 * of it (more-than and less-than exclude the amount itself). A bound is not
 * a licence for any number: whoever writes 超過2300家 knows a figure near it,
 * and the tenfold limit catches the commonest slip, a magnitude (超过14万件
 * for 超14萬件, petaflops for 萬億次), while a weaker true bound (超过1000家
 * for 超過2300家) still agrees. A fact's 800多家 or 20餘年 is read closer:
 * 800 to 900, 20 to 30. What the report writes is then widened for rounding
 * (see {@link roundingTolerance}), except for a bound the writer hedged
 * (超过1.5亿 says more than 1.5亿, not about 1.5亿).
 */
import type { Qualifier, Value } from '../corpus/schema.js';
import { type NumberMatch, placeOfLastDigit, readNumbers } from './numbers.js';

/** How loosely a fact's approximate value (约, 近, about) is read: ±10%. */
const APPROX = 0.1;
/** A bound says the figure is within this factor of it (超過2300家 is not 30,000). */
const MAGNITUDE = 10;
/** The most rounding a writer is allowed: 5% of the number written. */
const MAX_ROUNDING = 0.05;
/**
 * How far a number a writer wrote may be from the true value and still be a
 * fair rounding of it: half a unit in the place of its last nonzero digit,
 * and never more than 5% of it. 1.5亿 stands for 1.45亿–1.55亿 (so 1.48亿
 * rounds to it, 1.44亿 does not); 88% for 87.5–88.5%; 20亿 for 19亿–21亿 (5%
 * caps the ±5亿 its one digit would allow, so 20亿 is not a rounding of 10亿
 * and 2000家 not of 2300家); HK$1 billion for 0.95–1.05 billion. Trailing
 * zeros are not counted as precision because writers round to them (1500万
 * for 1480万), and the count is the same whether the number is written 1.5亿,
 * 一亿五千万 or 150 million.
 */
export function roundingTolerance(written: number): number {
  const abs = Math.abs(written);
  if (abs === 0 || !Number.isFinite(abs)) return 0;
  return Math.min(0.5 * 10 ** placeOfLastDigit(abs), MAX_ROUNDING * abs);
}

interface Bound {
  value: number;
  open: boolean;
}
interface Interval {
  lo: Bound;
  hi: Bound;
}

/** Hedges that approach a number from below: 近300家 is 270 to 300, not 330. */
const NEARLY = /^(?:近|接近|將近|将近|幾近|几近|nearly|almost|close\s+to)/i;

function interval(amount: number, upTo: number | undefined, qualifier: Qualifier, tolerance: (n: number) => number, under?: number, nearly = false): Interval {
  const top = upTo ?? amount;
  const closed = (value: number): Bound => ({ value, open: false });
  switch (qualifier) {
    case 'exact':
      return { lo: closed(amount - tolerance(amount)), hi: closed(top + tolerance(top)) };
    case 'approx':
      return { lo: closed(amount * (1 - APPROX) - tolerance(amount)), hi: closed(nearly ? top : top * (1 + APPROX) + tolerance(top)) };
    case 'at-least':
      return { lo: closed(amount), hi: { value: under ?? amount * MAGNITUDE, open: true } };
    case 'more-than':
      return { lo: { value: amount, open: true }, hi: { value: under ?? amount * MAGNITUDE, open: true } };
    case 'up-to':
      return { lo: { value: top / MAGNITUDE, open: true }, hi: closed(top) };
    case 'less-than':
      return { lo: { value: top / MAGNITUDE, open: true }, hi: { value: top, open: true } };
  }
}

function overlaps(a: Interval, b: Interval): boolean {
  const below = (lo: Bound, hi: Bound) => lo.value < hi.value || (lo.value === hi.value && !lo.open && !hi.open);
  return below(a.lo, b.hi) && below(b.lo, a.hi);
}

/** The part of a number that can be compared with a value: its amount, range and hedge. */
export type StatedAmount = Pick<NumberMatch, 'amount' | 'upTo' | 'qualifier' | 'under'> & { text?: string };

/**
 * Whether an amount a report states agrees with a fact's value, reading both
 * with their qualifiers and allowing the writer's rounding
 * ({@link roundingTolerance}). Units are not looked at: compare amounts of one
 * unit only (10亿港元 and HK$1 billion are both 1e9; 10亿港元 and 10亿美元 are
 * not comparable at all).
 */
export function valueAgrees(stated: StatedAmount, value: Value): boolean {
  if (stated.amount === undefined || value.amount === undefined) return true;
  const nearly = NEARLY.test(stated.text ?? '');
  return overlaps(interval(stated.amount, stated.upTo, stated.qualifier, roundingTolerance, stated.under, nearly), factInterval(value));
}

/**
 * What a fact's value stands for: as any stated amount, read as tightly as
 * its wording allows. 800多家 and 20餘年 say 800-something and twenty-odd,
 * below the next step of the last digit (900, 30); 超過2300家 is just above
 * 2300, below 2400 (see NumberMatch.under); a share is at most 100%.
 */
function factInterval(value: Value): Interval {
  const amount = value.amount!;
  const read = readNumbers(value.text).find((n) => n.amount === amount);
  const truth = interval(amount, value.upTo, value.qualifier, () => 0, read?.qualifier === value.qualifier ? read.under : undefined, NEARLY.test(value.text));
  if (value.unit === 'percent' && truth.hi.value > 100) truth.hi = { value: 100, open: false };
  return truth;
}
