/**
 * The value check: a right citation next to a wrong number ("预留20亿港元
 * [@fact:hk-ai-rd-institute-funding]" when the source says 10亿港元). For each
 * sentence that cites one fact with a numeric value, the amounts the sentence
 * states in that value's unit are compared with it; when none agrees, it is a
 * `value-mismatch`, on the number when there is one, on the citation when
 * there are several (then which one is wrong is not known).
 *
 * It is built to stay quiet when in doubt, because a checker that cries wolf
 * gets switched off:
 * - Only facts of kind `quantity` or `percentage` are compared. Ranks, dates
 *   and years are other kinds of number and are never read as amounts.
 * - A sentence that cites two or more facts with numeric values is skipped:
 *   which number belongs to which fact is guesswork. Facts without a value
 *   (statements, events) cited alongside do not count.
 * - Only amounts of the value's unit family are compared: money by currency
 *   (港元 = HK$ = HKD, never converted to another currency), percentages with
 *   percentages, counts by what they count (家/間/所 and companies, enterprises,
 *   start-ups…; 名/人/位 and people; 倍 and times). A generic measure word
 *   (個, 件, 項, 次…) counts anything, so it is compared only when the word
 *   after it is the one the source uses (63個大模型, not 5個城市).
 * - If any amount of the family agrees, or the fact's number appears anywhere
 *   in the sentence (24 in "Of the 66 enterprises, 24 are in AI"), nothing is
 *   reported: other numbers in the sentence may be about other things.
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
 *
 * Sentences end at 。！？；!?; and at a full stop followed by a space, at a
 * line that opens a Markdown block (heading, list item, quote, table row) and
 * always at a blank line. Because no sentence crosses a blank line, checking
 * a report paragraph by paragraph (as the language service's incremental
 * document does) gives the same result as checking it whole.
 */
import { type CitationRef, findIgnoredRanges, type MalformedCitation, type ParsedCitations, parseCitations } from '../cite/citations.js';
import type { CitationDiagnostic } from '../cite/check.js';
import { type NumberMatch, parseChineseNumber, placeOfLastDigit, readNumbers } from './numbers.js';
import type { Fact, Qualifier, Value } from '../corpus/schema.js';
import { convertScript, foldText } from '../text/script.js';
import type { FactIndex } from '../search/search.js';

/** What a `value-mismatch` diagnostic carries for its message and its quick fix. */
export interface ValueMismatch {
  /**
   * The contradicting expression as the report writes it (20亿港元); the
   * diagnostic's range covers it. When the sentence states several amounts
   * of the unit and none agrees, they are all listed (150%, 88%) and the
   * range is the citation's id instead, since which one is wrong is a guess.
   */
  found: string;
  /** The fact's value as its source writes it (10亿港元), read from the quote. */
  expected: string;
  /**
   * What to put in place of `found`: `expected` in the report's script
   * (Simplified or Traditional), or for English prose the value in English
   * (HK$1 billion). Absent when the value cannot be written in English
   * without rewriting the sentence (a count whose noun follows the number),
   * and when several amounts contradict the fact.
   */
  replacement?: string;
  /** The verbatim quote that holds the value. */
  quote: string;
  /** The id of the source quoted. */
  source: string;
}

/** A sentence of a report, by UTF-16 offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** How loosely a fact's approximate value (约, 近, about) is read: ±10%. */
const APPROX = 0.1;
/** A bound says the figure is within this factor of it (超過2300家 is not 30,000). */
const MAGNITUDE = 10;
/** The most rounding a writer is allowed: 5% of the number written. */
const MAX_ROUNDING = 0.05;
/** Stands in for citations, code and comments, so their digits are not read and their `;` and `.` do not end a sentence. */
const MASK = '\uFFFC';

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

/** Words read as hedges that may compare with another figure instead (高于75%的全球平均). */
const COMPARISON = /^(?:高於|高于|低於|低于|多於|多于|少於|少于|大於|大于|above|below|over|under)/i;

/** Hedges that approach a number from below: 近300家 is 270 to 300, not 330. */
const NEARLY = /^(?:近|接近|將近|将近|幾近|几近|nearly|almost|close\s+to)/i;

function interval(
  amount: number,
  upTo: number | undefined,
  qualifier: Qualifier,
  tolerance: (n: number) => number,
  under?: number,
  nearly = false,
): Interval {
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

// What counts the same thing. Facts refine units (enterprises, startups,
// laboratories), measure words do not (家 counts them all), so both meet in
// a coarse family.
const ORGANISATIONS = new Set(['companies', 'enterprises', 'startups', 'organisations', 'institutions', 'universities', 'laboratories']);
const CLASSIFIER_FAMILY: Record<string, string> = {
  家: 'organisations', 間: 'organisations', 间: 'organisations', 所: 'organisations',
  名: 'people', 人: 'people', 位: 'people', 倍: 'times', 年: 'years', 個月: 'months', 个月: 'months', 天: 'days',
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
  return { ...n, amount: scaled(n.amount), ...(n.upTo !== undefined ? { upTo: scaled(n.upTo) } : {}), ...(n.under !== undefined ? { under: scaled(n.under) } : {}) };
}

/** The family of a unit as facts and English nouns spell it (HKD, percent, enterprises, patents). */
function unitFamily(unit: string | undefined): string | undefined {
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
function isBareYuan(n: NumberMatch): boolean {
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

/**
 * What bare 元 means in a sentence citing `fact`. Where the fact's own value
 * writes 元 alone (大公報's 1000億元 for Shenzhen's fund), whatever currency
 * its maintainers read it as. Otherwise by where its sources were published:
 * the Hong Kong press writes 元 for Hong Kong dollars, so when any source the
 * fact quotes is a Hong Kong one, 元 is HKD (人民币/人民幣 written beside it
 * says otherwise); elsewhere it is renminbi. A source is a Hong Kong one when
 * its metadata says it is printed in Traditional script (`script: Hant`), as
 * the Hong Kong press is and the mainland press is not.
 */
function yuanOf(fact: Fact, index: FactIndex): string {
  const v = fact.value!;
  if (v.unit && /^[A-Z]{3}$/.test(v.unit) && readNumbers(v.text).some(isBareYuan)) return v.unit;
  return fact.citations.some((c) => index.source(c.source)?.script === 'Hant') ? 'HKD' : 'CNY';
}

/** What the value check and the uncited-claim check know of a fact with a numeric value. */
export interface FactProfile {
  families: Set<string>;
  /** The currency of the value as a family (money:HKD), for a value in money. */
  money: string | undefined;
  /** What bare 元 stands for next to this fact. */
  yuan: string;
  expected: string;
  quote: string;
  source: string;
}

const profiles = new WeakMap<Fact, FactProfile | null>();

/**
 * What the check needs of a fact, or null when it has no value to compare:
 * the unit families its value is written in (by its unit, and by reading its
 * value text, quotes and statements), and its value as the source writes it.
 */
export function profile(fact: Fact, index: FactIndex): FactProfile | null {
  let p = profiles.get(fact);
  if (p !== undefined) return p;
  p = null;
  const v = fact.value;
  if ((fact.kind === 'quantity' || fact.kind === 'percentage') && v?.amount !== undefined) {
    const families = new Set<string>();
    const own = unitFamily(v.unit);
    if (own) families.add(own);
    const money = own?.startsWith('money:') ? own : undefined;
    const yuan = yuanOf(fact, index);
    const texts = [v.text, ...fact.citations.map((c) => c.quote), fact.statement['zh-Hans'], fact.statement['zh-Hant'], fact.statement.en];
    for (const text of texts) {
      if (!text) continue;
      for (const n of readNumbers(text)) {
        if (n.amount !== v.amount) continue;
        const family = familyOf(n, text, yuan);
        // Money is compared in the value's own currency only.
        if (family && !(money && family.startsWith('money:') && family !== money)) families.add(family);
      }
    }
    let wording: Pick<FactProfile, 'expected' | 'quote' | 'source'> = {
      expected: v.text,
      quote: fact.citations[0]!.quote,
      source: fact.citations[0]!.source,
    };
    found: for (const c of fact.citations) {
      for (const n of readNumbers(c.quote)) {
        if (n.amount === v.amount && (n.text.includes(v.text) || v.text.includes(n.text))) {
          wording = { expected: n.text, quote: c.quote, source: c.source };
          break found;
        }
      }
    }
    if (families.size) p = { families, money, yuan, ...wording };
  }
  profiles.set(fact, p);
  return p;
}

/** Replaces the given ranges (line breaks aside) by MASK, keeping every offset. Linear in the text. */
function mask(text: string, ranges: readonly (readonly [number, number])[]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    const from = Math.max(at, s);
    const to = Math.min(e, text.length);
    if (to <= from) continue;
    parts.push(text.slice(at, from), text.slice(from, to).replace(/[^\n]/g, MASK));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function citationRange(c: CitationRef): [number, number] {
  return c.group ? [c.group.start, c.group.end] : [c.start, c.end];
}

// A line that opens a Markdown block starts a sentence of its own.
const BLOCK_START = /^[ \t]*(?:#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s|\|)/;
const HEADING_OR_ROW = /^[ \t]*(?:#{1,6}\s|\|)/;
// Abbreviations whose full stop does not end an English sentence.
const ABBREVIATION = /(?:^|[^A-Za-z])(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Inc|Ltd|Co|Corp|Jr|Sr|approx|est|Fig|U\.S|U\.K|a\.m|p\.m|[A-Z])$/;
const CLOSERS = /[」』”’"'）)\]】〕》*_]/;

function isEnglishStop(text: string, i: number): boolean {
  const next = text.slice(i + 1, i + 40).match(/^[」』”’"'）)\]】〕》*_]*(\s+|$)(\S?)/);
  if (!next) return false;
  if (/^[a-z]/.test(next[2] ?? '')) return false;
  return !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i));
}

const CANDIDATE = /[\n。！？；!?;.]/g;

/** Sentences of a masked text (see the module comment for where they end). */
export function sentencesOf(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    // Only line breaks and stops can end a sentence: jump to the next one.
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i]!;
    if (ch === '\n') {
      const lineEnd = text.indexOf('\n', i + 1);
      const rest = text.slice(i + 1, lineEnd < 0 ? text.length : lineEnd);
      const line = text.slice(lineStart, i);
      if (/^[ \t\r]*$/.test(rest) || BLOCK_START.test(rest) || HEADING_OR_ROW.test(line)) push(i + 1);
      lineStart = i + 1;
      i++;
      continue;
    }
    if (ch !== '.' || isEnglishStop(text, i)) {
      let end = i + 1;
      while (end < text.length && /[。！？!?.…]/.test(text[end]!)) end++;
      while (end < text.length && CLOSERS.test(text[end]!)) end++;
      // A citation right after the stop still belongs to this sentence (…10亿港元。[@fact:x]).
      let j = end;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === MASK) {
        while (j < text.length && (text[j] === MASK || text[j] === ' ' || text[j] === '\t')) j++;
        while (j < text.length && /[。.，,;；]/.test(text[j]!)) j++;
        end = j;
      }
      push(end);
      i = end;
      continue;
    }
    i++;
  }
  push(text.length);
  return out;
}

/** The report with citations, malformed attempts, code and comments masked, offsets kept. */
export function maskedReport(text: string, parsed: ParsedCitations): string {
  return mask(text, [
    ...parsed.citations.map(citationRange),
    ...parsed.malformed.map((m: MalformedCitation) => [m.start, m.end] as const),
    ...findIgnoredRanges(text),
  ]);
}

/**
 * The sentences of a report, as the value check reads them: Chinese and
 * English sentence ends, Markdown blocks and blank lines; a citation right
 * after a full stop belongs to the sentence before it. Citations, code and
 * comments never end a sentence.
 */
export function findSentences(text: string): SentenceSpan[] {
  return sentencesOf(maskedReport(text, parseCitations(text)));
}

/** Numbers of a sentence that no reader took, as written: 24 in "24 are in AI". */
function bareNumbers(sentence: string, taken: readonly NumberMatch[]): number[] {
  const out: number[] = [];
  const pattern = /(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两兩三四五六七八九十百千万萬亿億]{2,}/gu;
  // Both lists run left to right, so one pointer into the taken ones suffices.
  let t = 0;
  for (const m of sentence.matchAll(pattern)) {
    while (t < taken.length && taken[t]!.end <= m.index) t++;
    if (t < taken.length && taken[t]!.start <= m.index) continue;
    const amount = parseChineseNumber(m[0]);
    if (amount !== undefined) out.push(amount);
  }
  return out;
}

// Frequent characters whose form differs between the scripts (as detectScript counts them).
const HANS = /[们这为时发说来对个国经会后进过还学实业务资数据区产开关动与长门见问电车东马亿万亚规计统数联显类员专达总际权]/gu;
const HANT = /[們這為時發說來對個國經會後進過還學實業務資數據區產開關動與長門見問電車東馬億萬亞規計統數聯顯類員專達總際權]/gu;

/**
 * The script of a Chinese sentence, when its characters say: by its frequent
 * script-specific characters, or else by which conversion changes it least.
 */
export function scriptOf(sentence: string): 'zh-Hans' | 'zh-Hant-HK' | undefined {
  const hans = sentence.match(HANS)?.length ?? 0;
  const hant = sentence.match(HANT)?.length ?? 0;
  if (hans !== hant) return hans > hant ? 'zh-Hans' : 'zh-Hant-HK';
  const differences = (other: string) => {
    let n = 0;
    for (let i = 0; i < Math.min(sentence.length, other.length); i++) if (sentence[i] !== other[i]) n++;
    return n + Math.abs(sentence.length - other.length);
  };
  const toHans = differences(convertScript(sentence, 'zh-Hans'));
  const toHant = differences(convertScript(sentence, 'zh-Hant-HK'));
  if (toHans === toHant) return undefined;
  return toHans < toHant ? 'zh-Hans' : 'zh-Hant-HK';
}

const EN_BYTES: Record<string, string> = { petabytes: 'PB', terabytes: 'TB', gigabytes: 'GB', exabytes: 'EB' };
const EN_CURRENCY: Record<string, string> = { HKD: 'HK$', USD: 'US$', CNY: 'RMB ', EUR: '€', GBP: '£' };
const EN_QUALIFIER: Record<Qualifier, string> = {
  exact: '', approx: 'about ', 'at-least': 'at least ', 'more-than': 'more than ', 'up-to': 'up to ', 'less-than': 'less than ',
};

function englishAmount(amount: number): string {
  for (const [word, size] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6]] as const) {
    if (amount >= size) return `${Number((amount / size).toPrecision(12))} ${word}`;
  }
  return amount.toLocaleString('en-US', { maximumFractionDigits: 12 });
}

/** A fact's value in English where English writes no noun after the number: money, percentages, storage and compute. */
function englishValue(value: Value): string | undefined {
  if (value.amount === undefined || value.upTo !== undefined) return undefined;
  const hedge = EN_QUALIFIER[value.qualifier];
  if (value.unit === 'percent') return `${hedge}${Number(value.amount.toPrecision(12))}%`;
  const bytes = value.unit ? EN_BYTES[value.unit] : undefined;
  if (bytes) return `${hedge}${Number(value.amount.toPrecision(12))} ${bytes}`;
  if (value.unit === 'ops-per-second' || value.unit === 'flops') {
    const peta = value.amount >= 1e15;
    const n = Number((value.amount / (peta ? 1e15 : 1e12)).toPrecision(12));
    const unit = value.unit === 'flops' ? (peta ? 'petaflops' : 'teraflops') : peta ? 'POPS' : 'TOPS';
    return `${hedge}${n} ${unit}`;
  }
  const symbol = value.unit ? EN_CURRENCY[value.unit] : undefined;
  return symbol ? `${hedge}${symbol}${englishAmount(value.amount)}` : undefined;
}

function replacementFor(found: string, sentence: string, p: FactProfile, value: Value): string | undefined {
  if (/\p{Script=Han}/u.test(found) || /\p{Script=Han}/u.test(sentence)) {
    const script = scriptOf(sentence);
    return script ? convertScript(p.expected, script) : p.expected;
  }
  return englishValue(value);
}

/** A quote short enough for a one-line message, centred on the value. */
function excerpt(quote: string, expected: string): string {
  if (quote.length <= 60) return quote;
  const at = Math.max(0, quote.indexOf(expected));
  const from = Math.max(0, at - 25);
  const to = Math.min(quote.length, at + expected.length + 25);
  return `${from > 0 ? '…' : ''}${quote.slice(from, to)}${to < quote.length ? '…' : ''}`;
}

function mismatchIn(
  masked: string,
  sentence: SentenceSpan,
  fact: Fact,
  p: FactProfile,
  citation: CitationRef,
  original: string,
): CitationDiagnostic | undefined {
  const value = fact.value!;
  const text = masked.slice(sentence.start, sentence.end);
  const numbers = readNumbers(text);
  const comparable = numbers.filter((n) => {
    const family = familyOf(n, text, p.yuan);
    return family !== undefined && p.families.has(family);
  });
  if (comparable.length === 0) return currencyMismatchIn(text, numbers, sentence, fact, p, original);
  const valueInBytes = inBytes(value, value.unit);
  if (comparable.some((n) => valueAgrees(inBytes(n, n.unit), valueInBytes))) return undefined;
  // The fact's own number is a restatement wherever it stands: said in a
  // form not read with its unit (24 in "24 are in the AI category"), or
  // behind a word read as a hedge that may be a comparison (高于75%的全球平均
  // is "above the global average, 75%"). A number merely compatible with a
  // bound (2024 with 超1500家) is not, and neither is the number behind a
  // hedge that only bounds (不足800家 and 近2300家 change the fact's hedge).
  const restates = (n: NumberMatch) => !comparable.includes(n) || COMPARISON.test(n.text) || n.qualifier === 'exact';
  // Storage in bytes: a number written bare is taken in the value's own unit.
  const stated = [
    ...numbers.filter((n) => n.kind !== 'date' && n.kind !== 'rank' && n.amount !== undefined && restates(n)).map((n) => inBytes(n, n.unit).amount!),
    ...bareNumbers(text, numbers).map((amount) => inBytes({ amount, qualifier: 'exact' }, value.unit).amount!),
  ];
  const itself: Value = { ...valueInBytes, qualifier: 'exact' };
  if (stated.some((amount) => valueAgrees({ amount, qualifier: 'exact' }, itself))) return undefined;
  const source = `fact "${fact.id}" says ${p.expected} (source: "${excerpt(p.quote, p.expected)}")`;
  if (comparable.length > 1) {
    // Which of them restates the fact is a guess (75% or the 88% beside it),
    // so the citation is flagged and no fix is offered: a fix to the wrong
    // number would make a right one wrong.
    const found = comparable.map((n) => original.slice(sentence.start + n.start, sentence.start + n.end));
    return {
      start: citation.idStart,
      end: citation.idEnd,
      severity: 'warning',
      code: 'value-mismatch',
      message: `Text says ${found.join(' and ')} but ${source}`,
      factId: fact.id,
      mismatch: { found: found.join(', '), expected: p.expected, quote: p.quote, source: p.source },
    };
  }
  return flagNumber(comparable[0]!, sentence, fact, p, original, '');
}

/** A value-mismatch on one number of a sentence, with the source's wording as its fix; `note` qualifies what it says. */
function flagNumber(target: NumberMatch, sentence: SentenceSpan, fact: Fact, p: FactProfile, original: string, note: string): CitationDiagnostic {
  const start = sentence.start + target.start;
  const end = sentence.start + target.end;
  const found = original.slice(start, end);
  const replacement = replacementFor(found, original.slice(sentence.start, sentence.end), p, fact.value!);
  return {
    start,
    end,
    severity: 'warning',
    code: 'value-mismatch',
    message: `Text says ${found}${note} but fact "${fact.id}" says ${p.expected} (source: "${excerpt(p.quote, p.expected)}")`,
    factId: fact.id,
    mismatch: { found, expected: p.expected, ...(replacement !== undefined ? { replacement } : {}), quote: p.quote, source: p.source },
  };
}

/** Words that state a conversion between currencies (约合3.9亿美元, equivalent to US$128 million). */
const CONVERSION = /约合|約合|折合|相当于|相當於|相等於|相等于|换算|換算|兑|兌|≈|equivalent|equal to|equals|converted|in (?:US|HK) dollars/i;

/**
 * A sentence that states the fact's amount in another currency only (三十亿美元
 * against 30亿港元) and names no conversion. Bare 元 never counts here: where
 * it does not mean the fact's currency it may still be written loosely.
 */
function currencyMismatchIn(
  text: string,
  numbers: readonly NumberMatch[],
  sentence: SentenceSpan,
  fact: Fact,
  p: FactProfile,
  original: string,
): CitationDiagnostic | undefined {
  if (!p.money || CONVERSION.test(text)) return undefined;
  const foreign = numbers.filter((n) => !isBareYuan(n) && familyOf(n, text, p.yuan)?.startsWith('money:'));
  if (foreign.length !== 1) return undefined;
  const found = foreign[0]!;
  return quotesState(fact, found, familyOf(found, text, p.yuan)!, p.yuan) ? undefined : flagNumber(found, sentence, fact, p, original, ', another currency,');
}

/**
 * Whether a quote of the fact states this amount in this currency itself:
 * a source that writes 620亿港元（80亿美元） lets a writer cite the US-dollar
 * fact with 六百多亿港元, which restates the source rather than swapping currency.
 */
function quotesState(fact: Fact, found: NumberMatch, family: string, yuan: string): boolean {
  return fact.citations.some(({ quote }) =>
    readNumbers(quote).some(
      (m) => m.amount !== undefined && familyOf(m, quote, yuan) === family && valueAgrees(found, { amount: m.amount, qualifier: m.qualifier, text: m.text } as Value),
    ),
  );
}

/**
 * `value-mismatch` warnings for a report: numbers that contradict the single
 * numeric fact their sentence cites (see the module comment for the rules).
 * checkCitations includes them; this is the check on its own, for a caller
 * that parsed the citations already or wants nothing else.
 */
export function checkValues(text: string, index: FactIndex, parsed: ParsedCitations = parseCitations(text)): CitationDiagnostic[] {
  const numeric = parsed.citations.filter((c) => {
    const fact = index.get(c.id);
    return fact !== undefined && profile(fact, index) !== null;
  });
  if (numeric.length === 0) return [];
  const masked = maskedReport(text, parsed);
  const out: CitationDiagnostic[] = [];
  let next = 0;
  for (const sentence of sentencesOf(masked)) {
    const here: CitationRef[] = [];
    while (next < numeric.length && numeric[next]!.start < sentence.end) {
      if (numeric[next]!.start >= sentence.start) here.push(numeric[next]!);
      next++;
    }
    const ids = new Set(here.map((c) => c.id));
    if (ids.size !== 1) continue;
    const fact = index.get(here[0]!.id)!;
    const found = mismatchIn(masked, sentence, fact, profile(fact, index)!, here[0]!, text);
    if (found) out.push(found);
  }
  return out;
}
