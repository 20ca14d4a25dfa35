/**
 * Which Chinese script a text is written in, by the frequent characters whose
 * form differs between Simplified and Traditional. One list serves ingest
 * (the script of an article) and the value check (the script of the sentence
 * its fix is written in). No dictionary is loaded unless a sentence's
 * characters leave the question open.
 */
import { expectText } from '../errors.js';
import { convertScript } from './script.js';

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
function scriptBalance(text: string): number {
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

/** How many UTF-16 units two texts differ in, position by position. */
function differences(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
  return n + Math.abs(a.length - b.length);
}

/**
 * The script of one Chinese sentence, when its characters say: by its
 * frequent script-specific characters, or else by which conversion changes
 * it least; undefined when neither tells (a sentence of characters both
 * scripts share).
 */
export function sentenceScript(sentence: string): 'zh-Hans' | 'zh-Hant-HK' | undefined {
  const balance = scriptBalance(sentence);
  if (balance !== 0) return balance > 0 ? 'zh-Hans' : 'zh-Hant-HK';
  const toHans = differences(sentence, convertScript(sentence, 'zh-Hans'));
  const toHant = differences(sentence, convertScript(sentence, 'zh-Hant-HK'));
  if (toHans === toHant) return undefined;
  return toHans < toHant ? 'zh-Hans' : 'zh-Hant-HK';
}
