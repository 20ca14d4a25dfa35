import { expectText } from '../errors.js';

/** Splits a source file into its raw front matter text and its body. */
export function splitSourceFile(text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  expectText(text, 'splitSourceFile', 'text');
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?\n)?---\n\n?/.exec(normalised);
  if (!match) return undefined;
  const bodyLine = match[0].split('\n').length;
  return { frontMatter: match[1] ?? '', body: normalised.slice(match[0].length), bodyLine };
}
