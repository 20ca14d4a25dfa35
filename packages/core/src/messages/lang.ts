/** The languages factcite speaks: English, Simplified Chinese, Traditional Chinese (Hong Kong usage). */
export const MESSAGE_LANGS = ['en', 'zh-Hans', 'zh-Hant'] as const;

/** One of {@link MESSAGE_LANGS}. */
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/**
 * The message language for a locale tag as editors and shells write it:
 * `zh-cn`, `zh_CN.UTF-8`, `zh-Hans`, `zh-SG` and bare `zh` are Simplified;
 * `zh-tw`, `zh_HK`, `zh-MO` and `zh-Hant` are Traditional; any other
 * language is English. `C`, `POSIX` and empty tags give undefined, so the
 * caller can look further.
 */
export function messageLangOf(tag: string | undefined | null): MessageLang | undefined {
  if (typeof tag !== 'string') return undefined;
  // zh_HK.UTF-8@stroke → zh-hk
  const clean = tag.trim().split(/[.@:]/)[0]!.replace(/_/g, '-').toLowerCase();
  if (clean === '' || clean === 'c' || clean === 'posix') return undefined;
  const [language, ...rest] = clean.split('-');
  if (language !== 'zh') return 'en';
  if (rest.includes('hant') || rest.some((r) => r === 'tw' || r === 'hk' || r === 'mo')) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * The message language a shell asks for, as POSIX orders it: the first of
 * LC_ALL, LC_MESSAGES and LANG that is set and not empty decides (so
 * LC_ALL=C gives English whatever LANG says). English when none is set.
 */
export function messageLangFromEnv(env: Record<string, string | undefined>): MessageLang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return messageLangOf(value) ?? 'en';
  }
  return 'en';
}
