import { CATALOGUE, type MessageId } from './catalogue.js';
import type { MessageLang } from './lang.js';

/**
 * A parameter of a message: text, a number, a list (quoted and joined as the
 * language joins lists), or other messages, rendered in the same language
 * (several are joined as clauses, with a semicolon).
 */
export type MessageParam = string | number | readonly string[] | MessageRef | readonly MessageRef[];

/**
 * A message by id and parameters, independent of language: what a
 * diagnostic carries so each front end can show it in its writer's language.
 */
export interface MessageRef {
  id: MessageId;
  params?: Readonly<Record<string, MessageParam>>;
}

const QUOTES: Record<MessageLang, [string, string]> = { en: ['"', '"'], 'zh-Hans': ['“', '”'], 'zh-Hant': ['「', '」'] };
const LIST_SEPARATOR: Record<MessageLang, string> = { en: ', ', 'zh-Hans': '、', 'zh-Hant': '、' };
const AND: Record<MessageLang, string> = { en: ' and ', 'zh-Hans': '和', 'zh-Hant': '和' };
const CLAUSE_SEPARATOR: Record<MessageLang, string> = { en: '; ', 'zh-Hans': '；', 'zh-Hant': '；' };

/** `{name}`, `{name:and}`, `{name:plain}` or `{name?one|other}`; see CATALOGUE. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?::(and|plain)|\?([^|{}]*)\|([^{}]*))?\}/g;

function render(param: MessageParam | undefined, lang: MessageLang, join: 'and' | 'plain' | undefined): string {
  if (param === undefined) return '';
  if (typeof param === 'string' || typeof param === 'number') return String(param);
  if (!Array.isArray(param)) return formatMessage(param as MessageRef, lang);
  if (param.some((item) => typeof item !== 'string'))
    return (param as readonly MessageRef[]).map((ref) => formatMessage(ref, lang)).join(CLAUSE_SEPARATOR[lang]);
  const list = param as readonly string[];
  if (join === 'and') return list.join(AND[lang]);
  if (join === 'plain') return list.join(LIST_SEPARATOR[lang]);
  const [open, close] = QUOTES[lang];
  return list.map((item) => `${open}${item}${close}`).join(LIST_SEPARATOR[lang]);
}

/** A message of the catalogue in a language, with its parameters filled in. */
export function formatMessage(ref: MessageRef, lang: MessageLang = 'en'): string {
  const entry = CATALOGUE[ref.id] as Record<MessageLang, string> | undefined;
  // A language the catalogue does not know falls back to English rather than to nothing.
  const template = entry?.[lang] ?? entry?.en ?? ref.id;
  const params = ref.params ?? {};
  return template.replace(PLACEHOLDER, (_all, name: string, join?: 'and' | 'plain', one?: string, other?: string) => {
    const param = params[name];
    if (one !== undefined) return Number(param) === 1 ? one : (other ?? '');
    return render(param, lang, join);
  });
}

/** Shorthand: `message('unknown-fact', { id }, lang)`. */
export function message(id: MessageId, params?: Record<string, MessageParam>, lang: MessageLang = 'en'): string {
  return formatMessage(params ? { id, params } : { id }, lang);
}

/** A message in English (what `message` fields hold) beside its catalogue reference (what `detail` fields hold). */
export function described(detail: MessageRef): { message: string; detail: MessageRef } {
  return { message: formatMessage(detail), detail };
}
