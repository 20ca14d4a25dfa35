/**
 * Facts about the sentence a writer is citing in: before a query is typed,
 * `[@` should offer what the sentence talks about, not the corpus in id order.
 */
import { type Fact, type FactIndex, type NumberMatch, readNumbers, valueAgrees } from '@factcite/core';

/** How far a sentence is read on each side of the citation: enough for a long sentence, bounded on a line without stops. */
const REACH = 300;
// Where a sentence ends, in Chinese and in English (a full stop before a space).
const STOP_BEFORE = /[。！？!?；;\n]|\.\s/gu;
const STOP_AFTER = /[。！？!?；;\n]|\.(\s|$)/u;
// Citation groups and keys are syntax, not what the sentence says.
const CITATIONS = /[[【［][^\]】］\n]*?[@＠][^\]】］\n]*[\]】］]?|-?[@＠]fact[:：][a-z0-9-]*/gu;
/** Weight of a number in the sentence that a fact's value agrees with, against 1 for the best word match. */
const NUMBER_WEIGHT = 0.75;

/**
 * The words of the sentence around a citation being typed between `start`
 * and `end` (the text the completion edit covers), citations left out.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - REACH);
  const head = text.slice(from, start);
  let cut = 0;
  for (const m of head.matchAll(STOP_BEFORE)) cut = m.index + m[0].length;
  const tail = text.slice(end, end + REACH);
  const stop = STOP_AFTER.exec(tail);
  // Joined with nothing: Chinese has no spaces, and a space would split one phrase into two search terms.
  const words = (part: string) => part.replace(CITATIONS, '');
  const sentence = words(head.slice(cut)) + words(stop ? tail.slice(0, stop.index) : tail);
  return sentence.replace(/\s+/g, ' ').trim();
}

// Units that measure something other than a count of things.
const MEASURES = /^([A-Z]{3}|percent|ratio|rank)$/;

/**
 * Whether two units could name the same quantity: equal, or both counts of
 * things (the reader says companies for 家 where a fact may say enterprises).
 */
function comparableUnits(a: string | undefined, b: string | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && !MEASURES.test(a) && !MEASURES.test(b));
}

/** A sentence as one run: Chinese clause marks dropped (no space is needed there), English ones made spaces. */
function withoutClauseMarks(sentence: string): string {
  return sentence.replace(/[，、；：]|(?<=\p{Script=Han})[,;:](?=\p{Script=Han})/gu, '').replace(/[,;:]/g, ' ');
}

/** Whether a number the sentence states could be this fact's value: a comparable unit, an amount that agrees. */
function statesValue(numbers: readonly NumberMatch[], fact: Fact): boolean {
  const value = fact.value;
  if (value?.amount === undefined) return false;
  return numbers.some((n) => comparableUnits(n.unit, value.unit) && valueAgrees(n, value));
}

/**
 * Facts ranked by how well they match a sentence: by core's search over its
 * words (entity names, aliases and numbers as written included), with a
 * boost for a fact whose value is a number the sentence states in any
 * form (十億港元 for 10亿港元). Empty when the sentence holds no word.
 */
export function rankBySentence(index: FactIndex, sentence: string, limit: number): Fact[] {
  if (!/[\p{L}\p{N}]/u.test(sentence)) return [];
  const scores = new Map<string, { fact: Fact; score: number }>();
  // Without its commas: search takes each clause for a term, and a short clause that some facts hold
  // word for word (2025年2月) would rank those before the facts the whole sentence is about.
  const hits = index.search(withoutClauseMarks(sentence), { limit });
  hits.forEach((hit, rank) => {
    scores.set(hit.fact.id, { fact: hit.fact, score: 1 - rank / hits.length });
  });
  const numbers = readNumbers(sentence).filter((n) => n.kind !== 'date' && n.amount !== undefined);
  for (const n of numbers) {
    // The number alone finds facts whose value it is, even when the words differ.
    for (const hit of index.search(n.text, { limit: 20 })) if (!scores.has(hit.fact.id)) scores.set(hit.fact.id, { fact: hit.fact, score: 0 });
  }
  const ranked = [...scores.values()];
  if (numbers.length) for (const r of ranked) if (statesValue(numbers, r.fact)) r.score += NUMBER_WEIGHT;
  return ranked
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.fact);
}
