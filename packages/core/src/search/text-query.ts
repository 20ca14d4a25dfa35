/**
 * Answers a query from a {@link TextIndex} in three tiers, best first:
 * documents that match every term, then documents that match some (most
 * terms first), then, for a question in natural language that no document
 * matches term by term, documents that share most of its character pairs.
 *
 * A term matches a document when the document's folded text holds it where
 * a word may start (see occursAtWordStart): `数码`, `數碼港`, `cyber`,
 * `10亿`, `hk-ai-rd`. Tokens find the candidates; a term that tokens alone
 * cannot prove (three Han characters or more, or letters with signs) is
 * checked in the document's text, but only for a document that would make
 * the results.
 *
 * Documents are numbered in the order equal matches rank (active, then
 * shorter first), so the score any later document could reach only falls:
 * once the results are full and that bound is below the worst of them, the
 * search stops. A query of one token reads its lists (one per slot, see
 * postings.ts) only that far: about k entries each, whatever the corpus
 * size. An intersection stops at the bound too, or after a budget of
 * candidates past a full result list.
 */
import { type DocIterator, IntersectionIterator, UnionIterator } from './doc-iterators.js';
import { foldText } from '../text/fold.js';
import { Cursor, END, hasList, type Postings, SLOTS } from './postings.js';
import { bigramToken, DEPRECATED, HAS_AMOUNT, SLOT_FIELD_WEIGHTS, SLOT_WEIGHTS, Slot, type TextIndex, unigramToken, wordsWithPrefix } from './text-index.js';
import { occursAtWordStart, segments } from './tokens.js';
import { type QueryTerm, queryTermsWithValues, readValueWord } from './value-words.js';

/** One result: a document (see TextIndex.docFact), its score and how many of the query's terms it matched. */
export interface Ranked {
  doc: number;
  score: number;
  matched: number;
}

/** Tokens any one of which a document must hold: one token, or every word a typed prefix starts. */
interface Group {
  tokens: number[];
  /** Inverse document frequency of the group. */
  weight: number;
  /** The best slot any of its tokens is found in (see Slot). */
  best: number;
  /** Documents holding any of the tokens (an estimate from above). */
  size: number;
}

/** A query term ready to run. */
interface Term {
  text: string;
  /** Whether every candidate the tokens give is a match, with no check of the text. */
  exact: boolean;
  /** Groups a document must all hold. */
  groups: Group[];
  /** The most the term can add to a score: Σ weight × best slot weight. */
  ceiling: number;
  /**
   * For a number whose text some document holds: the fact value it reads as
   * (see value-words.ts), which a document may match instead of the text.
   */
  value?: Group;
  /** A number no document's text holds: its one group is its value. */
  valueOnly?: boolean;
  /**
   * For a hedged number (六百多亿), whose value group holds every amount its
   * hedge allows: the token of the amount as written (600亿), which a fact
   * stating that very figure with its qualifier has, and which answers it
   * better than another amount in the range.
   */
  floor?: number;
}

// Question words carry no content; removing them keeps their pairs from
// matching by chance ("有多少" would add 港有, 有多, 多少, 少人).
const QUESTION_WORDS = /是多少|有多少|多少|几多|几个|什么|甚么|哪些|哪个|哪里|如何|怎样|怎么|是否|有没有|吗|呢/g;
const ASKS_FOR_NUMBER = /多少|几|多大|多高|how (many|much)|what (share|percent)/;

/**
 * Candidates an intersection reads once its results are full and the bound
 * has not yet stopped it, per result asked for. Documents come in the order
 * equal matches rank, so past this the results can only improve by a slot
 * weight the bound could not rule out; reading on would cost time in
 * proportion to the corpus for a common phrase.
 */
const BUDGET_PER_RESULT = 200;

/**
 * Added to a score once for each term a fact says in its own words (its id
 * or statements) rather than only through the name or alias of an entity it
 * links to, or a quote. It outweighs any sum of slot weights, so such facts
 * always rank first: typing 数码港 should list what is said about Cyberport
 * before a remark by its chairman (alias 数码港主席).
 */
const OWN_WORDS = 1e6;

/**
 * Added on top of OWN_WORDS for a number a fact has as its value: that fact
 * answers it better than one that only mentions the number. Below OWN_WORDS,
 * so a term said in a fact's own words still outweighs it.
 */
const VALUE_WORDS = 5e5;

/**
 * Added on top of OWN_WORDS for an amount a hedged number allows (620亿 for
 * 六百多亿) other than the number as written: below VALUE_WORDS, so a fact
 * whose value is the figure written ranks first.
 */
const NEAR_VALUE_WORDS = 2.5e5;

/** What a value match adds: the number itself, or another amount its hedge allows. */
const valueBonus = (term: Term, atFloor: boolean): number => OWN_WORDS + (term.floor === undefined || atFloor ? VALUE_WORDS : NEAR_VALUE_WORDS);

/** The most a term can add for where it matched (see OWN_WORDS and VALUE_WORDS). */
const mostBonus = (terms: readonly Term[]): number => terms.reduce((sum, t) => sum + OWN_WORDS + (t.value || t.valueOnly ? VALUE_WORDS : 0), 0);

/** Whether a match in this slot is in the fact's own words. */
const isOwn = (slot: number): boolean => slot <= Slot.Statement;

// Made on first use: a Chinese word segmenter takes ICU tens of milliseconds
// to set up, which an editor would otherwise pay at start-up.
let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

function idf(index: TextIndex, df: number): number {
  return Math.log(1 + index.docFact.length / Math.max(1, df));
}

function makeGroup(index: TextIndex, tokens: number[]): Group | null {
  if (!tokens.length || tokens[0] === -1) return null;
  const p = index.postings;
  let size = 0;
  let best = SLOTS;
  for (const t of tokens) {
    size += p.df[t]!;
    for (let s = 0; s < best; s++) if (hasList(p, t * SLOTS + s)) best = s;
  }
  return { tokens, weight: idf(index, size), best, size };
}

/**
 * Plans a term: the token groups that find its candidates, and for a number
 * the value it reads as. Null when no document can match it; undefined for
 * a term of signs alone, which is left out.
 */
function planTerm(index: TextIndex, { text, valueWord, valueRange }: QueryTerm): Term | null | undefined {
  const byText = planText(index, text);
  const written = valueWord === undefined ? -1 : index.words.get(valueWord);
  const tokens = valueRange ? valueTokensIn(index, valueRange) : written >= 0 ? [written] : [];
  const value = tokens.length ? makeGroup(index, tokens) : null;
  if (!value) return byText;
  const valueCeiling = value.weight * SLOT_WEIGHTS[value.best]!;
  const floor = valueRange ? { floor: written } : {};
  // A value alone is proven by its token: no text to check.
  if (!byText) return { text, exact: true, groups: [value], ceiling: valueCeiling, valueOnly: true, ...floor };
  return { ...byText, value, ceiling: Math.max(byText.ceiling, valueCeiling), ...floor };
}

/** Value words of an index by amount, made on the first hedged number asked for. */
interface ValueTable {
  amounts: Float64Array;
  tokens: Int32Array;
  units: (string | undefined)[];
}
const valueTables = new WeakMap<TextIndex, ValueTable>();

/**
 * Most value words a hedged number may match; the nearest amounts above its
 * floor are kept (a wide range in a large corpus names thousands).
 */
const MOST_RANGE_WORDS = 256;

function valueTable(index: TextIndex): ValueTable {
  let table = valueTables.get(index);
  if (table) return table;
  // Value words start with a control character, so they lead the sorted words.
  const found: { amount: number; token: number; unit?: string }[] = [];
  for (const word of index.sortedWords) {
    const value = readValueWord(word);
    if (!value) break;
    found.push({ ...value, token: index.words.get(word) });
  }
  found.sort((a, b) => a.amount - b.amount);
  table = {
    amounts: Float64Array.from(found, (v) => v.amount),
    tokens: Int32Array.from(found, (v) => v.token),
    units: found.map((v) => v.unit),
  };
  valueTables.set(index, table);
  return table;
}

/** Tokens of the value words in a hedged number's range, with its unit (or, with none, the bare amounts). */
function valueTokensIn(index: TextIndex, range: NonNullable<QueryTerm['valueRange']>): number[] {
  const { amounts, tokens, units } = valueTable(index);
  let lo = 0;
  let hi = amounts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (amounts[mid]! < range.from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < amounts.length && amounts[i]! < range.under && out.length < MOST_RANGE_WORDS; i++) {
    if (units[i] === range.unit) out.push(tokens[i]!);
  }
  return out;
}

/** Plans a term by its text alone. */
function planText(index: TextIndex, text: string): Term | null | undefined {
  const parts = segments(text);
  const tokenLists: number[][] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'han') {
      const { chars } = part;
      if (chars.length === 1) tokenLists.push([unigramToken(index, chars[0]!)]);
      for (let j = 0; j + 1 < chars.length; j++) tokenLists.push([bigramToken(index, chars[j]!, chars[j + 1]!)]);
    } else if (part.kind === 'word') {
      // A word the term goes on after is whole; the term's last word may still be being typed,
      // unless it is a single letter or digit, too little to go on: that matches itself.
      if (i + 1 < parts.length || part.text.length < 2) tokenLists.push([index.words.get(part.text)]);
      else tokenLists.push(wordsWithPrefix(index, part.text));
    }
  });
  // Signs alone (a lone "%") give no token to look up: such a term is left out.
  if (!tokenLists.length) return undefined;
  const groups: Group[] = [];
  for (const list of tokenLists) {
    const g = makeGroup(index, list);
    if (!g) return null;
    groups.push(g);
  }
  const only = parts.length === 1 ? parts[0]! : undefined;
  const exact = !!only && (only.kind === 'word' || (only.kind === 'han' && only.chars.length <= 2));
  const ceiling = groups.reduce((sum, g) => sum + g.weight * SLOT_WEIGHTS[g.best]!, 0);
  return { text, exact, groups, ceiling };
}

/** Every list of a group's tokens, best slot first. */
function groupCursors(p: Postings, group: Group): Cursor[] {
  const out: Cursor[] = [];
  for (let s = 0; s < SLOTS; s++) for (const t of group.tokens) if (hasList(p, t * SLOTS + s)) out.push(new Cursor(p, t * SLOTS + s));
  return out;
}

/** The best `k` results so far, kept sorted best first. */
class TopK {
  readonly items: Ranked[] = [];
  constructor(private readonly k: number) {}
  get full(): boolean {
    return this.items.length >= this.k;
  }
  /** The worst result kept; meaningful once full. */
  get last(): Ranked {
    return this.items[this.items.length - 1]!;
  }
  /** Whether a result would be kept: more terms matched, then a higher score; ties keep the earlier document. */
  admits(matched: number, score: number): boolean {
    if (!this.full) return true;
    const last = this.last;
    return matched > last.matched || (matched === last.matched && score > last.score);
  }
  push(item: Ranked): void {
    const items = this.items;
    let i = items.length;
    while (i > 0) {
      const above = items[i - 1]!;
      if (above.matched > item.matched || (above.matched === item.matched && above.score >= item.score)) break;
      i--;
    }
    items.splice(i, 0, item);
    if (items.length > this.k) items.pop();
  }
}

/** Context of one search. */
interface Run {
  index: TextIndex;
  terms: Term[];
  asksForNumber: boolean;
  /** Fields of documents checked so far, and those of them folded yet. */
  texts: Map<number, { fields: string[]; folded: string[] }>;
}

function multiplier(run: Run, doc: number): number {
  const flags = run.index.docFlags[doc]!;
  let m = 1;
  // Writers should cite the successor; a deprecated fact stays findable, lower down.
  if (flags & DEPRECATED) m *= 0.7;
  // A fact without a number does not answer "how many".
  if (run.asksForNumber && flags & HAS_AMOUNT) m *= 1.6;
  return m;
}

/** Whether a document's text really holds a term its tokens suggest. */
function verify(run: Run, doc: number, term: Term): boolean {
  if (term.exact) return true;
  let texts = run.texts.get(doc);
  if (texts === undefined) {
    texts = { fields: run.index.fields(run.index.docFact[doc]!), folded: [] };
    run.texts.set(doc, texts);
  }
  // Field by field, folding each on first need: a phrase is mostly found in
  // a statement, before the quotes that make up most of a fact's text.
  for (let i = 0; i < texts.fields.length; i++) {
    texts.folded[i] ??= foldText(texts.fields[i]!);
    if (occursAtWordStart(texts.folded[i]!, term.text)) return true;
  }
  return false;
}

/**
 * The most a document at or after `doc` (in the same segment, active or
 * deprecated) can score when its raw score is at most `ceiling`.
 */
function bound(run: Run, doc: number, ceiling: number): number {
  const flags = run.index.docFlags[doc]!;
  return (ceiling * (run.asksForNumber ? 1.6 : 1) * (flags & DEPRECATED ? 0.7 : 1)) / run.index.docNorm[doc]!;
}

/**
 * A query of one term with one group (a character, a pair, a word or a
 * typed prefix): each of its lists is read best first, and a list is left
 * as soon as its next document could not make the results. Exact top k in
 * about k steps per list.
 */
function oneGroup(run: Run, term: Term, k: number): Ranked[] {
  const { index } = run;
  const group = term.groups[0]!;
  const top = new TopK(k);
  // A document in lists of two words of a prefix counts once, at its best slot (met first).
  const seen = group.tokens.length > 1 ? new Set<number>() : undefined;
  for (const cursor of groupCursors(index.postings, group)) {
    const raw = group.weight * SLOT_WEIGHTS[cursor.slot]!;
    const own = term.valueOnly ? valueBonus(term, Math.floor(cursor.list / SLOTS) === term.floor) : isOwn(cursor.slot) ? OWN_WORDS : 0;
    while (cursor.next()) {
      let doc = cursor.doc;
      if (top.full && bound(run, doc, raw) + own <= top.last.score) {
        // Nothing later in this segment can do better: on to the deprecated documents, or done.
        if (doc >= index.activeDocs || !cursor.advance(index.activeDocs) || bound(run, cursor.doc, raw) + own <= top.last.score) break;
        doc = cursor.doc;
      }
      if (seen) {
        if (seen.has(doc)) continue;
        seen.add(doc);
      }
      const score = (raw * multiplier(run, doc)) / index.docNorm[doc]! + own;
      if (top.admits(1, score) && verify(run, doc, term)) top.push({ doc, score, matched: 1 });
    }
  }
  return top.items;
}

/**
 * Documents of one term: those holding its text's every group, or its value
 * (a number), with what the current document's match is worth.
 */
class TermIterator implements DocIterator {
  readonly groups: UnionIterator[];
  private readonly text: DocIterator;
  private readonly value: UnionIterator | undefined;
  readonly size: number;
  doc = -1;

  constructor(
    p: Postings,
    private readonly term: Term,
  ) {
    this.groups = term.groups.map((g) => new UnionIterator(groupCursors(p, g), g.size));
    this.text = this.groups.length === 1 ? this.groups[0]! : new IntersectionIterator([...this.groups]);
    this.value = term.value ? new UnionIterator(groupCursors(p, term.value), term.value.size) : undefined;
    this.size = this.text.size + (term.value?.size ?? 0);
  }

  get slot(): number {
    return Math.min(this.text.doc === this.doc ? this.text.slot : SLOTS, this.value?.doc === this.doc ? this.value.slot : SLOTS);
  }

  next(): boolean {
    return this.advance(this.doc + 1);
  }

  advance(target: number): boolean {
    if (this.doc >= target) return this.doc !== END;
    let doc = this.text.advance(target) ? this.text.doc : END;
    if (this.value?.advance(target) && this.value.doc < doc) doc = this.value.doc;
    this.doc = doc;
    return doc !== END;
  }

  /** Whether the current document holds the term's value: a match with no text to check. */
  get byValue(): boolean {
    return this.value !== undefined && this.value.doc === this.doc;
  }

  /** Summed slot weights of the current document's match. */
  raw(): number {
    const term = this.term;
    let raw = 0;
    if (this.text.doc === this.doc) for (let g = 0; g < this.groups.length; g++) raw += term.groups[g]!.weight * SLOT_WEIGHTS[this.groups[g]!.slot]!;
    // A fact whose value is the number asked for answers it best: the most the term can score.
    return this.byValue ? term.ceiling : raw;
  }

  /** What the current document's match adds for where it is: in the fact's own words (id or statements), or its value. */
  bonus(): number {
    const term = this.term;
    if (this.byValue) return valueBonus(term, term.floor !== undefined && this.value!.holdsToken(term.floor));
    if (term.valueOnly && this.text.doc === this.doc) return valueBonus(term, term.floor !== undefined && this.groups[0]!.holdsToken(term.floor));
    if (this.text.doc !== this.doc) return 0;
    for (const g of this.groups) if (!isOwn(g.slot)) return 0;
    return OWN_WORDS;
  }
}

/** Whether a document really matches a term its iterator is on. */
function proven(run: Run, doc: number, term: Term, it: TermIterator): boolean {
  return it.byValue || verify(run, doc, term);
}

/** Documents matching every term, best first. */
function everyTerm(run: Run, k: number): Ranked[] {
  const { index, terms } = run;
  if (terms.length === 1 && terms[0]!.groups.length === 1 && !terms[0]!.value) return oneGroup(run, terms[0]!, k);
  const iterators = terms.map((t) => new TermIterator(index.postings, t));
  const all: DocIterator = iterators.length === 1 ? iterators[0]! : new IntersectionIterator([...iterators]);
  const ceiling = terms.reduce((sum, t) => sum + t.ceiling, 0);
  const top = new TopK(k);
  const n = terms.length;
  const mostOwn = mostBonus(terms);
  let budget = k * BUDGET_PER_RESULT;
  for (all.advance(0); all.doc !== END; all.next()) {
    if (top.full) {
      if (--budget < 0) break;
      if (bound(run, all.doc, ceiling) + mostOwn <= top.last.score) {
        // Nothing later in this segment can do better: on to the deprecated documents, or done.
        if (all.doc >= index.activeDocs || !all.advance(index.activeDocs) || bound(run, all.doc, ceiling) + mostOwn <= top.last.score) break;
      }
    }
    const doc = all.doc;
    let raw = 0;
    let own = 0;
    for (const it of iterators) {
      raw += it.raw();
      own += it.bonus();
    }
    const score = (raw * multiplier(run, doc)) / index.docNorm[doc]! + own;
    if (!top.admits(n, score)) continue;
    let ok = true;
    for (let i = 0; i < n; i++) if (!proven(run, doc, terms[i]!, iterators[i]!)) ok = false;
    if (ok) top.push({ doc, score, matched: n });
  }
  return top.items;
}

/**
 * Documents matching some but not all of `total` terms (those with no
 * possible match included), most terms first.
 */
function someTerms(run: Run, total: number, k: number): Ranked[] {
  const { index, terms } = run;
  const iterators = terms.map((t) => new TermIterator(index.postings, t));
  for (const it of iterators) it.advance(0);
  const top = new TopK(k);
  const n = terms.length;
  // A later document matches at most `most` terms, and scores at most the `most` best terms' ceilings.
  const most = Math.min(n, total - 1);
  const ceiling = terms
    .map((t) => t.ceiling)
    .sort((a, b) => b - a)
    .slice(0, most)
    .reduce((sum, c) => sum + c, 0);
  const mostOwn = terms
    .map((t) => mostBonus([t]))
    .sort((a, b) => b - a)
    .slice(0, most)
    .reduce((sum, b) => sum + b, 0);
  let budget = k * BUDGET_PER_RESULT;
  for (;;) {
    let doc = END;
    for (const it of iterators) if (it.doc < doc) doc = it.doc;
    if (doc === END) break;
    if (top.full && top.last.matched >= most) {
      if (--budget < 0) break;
      if (bound(run, doc, ceiling) + mostOwn <= top.last.score) {
        if (doc >= index.activeDocs) break;
        for (const it of iterators) it.advance(index.activeDocs);
        continue;
      }
    }
    const m = multiplier(run, doc) / index.docNorm[doc]!;
    // Terms matched, their summed slot weights and the bonus for those in the fact's own words.
    const tally = (check: boolean): { matched: number; score: number } => {
      let matched = 0;
      let raw = 0;
      let own = 0;
      for (let i = 0; i < n; i++) {
        const it = iterators[i]!;
        if (it.doc !== doc || (check && !proven(run, doc, terms[i]!, it))) continue;
        matched++;
        raw += it.raw();
        own += it.bonus();
      }
      return { matched, score: raw * m + own };
    };
    let { matched, score } = tally(false);
    // Optimistic first: check the text only for a document that could make the results.
    if (matched < total && top.admits(matched, score)) {
      if (terms.some((t, i) => !t.exact && iterators[i]!.doc === doc)) ({ matched, score } = tally(true));
      // A document that matched every term is in the first tier already.
      if (matched > 0 && matched < total && top.admits(matched, score)) top.push({ doc, score, matched });
    }
    for (const it of iterators) if (it.doc === doc) it.next();
  }
  return top.items;
}

/**
 * Chinese has no spaces, so every pair of characters is kept for recall,
 * but one that straddles a word boundary (智能|企业 gives 能企) counts for
 * less: it is more likely chance than meaning.
 */
function weightedPieces(piece: string): { text: string; weight: number }[] {
  const out: { text: string; weight: number }[] = [];
  for (const part of segments(piece).map((s, i, all) => ({ s, last: i === all.length - 1 }))) {
    const s = part.s;
    if (s.kind === 'word') out.push({ text: s.text, weight: 1 });
    if (s.kind !== 'han') continue;
    const text = String.fromCodePoint(...s.chars);
    if (s.chars.length === 1) {
      out.push({ text, weight: 1 });
      continue;
    }
    const starts = new Set<number>();
    const segmenter = wordSegmenter();
    if (segmenter) for (const seg of segmenter.segment(text)) starts.add(seg.index);
    let offset = 0;
    for (let i = 0; i + 1 < s.chars.length; i++) {
      offset += s.chars[i]! > 0xffff ? 2 : 1;
      out.push({ text: String.fromCodePoint(s.chars[i]!, s.chars[i + 1]!), weight: segmenter && starts.has(offset) ? 0.35 : 1 });
    }
  }
  return out;
}

/** Documents sharing enough of a question's character pairs and words, for a query no document matches term by term. */
function overlap(run: Run, terms: string[], k: number): Ranked[] {
  const { index } = run;
  const p = index.postings;
  const tokens: { token: number; weight: number }[] = [];
  terms.forEach((term, i) => {
    for (const piece of term.split(QUESTION_WORDS)) {
      for (const { text, weight } of weightedPieces(piece)) {
        const chars = Array.from(text, (c) => c.codePointAt(0)!);
        const t = /^[a-z0-9]/.test(text)
          ? index.words.get(text)
          : chars.length === 1
            ? unigramToken(index, chars[0]!)
            : bigramToken(index, chars[0]!, chars[1]!);
        if (t >= 0) tokens.push({ token: t, weight });
      }
    }
    // The last word may still be being typed.
    if (i === terms.length - 1 && /^[a-z0-9]+$/.test(term) && term.length >= 2) {
      for (const t of wordsWithPrefix(index, term).slice(0, 32)) if (t !== index.words.get(term)) tokens.push({ token: t, weight: 0.8 });
    }
  });
  if (!tokens.length) return [];
  // Accumulators for every document, reused from search to search; only touched ones are reset.
  index.scratch ??= new Float64Array(index.docFact.length);
  const scores = index.scratch;
  const touched: number[] = [];
  let possible = 0;
  for (const { token, weight } of tokens) {
    const w = idf(index, p.df[token]!) * weight;
    possible += w;
    for (let s = 0; s < SLOTS; s++) {
      const cursor = new Cursor(p, token * SLOTS + s);
      const add = w * SLOT_FIELD_WEIGHTS[s]!;
      while (cursor.next()) {
        if (scores[cursor.doc] === 0) touched.push(cursor.doc);
        scores[cursor.doc]! += add;
      }
    }
  }
  const top = new TopK(k);
  const threshold = 0.3 * possible * 1.5;
  for (const doc of touched) {
    const score = (scores[doc]! / index.docNorm[doc]!) * multiplier(run, doc);
    scores[doc] = 0;
    if (score >= threshold && top.admits(0, score)) top.push({ doc, score, matched: 0 });
  }
  // Ties go to the earlier document, as in the other tiers.
  return top.items.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** The best `limit` documents for a folded, non-empty query. */
export function searchText(index: TextIndex, folded: string, limit: number): Ranked[] {
  const queryTerms = queryTermsWithValues(folded);
  const words = queryTerms.map((t) => t.text);
  const planned: Term[] = [];
  let total = 0;
  for (const w of queryTerms) {
    const term = planTerm(index, w);
    if (term !== undefined) total++;
    if (term) planned.push(term);
  }
  const run: Run = { index, terms: planned, asksForNumber: ASKS_FOR_NUMBER.test(folded), texts: new Map() };
  const results: Ranked[] = [];
  if (planned.length && planned.length === total) results.push(...everyTerm(run, limit));
  if (results.length < limit && planned.length && total > 1) {
    const seen = new Set(results.map((r) => r.doc));
    for (const r of someTerms(run, total, limit)) if (!seen.has(r.doc) && results.length < limit) results.push(r);
  }
  if (results.length === 0) results.push(...overlap(run, words, limit));
  return results;
}
