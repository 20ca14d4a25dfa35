/**
 * Markdown for text the corpus contributors wrote (statements, quotes, titles,
 * names). Editors render hover and completion Markdown with command links
 * enabled, so nothing in that text may become a link, an image, HTML or
 * formatting: it must read exactly as written and do nothing.
 */

// Every ASCII punctuation character can be backslash-escaped in CommonMark.
// Escaping all of those that start syntax (links, images, HTML, autolinks,
// entities, emphasis, code, tables, strikethrough, math) leaves none to interpret;
// `:` is included so that no scheme (command:, javascript:, https:) is ever
// read as the start of a link by a renderer's autolinker.
const SPECIAL = /[\\`*_{}[\]()<>#|~!&:$@]/g;
// GFM also links bare www. names and e-mail addresses; the escaped `@` breaks
// the latter, and an escaped dot after "www" the former.
const WWW = /\b(www)\./gi;
// Bidirectional controls can make text display differently from what it is.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Escapes contributor text for one line of Markdown: it renders verbatim and inert. */
export function escapeMarkdown(text: string): string {
  let out = text
    .replace(BIDI_CONTROLS, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(SPECIAL, '\\$&')
    .replace(WWW, '$1\\.');
  // Line-start syntax: list markers, ordered-list numbers, setext underlines.
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

// Unicode punctuation and symbols, as CommonMark counts them for emphasis.
const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\s]/u;

/**
 * Escapes a quote and bolds the first occurrence of `emphasis` in it. The bold
 * span is trimmed of punctuation at its ends (88% → **88**%), because
 * CommonMark does not close `**` between punctuation and a letter, which is
 * how Chinese text usually runs on after a number.
 */
export function escapeWithEmphasis(text: string, emphasis: string | undefined): string {
  const at = emphasis ? text.indexOf(emphasis) : -1;
  if (!emphasis || at < 0) return escapeMarkdown(text);
  let start = at;
  let end = at + emphasis.length;
  const chars = (s: number, e: number) => Array.from(text.slice(s, e));
  while (start < end) {
    const first = chars(start, end)[0]!;
    if (!PUNCTUATION_OR_SPACE.test(first)) break;
    start += first.length;
  }
  while (end > start) {
    const last = chars(start, end).pop()!;
    if (!PUNCTUATION_OR_SPACE.test(last)) break;
    end -= last.length;
  }
  if (start === end) return escapeMarkdown(text);
  // Escape the three parts separately; only the outer two can start a line.
  return `${escapeMarkdown(text.slice(0, start))}**${escapeInline(text.slice(start, end))}**${escapeInline(text.slice(end))}`;
}

/** Like escapeMarkdown, for text that continues a line (no line-start syntax to guard). */
export function escapeInline(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(SPECIAL, '\\$&')
    .replace(WWW, '$1\\.');
}

/** A Markdown link to an http(s) URL, or the escaped text alone when the URL is anything else. */
export function safeLink(label: string, url: string | undefined): string {
  const text = escapeMarkdown(label);
  if (!url) return text;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return text;
  // Percent-encode what could end the destination or open a title.
  const href = parsed.href.replace(/[()<> "']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text}](${href})`;
}

/** A `command:` link; arguments are JSON, URI-encoded, so the link cannot be broken out of. */
export function commandLink(label: string, command: string, args: unknown, tooltip?: string): string {
  const query = encodeURIComponent(JSON.stringify([args])).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(label)}](command:${command}?${query}${title})`;
}

/** An id as inline code; ids are kebab-case, but anything else is shown escaped, not as code. */
export function codeId(id: string): string {
  return /^[a-z0-9-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}
