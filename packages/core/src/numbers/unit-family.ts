/**
 * Unit families: which amounts count the same thing and may be compared
 * (money by currency, percentages, organisations, people, storage in bytes,
 * computing), read from a fact's unit or from the words after a number.
 */
import { foldText } from '../text/fold.js';
import type { StatedAmount } from './interval.js';
import type { NumberMatch } from './numbers.js';

// What counts the same thing. Facts refine units (enterprises, startups,
// laboratories), measure words do not (家 counts them all), so both meet in
// a coarse family.
const ORGANISATIONS = new Set(['companies', 'enterprises', 'startups', 'organisations', 'institutions', 'universities', 'laboratories']);
const CLASSIFIER_FAMILY: Record<string, string> = {
  家: 'organisations',
  間: 'organisations',
  间: 'organisations',
  所: 'organisations',
  名: 'people',
  人: 'people',
  位: 'people',
  倍: 'times',
  年: 'years',
  個月: 'months',
  个月: 'months',
  天: 'days',
};
/** Measure words that count anything: the noun after them says what. */
const GENERIC_CLASSIFIERS = new Set(['個', '个', '件', '項', '项', '條', '条', '種', '种', '份', '隻', '只', '款', '台', '部', '座', '宗', '次']);
const COMPUTE = new Set(['flops', 'ops-per-second']);
/** Storage units, compared in bytes so that 64TB is not taken for 64PB. */
const BYTES: Record<string, number> = { gigabytes: 1e9, terabytes: 1e12, petabytes: 1e15, exabytes: 1e18 };

/** An amount in bytes when its unit is one of storage; as it is otherwise. */
export function inBytes<T extends StatedAmount>(n: T, unit: string | undefined): T {
  const factor = unit ? BYTES[unit] : undefined;
  if (!factor || n.amount === undefined) return n;
  const scaled = (x: number | undefined) => (x === undefined ? undefined : x * factor);
  return {
    ...n,
    amount: scaled(n.amount),
    ...(n.upTo !== undefined ? { upTo: scaled(n.upTo) } : {}),
    ...(n.under !== undefined ? { under: scaled(n.under) } : {}),
  };
}

/** The family of a unit as facts and English nouns spell it (HKD, percent, enterprises, patents). */
export function unitFamily(unit: string | undefined): string | undefined {
  if (!unit || unit === 'rank') return undefined;
  if (/^[A-Z]{3}$/.test(unit)) return `money:${unit}`;
  if (unit === 'percent' || unit === 'ratio') return unit;
  if (COMPUTE.has(unit)) return 'compute';
  if (ORGANISATIONS.has(unit)) return 'organisations';
  if (unit === 'people' || unit === 'years' || unit === 'months' || unit === 'days' || unit === 'times') return unit;
  if (unit in BYTES) return 'bytes';
  return `noun:${unit}`;
}

/** Up to two Han characters right after `end`, folded to Simplified: the noun a generic measure word counts. */
function nounAfter(text: string, end: number): string {
  const m = /^\p{Script=Han}{1,2}/u.exec(text.slice(end, end + 2));
  return m ? foldText(m[0]) : '';
}

/** 元 written alone, with no currency named before the number or after 元. */
export function isBareYuan(n: NumberMatch): boolean {
  return n.unit === 'CNY' && (n.unitText === '元' || n.unitText === '圓');
}

/** A count of operations (次) said to be per second or of computing: 每秒三百万亿次, 三千万亿次浮点运算. */
function isCompute(n: NumberMatch, text: string): boolean {
  if (!/[次]$/u.test(n.unitText ?? '')) return false;
  return /每秒$/u.test(text.slice(Math.max(0, n.start - 2), n.start)) || /^(?:运算|浮点|计算)/u.test(foldText(text.slice(n.end, n.end + 2)));
}

/**
 * The unit family of a number read from `text`, or undefined when it is not
 * an amount this check compares. `yuan` is the currency bare 元 stands for
 * in a sentence citing the fact at hand (see yuanOf).
 */
export function familyOf(n: NumberMatch, text: string, yuan = 'CNY'): string | undefined {
  if (n.amount === undefined) return undefined;
  if (n.kind === 'percentage') return 'percent';
  if (n.kind !== 'quantity' || !n.unit) return undefined;
  if (isBareYuan(n)) return `money:${yuan}`;
  if (isCompute(n, text)) return 'compute';
  const written = n.unitText ?? '';
  const classifier = /\p{Script=Han}+$/u.exec(written)?.[0];
  if (classifier && !/^(?:[A-Z]{3})$/.test(n.unit)) {
    if (classifier in CLASSIFIER_FAMILY) return CLASSIFIER_FAMILY[classifier];
    if (GENERIC_CLASSIFIERS.has(classifier)) return `generic:${foldText(classifier)}:${nounAfter(text, n.end)}`;
  }
  return unitFamily(n.unit);
}
