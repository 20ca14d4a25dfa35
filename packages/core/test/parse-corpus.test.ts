import { describe, expect, it } from 'vitest';
import { type CorpusFiles, type Problem, parseCorpus } from '../src/index.js';

// A miniature corpus taken from the real one (city24-hk-ai-2025-02-27).
const SOURCE = `---
id: city24-hk-ai-2025-02-27
title: 城市24小时 | 人工智能时代,香港不想“缺席”
publisher: 城市进化论
authors: []
published: 2025-02-27
language: zh
script: Hans
origin: 000_73c3664704938c01.txt
defects: []
---

陈茂波表示,为引导及助力香港的人工智能创新研发和产业应用,特区政府已预留10亿港元,成立香港人工智能研发院。
`;

const ENTITIES = `- id: hksar-government
  kind: organisation
  names: { zh-Hans: 香港特区政府, zh-Hant: 香港特區政府, en: Government of the Hong Kong SAR }
- id: hk-ai-rd-institute
  kind: organisation
  names: { zh-Hans: 香港人工智能研发院, zh-Hant: 香港人工智能研發院, en: Hong Kong AI Research and Development Institute }
`;

function fact(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: 'hk-ai-rd-institute-funding',
    statement: '\n    zh-Hans: 特区政府预留10亿港元成立香港人工智能研发院。\n    en: The government set aside HK$1 billion for the institute.',
    kind: 'quantity',
    value: '{ amount: 1000000000, unit: HKD, qualifier: exact, text: 10亿港元 }',
    date: '2025-02-25',
    entities: '[hksar-government, hk-ai-rd-institute]',
    citations: '\n    - source: city24-hk-ai-2025-02-27\n      quote: 特区政府已预留10亿港元,成立香港人工智能研发院',
    status: 'active',
    since: '0.1.0',
    ...overrides,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== '<omit>')
    .map(([k, v], i) => `${i === 0 ? '- ' : '  '}${k}: ${v}`)
    .join('\n');
}

function run(facts: string | string[], extra: Partial<CorpusFiles> = {}) {
  const texts = Array.isArray(facts) ? facts : [facts];
  return parseCorpus({
    facts: texts.map((text, i) => ({ path: `facts/f${i + 1}.yaml`, text })),
    entities: { path: 'entities.yaml', text: ENTITIES },
    sources: [{ path: 'sources/city24-hk-ai-2025-02-27.md', text: SOURCE }],
    rawFileNames: ['000_73c3664704938c01.txt'],
    ...extra,
  });
}

const only = (problems: Problem[]) => problems.map(({ file, line, column, code }) => ({ file, line, column, code }));

describe('parseCorpus', () => {
  it('accepts a valid corpus', () => {
    const result = run(fact());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.corpus.facts[0]!.value).toEqual({ amount: 1e9, unit: 'HKD', qualifier: 'exact', text: '10亿港元' });
    expect(result.corpus.sources[0]!.text.startsWith('陈茂波表示')).toBe(true);
  });

  it('accepts a BOM, CRLF line endings and comments', () => {
    const text = `\uFEFF# comment\r\n${fact().replace(/\n/g, '\r\n')}\r\n`;
    expect(run(text).errors).toEqual([]);
  });

  it('locates YAML syntax errors', () => {
    const { errors } = run(`${fact()}\n  topics: [funding\n`);
    expect(errors[0]).toMatchObject({ file: 'facts/f1.yaml', code: 'yaml-syntax' });
    expect(errors[0]!.line).toBeGreaterThanOrEqual(12);
  });

  it('locates a missing required field at its record', () => {
    expect(only(run(fact({ since: '<omit>' })).errors)).toEqual([{ file: 'facts/f1.yaml', line: 1, column: 3, code: 'missing-field' }]);
  });

  it('locates a wrong type at the value', () => {
    const { errors } = run(fact({ entities: 'hksar-government' }));
    expect(only(errors)).toEqual([{ file: 'facts/f1.yaml', line: 8, column: 13, code: 'invalid-type' }]);
    expect(errors[0]!.message).toContain('entities must be a list');
  });

  it('locates an unknown field at its key', () => {
    const { errors } = run(`${fact()}\n  vaule: 1`);
    expect(only(errors)).toEqual([{ file: 'facts/f1.yaml', line: 14, column: 3, code: 'unknown-field' }]);
    expect(errors[0]!.message).toContain('"vaule"');
  });

  it('rejects impossible dates', () => {
    const { errors } = run(fact({ date: '2025-13-45' }));
    expect(only(errors)).toEqual([{ file: 'facts/f1.yaml', line: 7, column: 9, code: 'invalid-date' }]);
    expect(run(fact({ date: '2025-02-29' })).errors[0]!.code).toBe('invalid-date');
  });

  it('rejects enum values it does not know', () => {
    const { errors } = run(fact({ kind: 'amount' }));
    expect(errors[0]).toMatchObject({ line: 5, column: 9, code: 'invalid-value' });
    expect(errors[0]!.message).toContain('"quantity"');
  });

  it('finds duplicate ids across files and names the first', () => {
    const { errors } = run([fact(), fact()]);
    expect(only(errors)).toEqual([{ file: 'facts/f2.yaml', line: 1, column: 7, code: 'duplicate-id' }]);
    expect(errors[0]!.message).toContain('facts/f1.yaml:1');
  });

  it('finds a quote altered by one character and says where it differs', () => {
    const { errors } = run(fact({ citations: '\n    - source: city24-hk-ai-2025-02-27\n      quote: 特区政府已预留20亿港元,成立香港人工智能研发院' }));
    expect(only(errors)).toEqual([{ file: 'facts/f1.yaml', line: 11, column: 14, code: 'quote-not-found' }]);
    expect(errors[0]!.message).toContain('matches for 7 characters, then differs at "20亿港元');
  });

  it('finds unknown sources and entities', () => {
    const { errors } = run(fact({ entities: '[hksar-government, hkgai]', citations: '\n    - source: nowhere\n      quote: x' }));
    expect(only(errors)).toEqual([
      { file: 'facts/f1.yaml', line: 8, column: 32, code: 'unknown-entity' },
      { file: 'facts/f1.yaml', line: 10, column: 15, code: 'unknown-source' },
    ]);
  });

  it('requires a successor for a deprecated fact, and one that exists', () => {
    expect(run(fact({ status: 'deprecated' })).errors.map((e) => e.code)).toEqual(['invalid-value']);
    const dangling = run(fact({ status: 'deprecated', supersededBy: 'no-such-fact' }));
    expect(only(dangling.errors)).toEqual([{ file: 'facts/f1.yaml', line: 14, column: 17, code: 'dangling-superseded-by' }]);
  });

  it('finds supersededBy cycles', () => {
    const a = fact({ id: 'fact-a', status: 'deprecated', supersededBy: 'fact-b' });
    const b = fact({ id: 'fact-b', status: 'deprecated', supersededBy: 'fact-a' });
    const { errors } = run([a, b]);
    expect(errors.map((e) => e.code)).toEqual(['superseded-by-cycle', 'superseded-by-cycle']);
    expect(errors[0]!.message).toContain('fact-a → fact-b → fact-a');
  });

  it('refuses quotes that include a garbled span', () => {
    const source = SOURCE.replace('defects: []', 'defects:\n  - 10亿港元');
    const { errors } = run(fact(), { sources: [{ path: 'sources/city24-hk-ai-2025-02-27.md', text: source }] });
    expect(errors.map((e) => e.code)).toEqual(['quote-in-defect']);
  });

  it('checks source front matter and its location', () => {
    const bad = SOURCE.replace('published: 2025-02-27', 'published: 2025-02-30').replace('script: Hans', 'script: Latn');
    const { errors } = run(fact(), { sources: [{ path: 'sources/city24-hk-ai-2025-02-27.md', text: bad }] });
    expect(only(errors).filter((e) => e.file.startsWith('sources'))).toEqual([
      { file: 'sources/city24-hk-ai-2025-02-27.md', line: 6, column: 12, code: 'invalid-date' },
      { file: 'sources/city24-hk-ai-2025-02-27.md', line: 8, column: 9, code: 'invalid-value' },
    ]);
    const none = run(fact(), { sources: [{ path: 'sources/x.md', text: 'no front matter' }] });
    expect(none.errors.find((e) => e.file === 'sources/x.md')).toMatchObject({ line: 1, code: 'missing-front-matter' });
  });

  it('reports a file that is not a list, and an empty file', () => {
    expect(run('id: x').errors[0]).toMatchObject({ code: 'not-a-list', line: 1 });
    expect(run('').errors[0]).toMatchObject({ code: 'empty-file', line: 1, column: 1 });
  });

  it('warns when id is not the first key', () => {
    const text = fact()
      .replace('- id: hk-ai-rd-institute-funding\n  statement:', '- statement:')
      .replace('  since: 0.1.0', '  since: 0.1.0\n  id: hk-ai-rd-institute-funding');
    const { errors, warnings } = run(text);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['id-not-first', 1]]);
  });

  it('passes on problems met while reading files', () => {
    const readProblem: Problem = { file: 'facts/bad.yaml', line: 1, column: 1, code: 'invalid-encoding', severity: 'error', message: 'x' };
    expect(run(fact(), { readProblems: [readProblem] }).errors).toEqual([readProblem]);
  });

  it('files each problem met while reading under its own severity', () => {
    const error: Problem = { file: 'facts/b.yaml', line: 1, column: 1, code: 'invalid-encoding', severity: 'error', message: 'x' };
    const warning: Problem = { file: 'facts/a.yaml', line: 2, column: 1, code: 'unknown-yaml-tag', severity: 'warning', message: 'y' };
    const { errors, warnings } = run(fact(), { readProblems: [error, warning] });
    expect(errors).toEqual([error]);
    expect(warnings).toEqual([warning]);
  });
});
