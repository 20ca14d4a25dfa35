import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, formatMessage, MESSAGE_LANGS, message, messageLangFromEnv, messageLangOf } from '../src/index.js';
import { PLACEHOLDER } from '../src/messages/format.js';

const toSimplified = Converter({ from: 'hk', to: 'cn' });
const toTraditional = Converter({ from: 'cn', to: 'hk' });
const placeholders = (template: string) => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
const entries = Object.entries(CATALOGUE) as [string, Record<string, unknown>][];

describe('the message catalogue', () => {
  it('has every message in every language, none empty', () => {
    const missing = entries.flatMap(([id, entry]) =>
      MESSAGE_LANGS.filter((lang) => typeof entry[lang] !== 'string' || (entry[lang] as string).trim() === '').map((lang) => `${id} ${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = entries.flatMap(([id, entry]) => {
      const en = placeholders(entry.en as string);
      return MESSAGE_LANGS.filter((lang) => [...new Set(placeholders(entry[lang] as string))].join() !== [...new Set(en)].join()).map(
        (lang) => `${id} ${lang}: ${placeholders(entry[lang] as string)} against ${en}`,
      );
    });
    expect(differing).toEqual([]);
  });

  it('leaves no brace that is not a placeholder (a typo would show up in front of a writer)', () => {
    const stray = entries.flatMap(([id, entry]) =>
      MESSAGE_LANGS.filter((lang) => /[{}]/.test((entry[lang] as string).replace(PLACEHOLDER, ''))).map((lang) => `${id} ${lang}`),
    );
    expect(stray).toEqual([]);
  });

  it('writes Chinese in Chinese, each in its own script: no Traditional-only character in Simplified, no Simplified-only one in Traditional', () => {
    const wrong: string[] = [];
    for (const [id, entry] of entries) {
      const hans = (entry['zh-Hans'] as string).replace(PLACEHOLDER, '');
      const hant = (entry['zh-Hant'] as string).replace(PLACEHOLDER, '');
      if (!/\p{Script=Han}/u.test(hans) || !/\p{Script=Han}/u.test(hant)) wrong.push(`${id}: no Chinese`);
      for (const c of hans) if (/\p{Script=Han}/u.test(c) && toSimplified(c) !== c) wrong.push(`${id} zh-Hans: ${c}`);
      for (const c of hant) if (/\p{Script=Han}/u.test(c) && toSimplified(c) === c && toTraditional(c) !== c) wrong.push(`${id} zh-Hant: ${c}`);
      // A message left in English in a Chinese column is a missing translation.
      if (entry['zh-Hans'] === entry.en || entry['zh-Hant'] === entry.en) wrong.push(`${id}: untranslated`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('formatMessage', () => {
  it('quotes lists in each language’s own marks and joins them as it joins lists', () => {
    const ref = { id: 'unknown-fact.suggest' as const, params: { id: 'hk-ai-x', suggestions: ['a-b', 'c-d'] } };
    expect(formatMessage(ref, 'en')).toBe('Unknown fact "hk-ai-x"; did you mean "a-b", "c-d"?');
    expect(formatMessage(ref, 'zh-Hans')).toBe('找不到事实“hk-ai-x”；是不是要引用“a-b”、“c-d”？');
    expect(formatMessage(ref, 'zh-Hant')).toBe('找不到事實「hk-ai-x」；是不是要引用「a-b」、「c-d」？');
  });

  it('picks English plural forms by count, and Chinese needs none', () => {
    const params = { citations: 1, files: 2, facts: 300 };
    expect(message('cli.check.checked', params)).toBe('1 citation in 2 files checked against 300 facts');
    expect(message('cli.check.checked', { ...params, citations: 5, files: 1 })).toBe('5 citations in 1 file checked against 300 facts');
    expect(message('cli.check.checked', params, 'zh-Hant')).toBe('已對照300項事實檢查2個檔案中的1處引用');
  });

  it('renders a message inside a message in the same language', () => {
    const detail = { id: 'citation.separate' as const };
    expect(message('malformed-citation', { detail }, 'zh-Hans')).toBe('引用格式有误：引用多个事实时请用“;”分隔');
    expect(message('malformed-citation', { detail }, 'en')).toBe('Malformed citation: separate cited facts with ";"');
  });
});

describe('message language', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-Hans'],
    ['zh-cn', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh_SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh_HK.UTF-8', 'zh-Hant'],
    ['zh-tw', 'zh-Hant'],
    ['zh_TW.Big5', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh_MO', 'zh-Hant'],
    ['en_GB.UTF-8', 'en'],
    ['ja', 'en'],
    ['C', undefined],
    ['POSIX', undefined],
    ['', undefined],
  ])('%s → %s', (tag, lang) => {
    expect(messageLangOf(tag)).toBe(lang);
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG, as POSIX does', () => {
    expect(messageLangFromEnv({ LANG: 'zh_HK.UTF-8' })).toBe('zh-Hant');
    expect(messageLangFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_HK.UTF-8' })).toBe('zh-Hans');
    expect(messageLangFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('en');
    expect(messageLangFromEnv({ LC_ALL: '', LANG: 'zh_TW.UTF-8' })).toBe('zh-Hant');
    expect(messageLangFromEnv({})).toBe('en');
  });
});
