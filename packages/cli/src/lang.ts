// Its own entry: the catalogue without zod or YAML.
import { type MessageLang, message, messageLangFromEnv, messageLangOf } from '@factcite/core/messages';
import { UsageError } from './errors.js';

/**
 * The language of a command's messages: `--lang` when given (en, zh-Hans,
 * zh-Hant, or a locale such as zh_HK or zh-CN), else the shell's locale
 * (LC_ALL, LC_MESSAGES, LANG: zh_CN is Simplified, zh_HK and zh_TW
 * Traditional), else English.
 */
export function messageLang(option: string | undefined, env: Record<string, string | undefined> = process.env): MessageLang {
  if (option === undefined) return messageLangFromEnv(env);
  const lang = /^(?:en|zh)(?:[-_][A-Za-z0-9]+)*$/i.test(option.trim()) ? messageLangOf(option) : undefined;
  if (!lang) throw new UsageError(message('cli.bad-lang', { lang: option }, messageLangFromEnv(env)));
  return lang;
}
