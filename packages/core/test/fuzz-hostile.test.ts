import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCitations, createFactIndex, FactciteError, parseCorpus, printable, printableLines } from '../src/index.js';
import { cleanArticle } from '../src/ingest-entry.js';
import { resolveInside } from '../src/node.js';

// A fuzzing run with a time budget: each property runs until it has tried
// FACTCITE_FUZZ_RUNS inputs or spent FACTCITE_FUZZ_MS, whichever comes first,
// from FACTCITE_FUZZ_SEED (a fixed seed by default, so CI is reproducible;
// fast-check prints the seed and the shrunk input of any failure).
const seed = Number(process.env.FACTCITE_FUZZ_SEED ?? 20261201);
const budgetMs = Number(process.env.FACTCITE_FUZZ_MS ?? 4_000);
const params = { seed, numRuns: Number(process.env.FACTCITE_FUZZ_RUNS ?? 100_000), interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false };
const timeout = budgetMs * 4 + 30_000;

// Pieces hostile input is made of: terminal escapes, bidi controls, YAML
// aliases, anchors, tags and merge keys, brackets and backslashes, path
// climbs, numerals, and the Chinese punctuation an IME types.
const hostilePiece = fc.constantFrom(
  '\u001b]0;PWNED\u0007',
  '\u001b[2J',
  '\u202e',
  '\u2066',
  '\u0085',
  '\u0000',
  '\r',
  '\\e',
  '\\u202e',
  '\\x1b',
  '*a',
  '&a ',
  '!!js/function ',
  '!foo ',
  '<<: ',
  '? ',
  '- ',
  ': ',
  '"',
  "'",
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  '【',
  '】',
  '：',
  '[@fact:',
  '@fact:',
  '\\',
  '\\\\',
  '../',
  '/etc/passwd',
  '\n',
  '\n\n',
  '  ',
  '\t',
  '---\n',
  '#',
  '九十',
  '六百多亿',
  '七成半',
  '1.2萬億',
  'HK$1 billion',
  'id',
  'statement',
  'zh-Hans',
  'citations',
  'source',
  'quote',
  '__proto__',
  'constructor',
  '香港',
  '𠀋',
  'x',
);
const hostileText = fc.array(hostilePiece, { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 200 }));

/** Every message a person reads must be printable: no raw controls or bidi characters. */
function expectPrintable(message: string): void {
  expect(printable(message) === message || printableLines(message) === message).toBe(true);
}

/** What an SDK entry point may throw on bad input: one of ours, never a TypeError from deep inside. */
function expectOwnError(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FactciteError);
  }
}

/** Every string in a value, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      strings(item, out);
    }
  }
  return out;
}

/** The corpus rule, restated: C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
function hasForbidden(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe(`fuzzing hostile input (seed ${seed}, ${budgetMs} ms a property)`, () => {
  const index = createFactIndex({ facts: [], sources: [], entities: [] });

  it(
    'parseCorpus never throws, locates every problem, and a record it accepts holds no control character',
    () => {
      fc.assert(
        fc.property(anyText, anyText, (factsText, sourceText) => {
          const result = parseCorpus({ facts: [{ path: 'facts/f.yaml', text: factsText }], sources: [{ path: 'sources/s.md', text: sourceText }] });
          for (const problem of [...result.errors, ...result.warnings]) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.column).toBeGreaterThanOrEqual(1);
            expectPrintable(problem.message);
          }
          for (const text of strings([result.corpus.facts, result.corpus.sources])) expect(hasForbidden(text), JSON.stringify(text)).toBe(false);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'the SDK entry points take any value and fail only with their own errors',
    () => {
      const anyValue = fc.oneof(anyText, fc.anything());
      fc.assert(
        fc.property(anyValue, anyValue, (a, b) => {
          expectOwnError(() => index.search(a as string, b as { limit?: number }));
          expectOwnError(() => index.suggest(a as string));
          expectOwnError(() => [...index.withIdPrefix(a as string)]);
          expectOwnError(() => checkCitations(a as string, index));
          expectOwnError(() => cleanArticle(a as string));
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'resolveInside returns a path inside its root or refuses',
    () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'factcite-fuzz-'));
      temporary.push(root);
      fc.assert(
        fc.property(anyText, (relative) => {
          let resolved: string;
          try {
            resolved = resolveInside(root, relative, 'path');
          } catch (error) {
            expect((error as FactciteError).code).toBe('unsafe-path');
            expectPrintable((error as Error).message);
            return;
          }
          const inside = path.relative(root, resolved);
          expect(inside.startsWith('..') || path.isAbsolute(inside)).toBe(false);
        }),
        params,
      );
    },
    timeout,
  );
});
