/**
 * Reads the numbers of Chinese news text: Arabic and Chinese numerals with
 * their magnitudes (三千萬億, 六百二十億, 10亿), percentages (88%, 百分之八十八,
 * 三成), fractions (十分之一), ranks (第32位, 全國第一, 排名前100), dates
 * (2023年5月31日) and the hedges around them (800多家, 逾200家, 近300家,
 * 5家以上). It also reads the English a bilingual report restates them in
 * (HK$1 billion, US$8 billion, RMB 100 billion, 88 per cent, more than 800
 * companies, three thousand trillion operations a second), so a number can be
 * compared whatever script or language it is written in. Full-width digits
 * read as digits. Browser-safe and dependency-free.
 */
import type { Qualifier } from '../corpus/schema.js';

/** What a number in a text measures. */
export type NumberKind = 'quantity' | 'percentage' | 'rank' | 'date';

/** One number found in a text, read into the shape of a fact's `value`. */
export interface NumberMatch {
  kind: NumberKind;
  /** The expression as written, including its hedges and unit (超14萬件). */
  text: string;
  /** UTF-16 offsets of `text` in the searched string. */
  start: number;
  end: number;
  /** The number read exactly (140000); absent for dates. */
  amount?: number;
  /** Upper bound of a range (10至15人). */
  upTo?: number;
  /**
   * For a hedge that says how far above the number the figure goes: the
   * figure stays below this (900 for 800多家, 1100 for 1000余家, 2400 for
   * 超過2300家, 70 for 六成多). Absent for vague hedges (數百, 上百, 幾十).
   */
  under?: number;
  /** ISO 4217 code, `percent`, `ratio`, `rank`, or a counted noun in kebab-case. */
  unit?: string;
  /**
   * The unit as written: a measure word (家, 個), a currency (港元, HK$), `%`,
   * or an English noun (companies). `unit` is what it means; this is what a
   * check needs to tell two counts apart that `unit` lumps together (個 counts
   * models and cities alike, 家 and 間 both count companies).
   */
  unitText?: string;
  qualifier: Qualifier;
  /** For dates: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** The date's year was not written and came from `ReadNumbersOptions.year`. */
  yearInferred?: boolean;
}

export interface ReadNumbersOptions {
  /** Year for dates written without one (5月31日), such as the article's year. */
  year?: number;
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
// 兆 is 10^12 as it is used for money in current Chinese (万亿), not 10^6.
const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };

const CN_CHARS = `${Object.keys(DIGIT).join('')}${Object.keys(SMALL_UNIT).join('')}${Object.keys(BIG_UNIT).join('')}`;
const CN_DIGITS = '〇零一二两兩三四五六七八九';
const ARABIC = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
/** Chinese numerals, with 点 decimals (三点五亿) and Arabic digits between units (1万2千). */
const CN_NUMERAL = `[${CN_CHARS}]+(?:[点點][${CN_DIGITS}]+[万萬亿億兆]*)?(?:\\d+[${CN_CHARS}]+)*`;
// A space may sit between digits and their magnitude (80 亿美元).
const NUM = `(?:${ARABIC}(?:\\s?[${CN_CHARS}]+(?:\\d+[${CN_CHARS}]+)*)?|${CN_NUMERAL})`;
const WHOLE_NUMERAL = new RegExp(`^${NUM}$`, 'u');
/** A hedge written inside a numeral, before its magnitude (六百多亿, 十几家, 200多万人). */
const INNER_HEDGE = '(?<more>多|餘|余|几|幾)?(?<mag>[万萬亿億兆]+)?';
/** A minus sign (-5%, 负5%), not a hyphen between digits or words. */
const MINUS = '(?<neg>(?<![\\w.-])[-−－]|负|負)?';

/** Rounds away binary noise such as 1.4 × 10^4 = 14000.000000000002. */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * Reads one numeral: Arabic (1,000 or 1.5), Chinese (六百二十, 三点五), or both
 * with magnitudes (10亿, 1000億, 三千萬億 = 3 × 10^15, 百亿亿 = 10^18, 1万2千).
 * Undefined when it is not one, including repeated units (十十, 两千两千).
 */
export function parseChineseNumber(numeral: string): number | undefined {
  const text = numeral.trim().replace(/\s+/g, '');
  if (!text || !WHOLE_NUMERAL.test(text)) return undefined;
  // Digits alone are positional in a year written out (二〇二五); two digits
  // side by side are otherwise a rough range (兩三年), read by approximateRange.
  if (/^[〇零一二两兩三四五六七八九]{2,}$/u.test(text)) {
    return /[〇零]/u.test(text) || text.length === 4 ? Number(Array.from(text, (ch) => DIGIT[ch]).join('')) : undefined;
  }
  const point = /[点點]/u.exec(text);
  if (!point) return readInteger(text);
  // 三点五亿: the whole part, the decimals read digit by digit, then the magnitude.
  const whole = point.index === 0 ? undefined : readInteger(text.slice(0, point.index));
  const after = /^([〇零一二两兩三四五六七八九]+)([万萬亿億兆]*)$/u.exec(text.slice(point.index + 1));
  if (whole === undefined || !after || after[1]!.length > MAX_DIGITS || /[万萬亿億兆]/u.test(text.slice(0, point.index))) return undefined;
  const decimals = Number(`0.${Array.from(after[1]!, (ch) => DIGIT[ch]).join('')}`);
  const scale = after[2] ? readInteger(`一${after[2]}`)! : 1;
  return clean((whole + decimals) * scale);
}

/** The longest run of digits read as a number (with separators and decimals). */
const MAX_DIGITS = 40;
const ARABIC_AT = /\d+(?:,\d{3})*(?:\.\d+)?/y;

/** An integer numeral without a decimal point, in one pass; undefined for malformed ones. */
function readInteger(text: string): number | undefined {
  let total = 0;
  // The part below the current big unit (三千 in 三千萬), the digit awaiting its unit,
  // and the last units seen, which must step down (千 then 百) within a section.
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBig: number | undefined;
  let afterBig = false;
  let i = 0;
  while (i < text.length) {
    ARABIC_AT.lastIndex = i;
    const arabic = ARABIC_AT.exec(text);
    if (arabic) {
      // No one writes an amount in more digits than this, and turning a
      // thousand-digit string into a number costs more than its length.
      if (digit !== undefined || arabic[0].length > MAX_DIGITS) return undefined;
      digit = Number(arabic[0].replace(/,/g, ''));
      i = ARABIC_AT.lastIndex;
      afterBig = false;
      continue;
    }
    const ch = text[i]!;
    i += 1;
    if (ch in DIGIT) {
      // 零 holds a place (一百零五); two other digits in a row are no numeral.
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGIT[ch]!;
      afterBig = false;
    } else if (ch in SMALL_UNIT) {
      const unit = SMALL_UNIT[ch]!;
      if (unit >= lastSmall) return undefined;
      section += (digit ?? 1) * unit;
      lastSmall = unit;
      digit = undefined;
      afterBig = false;
    } else {
      const unit = BIG_UNIT[ch]!;
      const current = section + (digit ?? 0);
      if (current === 0 && (afterBig || total === 0)) {
        // 萬億美元: a bare magnitude counts one; 萬億, 億億: magnitudes multiply.
        total = (total || 1) * unit;
      } else if (lastBig === undefined || unit > lastBig) {
        // A bigger unit scales all that came before it (三千萬億 = 3000 × 10^4 × 10^8).
        total = (total + current) * unit;
      } else if (unit < lastBig) {
        total += current * unit; // a smaller one adds a lower group (一億二千萬)
      } else {
        return undefined; // 一萬二萬
      }
      lastBig = unit;
      section = 0;
      lastSmall = Number.POSITIVE_INFINITY;
      digit = undefined;
      afterBig = true;
    }
  }
  return clean(total + section + (digit ?? 0));
}

/** The power of ten of a number's last nonzero digit: 2 for 800, 6 for 1.48亿, -1 for 0.5. */
export function placeOfLastDigit(n: number): number {
  const [mantissa, exponent] = Math.abs(n).toExponential(11).split('e') as [string, string];
  const significant = mantissa.replace('.', '').replace(/0+$/, '').length;
  return Number(exponent) - (significant - 1);
}

/** The place of a number's last nonzero digit as a power of ten: 100 for 800, 0.1 for 1.5. */
function lastDigitStep(n: number): number {
  return 10 ** placeOfLastDigit(n);
}

/**
 * Where a figure hedged with 多/余/几 after its digits stops: the next step of
 * its last nonzero digit (800多 < 900, 十几 < 20, 六百多亿 < 700亿), but for a
 * number of four digits or more at most the next hundredth of it (1000余 <
 * 1100: a writer who means 1000 to 2000 writes 一千多 for a thousand-odd as
 * readers read it, and the narrower reading is what catches 1000余 for 超1500).
 */
export function hedgedTop(n: number): number {
  const digits = Math.floor(Math.log10(Math.abs(n))) + 1;
  const step = digits >= 4 ? Math.min(lastDigitStep(n), 10 ** (digits - 2)) : lastDigitStep(n);
  return clean(n + step);
}

/** Where a figure said to be just above a number stops: its next step (超過2300 < 2400, 超过1000 < 2000). */
function justAbove(n: number): number {
  return clean(n + lastDigitStep(n));
}

const HEDGE_BEFORE: [RegExp, Qualifier][] = [
  [/^(?:不低於|不低于|不少於|不少于)$/u, 'at-least'],
  [/^(?:不超過|不超过|不多於|不多于|不高於|不高于)$/u, 'up-to'],
  [/^(?:超過|超过|超|逾|突破|多於|多于|大於|大于|高於|高于)$/u, 'more-than'],
  [/^(?:至少|最少|上|數|数|幾|几)$/u, 'at-least'],
  [/^(?:近|接近|將近|将近|約|约|大約|大约|約為|约为)$/u, 'approx'],
  [/^(?:不足|不到|少於|少于|低於|低于)$/u, 'less-than'],
  [/^(?:最多|至多|最高)$/u, 'up-to'],
];
// 上, 數 and 幾 hedge only a round magnitude (上百家, 數百名); elsewhere they are other words.
const HEDGE_BEFORE_PATTERN =
  '不低於|不低于|不少於|不少于|不超過|不超过|不多於|不多于|不高於|不高于|超過|超过|超|逾|突破|多於|多于|大於|大于|高於|高于|至少|最少|(?:上|數|数|幾|几)(?=[十百千万萬亿億])|將近|将近|接近|近|大約|大约|約為|约为|約|约|不足|不到|少於|少于|低於|低于|最多|至多|最高';
const HEDGE_AFTER: Record<string, Qualifier> = {
  多: 'more-than',
  餘: 'more-than',
  余: 'more-than',
  几: 'more-than',
  幾: 'more-than',
  以上: 'at-least',
  以下: 'up-to',
  以內: 'up-to',
  以内: 'up-to',
  左右: 'approx',
  上下: 'approx',
  級: 'approx',
  级: 'approx',
};
// When hedges disagree, the one that says most about the bound wins.
const QUALIFIER_ORDER: Qualifier[] = ['more-than', 'at-least', 'less-than', 'up-to', 'approx', 'exact'];

// 元 alone is read as renminbi, the currency it names in the mainland press; a
// currency written before the number (港幣10億元) or after 元 (10億元人民幣)
// overrides it.
const CURRENCY: Record<string, string> = {
  港元: 'HKD',
  港幣: 'HKD',
  港币: 'HKD',
  美元: 'USD',
  美金: 'USD',
  人民幣: 'CNY',
  人民币: 'CNY',
  元: 'CNY',
  歐元: 'EUR',
  欧元: 'EUR',
  日元: 'JPY',
  英鎊: 'GBP',
  英镑: 'GBP',
};
const CURRENCY_WORD = '港幣|港币|港元|美元|美金|人民幣|人民币|歐元|欧元|日元|英鎊|英镑';
/** Counted nouns a maintainer refines (家 could be companies, enterprises or labs). */
const MEASURE: Record<string, string> = {
  家: 'companies',
  間: 'organisations',
  间: 'organisations',
  所: 'institutions',
  個月: 'months',
  个月: 'months',
  個: 'items',
  个: 'items',
  件: 'items',
  項: 'items',
  项: 'items',
  名: 'people',
  人: 'people',
  位: 'people',
  倍: 'times',
  年: 'years',
  天: 'days',
  次: 'times',
  座: 'sites',
  款: 'products',
  台: 'units',
  部: 'units',
  個百分點: 'percentage-points',
  个百分点: 'percentage-points',
  百分點: 'percentage-points',
  百分点: 'percentage-points',
  條: 'items',
  条: 'items',
  宗: 'cases',
  份: 'copies',
  種: 'kinds',
  种: 'kinds',
  隻: 'items',
  只: 'items',
  // Areas: floor space of a park or an incubator (約8,000平方米), land (公頃).
  平方米: 'square-metres',
  平方公尺: 'square-metres',
  平方公里: 'square-kilometres',
  平方千米: 'square-kilometres',
  平方呎: 'square-feet',
  平方尺: 'square-feet',
  平方英尺: 'square-feet',
  公頃: 'hectares',
  公顷: 'hectares',
};
/** Units written in Latin letters, with the factor their prefix stands for. */
const LATIN_UNIT: Record<string, [string, number]> = {
  EFLOPS: ['flops', 1e18],
  PFLOPS: ['flops', 1e15],
  TFLOPS: ['flops', 1e12],
  Pops: ['ops-per-second', 1e15],
  POPS: ['ops-per-second', 1e15],
  TOPS: ['ops-per-second', 1e12],
  EB: ['exabytes', 1],
  PB: ['petabytes', 1],
  TB: ['terabytes', 1],
  GB: ['gigabytes', 1],
};
const UNIT_PATTERN = [...Object.keys(LATIN_UNIT), ...Object.keys(CURRENCY), ...Object.keys(MEASURE)].sort((a, b) => b.length - a.length).join('|');

// English, as a bilingual report restates the corpus's numbers.
const EN_SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, tn: 1e12 };
const EN_WORD = [...Object.keys(EN_SMALL), 'hundred', 'thousand', 'million', 'billion', 'trillion'].sort((a, b) => b.length - a.length).join('|');
/** Number words (three thousand trillion, twenty-five, a hundred); parseEnglishNumber checks the grammar. */
const EN_WORDS = `(?:(?:an?|${EN_WORD})(?:(?:[\\s-]+(?:and\\s+)?)(?:${EN_WORD}))*)(?![A-Za-z])`;
/** Digits, with an attached Chinese magnitude (HK$10億) or as powers of ten (3 × 10^15, 10^18). */
const EN_NUMERAL = `(?:(?:\\d+(?:\\.\\d+)?\\s*[×xX*]\\s*)?10\\^\\d+|${ARABIC}(?:[万萬亿億]+)?)`;
const EN_SCALE_PATTERN = String.raw`(?:\s+(?:thousand|million|billion|trillion))+|\s?(?:bn|mn|tn)(?![A-Za-z])`;
const EN_HEDGE: [RegExp, Qualifier][] = [
  [/^(?:no|not)\s+more\s+than$|^up\s+to$|^at\s+most$|^a\s+maximum\s+of$/i, 'up-to'],
  [/^(?:no|not)\s+(?:less|fewer)\s+than$|^at\s+least$|^a\s+minimum\s+of$/i, 'at-least'],
  [/^(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|pass(?:es|ed|ing)?|topp(?:ed|ing))$/i, 'more-than'],
  [/^(?:(?:less|fewer)\s+than|under|below)$/i, 'less-than'],
  [/^(?:nearly|almost|about|around|approximately|roughly|some|close\s+to|an?\s+estimated|estimated|circa|on\s+the\s+order\s+of)$/i, 'approx'],
];
const EN_HEDGE_PATTERN = [
  String.raw`n(?:o|ot)\s+more\s+than`,
  String.raw`n(?:o|ot)\s+(?:less|fewer)\s+than`,
  String.raw`more\s+than`,
  String.raw`(?:less|fewer)\s+than`,
  String.raw`at\s+(?:least|most)`,
  String.raw`up\s+to`,
  String.raw`a\s+(?:maximum|minimum)\s+of`,
  String.raw`upwards\s+of`,
  String.raw`in\s+excess\s+of`,
  String.raw`close\s+to`,
  String.raw`an?\s+estimated`,
  String.raw`on\s+the\s+order\s+of`,
  'exceed(?:s|ed|ing)?',
  'surpass(?:es|ed|ing)?',
  'pass(?:es|ed|ing)?',
  'topp(?:ed|ing)',
  'over',
  'above',
  'nearly',
  'almost',
  'about',
  'around',
  'approximately',
  'roughly',
  'some',
  'estimated',
  'circa',
  'under',
  'below',
].join('|');
const EN_HEDGE_AFTER = String.raw`\s+(?:or|and)\s+(?:more|above|over|so|less|fewer|under|below)(?![A-Za-z])`;
/** Currencies written before an English number. `$` alone (Hong Kong's and America's) names none. */
const EN_CURRENCY: Record<string, string | undefined> = {
  hk$: 'HKD',
  hkd: 'HKD',
  us$: 'USD',
  usd: 'USD',
  rmb: 'CNY',
  cny: 'CNY',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  $: undefined,
};
/** Units after an English number, with the factor their prefix stands for. */
const EN_UNIT: [RegExp, string | undefined, number][] = [
  [/^(?:peta(?:flops|flop\/s)|pflops)$/i, 'flops', 1e15],
  [/^(?:tera(?:flops|flop\/s)|tflops)$/i, 'flops', 1e12],
  [/^(?:exa(?:flops|flop\/s)|eflops)$/i, 'flops', 1e18],
  [/^pops$/i, 'ops-per-second', 1e15],
  [/^tops$/i, 'ops-per-second', 1e12],
  [/^(?:(?:floating[- ]point\s+)?operations|ops)\s+(?:per|a|each)\s+second$/i, 'ops-per-second', 1],
  [/^(?:pb|petabytes?)$/i, 'petabytes', 1],
  [/^(?:tb|terabytes?)$/i, 'terabytes', 1],
  [/^(?:gb|gigabytes?)$/i, 'gigabytes', 1],
  [/^(?:eb|exabytes?)$/i, 'exabytes', 1],
  [/^(?:hong\s+kong|hk)\s+dollars?$|^hkd$/i, 'HKD', 1],
  [/^(?:us|u\.s\.|american)\s+dollars?$|^usd$/i, 'USD', 1],
  [/^(?:yuan|renminbi|rmb|cny)$/i, 'CNY', 1],
  [/^dollars?$/i, undefined, 1],
];
const EN_UNIT_PATTERN = String.raw`(?:peta|tera|exa)(?:flops|flop\/s)|[pte]flops|[pt]ops|(?:(?:floating[- ]point\s+)?operations|ops)\s+(?:per|a|each)\s+second|[ptge]b|(?:peta|tera|giga|exa)bytes?|(?:(?:hong\s+kong|hk|us|u\.s\.|american)\s+)?dollars?|hkd|usd|yuan|renminbi|rmb|cny`;
/** Counted nouns in English, as the kebab-case units facts use. */
const EN_NOUN: Record<string, string> = {
  company: 'companies',
  companies: 'companies',
  firm: 'companies',
  firms: 'companies',
  business: 'companies',
  businesses: 'companies',
  enterprise: 'enterprises',
  enterprises: 'enterprises',
  'start-up': 'startups',
  'start-ups': 'startups',
  startup: 'startups',
  startups: 'startups',
  organisation: 'organisations',
  organisations: 'organisations',
  organization: 'organisations',
  organizations: 'organisations',
  institution: 'institutions',
  institutions: 'institutions',
  university: 'universities',
  universities: 'universities',
  laboratory: 'laboratories',
  laboratories: 'laboratories',
  lab: 'laboratories',
  labs: 'laboratories',
  customer: 'customers',
  customers: 'customers',
  client: 'customers',
  clients: 'customers',
  patent: 'patents',
  patents: 'patents',
  unicorn: 'companies',
  unicorns: 'companies',
  engineer: 'people',
  engineers: 'people',
  scientist: 'people',
  scientists: 'people',
  model: 'models',
  models: 'models',
  area: 'areas',
  areas: 'areas',
  people: 'people',
  person: 'people',
  persons: 'people',
  employee: 'people',
  employees: 'people',
  worker: 'people',
  workers: 'people',
  staff: 'people',
  member: 'people',
  members: 'people',
  researcher: 'people',
  researchers: 'people',
  student: 'people',
  students: 'people',
  year: 'years',
  years: 'years',
  month: 'months',
  months: 'months',
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  times: 'times',
  product: 'products',
  products: 'products',
  project: 'projects',
  projects: 'projects',
  country: 'countries',
  countries: 'countries',
  city: 'cities',
  cities: 'cities',
};
const EN_NOUN_PATTERN = Object.keys(EN_NOUN)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Reads English number words (three thousand trillion = 3 × 10^15, a hundred,
 * one hundred and twenty-five). A bigger scale multiplies all before it, as
 * 億 does after 萬 in Chinese. Undefined when the words are not one number.
 */
function parseEnglishNumber(words: string): number | undefined {
  const tokens = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((t) => t && t !== 'and');
  let total = 0;
  let current = 0;
  let lastBig: number | undefined;
  let article = false;
  for (const [i, t] of tokens.entries()) {
    if (t === 'a' || t === 'an') {
      if (i > 0) return undefined;
      article = true;
      current = 1;
    } else if (t in EN_SMALL) {
      if (article) return undefined;
      current += EN_SMALL[t]!;
    } else if (t === 'hundred') {
      article = false;
      current = (current || 1) * 100;
    } else {
      article = false;
      const unit = EN_SCALE[t]!;
      // A bare scale counts one (thousand = a thousand), but only at the start.
      const before = current === 0 && total === 0 ? 1 : current;
      if (lastBig === undefined || unit > lastBig) total = (total + before) * unit;
      else total += before * unit;
      lastBig = unit;
      current = 0;
    }
  }
  return article ? undefined : clean(total + current);
}

/** Digits (1,500), digits with a Chinese magnitude (10億), powers of ten (3 × 10^15) or words. */
function parseEnglishNumeral(numeral: string): number | undefined {
  const power = /^(?:(\d+(?:\.\d+)?)\s*[×xX*]\s*)?10\^(\d+)$/.exec(numeral);
  if (power) return clean(Number(power[1] ?? 1) * 10 ** Number(power[2]));
  if (/^\d/.test(numeral)) return parseChineseNumber(numeral);
  return parseEnglishNumber(numeral);
}

function scaleOf(text: string | undefined): number {
  if (!text) return 1;
  return text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .reduce((factor, word) => factor * (EN_SCALE[word] ?? (word === 'm' ? 1e6 : word === 'k' ? 1e3 : 1)), 1);
}

function enHedge(text: string | undefined): Qualifier | undefined {
  if (!text) return undefined;
  const words = text.trim().replace(/\s+/g, ' ');
  return EN_HEDGE.find(([pattern]) => pattern.test(words))?.[1];
}

function enHedgeAfter(text: string | undefined): Qualifier | undefined {
  if (!text) return undefined;
  const word = /(\w+)$/.exec(text.trim())![1]!.toLowerCase();
  return word === 'so' ? 'approx' : ['less', 'fewer', 'under', 'below'].includes(word) ? 'up-to' : 'at-least';
}

function strongest(qualifiers: (Qualifier | undefined)[]): Qualifier {
  const present = qualifiers.filter((q): q is Qualifier => q !== undefined);
  return QUALIFIER_ORDER.find((q) => present.includes(q)) ?? 'exact';
}

function hedgeBefore(text: string | undefined): Qualifier | undefined {
  if (!text) return undefined;
  return HEDGE_BEFORE.find(([pattern]) => pattern.test(text))?.[1];
}

// 上, 數 and 幾 before a magnitude say "some hundreds", with no top a writer commits to.
const VAGUE_HEDGE = /^(?:上|數|数|幾|几)$/u;

interface HedgeWords {
  pre?: string | undefined;
  pre2?: string | undefined;
  more?: string | undefined;
  mag?: string | undefined;
  post?: string | undefined;
  neg?: string | undefined;
}

/**
 * A numeral's amount with the hedges around it: a magnitude after an inner
 * hedge (六百多亿 = 600 × 10^8, more than), a minus sign, and where a
 * bound hedge puts the top ({@link NumberMatch.under}).
 */
function hedgedAmount(numeral: number, h: HedgeWords, extra?: Qualifier): Pick<NumberMatch, 'amount' | 'qualifier' | 'under'> {
  const scale = h.mag ? (readInteger(`一${h.mag}`) ?? 1) : 1;
  const sign = h.neg ? -1 : 1;
  const amount = clean(sign * numeral * scale);
  const qualifier = strongest([
    extra,
    hedgeBefore(h.pre),
    hedgeBefore(h.pre2),
    h.more ? HEDGE_AFTER[h.more] : undefined,
    h.post ? HEDGE_AFTER[h.post] : undefined,
  ]);
  let under: number | undefined;
  if (h.more && numeral > 0) under = clean(sign * hedgedTop(numeral) * scale);
  else if ((qualifier === 'more-than' || qualifier === 'at-least') && numeral > 0 && !VAGUE_HEDGE.test(h.pre ?? '') && !VAGUE_HEDGE.test(h.pre2 ?? '')) {
    under = clean(sign * justAbove(numeral * scale));
  }
  return { amount, qualifier, ...(under !== undefined && !h.neg ? { under } : {}) };
}

function isRealDate(y: number, m?: number, d?: number): boolean {
  if (m === undefined) return y >= 1000;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isoDate(y: number, m?: number, d?: number): string {
  return [String(y).padStart(4, '0'), m && String(m).padStart(2, '0'), d && String(d).padStart(2, '0')].filter(Boolean).join('-');
}

type Reader = (m: RegExpExecArray, options: ReadNumbersOptions) => Omit<NumberMatch, 'text' | 'start' | 'end'> | undefined;

/** Patterns tried at every position; the longest match wins, then the earliest listed. */
const READERS: [RegExp, Reader][] = [
  // 2023年5月31日, 2023年5月, 2023年年底
  [
    /(?<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:(?<m>\d{1,2})\s*月(?:份)?\s*(?:(?<d>\d{1,2})\s*[日号號])?|(?<end>年底|年末|底|末))?/uy,
    (m) => {
      const y = parseChineseNumber(m.groups!.y!)!;
      const month = m.groups!.m ? Number(m.groups!.m) : m.groups!.end ? 12 : undefined;
      const day = m.groups!.d ? Number(m.groups!.d) : undefined;
      return isRealDate(y, month, day) ? { kind: 'date', date: isoDate(y, month, day), qualifier: 'exact' } : undefined;
    },
  ],
  // 2023-2024年: the span's first year
  [/(?<y>\d{4})\s*[-–—至到]\s*(?<y2>\d{4})\s*年/uy, (m) => ({ kind: 'date', date: isoDate(Number(m.groups!.y)), qualifier: 'exact' })],
  // 2025-02-25
  [
    /(?<![\d-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d-])/uy,
    (m) => {
      const [y, mo, d] = [m.groups!.y, m.groups!.m, m.groups!.d].map(Number) as [number, number, number];
      return isRealDate(y, mo, d) ? { kind: 'date', date: isoDate(y, mo, d), qualifier: 'exact' } : undefined;
    },
  ],
  // 5月31日: the year comes from the caller, when it knows it
  [
    /(?<!\d)(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号號]/uy,
    (m, options) => {
      const [mo, d] = [Number(m.groups!.m), Number(m.groups!.d)];
      if (options.year === undefined) return isRealDate(2000, mo, d) ? { kind: 'date', qualifier: 'exact' } : undefined;
      return isRealDate(options.year, mo, d) ? { kind: 'date', date: isoDate(options.year, mo, d), qualifier: 'exact', yearInferred: true } : undefined;
    },
  ],
  // 88%, 超過75%, 50多%, -5%
  [
    new RegExp(`(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?${MINUS}(?<num>${NUM})(?<more>多|餘|余)?\\s*[%％](?<post>以上|以下|左右)?`, 'uy'),
    (m) => percentage(m, '%'),
  ],
  // 百分之八十八, 百分之五十五点五, 负百分之五
  [
    new RegExp(`(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?${MINUS}百分之(?<num>${NUM})(?<more>多|餘|余)?(?<post>以上|以下|左右)?`, 'uy'),
    (m) => percentage(m, '百分之'),
  ],
  // 超過三成, 两成, 七成半, 六成多, 八成以上: tenths; the lookahead keeps out words such as 一成不變 and 三成立
  [
    new RegExp(
      `(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?(?<num>[一二两兩三四五六七八九十]|\\d(?:\\.\\d)?)成(?<half>半)?(?<more>多)?(?<post>以上|以下|左右)?(?![立為为功員员本果就熟長长績绩交品都年不份分])`,
      'uy',
    ),
    (m) => {
      const g = m.groups!;
      const tenths = parseChineseNumber(g.num!);
      if (tenths === undefined || tenths > 10) return undefined;
      const hedged = hedgedAmount(tenths + (g.half ? 0.5 : 0), g);
      return {
        kind: 'percentage',
        amount: clean(hedged.amount! * 10),
        ...(hedged.under !== undefined ? { under: clean(hedged.under * 10) } : {}),
        unit: 'percent',
        unitText: '成',
        qualifier: hedged.qualifier,
      };
    },
  ],
  // 约1/3, 近1/5: a slash fraction only behind a hedge or 占, or it could be a date (1/3)
  [
    new RegExp(`(?<pre>${HEDGE_BEFORE_PATTERN}|占|佔)(?<num>\\d{1,3})\\s?/\\s?(?<den>\\d{1,3})(?![\\d/])`, 'uy'),
    (m) => {
      const num = Number(m.groups!.num);
      const den = Number(m.groups!.den);
      if (!den || num > den) return undefined;
      return { kind: 'quantity', amount: clean(num / den), unit: 'ratio', unitText: '/', qualifier: hedgeBefore(m.groups!.pre) ?? 'exact' };
    },
  ],
  // 十分之一
  [
    new RegExp(`(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?(?<den>${NUM})分之(?<num>${NUM})`, 'uy'),
    (m) => {
      const den = parseChineseNumber(m.groups!.den!);
      const num = parseChineseNumber(m.groups!.num!);
      if (!den || num === undefined) return undefined;
      return { kind: 'quantity', amount: clean(num / den), unit: 'ratio', unitText: '分之', qualifier: hedgeBefore(m.groups!.pre) ?? 'exact' };
    },
  ],
  // 排名第32位, 全國第一: a rank needs its context or 位/名, or it is just an ordinal (第一次)
  [
    new RegExp(`(?<ctx>排名|排行|位居|位列|名列|位於|位于|全國|全国|全球|全世界|世界|全港|全市|全省|居)?第(?<num>${NUM})(?<w>位|名)?`, 'uy'),
    (m) => {
      if (!m.groups!.ctx && !m.groups!.w) return undefined;
      const amount = parseChineseNumber(m.groups!.num!);
      return amount === undefined ? undefined : { kind: 'rank', amount, unit: 'rank', qualifier: 'exact' };
    },
  ],
  // 排名前100
  [
    new RegExp(`(?:排名|排行|位列|位居|躋身|跻身|名列)前(?<num>${NUM})(?:位|名|強|强)?`, 'uy'),
    (m) => {
      const amount = parseChineseNumber(m.groups!.num!);
      return amount === undefined ? undefined : { kind: 'rank', amount, unit: 'rank', qualifier: 'up-to' };
    },
  ],
  // 超14萬件, 800多家, 約10至15人, 10亿美元以上, 1000Pops, 上百家, 1000億元人民幣
  [
    new RegExp(
      `(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?${MINUS}(?<![A-Za-z0-9.^])(?<num>${NUM})(?:\\s*(?:至|到|-|－|~|～)\\s*(?<num2>${NUM}))?${INNER_HEDGE}\\s?(?<unit>${UNIT_PATTERN})?(?<cur>(?<=元)(?:人民幣|人民币|港幣|港币))?(?<post>以上|以下|以內|以内|左右|上下|級|级)?`,
      'uy',
    ),
    (m) => quantity(m),
  ],
  // 港幣10億元, 人民幣1000億元: the currency before the number names it
  [
    new RegExp(
      `(?:(?<pre>${HEDGE_BEFORE_PATTERN}))?(?<cur>${CURRENCY_WORD})(?<pre2>${HEDGE_BEFORE_PATTERN})?(?<num>${NUM})${INNER_HEDGE}(?<yuan>元|圓)?(?<post>以上|以下|以內|以内|左右|上下)?`,
      'uy',
    ),
    (m) => {
      const g = m.groups!;
      const numeral = parseChineseNumber(g.num!);
      // Without a magnitude or 元 the currency is another word's (美元兌7.8港元).
      if (numeral === undefined || (!g.yuan && !g.mag && !/[万萬亿億兆]/u.test(g.num!))) return undefined;
      return { kind: 'quantity', ...hedgedAmount(numeral, g), unit: CURRENCY[g.cur!]!, unitText: g.cur! };
    },
  ],
  // HK$1 billion, US$8 billion, RMB 100 billion, 88 per cent, more than 800 companies,
  // three thousand trillion operations a second, a hundred or more AI companies
  [
    new RegExp(
      `(?<![A-Za-z])(?:(?<pre>${EN_HEDGE_PATTERN})\\s+)?(?:(?<cur>HK\\$|US\\$|RMB|CNY|HKD|USD|EUR|GBP|€|£|\\$)\\s?|(?<![A-Za-z0-9.,^])(?<!(?:top|no\\.|number|#)\\s?))(?<num>${EN_NUMERAL}|${EN_WORDS})` +
        `(?:\\s*(?:-|–|to)\\s*(?:HK\\$|US\\$|\\$)?(?<num2>${EN_NUMERAL}|${EN_WORDS}))?` +
        `(?<scale>${EN_SCALE_PATTERN}|(?<=\\$[\\d.,]+)[mk](?![A-Za-z]))?(?<plus>\\+|-plus(?![A-Za-z]))?(?<post1>${EN_HEDGE_AFTER})?` +
        `(?:\\s*(?<pct>%|per\\s?cent(?![A-Za-z])|percent(?![A-Za-z]))|\\s*(?<unit>${EN_UNIT_PATTERN})(?![A-Za-z])|(?<gap>(?:\\s+[A-Za-z][\\w'’-]*){0,3}?)\\s+(?<noun>${EN_NOUN_PATTERN})(?![A-Za-z-]))?` +
        `(?<post>${EN_HEDGE_AFTER})?`,
      'uyi',
    ),
    (m) => english(m),
  ],
];

function percentage(m: RegExpExecArray, unitText: string): Omit<NumberMatch, 'text' | 'start' | 'end'> | undefined {
  const numeral = parseChineseNumber(m.groups!.num!);
  if (numeral === undefined) return undefined;
  return { kind: 'percentage', ...hedgedAmount(numeral, m.groups!), unit: 'percent', unitText };
}

/** Two neighbouring digits are a rough range: 兩三年 is 2 to 3 years, 八九十年 80 to 90. */
function approximateRange(numeral: string): { amount: number; upTo: number } | undefined {
  const m = /^([一二两兩三四五六七八九])([一二两兩三四五六七八九])([十百千万萬亿億]*)$/u.exec(numeral);
  if (!m || DIGIT[m[2]!]! !== DIGIT[m[1]!]! + 1) return undefined;
  const scale = m[3] ? parseChineseNumber(`一${m[3]}`)! : 1;
  return { amount: clean(DIGIT[m[1]!]! * scale), upTo: clean(DIGIT[m[2]!]! * scale) };
}

function english(m: RegExpExecArray): Omit<NumberMatch, 'text' | 'start' | 'end'> | undefined {
  const g = m.groups!;
  const numeral = g.num!.trim();
  let amount = parseEnglishNumeral(numeral);
  if (amount === undefined) return undefined;
  const power = numeral.includes('^');
  // Only an English mark makes it English; 10億 alone is the Chinese reader's.
  if (!g.pct && !g.unit && !g.noun && !g.cur && !g.scale && !power) return undefined;
  const words = !/^\d/.test(numeral);
  // "One company" is "a company", as 一家 is; and "in 2024 AI companies" is a year.
  if (words && amount === 1 && !g.scale && !g.cur) return undefined;
  if (g.noun && g.gap && /^(?:1[89]|20)\d\d$/.test(numeral)) return undefined;
  let kind: NumberKind = 'quantity';
  let unit: string | undefined;
  let unitText: string | undefined;
  let factor = scaleOf(g.scale);
  if (g.pct) {
    kind = 'percentage';
    unit = 'percent';
    unitText = g.pct;
  } else if (g.unit) {
    const written = g.unit.trim().replace(/\s+/g, ' ');
    const [, name, by] = EN_UNIT.find(([pattern]) => pattern.test(written))!;
    unit = name;
    unitText = written;
    factor *= by;
  } else if (g.noun) {
    unit = EN_NOUN[g.noun.toLowerCase()];
    unitText = g.noun;
  }
  if (g.cur) {
    unit = EN_CURRENCY[g.cur.toLowerCase()] ?? unit;
    unitText = g.cur;
  }
  amount = clean(amount * factor);
  const second = g.num2 === undefined ? undefined : parseEnglishNumeral(g.num2.trim());
  const upTo = second === undefined ? undefined : clean(second * factor);
  const qualifier = strongest([enHedge(g.pre), g.plus ? 'more-than' : undefined, enHedgeAfter(g.post1), enHedgeAfter(g.post)]);
  // "More than 2,300" is just above it, as 超過2300 is; "a hundred or more" says no more than 上百 does.
  const bound = (qualifier === 'more-than' || qualifier === 'at-least') && amount > 0 && !/^an?\b/i.test(numeral);
  const under = bound ? justAbove(amount) : undefined;
  return {
    kind,
    amount,
    ...(upTo !== undefined ? { upTo } : {}),
    ...(under !== undefined ? { under } : {}),
    ...(unit ? { unit } : {}),
    ...(unitText ? { unitText } : {}),
    qualifier,
  };
}

function quantity(m: RegExpExecArray): Omit<NumberMatch, 'text' | 'start' | 'end'> | undefined {
  const g = m.groups!;
  const numeral = g.num!;
  const rough = approximateRange(numeral);
  const value = rough?.amount ?? parseChineseNumber(numeral);
  if (value === undefined) return undefined;
  // Digits read one by one (二〇二五, 一二三四) are a year or a code, not a count.
  if (!rough && /^[〇零一二两兩三四五六七八九]{2,}$/u.test(numeral)) return undefined;
  const hasMagnitude = /[万萬亿億兆]/u.test(numeral) || g.mag !== undefined;
  const chineseOnly = !/\d/.test(numeral);
  // Without a unit or a magnitude a number is too often not a quantity (版本2, 一些).
  if (!g.unit && !hasMagnitude) return undefined;
  // 一家, 一個: "a", not a count.
  if (chineseOnly && value === 1 && !hasMagnitude && !rough && !g.more) return undefined;
  // A four-digit number of years is a date (2019年), read by the date pattern.
  if (g.unit === '年' && /^(?:\d{4}|[〇零一二三四五六七八九]{4})$/u.test(numeral)) return undefined;
  const hedged = hedgedAmount(value, g, rough ? 'approx' : undefined);
  let factor = 1;
  let unit: string | undefined;
  if (g.unit && g.unit in LATIN_UNIT) {
    const [name, by] = LATIN_UNIT[g.unit]!;
    unit = name;
    factor = by;
  } else if (g.unit) {
    unit = CURRENCY[g.cur ?? g.unit] ?? MEASURE[g.unit];
  }
  const scale = (g.mag ? (readInteger(`一${g.mag}`) ?? 1) : 1) * factor;
  const second = rough?.upTo ?? (g.num2 === undefined ? undefined : parseChineseNumber(g.num2));
  const upTo = second === undefined ? undefined : clean(second * scale);
  const unitText = g.unit ? `${g.unit}${g.cur ?? ''}` : undefined;
  return {
    kind: 'quantity',
    amount: clean(hedged.amount! * factor),
    ...(upTo !== undefined ? { upTo } : {}),
    ...(hedged.under !== undefined ? { under: clean(hedged.under * factor) } : {}),
    ...(unit ? { unit, unitText } : {}),
    qualifier: hedged.qualifier,
  };
}

/**
 * Full-width digits (and ．％＄) count as their ASCII forms, and so does a
 * full-width comma between full-width digits that groups thousands (１，５００);
 * elsewhere ， is the sentence's comma. The swap keeps every offset.
 */
function halfWidthDigits(text: string): string {
  return text.replace(/(?<=[０-９])，(?=[０-９]{3}(?![０-９]))/gu, ',').replace(/[０-９．％＄]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// Every reader's match starts with one of these: a digit or numeral, the
// first character of a hedge, a rank's context or a currency, a currency
// sign, or a Latin letter that starts a word. Elsewhere no reader is tried,
// which spares most characters of prose fourteen regular expressions each.
const HEDGE_FIRSTS = [HEDGE_BEFORE_PATTERN, CURRENCY_WORD, '占|佔', '排名|排行|位居|位列|名列|位於|位于|全國|全国|全球|全世界|世界|全港|全市|全省|居|第|躋|跻']
  .join('|')
  .replace(/\(\?=[^)]*\)/g, '')
  .split('|')
  .map((w) => w.replace(/[()?:]/g, '')[0])
  .filter((c): c is string => c !== undefined);
const CAN_START = new RegExp(`[\\d$€£\\-−－负負${[...new Set([...CN_CHARS, ...HEDGE_FIRSTS])].join('')}]|(?<![A-Za-z])[A-Za-z]`, 'gu');

const NUMERAL_RUN = new RegExp(`(?:[\\d点點${CN_CHARS}]|,(?=\\d{3}(?!\\d))|\\.(?=\\d))+`, 'uy');
const EN_WORD_RUN = new RegExp(`(?:${EN_WORD})(?:[\\s-]+(?:and\\s+)?(?:${EN_WORD}))*(?![A-Za-z])`, 'iy');

/**
 * Where to look next when no reader took the text at `i`. Every reader tried
 * there already read as far into a run of numerals (or English number words)
 * as it could, so a number cannot start later inside the run: skipping it
 * keeps the whole scan linear on a storm of numerals (九十九十…).
 */
function afterFailedRun(text: string, i: number): number {
  for (const run of [NUMERAL_RUN, EN_WORD_RUN]) {
    run.lastIndex = i;
    if (run.test(text)) return Math.max(run.lastIndex, i + 1);
  }
  return i + 1;
}

/** Every number in a text, left to right, none overlapping. */
export function readNumbers(text: string, options: ReadNumbersOptions = {}): NumberMatch[] {
  const searchable = halfWidthDigits(text);
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < searchable.length) {
    CAN_START.lastIndex = i;
    const next = CAN_START.exec(searchable);
    if (!next) break;
    i = next.index;
    let best: NumberMatch | undefined;
    for (const [pattern, read] of READERS) {
      pattern.lastIndex = i;
      const m = pattern.exec(searchable);
      if (!m || m[0].length === 0) continue;
      const value = read(m, options);
      if (!value) continue;
      const end = i + m[0].trimEnd().length;
      if (!best || end > best.end) best = { text: text.slice(i, end), start: i, end, ...value };
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else {
      i = afterFailedRun(searchable, i);
    }
  }
  markConversions(text, out);
  return out;
}

const ISO_CURRENCY = /^[A-Z]{3}$/;

/**
 * An amount in another currency in brackets right after an amount is the
 * writer's conversion (620亿港元（80亿美元）, HK$62 billion (US$8 billion)),
 * made at some rate and rounded: approximate, though written bare.
 */
function markConversions(text: string, found: NumberMatch[]): void {
  for (let k = 1; k < found.length; k++) {
    const before = found[k - 1]!;
    const inside = found[k]!;
    if (inside.qualifier !== 'exact' || !ISO_CURRENCY.test(inside.unit ?? '') || !ISO_CURRENCY.test(before.unit ?? '') || inside.unit === before.unit) continue;
    if (/^\s*[（(]\s*$/.test(text.slice(before.end, inside.start))) inside.qualifier = 'approx';
  }
}

/** The first number in a text, such as the value text of a fact (超14萬件). */
export function readNumber(text: string, options?: ReadNumbersOptions): NumberMatch | undefined {
  return readNumbers(text, options)[0];
}
