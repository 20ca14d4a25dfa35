import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCitations, parseCorpus } from '../src/index.js';

// Property tests run with a fixed seed and a fixed number of runs in CI, so a
// failure reproduces. FACTCITE_FC_RUNS=20000 (or any number) runs a larger
// search on demand; FACTCITE_FC_SEED picks another seed.
const runs = Number(process.env.FACTCITE_FC_RUNS ?? 300);
const seed = Number(process.env.FACTCITE_FC_SEED ?? 20251123);
const params = { numRuns: runs, seed };
// Larger on-demand runs take longer; give them room instead of a timeout.
const timeout = Math.max(10_000, runs * 10);

// Pieces Markdown with citations is made of, including the awkward ones.
const piece = fc.constantFrom(
  '[', ']', '@', '-@', 'fact:', '@fact:', '[@fact:', ';', '; ', ' ', '\n', '\r\n', '\n\n', '`', '``', '```', '~~~',
  '<!--', '-->', '\\', '.', ',', 'p. 3', 'see', 'a@fact:x', 'hk-ai', '-', 'gai-v1', '数码港', '數碼港', '𠀋', '🙂',
  '(', ')', '*', '_', '|', '#', '>', 'Ab_C', '0', 'x',
);
const markdown = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const id = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'));

describe('parseCitations properties', () => {
  it('never throws, and every range slices back to the text it names', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const { citations, malformed } = parseCitations(text);
        for (const c of citations) {
          expect(text.slice(c.idStart, c.idEnd)).toBe(c.id);
          expect(text.slice(c.start, c.end)).toBe(`${c.suppressAuthor ? '-' : ''}@fact:${c.id}`);
          expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          if (c.group) {
            expect(c.group.start).toBeLessThanOrEqual(c.start);
            expect(c.group.end).toBeGreaterThanOrEqual(c.end);
            expect(text[c.group.start]).toBe('[');
            expect(text[c.group.end - 1]).toBe(']');
          }
        }
        for (const m of malformed) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
        }
      }),
      params,
    );
  }, timeout);

  it('finds a well-formed citation placed in any prose that leaves it alone', () => {
    const prose = fc.array(fc.constantFrom('香港', ' ', 'AI', '，', '。', 'and', '\n', '数码港'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(prose, id, prose, (before, factId, after) => {
        const text = `${before} [@fact:${factId}] ${after}`;
        const { citations, malformed } = parseCitations(text);
        expect(malformed).toEqual([]);
        expect(citations.map((c) => c.id)).toEqual([factId]);
        expect(text.slice(citations[0]!.idStart, citations[0]!.idEnd)).toBe(factId);
      }),
      params,
    );
  }, timeout);
});

describe('parseCorpus properties', () => {
  it('never throws on any YAML value in any corpus file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (facts, entities, frontMatter) => {
        const result = parseCorpus({
          facts: [{ path: 'facts/x.yaml', text: stringify(facts) }],
          entities: { path: 'entities.yaml', text: stringify(entities) },
          sources: [{ path: 'sources/x.md', text: `---\n${stringify(frontMatter)}---\n\nbody\n` }],
        });
        for (const problem of [...result.errors, ...result.warnings]) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message).toBeTruthy();
        }
      }),
      params,
    );
  }, timeout);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseCorpus({ facts: [{ path: 'facts/x.yaml', text }], sources: [{ path: 'sources/x.md', text }] });
      }),
      params,
    );
  }, timeout);
});
