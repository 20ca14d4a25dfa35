/**
 * The few parts of Pandoc's JSON AST that factcite reads. Only what is needed
 * is typed; every other node passes through untouched, so the filter works
 * with the AST of Pandoc 2.x and 3.x alike.
 */

/** Any AST element: `{ t: "Str", c: "text" }`, `{ t: "Space" }`, … */
export interface PandocNode {
  t: string;
  c?: unknown;
}

/** A whole document as `pandoc -t json` writes it. */
export interface PandocDocument {
  'pandoc-api-version': number[];
  meta: Record<string, PandocNode>;
  blocks: PandocNode[];
}

/** One citation inside a `Cite` element. */
export interface PandocCitation {
  citationId: string;
  citationPrefix: PandocNode[];
  citationSuffix: PandocNode[];
  citationMode: PandocNode;
  citationNoteNum: number;
  citationHash: number;
}

function isNode(value: unknown): value is PandocNode {
  return typeof value === 'object' && value !== null && typeof (value as PandocNode).t === 'string';
}

/** True when a parsed JSON value looks like a Pandoc document. */
export function isPandocDocument(value: unknown): value is PandocDocument {
  const doc = value as PandocDocument;
  return typeof doc === 'object' && doc !== null && Array.isArray(doc['pandoc-api-version']) && Array.isArray(doc.blocks) && typeof doc.meta === 'object';
}

const WRAPPERS = new Set(['Emph', 'Strong', 'Underline', 'Strikeout', 'Superscript', 'Subscript', 'SmallCaps']);

/**
 * The text of inlines as the writer typed it: a `Cite` gives back its
 * original `[@fact:…]` text, code stays in backticks (so a citation inside is
 * still not read as one), and footnotes are left out and handed to `notes`.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
function inlineText(inlines: readonly unknown[], notes?: PandocNode[][]): string {
  let out = '';
  const stack: unknown[] = [...inlines].reverse();
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    if (!isNode(item)) continue;
    const c = item.c as never;
    const push = (...parts: unknown[]) => {
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
    };
    switch (item.t) {
      case 'Str':
        out += c;
        break;
      case 'Space':
      case 'SoftBreak':
        out += ' ';
        break;
      case 'LineBreak':
        out += '\n';
        break;
      case 'Code':
        out += `\`${(c as [unknown, string])[1]}\``;
        break;
      case 'Math':
        out += `$${(c as [unknown, string])[1]}$`;
        break;
      case 'Quoted': {
        const [kind, inner] = c as [PandocNode, unknown[]];
        const [open, close] = kind.t === 'SingleQuote' ? ['‘', '’'] : ['“', '”'];
        push(open, ...inner, close);
        break;
      }
      case 'Cite':
        push(...(c as [unknown, unknown[]])[1]);
        break;
      case 'Link':
      case 'Image':
        push(...(c as [unknown, unknown[]])[1]);
        break;
      case 'Span':
        push(...(c as [unknown, unknown[]])[1]);
        break;
      case 'Note':
        notes?.push(c as PandocNode[]);
        break;
      default:
        if (WRAPPERS.has(item.t)) push(...(c as unknown[]));
    }
  }
  return out;
}

/** A paragraph as a Word user counts them: every paragraph, heading, list item line and table cell paragraph. */
export interface DocumentParagraph {
  /** 1-based, in reading order; footnote paragraphs carry the number of the paragraph holding the note. */
  paragraph: number;
  /** 1-based footnote number when the text is inside a footnote. */
  footnote?: number;
  /** The nearest heading above, to find the place by the document's outline. */
  heading?: string;
  text: string;
}

const TEXT_BLOCKS = new Set(['Para', 'Plain', 'Header', 'LineBlock', 'CodeBlock']);

/**
 * Every paragraph of a document with its text, in reading order. Blocks it
 * does not know (tables, figures, divs, lists) are searched for paragraphs
 * inside, so tables and Pandoc 3's figures are covered without a case each.
 */
export function documentParagraphs(doc: PandocDocument, options: { titleInMeta?: boolean } = {}): DocumentParagraph[] {
  const out: DocumentParagraph[] = [];
  let paragraph = options.titleInMeta ? metaParagraphs(doc) : 0;
  let footnote = 0;
  let heading: string | undefined;
  const visitBlocks = (blocks: readonly unknown[], inNote: number | undefined) => {
    const stack: unknown[] = [...blocks].reverse();
    while (stack.length) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
        continue;
      }
      if (!isNode(item)) continue;
      if (!TEXT_BLOCKS.has(item.t)) {
        if (Array.isArray(item.c)) stack.push(item.c);
        continue;
      }
      const notes: PandocNode[][] = [];
      let text: string;
      switch (item.t) {
        case 'Header':
          text = inlineText((item.c as [number, unknown, unknown[]])[2], notes);
          break;
        case 'LineBlock':
          text = (item.c as unknown[][]).map((line) => inlineText(line, notes)).join('\n');
          break;
        case 'CodeBlock':
          text = '';
          break;
        default:
          text = inlineText(item.c as unknown[], notes);
      }
      if (inNote === undefined) paragraph++;
      if (item.t === 'Header') heading = text;
      if (text.trim()) {
        out.push({
          paragraph,
          ...(inNote !== undefined ? { footnote: inNote } : {}),
          ...(heading !== undefined && item.t !== 'Header' ? { heading } : {}),
          text,
        });
      }
      for (const note of notes) visitBlocks(note, ++footnote);
    }
  };
  visitBlocks(doc.blocks, undefined);
  return out;
}

/**
 * How many paragraphs Pandoc's Word reader took out of the body into the
 * metadata (the Title, Subtitle, Author, Date and Abstract styles), all of
 * which a Word user sees above the first body paragraph.
 */
function metaParagraphs(doc: PandocDocument): number {
  let n = 0;
  for (const key of ['title', 'subtitle', 'author', 'date', 'abstract']) {
    const value = doc.meta[key];
    if (!value) continue;
    n += value.t === 'MetaList' || value.t === 'MetaBlocks' ? (value.c as unknown[]).length : 1;
  }
  return n;
}

/**
 * Replaces every `Cite` element in the blocks by what `replace` returns
 * (the same node to keep it). Walks the whole tree without recursion.
 */
export function replaceCites(blocks: PandocNode[], replace: (cite: PandocNode) => PandocNode): void {
  const stack: unknown[] = [blocks];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child = item[i];
        if (isNode(child) && child.t === 'Cite') {
          item[i] = replace(child);
          // Citations can hold citations in their prefix or suffix notes.
          stack.push((child.c as unknown[])[1]);
        } else stack.push(child);
      }
    } else if (isNode(item) && item.c !== undefined && typeof item.c === 'object') {
      stack.push(item.c);
    } else if (typeof item === 'object' && item !== null && !isNode(item)) {
      // Citation records: their prefixes and suffixes are inline lists.
      for (const value of Object.values(item)) if (typeof value === 'object') stack.push(value);
    }
  }
}

/** Pandoc metadata from plain JSON: strings, numbers and booleans become MetaString/MetaBool, arrays MetaList, objects MetaMap. */
export function toMeta(value: unknown): PandocNode {
  if (Array.isArray(value)) return { t: 'MetaList', c: value.map(toMeta) };
  if (typeof value === 'boolean') return { t: 'MetaBool', c: value };
  if (typeof value === 'object' && value !== null) {
    return { t: 'MetaMap', c: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMeta(v)])) };
  }
  return { t: 'MetaString', c: String(value) };
}

/** Plain JSON from Pandoc metadata: the inverse of {@link toMeta}, with inlines and blocks read as their text. */
export function fromMeta(node: PandocNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.t) {
    case 'MetaList':
      return (node.c as PandocNode[]).map(fromMeta);
    case 'MetaMap':
      return Object.fromEntries(Object.entries(node.c as Record<string, PandocNode>).map(([k, v]) => [k, fromMeta(v)]));
    case 'MetaBool':
      return node.c as boolean;
    case 'MetaString':
      return node.c as string;
    case 'MetaInlines':
      return inlineText(node.c as unknown[]);
    case 'MetaBlocks':
      return (node.c as PandocNode[]).map((b) => inlineText(Array.isArray(b.c) ? (b.c as unknown[]) : [])).join('\n');
    default:
      return undefined;
  }
}
