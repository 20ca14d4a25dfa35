import {
  convertScript,
  type Entity,
  type Fact,
  type FactIndex,
  type FactNote,
  type MessageId,
  type MessageLang,
  message,
  type Source,
  type Statement,
  type Value,
} from '@factcite/core';

/**
 * The script a writer reads statements in. `original` is the script of the
 * fact's first source, as the reporter wrote it; quotes are always verbatim.
 */
export type StatementScript = 'original' | 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-TW' | 'en';

/** The script `original` stands for with this fact: that of its first source (Simplified when unknown). */
export function resolveScript(fact: Fact, script: StatementScript, index?: FactIndex): Exclude<StatementScript, 'original'> {
  if (script !== 'original') return script;
  const first = fact.citations[0] && index?.source(fact.citations[0].source);
  return first?.script === 'Hant' ? 'zh-Hant-HK' : 'zh-Hans';
}

/** The fact's statement in a script; curated text is preferred, converted text fills gaps. */
export function statementIn(fact: Fact, script: StatementScript, index?: FactIndex): string {
  return bilingualIn(fact.statement, fact, script, index);
}

/** One of the fact's notes (caveats) in a script, as {@link statementIn} picks the statement's. */
export function noteIn(note: FactNote, fact: Fact, script: StatementScript, index?: FactIndex): string {
  return bilingualIn(note, fact, script, index);
}

function bilingualIn(text: Statement | FactNote, fact: Fact, script: StatementScript, index?: FactIndex): string {
  const hans = text['zh-Hans'];
  const hant = text['zh-Hant'];
  switch (resolveScript(fact, script, index)) {
    case 'en':
      return text.en;
    case 'zh-Hans':
      return hans ?? convertScript(hant!, 'zh-Hans');
    case 'zh-Hant-HK':
      // Curated Traditional text is written for Hong Kong readers.
      return hant ?? convertScript(hans!, 'zh-Hant-HK');
    case 'zh-Hant-TW':
      return convertScript(hant ?? hans!, 'zh-Hant-TW');
  }
}

/** An entity's name in a script (`original` reads as Simplified; resolve it per fact with resolveScript). */
export function entityName(entity: Entity, script: StatementScript): string {
  switch (script) {
    case 'en':
      return entity.names.en;
    case 'zh-Hant-HK':
      return entity.names['zh-Hant'];
    case 'zh-Hant-TW':
      return convertScript(entity.names['zh-Hant'], 'zh-Hant-TW');
    default:
      return entity.names['zh-Hans'];
  }
}

const QUALIFIER_MESSAGES: Record<Value['qualifier'], MessageId | undefined> = {
  exact: undefined,
  approx: 'value.approx',
  'at-least': 'value.at-least',
  'more-than': 'value.more-than',
  'less-than': 'value.less-than',
  'up-to': 'value.up-to',
};

// Made on first use: setting up a number format costs ICU milliseconds at start-up.
let numberFormat: Intl.NumberFormat | undefined;
function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('en', { maximumFractionDigits: 6 });
  return numberFormat.format(n);
}

/**
 * A value read out: "more than 800 companies", "HKD 1,000,000,000", "#32 of
 * 62" in English; the qualifier and rank in the writer's language otherwise
 * ("超过800 companies"), since units are corpus data and stay as written.
 */
export function describeValue(value: Value, lang: MessageLang = 'en'): string {
  if (value.amount === undefined) return value.date ?? '';
  const amount = formatNumber(value.amount) + (value.upTo === undefined ? '' : `–${formatNumber(value.upTo)}`);
  const unit = value.unit;
  let text: string;
  if (unit === undefined) text = amount;
  else if (unit === 'percent') text = `${amount}%`;
  else if (unit === 'rank')
    text = value.of ? message('value.rank-of', { rank: amount, of: formatNumber(value.of) }, lang) : message('value.rank', { rank: amount }, lang);
  else if (/^[A-Z]{3}$/.test(unit)) text = `${unit} ${amount}`;
  else text = `${amount} ${unit.replace(/-/g, ' ')}`;
  const qualifier = QUALIFIER_MESSAGES[value.qualifier];
  return qualifier ? message(qualifier, { value: text }, lang) : text;
}

/** `text (aside)` in English, `text（aside）` in Chinese, whose brackets are full width. */
function withAside(text: string, aside: string, lang: MessageLang): string {
  return lang === 'en' ? `${text} (${aside})` : `${text}（${aside}）`;
}

/** The date a fact's value holds for: the fact's date, or the date the value is. */
export function factDate(fact: Fact): string | undefined {
  return fact.date ?? fact.value?.date;
}

/** A value's text as the source wrote it, in a Chinese display script (numbers and units read the same in every script). */
function valueTextIn(text: string, script: StatementScript): string {
  return script === 'zh-Hans' || script === 'zh-Hant-HK' || script === 'zh-Hant-TW' ? convertScript(text, script) : text;
}

/**
 * One line for a value: "800多家 (more than 800 companies), 2024-09". The
 * text is the source's, in the display script; in English the reading
 * comes first. The reading and punctuation are in `lang`, the writer's
 * language (the display script only decides how corpus text is shown).
 * Empty when the fact has neither value nor date.
 */
export function valueLine(fact: Fact, script: StatementScript = 'original', lang: MessageLang = 'en'): string {
  if (!fact.value) return factDate(fact) ?? '';
  const reading = describeValue(fact.value, lang);
  const date = factDate(fact);
  const text = valueTextIn(fact.value.text, script);
  let main = text;
  if (reading && reading !== text) main = script === 'en' ? withAside(reading, text, lang) : withAside(text, reading, lang);
  return date && date !== reading ? `${main}${lang === 'en' ? ', ' : '，'}${date}` : main;
}

/** A date as a reader of the script writes it: 2025年2月25日, or 2025-02-25 in English. */
export function formatDate(date: string, script: Exclude<StatementScript, 'original'>): string {
  if (script === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

/**
 * The short value shown after a citation (inline values): the value as the
 * source writes it, in the display script; a date in full (2025年2月25日, not
 * the source's 25日, which says nothing out of context); marked when
 * deprecated. Undefined when there is nothing to show.
 */
export function inlineValue(fact: Fact, index: FactIndex, script: StatementScript = 'original', lang: MessageLang = 'en'): string | undefined {
  const resolved = resolveScript(fact, script, index);
  const value = fact.value;
  let shown: string | undefined;
  if (value?.amount !== undefined) shown = script === 'en' ? describeValue(value, lang) : valueTextIn(value.text, script);
  else if (value?.date ?? fact.date) shown = formatDate((value?.date ?? fact.date)!, resolved);
  if (fact.status !== 'deprecated') return shown;
  const mark = message('value.deprecated', {}, lang);
  if (!shown) return mark;
  // Full-width brackets carry their own spacing.
  return lang === 'en' ? `${shown} ${mark}` : `${shown}${mark}`;
}

/** "publisher · title · date", plain text. */
export function sourceLine(source: Source): string {
  return [source.publisher, source.title, source.published].join(' · ');
}

/**
 * A Markdown footnote definition citing a fact, for pasting into a report:
 * `[^id]: statement. publisher, “title”, date. url`.
 */
export function footnote(fact: Fact, index: FactIndex, script: StatementScript = 'original'): string {
  const source = fact.citations[0] && index.source(fact.citations[0].source);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const statement = oneLine(statementIn(fact, script, index));
  const where = source ? ` ${oneLine(source.publisher)}, “${oneLine(source.title)}”, ${source.published}.${source.url ? ` ${source.url}` : ''}` : '';
  return `[^${fact.id}]: ${statement}${/[.。!！?？]$/.test(statement) ? '' : '.'}${where}`;
}
