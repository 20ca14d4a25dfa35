import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, createFactIndex, type FactIndex, LineIndex } from '@factcite/core';
import { loadCorpusDir } from '@factcite/core/node';

const repoRoot = path.resolve(__dirname, '../../..');
export const corpusDir = path.join(repoRoot, 'corpus');

let cached: { corpus: Corpus; index: FactIndex } | undefined;

/** The real corpus, loaded once per test file. */
export function realCorpus(): { corpus: Corpus; index: FactIndex } {
  if (!cached) {
    const { corpus } = loadCorpusDir(corpusDir);
    cached = { corpus, index: createFactIndex(corpus) };
  }
  return cached;
}

export function realIndex(): FactIndex {
  return realCorpus().index;
}

/** The sample report shipped in examples/. */
export function exampleReport(): string {
  return readFileSync(path.join(repoRoot, 'examples/report.md'), 'utf8');
}

/** The numbers sample: real facts restated in every form (`right`), and the same with numbers changed (`wrong`). */
export function numbersReports(): { right: string; wrong: string; changedLines: number[] } {
  const right = readFileSync(path.join(repoRoot, 'examples/numbers-report.md'), 'utf8');
  const wrong = readFileSync(path.join(repoRoot, 'examples/numbers-report-wrong.md'), 'utf8');
  const rightLines = right.split('\n');
  const changedLines = wrong
    .split('\n')
    .map((line, i) => (line !== rightLines[i] && line.includes('@fact:') ? i : -1))
    .filter((i) => i >= 0);
  return { right, wrong, changedLines };
}

export function readCorpusFile(relative: string): string {
  return readFileSync(path.join(corpusDir, relative), 'utf8');
}

/** Offset of the n-th occurrence (0-based) of `needle` in `text`; fails the test when absent. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return at;
}

/** The text an LSP range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(range.start), lines.offset(range.end));
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Parameters<typeof textAt>[1]; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
