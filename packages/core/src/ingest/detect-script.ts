/**
 * Tells Simplified from Traditional Chinese by the characters unique to each.
 * Apart from the cleaner so the main entry can export it without loading the
 * rule engine.
 */
import { expectText } from '../errors.js';

// Frequent characters whose form differs between the scripts.
const SIMPLIFIED_ONLY = '们这为时发说来对个国经会后进过还学实业务资数据区产开关动与长门见问电车东马';
const TRADITIONAL_ONLY = '們這為時發說來對個國經會後進過還學實業務資數據區產開關動與長門見問電車東馬';

let scriptTable: Int8Array | undefined;

/** +1 for a Simplified-only character, -1 for a Traditional-only one, by UTF-16 code unit (all of them are in the BMP). */
function scriptWeights(): Int8Array {
  if (!scriptTable) {
    scriptTable = new Int8Array(0x10000);
    for (const ch of SIMPLIFIED_ONLY) scriptTable[ch.charCodeAt(0)] = 1;
    for (const ch of TRADITIONAL_ONLY) scriptTable[ch.charCodeAt(0)] = -1;
  }
  return scriptTable;
}

/** Detects whether a text is mostly Simplified or Traditional by characters unique to each. */
export function detectScript(text: string): 'Hans' | 'Hant' {
  expectText(text, 'detectScript', 'text');
  const weights = scriptWeights();
  // Simplified minus Traditional, counted in one pass.
  let balance = 0;
  for (let i = 0; i < text.length; i++) balance += weights[text.charCodeAt(i)]!;
  return balance < 0 ? 'Hant' : 'Hans';
}
