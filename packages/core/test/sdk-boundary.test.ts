import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type Corpus,
  CorpusValidationError,
  createFactIndex,
  FactciteError,
  InvalidArgumentError,
  LineIndex,
  parseCitations,
  parseCorpus,
  validateCorpus,
} from '../src/index.js';
import { buildRelease, loadCorpusDir, verifyRelease } from '../src/node.js';

// The corpus as a developer would hold it after reading a release's corpus.json.
const { corpus: real } = loadCorpusDir(path.resolve(__dirname, '../../../corpus'));
const copy = (): Corpus => structuredClone(real);
const factAt = (corpus: Corpus, id: string) => corpus.facts.findIndex((f) => f.id === id);

describe('validateCorpus', () => {
  it('accepts the real corpus and keeps every record', () => {
    const result = validateCorpus(copy());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.corpus.facts).toHaveLength(real.facts.length);
    expect(result.corpus.entities).toHaveLength(real.entities.length);
    expect(result.corpus.sources).toHaveLength(real.sources.length);
    expect(result.corpus.version).toBe(real.version);
  });

  it('reports every problem at once, each at its field path', () => {
    const corpus = copy();
    const funding = factAt(corpus, 'hk-ai-rd-institute-funding');
    const hkgai = factAt(corpus, 'hkgai-v1-released');
    const budget = factAt(corpus, 'hk-budget-2025-26-delivered');
    (corpus.facts[funding]!.value as { amount: unknown }).amount = '1000000000';
    corpus.facts[hkgai]!.citations[0]!.quote = `${corpus.facts[hkgai]!.citations[0]!.quote}。`;
    corpus.facts[budget]!.entities = ['no-such-entity'];
    corpus.facts.push(structuredClone(corpus.facts[budget]!));

    const result = validateCorpus(corpus);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath[`facts[${funding}].value.amount`]).toMatchObject({
      code: 'invalid-type',
      message: 'fact "hk-ai-rd-institute-funding": value.amount must be a number',
    });
    expect(byPath[`facts[${hkgai}].citations[0].quote`]?.code).toBe('quote-not-found');
    expect(byPath[`facts[${budget}].entities[0]`]?.message).toContain('unknown entity "no-such-entity"');
    expect(byPath[`facts[${corpus.facts.length - 1}].id`]).toMatchObject({
      code: 'duplicate-id',
      message: `fact id "hk-budget-2025-26-delivered" is already used at facts[${budget}].id`,
    });
  });

  it('names missing fields, unknown fields and successor cycles', () => {
    const corpus = copy();
    const i = factAt(corpus, 'hk-ai-companies-800');
    const successor = corpus.facts[i]!.supersededBy!;
    const j = factAt(corpus, successor);
    delete (corpus.facts[j] as Partial<Corpus['facts'][number]>).since;
    Object.assign(corpus.facts[j]!, { status: 'deprecated', supersededBy: 'hk-ai-companies-800' });
    Object.assign(corpus, { fact: [] });

    const result = validateCorpus(corpus);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({ path: `facts[${j}].since`, code: 'missing-field', message: `fact "${successor}": missing required field "since"` }),
    );
    expect(result.errors).toContainEqual(expect.objectContaining({ path: 'fact', code: 'unknown-field' }));
    // The record without `since` is left out, so the cycle cannot be seen through it; put it back and it is.
    corpus.facts[j]!.since = '0.1.0';
    const again = validateCorpus(corpus);
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.errors).toContainEqual(expect.objectContaining({ path: `facts[${i}].supersededBy`, code: 'superseded-by-cycle' }));
    }
  });

  it('answers anything that is not a corpus without throwing', () => {
    for (const input of [null, undefined, 42, 'corpus.json', [], { facts: 'many' }]) {
      const result = validateCorpus(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
    const result = validateCorpus({ facts: 'many', sources: [], entities: [] });
    expect(!result.ok && result.errors[0]).toMatchObject({ path: 'facts', code: 'invalid-type', message: 'facts must be a list' });
  });

  it('fills in defaults, so callers may leave them out', () => {
    const fact = real.facts.find((f) => f.id === 'hk-ai-rd-institute-funding')!;
    const { entities: _e, topics: _t, status: _s, ...bare } = fact;
    const result = validateCorpus({ facts: [{ ...bare, entities: [] }], sources: real.sources, entities: [] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.corpus.facts[0]).toMatchObject({ status: 'active', topics: [] });
  });
});

describe('createFactIndex at the boundary', () => {
  it('throws CorpusValidationError, a FactciteError listing every error, for an invalid corpus', () => {
    const corpus = copy();
    corpus.facts[0]!.kind = 'rumour' as never;
    corpus.facts[1]!.citations = [];
    let thrown: unknown;
    try {
      createFactIndex(corpus);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CorpusValidationError);
    expect(thrown).toBeInstanceOf(FactciteError);
    const error = thrown as CorpusValidationError;
    expect(error.code).toBe('invalid-corpus');
    expect(error.issues.map((i) => i.path)).toEqual(['facts[0].kind', 'facts[1].citations']);
    expect(error.message).toMatch(/^corpus has 2 errors:\n {2}facts\[0\]\.kind: fact "[a-z0-9-]+": kind must be one of "quantity"/);
  });

  it('refuses what is not a corpus with the same error, never a TypeError', () => {
    expect(() => createFactIndex(null as never)).toThrow(CorpusValidationError);
    expect(() => createFactIndex({} as never)).toThrow(/missing required field "facts"/);
  });

  it('checks its options, and skips validation only when told to', () => {
    expect(() => createFactIndex(copy(), { validate: 'no' } as never)).toThrow(InvalidArgumentError);
    const trusted = createFactIndex(real, { validate: false });
    // Unvalidated, the index holds the caller's own objects.
    expect(trusted.get(real.facts[0]!.id)).toBe(real.facts[0]);
    expect(createFactIndex(copy()).size).toBe(real.facts.length);
  });
});

describe('other entry points', () => {
  it('in @factcite/core/node check their options too', () => {
    expect(() => buildRelease({ corpusDir: 42, outDirectory: 'dist' } as never)).toThrow(InvalidArgumentError);
    try {
      buildRelease({ corpusDir: 42, outDirectory: 'dist' } as never);
    } catch (error) {
      expect((error as InvalidArgumentError).issues.map((i) => i.path)).toEqual(['options.corpusDir', 'options']);
      expect((error as Error).message).toMatch(/^buildRelease: options\.corpusDir .* \(and 1 more\)$/);
    }
    expect(() => verifyRelease(undefined as never)).toThrow(/^verifyRelease: dir /);
  });

  it('name the function and the argument when given the wrong type', () => {
    expect(() => parseCitations(42 as never)).toThrow(InvalidArgumentError);
    expect(() => parseCitations(undefined as never)).toThrow(/^parseCitations: text Invalid input: expected string, received undefined$/);
    expect(() => new LineIndex(null as never)).toThrow(/^LineIndex: text /);
    try {
      parseCorpus({ facts: [{ path: 'facts/a.yaml' }], sources: [] } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).issues).toEqual([{ path: 'files.facts[0].text', message: 'Invalid input: expected string, received undefined' }]);
    }
  });
});

// Same convention as properties.test.ts: a fixed seed and run count in CI, more on demand.
const params = { numRuns: Number(process.env.FACTCITE_FC_RUNS ?? 300), seed: Number(process.env.FACTCITE_FC_SEED ?? 20251123) };

describe('validateCorpus on arbitrary input', () => {
  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateCorpus(value);
        expect(result.ok || result.errors.length > 0).toBe(true);
      }),
      params,
    );
  });

  it('locates a field of a real fact replaced by any JSON value, or accepts it', () => {
    const fields = ['id', 'statement', 'kind', 'value', 'date', 'entities', 'topics', 'citations', 'status', 'since'] as const;
    fc.assert(
      fc.property(fc.nat(real.facts.length - 1), fc.constantFrom(...fields), fc.jsonValue(), (i, field, value) => {
        const corpus = { ...real, facts: real.facts.map((f, j) => (j === i ? { ...f, [field]: value } : f)) };
        const result = validateCorpus(corpus);
        if (!result.ok) expect(result.errors.every((e) => e.path.startsWith('facts['))).toBe(true);
      }),
      { ...params, numRuns: Math.min(params.numRuns, 100) },
    );
  });
});

describe('createFactIndex options on arbitrary input', () => {
  // Plainly right options are checked by hand, so that `validate: false` loads no zod; anything
  // else goes to the schema. The two must agree: the hand check may accept nothing the schema refuses.
  const schema = z.strictObject({ validate: z.boolean().optional(), searchIndex: z.instanceof(Uint8Array).optional() }).optional();
  const empty = { facts: [], sources: [], entities: [] };
  class Options {
    validate = false;
  }
  const options = fc.oneof(
    fc.constantFrom(undefined, null, [], new Options(), Object.create({ validate: true }), Object.assign(Object.create(null), { validate: false })),
    fc.record({ validate: fc.oneof(fc.boolean(), fc.anything()), searchIndex: fc.anything(), other: fc.anything() }, { requiredKeys: [] }),
    fc.anything(),
  );

  it('accepts what the schema accepts and refuses the rest with InvalidArgumentError', () => {
    fc.assert(
      fc.property(options, (value) => {
        const accepted = schema.safeParse(value).success;
        let thrown: unknown;
        try {
          createFactIndex(empty, value as never);
        } catch (error) {
          thrown = error;
        }
        if (accepted) expect(thrown).toBeUndefined();
        else expect(thrown).toBeInstanceOf(InvalidArgumentError);
      }),
      params,
    );
  });
});
