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
 */
import { type CitationRef, type ParsedCitations, parseCitations } from '../cite/citations.js';
import type { CitationDiagnostic } from '../cite/diagnostic.js';
import { maskedReport, type SentenceSpan, sentencesOf } from '../cite/sentences.js';
import type { Fact, Value } from '../corpus/schema.js';
import { described } from '../messages/format.js';
import type { FactIndex } from '../search/search.js';
import { sentenceScript } from '../text/sentence-script.js';
import { convertScript } from '../text/script.js';
import { englishValue } from './english.js';
import { valueAgrees } from './interval.js';
import { type NumberMatch, parseChineseNumber, readNumbers } from './numbers.js';
import { familyOf, inBytes, isBareYuan, unitFamily } from './unit-family.js';

/** Words read as hedges that may compare with another figure instead (高于75%的全球平均). */
const COMPARISON = /^(?:高於|高于|低於|低于|多於|多于|少於|少于|大於|大于|above|below|over|under)/i;

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

function replacementFor(found: string, sentence: string, p: FactProfile, value: Value): string | undefined {
  if (/\p{Script=Han}/u.test(found) || /\p{Script=Han}/u.test(sentence)) {
    const script = sentenceScript(sentence);
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
      ...described({ id: 'value-mismatch.several', params: { found, id: fact.id, expected: p.expected, quote: excerpt(p.quote, p.expected) } }),
      factId: fact.id,
      mismatch: { found: found.join(', '), expected: p.expected, quote: p.quote, source: p.source },
    };
  }
  return flagNumber(comparable[0]!, sentence, fact, p, original, false);
}

/** A value-mismatch on one number of a sentence, with the source's wording as its fix; `currency` says it is in another currency. */
function flagNumber(target: NumberMatch, sentence: SentenceSpan, fact: Fact, p: FactProfile, original: string, currency: boolean): CitationDiagnostic {
  const start = sentence.start + target.start;
  const end = sentence.start + target.end;
  const found = original.slice(start, end);
  const replacement = replacementFor(found, original.slice(sentence.start, sentence.end), p, fact.value!);
  return {
    start,
    end,
    severity: 'warning',
    code: 'value-mismatch',
    ...described({
      id: currency ? 'value-mismatch.currency' : 'value-mismatch',
      params: { found, id: fact.id, expected: p.expected, quote: excerpt(p.quote, p.expected) },
    }),
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
  return quotesState(fact, found, familyOf(found, text, p.yuan)!, p.yuan) ? undefined : flagNumber(found, sentence, fact, p, original, true);
}

/**
 * Whether a quote of the fact states this amount in this currency itself:
 * a source that writes 620亿港元（80亿美元） lets a writer cite the US-dollar
 * fact with 六百多亿港元, which restates the source rather than swapping currency.
 */
function quotesState(fact: Fact, found: NumberMatch, family: string, yuan: string): boolean {
  return fact.citations.some(({ quote }) =>
    readNumbers(quote).some(
      (m) =>
        m.amount !== undefined &&
        familyOf(m, quote, yuan) === family &&
        valueAgrees(found, { amount: m.amount, qualifier: m.qualifier, text: m.text } as Value),
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
