/**
 * The script of one sentence, for writing a fix in it: the frequent
 * characters first (detect-script.ts), and OpenCC only when they tie.
 */
import { scriptBalance } from './detect-script.js';
import { convertScript } from './script.js';

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
