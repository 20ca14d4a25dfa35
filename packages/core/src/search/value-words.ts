/**
 * Search by value: a fact's structured value is indexed as words that no
 * text can hold, and a number in a query (十億, 1,000,000,000港元, HK$1
 * billion, 百分之八十八), read with the number reader, looks up the same
 * words. So a query finds an amount however it is written, not only where
 * the fact's text spells it the same way.
 */
import { type NumberMatch, readNumbers } from '../numbers/numbers.js';
import { isHan } from './tokens.js';

/**
 * Starts every value word. Text is tokenised into runs of ASCII letters and
 * digits, so no word of a fact's text can start with it, nor does a typed
 * prefix ever reach one.
 */
const MARK = '\u0001';

/** Units a query states reliably: currencies, percentages and ranks; a counted noun (家 → companies or enterprises?) is left to the amount. */
function keepsUnit(unit: string | undefined): unit is string {
  return unit !== undefined && (/^[A-Z]{3}$/.test(unit) || unit === 'percent' || unit === 'rank');
}

/** The amount as a key: binary noise rounded away (1.4 × 10^4), so equal amounts give equal words. */
function amountKey(amount: number): string {
  return String(Number(amount.toPrecision(12)));
}

/** The words a fact with this value is found by: its amount, and its amount with its unit when a query can state that unit. */
export function factValueWords(value: { amount?: number; unit?: string } | undefined): string[] {
  if (value?.amount === undefined || !Number.isFinite(value.amount)) return [];
  const key = `${MARK}${amountKey(value.amount)}`;
  return keepsUnit(value.unit) ? [key, `${key}:${value.unit}`] : [key];
}

/**
 * The word a number read in a query looks up: an amount of money, a
 * percentage, a rank, or a bare amount (十億), which any unit may have.
 * Undefined for a date, and for a count of things (800多家): its text says
 * what is counted better than an amount that facts counting anything share.
 */
function queryValueWord(match: NumberMatch): string | undefined {
  if (match.kind === 'date' || match.amount === undefined || !Number.isFinite(match.amount)) return undefined;
  const key = `${MARK}${amountKey(match.amount)}`;
  if (keepsUnit(match.unit)) return `${key}:${match.unit}`;
  return match.unit === undefined ? key : undefined;
}

/** A query term, and for a number the value word it may match instead of its text. */
export interface QueryTerm {
  text: string;
  valueWord?: string;
  /**
   * For a number a hedge bounds (六百多亿: from 600亿, under 700亿), the values
   * it may match: every amount in [from, under), with the query's unit when a
   * query can state it (see keepsUnit), else with none.
   */
  valueRange?: { from: number; under: number; unit?: string };
}

/** A value word's amount and unit, or undefined for a word that is not one. */
export function readValueWord(word: string): { amount: number; unit?: string } | undefined {
  if (!word.startsWith(MARK)) return undefined;
  const colon = word.indexOf(':');
  const amount = Number(colon < 0 ? word.slice(1) : word.slice(1, colon));
  return Number.isFinite(amount) ? { amount, unit: colon < 0 ? undefined : word.slice(colon + 1) } : undefined;
}

/** The values a hedged number may match, or undefined for a number without an upper bound. */
function queryValueRange(match: NumberMatch): QueryTerm['valueRange'] {
  if (match.amount === undefined || match.under === undefined || !(match.under > match.amount)) return undefined;
  // A count of things (800多家) is left to its text, as an exact one is (see queryValueWord).
  if (match.unit !== undefined && !keepsUnit(match.unit)) return undefined;
  return { from: match.amount, under: match.under, unit: keepsUnit(match.unit) ? match.unit : undefined };
}

const TERM = /[^\s,，;；、?？!！。]+/g;

/**
 * What every number the reader reads holds: a digit, a Chinese numeral (of
 * folded text) or an English number word. The reader's first call compiles
 * its many patterns, tens of milliseconds in a process that has just
 * started; a query without any of these (数码港, cyberport) never pays it.
 */
const MAY_HOLD_NUMBER =
  /[0-9零〇一壹二贰两三叁参四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿兆]|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b/;
const STOPWORDS = new Set(
  'a an and are as at be by did do does for from has have how in is it many much of on or the to was were what when where which who why with'.split(' '),
);

/**
 * Whether a number is one Chinese numeral character, with or without its
 * unit, among other characters (万通过, 亿元计划): part of the words typed,
 * not an amount of its own. Split out, it would be matched as a value apart
 * from the characters around it.
 */
function isLoneNumeral(folded: string, match: NumberMatch): boolean {
  if (match.end - match.start - (match.unitText?.length ?? 0) !== 1 || !isHan(folded.codePointAt(match.start)!)) return false;
  const before = match.start > 0 ? folded.codePointAt(match.start - 1)! : 0;
  const after = match.end < folded.length ? folded.codePointAt(match.end)! : 0;
  return isHan(before) || isHan(after);
}

/**
 * The terms of a folded query: its words less stopwords (unless that leaves
 * none), with every number the reader finds made a term of its own. A number
 * may span what would be several words (1,000,000,000港元, hk$1 billion) and
 * may sit inside one (800多家企业 gives 800多家 and 企业).
 */
export function queryTermsWithValues(folded: string): QueryTerm[] {
  const numbers = MAY_HOLD_NUMBER.test(folded) ? readNumbers(folded).filter((m) => queryValueWord(m) !== undefined && !isLoneNumeral(folded, m)) : [];
  const terms: QueryTerm[] = [];
  let n = 0;
  let at = 0;
  for (const span of folded.matchAll(TERM)) {
    const end = span.index + span[0].length;
    at = Math.max(at, span.index);
    while (at < end) {
      while (n < numbers.length && numbers[n]!.start < at) n++;
      const number = numbers[n];
      if (number && number.start < end) {
        if (number.start > at) terms.push({ text: folded.slice(at, number.start) });
        const valueRange = queryValueRange(number);
        terms.push({ text: folded.slice(number.start, number.end), valueWord: queryValueWord(number), ...(valueRange ? { valueRange } : {}) });
        at = number.end;
        n++;
      } else {
        terms.push({ text: folded.slice(at, end) });
        at = end;
      }
    }
  }
  const meaningful = terms.filter((t) => t.valueWord !== undefined || !STOPWORDS.has(t.text));
  return meaningful.length ? meaningful : terms;
}
