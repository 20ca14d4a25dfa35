/**
 * Which Chinese script a text is written in, by the frequent characters whose
 * form differs between Simplified and Traditional. One list serves ingest
 * (the script of an article) and the value check (the script of the sentence
 * its fix is written in, see sentence-script.ts). A leaf with no dictionary,
 * so the ingest entry and the main entry export it without loading OpenCC.
 */
import { expectText } from '../errors.js';

// Pairs by position: each Simplified character and its Traditional form.
const SIMPLIFIED_ONLY = '们这为时发说来对个国经会后进过还学实业务资数据区产开关动与长门见问电车东马亿万亚规计统联显类员专达总际权';
const TRADITIONAL_ONLY = '們這為時發說來對個國經會後進過還學實業務資數據區產開關動與長門見問電車東馬億萬亞規計統聯顯類員專達總際權';

let weights: Int8Array | undefined;

/** +1 for a Simplified-only character, -1 for a Traditional-only one, by UTF-16 code unit (all of them are in the BMP). */
function scriptWeights(): Int8Array {
  if (!weights) {
    weights = new Int8Array(0x10000);
    for (const ch of SIMPLIFIED_ONLY) weights[ch.charCodeAt(0)] = 1;
    for (const ch of TRADITIONAL_ONLY) weights[ch.charCodeAt(0)] = -1;
  }
  return weights;
}

/** Simplified-only characters minus Traditional-only ones, counted in one pass. */
export function scriptBalance(text: string): number {
  const table = scriptWeights();
  let balance = 0;
  for (let i = 0; i < text.length; i++) balance += table[text.charCodeAt(i)]!;
  return balance;
}

/** Detects whether a text is mostly Simplified or Traditional by characters unique to each; a tie reads as Simplified. */
export function detectScript(text: string): 'Hans' | 'Hant' {
  expectText(text, 'detectScript', 'text');
  return scriptBalance(text) < 0 ? 'Hant' : 'Hans';
}
