import { openCC } from '../deps/opencc.js';

/** Scripts a reader can ask to see Chinese text in. */
export type DisplayScript = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-TW';

// foldText lives apart from OpenCC: search needs it, and it needs no dictionary.
export { foldText } from './fold.js';

// Converters build their dictionaries on first use, so importing core stays cheap.
const fromSimplified = new Map<DisplayScript, (text: string) => string>();

/** Renders Chinese text in the given script (Simplified, or Traditional as written in Hong Kong or Taiwan). */
export function convertScript(text: string, target: DisplayScript): string {
  let convert = fromSimplified.get(target);
  if (!convert) {
    const { Converter } = openCC();
    const to = target === 'zh-Hans' ? 'cn' : target === 'zh-Hant-HK' ? 'hk' : 'twp';
    const simplify = target === 'zh-Hans' ? Converter({ from: 'hk', to: 'cn' }) : undefined;
    const toTarget = to === 'cn' ? undefined : Converter({ from: 'cn', to });
    const fromAny = Converter({ from: 'hk', to: 'cn' });
    convert = simplify ?? ((t: string) => toTarget!(fromAny(t)));
    fromSimplified.set(target, convert);
  }
  return convert(text);
}
