/**
 * Uncited claims: spell-checking for facts. A sentence with no citation that
 * states a number a corpus fact holds, and names that fact's entities or
 * topic, gets an `uncited-claim` hint naming the fact, with the offset where
 * its citation belongs (the end of the number's clause, before the clause's
 * punctuation). A number of the fact's unit that disagrees with it, in a
 * sentence that names the fact's own entities clearly, gets a hint naming
 * the fact and both numbers.
 *
 * Search by value in reverse: each amount of the sentence is looked up in the
 * facts' values (sorted, so a look-up is a binary search), then kept only if
 * its unit is the fact's (money by currency, counts by what they count) and
 * the sentence names enough of the fact's entities or topic words.
 *
 * Built for few false alarms rather than recall, since a hint that is wrong
 * teaches writers to ignore it:
 * - sentences that cite anything, headings, front matter, code and comments
 *   are left alone, and so are years, dates, ranks and numbers without a unit
 *   (list numbers, 第3名, 2025年);
 * - a match needs a score of 2 and one entity of the fact: a named
 *   organisation, programme, person or product counts 2, a place (香港,
 *   大湾区) 1, a topic word (资金, 企业) 1, so topic words alone never match;
 * - a short line standing alone without final punctuation is a title;
 * - a contradiction needs an organisation-like entity of the fact and a
 *   score of 3, and one fact only of that unit scoring so.
 */
import type { CitationDiagnostic } from './diagnostic.js';
import { described } from '../messages/format.js';
import { parseCitations, type ParsedCitations } from './citations.js';
import { mentionsIn, type Mentions } from './mentions.js';
import { type NumberMatch, readNumbers } from '../numbers/numbers.js';
import { findFrontMatter } from '../release/pin.js';
import type { Fact } from '../corpus/schema.js';
import { foldText } from '../text/script.js';
import type { FactIndex } from '../search/search.js';
import { maskedReport, type SentenceSpan, sentencesOf } from './sentences.js';
import { valueAgrees } from '../numbers/interval.js';
import { familyOf } from '../numbers/unit-family.js';
import { type FactProfile, profile } from '../numbers/value-check.js';
import { sentenceScript } from '../text/sentence-script.js';

const MATCH_SCORE = 2;
/** Characters either side of a number whose wording is compared with a fact's. */
const NEAR = 60;
/** Durations and multiples say how long or how much more, of anything: 五年 beside a company is not its 20餘年 of research. */
const DURATIONS = new Set(['years', 'months', 'days', 'times']);
const CONTRADICTION_SCORE = 3;

interface ValueEntry {
  amount: number;
  fact: Fact;
  profile: FactProfile;
}

const valueTables = new WeakMap<FactIndex, ValueEntry[]>();

/** Active facts with a comparable value, sorted by amount: the reverse index from amount to facts. */
function valueTable(index: FactIndex): ValueEntry[] {
  let table = valueTables.get(index);
  if (table) return table;
  table = [];
  for (const fact of index.all()) {
    if (fact.status !== 'active') continue;
    const p = profile(fact, index);
    if (p) table.push({ amount: fact.value!.amount!, fact, profile: p });
  }
  table.sort((a, b) => a.amount - b.amount);
  valueTables.set(index, table);
  return table;
}

/** Facts whose amount lies within 6% of `amount` (the most rounding valueAgrees allows, and a margin). */
function factsNear(table: readonly ValueEntry[], amount: number): ValueEntry[] {
  const lo = amount - Math.abs(amount) * 0.06;
  const hi = amount + Math.abs(amount) * 0.06;
  let a = 0;
  let b = table.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (table[mid]!.amount < lo) a = mid + 1;
    else b = mid;
  }
  const out: ValueEntry[] = [];
  for (let i = a; i < table.length && table[i]!.amount <= hi; i++) out.push(table[i]!);
  return out;
}

/** How strongly a sentence's mentions point at a fact (see the module comment), and what they matched. */
function scoreFact(fact: Fact, mentions: Mentions, index: FactIndex): { score: number; named: boolean; entity: boolean; matched: string[] } {
  let score = 0;
  let named = false;
  let entity = false;
  const matched: string[] = [];
  for (const id of fact.entities) {
    if (!mentions.entities.has(id)) continue;
    const place = index.entity(id)?.kind === 'place';
    score += place ? 1 : 2;
    entity = true;
    if (!place) named = true;
    matched.push(id);
  }
  for (const topic of fact.topics) {
    if (!mentions.topics.has(topic)) continue;
    score += 1;
    matched.push(topic);
  }
  return { score, named, entity, matched };
}

/** Pairs of adjacent characters shared by two folded texts: which of two equally named facts the sentence is closer to. */
function sharedBigrams(a: string, b: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) grams.add(b.slice(i, i + 2));
  let n = 0;
  for (let i = 0; i + 1 < a.length; i++) if (grams.has(a.slice(i, i + 2))) n++;
  return n;
}

/** Clause punctuation: a citation goes before it. A `,` or `.` between digits is part of a number. */
function isClauseEnd(text: string, i: number): boolean {
  const ch = text[i]!;
  if ('，。；！？;!?'.includes(ch)) return true;
  if (ch !== ',' && ch !== '.') return false;
  const next = text[i + 1];
  if (next === undefined || /\s/.test(next)) return true;
  // Chinese prose typed with ASCII punctuation (占比,有24家): a comma or stop before a Han character ends the clause.
  return /\p{Script=Han}/u.test(next);
}

/** The offset where a citation of the number ending at `from` goes: before the punctuation that ends its clause. */
function clauseEnd(masked: string, from: number, sentenceEnd: number): number {
  for (let i = from; i < sentenceEnd; i++) if (isClauseEnd(masked, i)) return i;
  let end = sentenceEnd;
  while (end > from && /\s/.test(masked[end - 1]!)) end--;
  return end;
}

function displayName(id: string, index: FactIndex, script: 'zh-Hans' | 'zh-Hant-HK' | 'en'): string {
  const e = index.entity(id);
  if (!e) return id;
  return script === 'en' ? e.names.en : script === 'zh-Hant-HK' ? e.names['zh-Hant'] : e.names['zh-Hans'];
}

/** Sentence spans that hold a citation or a malformed attempt at one, given both lists sorted by start. */
function citedSentences(sentences: readonly SentenceSpan[], parsed: ParsedCitations): Set<SentenceSpan> {
  const starts = [...parsed.citations.map((c) => c.start), ...parsed.malformed.map((m) => m.start)].sort((a, b) => a - b);
  const out = new Set<SentenceSpan>();
  let k = 0;
  for (const s of sentences) {
    while (k < starts.length && starts[k]! < s.start) k++;
    if (k < starts.length && starts[k]! < s.end) out.add(s);
  }
  return out;
}

/**
 * A line standing alone as a paragraph, short and without a sentence's final
 * punctuation: a title or subheading written without `#` (香港已预留10亿港元
 *成立香港人工智能研发院 at the head of an article), which cites nothing.
 */
function isTitleLine(masked: string, s: SentenceSpan): boolean {
  if (s.end - s.start > 40 || /[。！？.!?；;：:，,]$/.test(masked.slice(s.start, s.end))) return false;
  const before = masked.slice(Math.max(0, s.start - 2), s.start);
  const after = masked.slice(s.end, s.end + 2);
  const alone = (edge: string, atEdge: boolean) => atEdge || /\n\s*\n|^\s*\n\s*$/.test(edge) || edge === '\n\n';
  return alone(before, s.start === 0 || /^\s*$/.test(masked.slice(0, s.start))) && alone(after, s.end >= masked.trimEnd().length);
}

/** A number this check may read as a claim: an amount with a unit, never a date, rank or year. */
function isClaimNumber(n: NumberMatch): boolean {
  if (n.amount === undefined || n.kind === 'date' || n.kind === 'rank') return false;
  if (n.kind === 'quantity' && !n.unit) return false;
  // 2025年 read as a count of years is a year.
  if (n.unit === 'years' && n.amount >= 1900 && n.amount <= 2100) return false;
  return true;
}

/**
 * `uncited-claim` hints (severity information) for a report: numbers in
 * sentences without a citation that state, or contradict, the value of a
 * fact whose entities or topic the sentence names (see the module comment).
 * Linear in the text: each sentence is read once, and each number looked up
 * by binary search in the facts' values.
 */
export function findUncitedClaims(text: string, index: FactIndex, parsed: ParsedCitations = parseCitations(text)): CitationDiagnostic[] {
  const table = valueTable(index);
  if (table.length === 0) return [];
  const masked = maskedReport(text, parsed);
  const sentences = sentencesOf(masked);
  const cited = citedSentences(sentences, parsed);
  const frontMatterEnd = findFrontMatter(text)?.end ?? 0;
  const out: CitationDiagnostic[] = [];
  for (const sentence of sentences) {
    if (cited.has(sentence) || sentence.start < frontMatterEnd) continue;
    const body = masked.slice(sentence.start, sentence.end);
    if (/^#{1,6}\s/.test(body) || isTitleLine(masked, sentence)) continue;
    const numbers = readNumbers(body).filter(isClaimNumber);
    if (numbers.length === 0) continue;
    let mentions: Mentions | undefined;
    let scriptOfBody: 'zh-Hans' | 'zh-Hant-HK' | 'en' | undefined;
    // Which names to show: read once a sentence, and only for a sentence with a hint (it converts the whole sentence).
    const script = () => (scriptOfBody ??= /\p{Script=Han}/u.test(body) ? (sentenceScript(body) ?? 'zh-Hans') : 'en');
    const named = new Set<string>();
    for (const n of numbers) {
      const candidates = factsNear(table, n.amount!).filter((e) => {
        const family = familyOf(n, body, e.profile.yuan);
        return (
          family !== undefined &&
          e.profile.families.has(family) &&
          valueAgrees({ amount: n.amount, upTo: n.upTo, qualifier: 'exact' }, { ...e.fact.value!, qualifier: 'exact' })
        );
      });
      mentions ??= mentionsIn(body, index);
      const found = text.slice(sentence.start + n.start, sentence.start + n.end);
      // Wording is compared near the number only, so a long sentence of many numbers stays linear.
      const near = body.slice(Math.max(0, n.start - NEAR), n.end + NEAR);
      if (candidates.length) {
        const best = pickBest(candidates, mentions, index, near, MATCH_SCORE, false);
        if (!best || named.has(best.entry.fact.id)) continue;
        named.add(best.entry.fact.id);
        const fact = best.entry.fact;
        const at = clauseEnd(masked, sentence.start + n.end, sentence.end);
        const words = best.matched.map((id) => (index.entity(id) ? displayName(id, index, script()) : id));
        out.push({
          start: sentence.start + n.start,
          end: sentence.start + n.end,
          severity: 'information',
          code: 'uncited-claim',
          ...described({ id: 'uncited-claim', params: { found, id: fact.id, expected: best.entry.profile.expected, words } }),
          factId: fact.id,
          uncited: { found, expected: best.entry.profile.expected, agrees: true, matched: words, insert: { at, text: `[@fact:${fact.id}]` } },
        });
        continue;
      }
      const contradicted = contradictedFact(n, body, near, mentions, index);
      if (!contradicted || named.has(contradicted.entry.fact.id)) continue;
      named.add(contradicted.entry.fact.id);
      const fact = contradicted.entry.fact;
      const words = contradicted.matched.map((id) => (index.entity(id) ? displayName(id, index, script()) : id));
      out.push({
        start: sentence.start + n.start,
        end: sentence.start + n.end,
        severity: 'information',
        code: 'uncited-claim',
        ...described({ id: 'uncited-claim.contradicts', params: { found, id: fact.id, expected: contradicted.entry.profile.expected, words } }),
        factId: fact.id,
        uncited: { found, expected: contradicted.entry.profile.expected, agrees: false, matched: words },
      });
    }
  }
  return out;
}

const wordings = new WeakMap<Fact, string>();

/** A fact's Chinese statement and quotes, folded: what a sentence restating it shares wording with. */
function wordingOf(f: Fact): string {
  let w = wordings.get(f);
  if (w === undefined) {
    w = foldText(`${f.statement['zh-Hans'] ?? f.statement['zh-Hant'] ?? ''} ${f.statement.en} ${f.citations.map((c) => c.quote).join(' ')}`);
    wordings.set(f, w);
  }
  return w;
}

interface Pick {
  entry: ValueEntry;
  matched: string[];
}

/** The candidate the sentence names best, if it scores `min`; ties go to the fact sharing most wording with the sentence. */
function pickBest(candidates: readonly ValueEntry[], mentions: Mentions, index: FactIndex, body: string, min: number, needNamed: boolean): Pick | undefined {
  let best: (Pick & { score: number; words: number }) | undefined;
  const folded = foldText(body);
  for (const entry of candidates) {
    const s = scoreFact(entry.fact, mentions, index);
    if (s.score < min || (needNamed && !s.named) || !s.entity) continue;
    const words = sharedBigrams(folded, wordingOf(entry.fact));
    if (!best || s.score > best.score || (s.score === best.score && words > best.words)) best = { entry, matched: s.matched, score: s.score, words };
  }
  return best;
}

/**
 * The one fact a number contradicts: of the number's unit, naming an
 * organisation-like entity the sentence names, and scoring 3 or more. When
 * several facts qualify (数码港 counts start-ups, AI companies and strategic
 * enterprises alike), the sentence's wording must clearly favour one: at
 * least 4 adjacent character pairs shared with its statement or quotes, and
 * twice as many as with any other.
 */
function contradictedFact(n: NumberMatch, body: string, near: string, mentions: Mentions, index: FactIndex): Pick | undefined {
  const seen = new Set<Fact>();
  const strong: (Pick & { words: number })[] = [];
  const folded = foldText(near);
  for (const id of mentions.entities) {
    if (index.entity(id)?.kind === 'place') continue;
    for (const fact of index.byEntity(id)) {
      if (seen.has(fact) || fact.status !== 'active') continue;
      seen.add(fact);
      const p = profile(fact, index);
      if (!p) continue;
      const family = familyOf(n, body, p.yuan);
      if (family === undefined || !p.families.has(family) || DURATIONS.has(family)) continue;
      const s = scoreFact(fact, mentions, index);
      if (s.score >= CONTRADICTION_SCORE && s.named) {
        strong.push({ entry: { amount: fact.value!.amount!, fact, profile: p }, matched: s.matched, words: sharedBigrams(folded, wordingOf(fact)) });
      }
    }
  }
  if (strong.length === 0) return undefined;
  strong.sort((a, b) => b.words - a.words);
  const [only, runnerUp] = strong;
  if (runnerUp && (only!.words < 4 || only!.words < 2 * runnerUp.words)) return undefined;
  return valueAgrees(n, only!.entry.fact.value!) ? undefined : only;
}
