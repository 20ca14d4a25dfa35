/**
 * Turns a raw web or print capture of a news article into a clean body of
 * paragraphs. Every rule here is generic (it names a kind of noise, not a
 * particular article) so that a new capture from the same kinds of sites is
 * cleaned the same way, and the output is reproducible byte for byte.
 */
import { expectText } from '../errors.js';

/** Metadata the cleaner could read off the capture itself; a maintainer completes it. */
export interface IngestedMeta {
  title?: string;
  published?: string;
  authors?: string[];
  url?: string;
  script: 'Hans' | 'Hant';
}

export interface IngestResult {
  /** Cleaned body: paragraphs separated by one blank line, ending in a newline. */
  body: string;
  meta: IngestedMeta;
  /** Spans that look garbled (mojibake); they are kept as they are and should be listed as `defects`. */
  suspectedDefects: string[];
}

// An inline pinyin reading such as the (shù) of 數(shù). Readings are lowercase
// with tone marks; uppercase acronyms like (HKGAI) never match. Only a reading
// right after a Han character is removed (checked in removePinyin: a
// lookbehind with \p{} costs V8 more than linear time on long texts).
const PINYIN_READING = /\([a-zàáǎāèéěēìíǐīòóǒōùúǔūüǖǘǚǜńňǹḿ]{1,7}\)/g;
const HAN = /^\p{Script=Han}$/u;

/** Removes the pinyin readings that follow a Han character. */
function removePinyin(text: string): string {
  return text.replace(PINYIN_READING, (reading, offset: number) => {
    const before = text.codePointAt(offset - 1);
    // The character before may be the second half of a surrogate pair (a Han character outside the BMP).
    const previous = before !== undefined && before >= 0xdc00 && before <= 0xdfff && offset >= 2 ? String.fromCodePoint(text.codePointAt(offset - 2)!) : String.fromCharCode(before ?? 0);
    return offset > 0 && HAN.test(previous) ? '' : reading;
  });
}

// Lines after which a capture holds only site furniture: related-article
// teasers, subscription prompts, spam link lists, print colophons.
const END_MARKERS: RegExp[] = [
  /^阅读原文$/,
  /^閱讀原文$/,
  /^关注我们$/,
  /^關注我們$/,
  /^感谢阅读/,
  /^感謝閱讀/,
  /^报料热线/,
  /^報料熱線/,
];

// Whole lines that are page chrome rather than article text.
const CHROME_LINES: RegExp[] = [
  /^分享好友/, // share bar of a news portal
  /^(发布时间|發佈時間|發布時間)[:：]/,
  /^(更新时间|更新時間)[:：]/,
  /^\*?(题图来源|題圖來源)/,
  /^(原标题|原標題)[:：]/,
  /^[（(](图片来源|圖片來源)[:：].*[)）]$/,
  /^(扫一扫|掃一掃)/, // QR-code prompts
  /^[A-Z]\d{1,2}\s+\S/, // print page header such as "A2 <lead story of the page>"
  /^-{3,}$/, // Markdown rules left between blocks
  /^\d{4}年\d{1,2}月\d{1,2}日\s+\d{1,2}:\d{2}(\s|$)/, // dateline with time, publisher and author
];

// Credit lines: a production role, a separator and a few names.
const CREDIT_LINE =
  /^(本期编辑|本期編輯|责任编辑|責任編輯|美术编辑|美術編輯|编辑|編輯|作者|来源|來源|策划|策劃|监制|監制|记者|記者|剪辑|剪輯|出品|新媒体统筹|新媒體統籌|海外运营[^:：|｜]{0,6}|海外運營[^:：|｜]{0,6})\s*[:：|｜]/;

// Image captions in print layouts start with a pointer glyph.
const CAPTION_LINE = /^[▲►▼◄]/;

const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
const TERMINAL_PUNCTUATION = /[。！？!?」』”"’)）：:；;…]$/;

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

function readFrontMatter(text: string): { rest: string; fields: Record<string, string> } {
  const match = /^---\s*\n([\s\S]*?)\n---\s*\n/.exec(text);
  if (!match) return { rest: text, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line.trim());
    if (kv) fields[kv[1]!] = kv[2]!.replace(/^['"]|['"]$/g, '');
  }
  return { rest: text.slice(match[0].length), fields };
}

function isByline(line: string): boolean {
  // "大公報記者 毛麗娟深圳報道", "南方財經21世紀經濟報道記者 楊雨萊 香港報道": short, no sentence punctuation.
  return line.length <= 40 && /[记記]者/.test(line) && !SENTENCE_PUNCTUATION.test(line);
}

/** Tab, no-break space and ideographic space read as a plain space. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

/** A line with &nbsp; and wide or tab spaces made plain spaces, runs of them made one, and the ends trimmed; one pass. */
function normaliseLine(line: string): string {
  const out: string[] = [];
  let from = 0;
  let pendingSpace = false;
  let i = 0;
  while (i < line.length) {
    const entity = line.charCodeAt(i) === 0x26 && line.startsWith('&nbsp;', i);
    if (!entity && !isBlank(line.charCodeAt(i))) {
      i++;
      continue;
    }
    if (i > from) {
      if (pendingSpace && out.length > 0) out.push(' ');
      out.push(line.slice(from, i));
      pendingSpace = false;
    }
    pendingSpace = true;
    i += entity ? 6 : 1;
    from = i;
  }
  if (from < line.length) {
    if (pendingSpace && out.length > 0) out.push(' ');
    out.push(line.slice(from));
  }
  return out.join('').trim();
}

/**
 * Cleans a raw capture. Pure and deterministic: the same input always gives
 * the same body, which is what lets CI prove committed bodies were not edited by hand.
 */
export function cleanArticle(raw: string): IngestResult {
  expectText(raw, 'cleanArticle', 'raw');
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(text);
  text = front.rest;
  text = removePinyin(text);

  const meta: IngestedMeta = { script: detectScript(text) };
  if (front.fields.title) meta.title = front.fields.title;
  if (front.fields.date && /^\d{4}-\d{2}-\d{2}$/.test(front.fields.date)) meta.published = front.fields.date;

  const lines = text.split('\n').map(normaliseLine);
  // A capture without front matter opens with its headline, unless it opens with chrome.
  const firstIndex = lines.findIndex((l) => l !== '');
  const first = lines[firstIndex];
  if (
    !meta.title &&
    first !== undefined &&
    !CHROME_LINES.some((re) => re.test(first)) &&
    !SENTENCE_PUNCTUATION.test(first.replace(/[,:：]/g, ''))
  ) {
    meta.title = first;
    lines[firstIndex] = '';
  }
  const kept: string[] = [];
  let skipCaptionCredit = false;
  for (const line of lines) {
    if (END_MARKERS.some((re) => re.test(line))) break;
    if (line === '') {
      kept.push('');
      continue;
    }
    if (skipCaptionCredit) {
      skipCaptionCredit = false;
      // A photo agency credit on the line after a caption ("新華社").
      if (line.length <= 6 && !SENTENCE_PUNCTUATION.test(line)) continue;
    }
    if (CAPTION_LINE.test(line)) {
      skipCaptionCredit = true;
      continue;
    }
    if (CHROME_LINES.some((re) => re.test(line))) {
      const dated = /(\d{4})[-年](\d{1,2})[-月](\d{1,2})/.exec(line);
      if (dated && !meta.published) {
        meta.published = `${dated[1]}-${dated[2]!.padStart(2, '0')}-${dated[3]!.padStart(2, '0')}`;
      }
      continue;
    }
    if (CREDIT_LINE.test(line)) {
      const url = /\]\((https?:[^)\s]+)\)/.exec(line);
      if (url && !meta.url) meta.url = url[1]!;
      if (/^(作者|记者|記者)/.test(line)) {
        const names = line.replace(CREDIT_LINE, '').trim();
        if (names) meta.authors = names.split(/[\s、,，]+/).filter(Boolean);
      }
      continue;
    }
    if (isByline(line)) continue;
    kept.push(line);
  }

  // Paragraphs are runs of non-empty lines; print layouts break a sentence
  // across columns, so a paragraph that stops mid-sentence joins the next.
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    // Lines inside one block stay lines: they are list items or table rows.
    if (current.length) paragraphs.push(current.join('\n'));
    current = [];
  };
  for (const line of kept) {
    if (line === '') flush();
    else current.push(line);
  }
  flush();

  // What the join rule asks of the paragraph so far is kept up to date as
  // parts join it, so a long run of broken sentences is not rescanned per join.
  interface Joined {
    parts: string[];
    length: number;
    hasPunctuation: boolean;
    hasFullStop: boolean;
    endsTerminal: boolean;
  }
  const runs: Joined[] = [];
  for (const para of paragraphs) {
    const prev = runs[runs.length - 1];
    const hasPunctuation = SENTENCE_PUNCTUATION.test(para);
    const hasFullStop = /[。！？]/.test(para);
    const endsTerminal = TERMINAL_PUNCTUATION.test(para.slice(-1));
    if (
      prev?.hasPunctuation &&
      // Short unpunctuated cells of a table are not broken sentences.
      (prev.hasFullStop || prev.length >= 40) &&
      !prev.endsTerminal &&
      !/^[-*●•#]/.test(para) &&
      /^\p{Script=Han}/u.test(para)
    ) {
      prev.parts.push(para);
      prev.length += para.length;
      prev.hasPunctuation ||= hasPunctuation;
      prev.hasFullStop ||= hasFullStop;
      prev.endsTerminal = endsTerminal;
    } else {
      runs.push({ parts: [para], length: para.length, hasPunctuation, hasFullStop, endsTerminal });
    }
  }
  const joined = runs.map((run) => run.parts.join(''));

  if (meta.title && joined[0] === meta.title) joined.shift();

  return { body: `${joined.join('\n\n')}\n`, meta, suspectedDefects: findSuspectedDefects(joined.join('\n')) };
}

/** Mojibake left by a wrong decode: a '?' wedged between CJK characters, as in 們?nèi)杂. */
function findSuspectedDefects(text: string): string[] {
  const found = new Set<string>();
  const re = /[^\s，。,.:：?]{0,4}\?[^\s，。,.:：?]{2,12}/gu;
  for (const m of text.matchAll(re)) {
    const after = m[0].slice(m[0].indexOf('?') + 1);
    if (/^\p{Script=Han}|^[a-zàáǎāèéěēìíǐīòóǒōùúǔūü]+\)/u.test(after)) found.add(m[0]);
  }
  return [...found];
}
