import { parse } from 'yaml';

/** What a report's YAML front matter says about the page, as Pandoc reads its title block. */
export interface FrontMatter {
  /** Offset of the first character after the block (its closing line included). */
  end: number;
  title?: string;
  subtitle?: string;
  authors: string[];
  date?: string;
}

// Opening `---` on the first line, closing `---` or `...` on a line of its own, as Pandoc reads it.
const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/;

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((a) => scalar(a) ?? (a && typeof a === 'object' ? scalar((a as Record<string, unknown>).name) : undefined))
    .filter((a): a is string => a !== undefined);
}

/**
 * The YAML metadata block a report opens with (title, subtitle, author,
 * date), or undefined when it has none. A block that is not a YAML mapping is
 * not metadata (Pandoc reads `---` then as a rule), so it stays prose.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const match = BLOCK.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const meta = data as Record<string, unknown>;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return {
    end: bom + match[0].length,
    ...(scalar(meta.title) ? { title: scalar(meta.title) } : {}),
    ...(scalar(meta.subtitle) ? { subtitle: scalar(meta.subtitle) } : {}),
    authors: names(meta.author),
    ...(scalar(meta.date) ? { date: scalar(meta.date) } : {}),
  };
}
