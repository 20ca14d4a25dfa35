import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { factcite, repoRoot, tempDir } from './run.js';

// The catalogue of malformed corpus input: each case breaks one thing in a
// small real corpus (one source, its facts, all entities) and expects a located
// error with a stable code, exit code 1 and no stack trace.

const SOURCE = 'city24-hk-ai-2025-02-27';

/** A valid fact in the shape maintainers write; cases break one line of it. */
const FACT = [
  '- id: case-fact', //                                             1
  '  statement:', //                                                 2
  '    zh-Hans: 特区政府预留10亿港元成立香港人工智能研发院。', //     3
  '    en: The government set aside HK$1 billion for the institute.', // 4
  '  kind: quantity', //                                             5
  '  value: { amount: 1000000000, unit: HKD, qualifier: exact, text: 10亿港元 }', // 6
  '  date: 2025-02-25', //                                           7
  '  entities: [hksar-government, hk-ai-rd-institute]', //           8
  '  topics: [funding]', //                                          9
  '  citations:', //                                                 10
  `    - source: ${SOURCE}`, //                                      11
  '      quote: 特区政府已预留10亿港元,成立香港人工智能研发院', //     12
  '  status: active', //                                             13
  '  since: 0.1.0', //                                               14
].join('\n');

function replaceLine(line: number, text: string): string {
  return FACT.split('\n')
    .map((l, i) => (i + 1 === line ? text : l))
    .join('\n');
}
function dropLine(line: number): string {
  return FACT.split('\n')
    .filter((_, i) => i + 1 !== line)
    .join('\n');
}

type Case = {
  name: string;
  /** File name under facts/ (or a path relative to the corpus) and its content. */
  files: Record<string, string | Buffer>;
  code: string;
  file: string;
  line?: number;
};

const CASES: Case[] = [
  {
    name: 'YAML syntax: unclosed flow sequence',
    files: { 'facts/case.yaml': replaceLine(9, '  topics: [funding') },
    code: 'yaml-syntax',
    file: 'facts/case.yaml',
  },
  {
    name: 'YAML syntax: bad indentation',
    files: { 'facts/case.yaml': replaceLine(5, '   kind: quantity') },
    code: 'yaml-syntax',
    file: 'facts/case.yaml',
    line: 5,
  },
  { name: 'YAML syntax: duplicate key', files: { 'facts/case.yaml': `${FACT}\n  kind: event` }, code: 'yaml-syntax', file: 'facts/case.yaml', line: 15 },
  {
    name: 'YAML syntax: tab indentation',
    files: { 'facts/case.yaml': replaceLine(5, '\tkind: quantity') },
    code: 'yaml-syntax',
    file: 'facts/case.yaml',
    line: 5,
  },
  { name: 'wrong type: id is a number', files: { 'facts/case.yaml': replaceLine(1, '- id: 42') }, code: 'invalid-type', file: 'facts/case.yaml', line: 1 },
  {
    name: 'wrong type: statement is a string',
    files: { 'facts/case.yaml': replaceLine(2, '  statement: 10亿').replace(/\n {4}(zh-Hans|en):.*/g, '') },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 2,
  },
  {
    name: 'wrong type: kind is a list',
    files: { 'facts/case.yaml': replaceLine(5, '  kind: [quantity]') },
    code: 'invalid-value',
    file: 'facts/case.yaml',
    line: 5,
  },
  {
    name: 'wrong type: amount is a string',
    files: { 'facts/case.yaml': replaceLine(6, '  value: { amount: 10亿, unit: HKD, text: 10亿港元 }') },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 6,
  },
  {
    name: 'wrong type: entities is a string',
    files: { 'facts/case.yaml': replaceLine(8, '  entities: hksar-government') },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 8,
  },
  {
    name: 'wrong type: topics is a mapping',
    files: { 'facts/case.yaml': replaceLine(9, '  topics: { funding: true }') },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 9,
  },
  {
    name: 'wrong type: citations is a mapping',
    files: { 'facts/case.yaml': `${FACT.split('\n').slice(0, 9).join('\n')}\n  citations: { source: ${SOURCE} }\n  status: active\n  since: 0.1.0` },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 10,
  },
  {
    name: 'wrong type: status is a number',
    files: { 'facts/case.yaml': replaceLine(13, '  status: 1') },
    code: 'invalid-value',
    file: 'facts/case.yaml',
    line: 13,
  },
  {
    name: 'wrong type: since is a number',
    files: { 'facts/case.yaml': replaceLine(14, '  since: 1') },
    code: 'invalid-type',
    file: 'facts/case.yaml',
    line: 14,
  },
  {
    name: 'missing id',
    files: { 'facts/case.yaml': dropLine(1).replace(/^ {2}statement/, '- statement') },
    code: 'missing-field',
    file: 'facts/case.yaml',
    line: 1,
  },
  { name: 'missing kind', files: { 'facts/case.yaml': dropLine(5) }, code: 'missing-field', file: 'facts/case.yaml', line: 1 },
  {
    name: 'missing citations',
    files: {
      'facts/case.yaml': FACT.split('\n')
        .filter((_, i) => i < 9 || i > 11)
        .join('\n'),
    },
    code: 'missing-field',
    file: 'facts/case.yaml',
    line: 1,
  },
  { name: 'missing since', files: { 'facts/case.yaml': dropLine(14) }, code: 'missing-field', file: 'facts/case.yaml', line: 1 },
  { name: 'missing English statement', files: { 'facts/case.yaml': dropLine(4) }, code: 'missing-field', file: 'facts/case.yaml', line: 3 },
  {
    name: 'empty citations list',
    files: {
      'facts/case.yaml': FACT.split('\n')
        .filter((_, i) => i !== 10 && i !== 11)
        .join('\n')
        .replace('  citations:', '  citations: []'),
    },
    code: 'invalid-value',
    file: 'facts/case.yaml',
    line: 10,
  },
  { name: 'id not kebab-case', files: { 'facts/case.yaml': replaceLine(1, '- id: Case_Fact') }, code: 'invalid-value', file: 'facts/case.yaml', line: 1 },
  { name: 'unknown field', files: { 'facts/case.yaml': `${FACT}\n  sorce: x` }, code: 'unknown-field', file: 'facts/case.yaml', line: 15 },
  {
    name: 'percentage without unit percent',
    files: { 'facts/case.yaml': replaceLine(5, '  kind: percentage') },
    code: 'invalid-value',
    file: 'facts/case.yaml',
    line: 6,
  },
  { name: 'duplicate id across files', files: { 'facts/case.yaml': FACT, 'facts/case-2.yaml': FACT }, code: 'duplicate-id', file: 'facts/case.yaml', line: 1 },
  {
    name: 'quote altered by one character',
    files: { 'facts/case.yaml': replaceLine(12, '      quote: 特区政府已预留10亿港元，成立香港人工智能研发院') },
    code: 'quote-not-found',
    file: 'facts/case.yaml',
    line: 12,
  },
  {
    name: 'source that does not exist',
    files: { 'facts/case.yaml': replaceLine(11, '    - source: no-such-source') },
    code: 'unknown-source',
    file: 'facts/case.yaml',
    line: 11,
  },
  {
    name: 'entity that does not exist',
    files: { 'facts/case.yaml': replaceLine(8, '  entities: [hksar-government, no-such-entity]') },
    code: 'unknown-entity',
    file: 'facts/case.yaml',
    line: 8,
  },
  {
    name: 'speaker that does not exist',
    files: { 'facts/case.yaml': `${FACT}\n  attributedTo: nobody` },
    code: 'unknown-entity',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'impossible date 2025-13-45',
    files: { 'facts/case.yaml': replaceLine(7, '  date: 2025-13-45') },
    code: 'invalid-date',
    file: 'facts/case.yaml',
    line: 7,
  },
  {
    name: 'impossible date 2025-02-29',
    files: { 'facts/case.yaml': replaceLine(7, '  date: 2025-02-29') },
    code: 'invalid-date',
    file: 'facts/case.yaml',
    line: 7,
  },
  {
    name: 'deprecated without successor',
    files: { 'facts/case.yaml': replaceLine(13, '  status: deprecated') },
    code: 'invalid-value',
    file: 'facts/case.yaml',
    line: 1,
  },
  {
    name: 'successor that does not exist',
    files: { 'facts/case.yaml': `${replaceLine(13, '  status: deprecated')}\n  supersededBy: nowhere` },
    code: 'dangling-superseded-by',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'successor cycle',
    files: {
      'facts/case.yaml': `${replaceLine(13, '  status: deprecated')}\n  supersededBy: case-fact-2\n${replaceLine(1, '- id: case-fact-2').replace('  status: active', '  status: deprecated')}\n  supersededBy: case-fact`,
    },
    code: 'superseded-by-cycle',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'a fact superseding itself',
    files: { 'facts/case.yaml': `${replaceLine(13, '  status: deprecated')}\n  supersededBy: case-fact` },
    code: 'superseded-by-cycle',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'binary garbage',
    files: { 'facts/case.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) },
    code: 'invalid-encoding',
    file: 'facts/case.yaml',
    line: 1,
  },
  {
    name: 'binary garbage that happens to be UTF-8',
    files: { 'facts/case.yaml': Buffer.from([0x2d, 0x20, 0x00, 0x01, 0x02, 0x7f]) },
    code: 'binary-file',
    file: 'facts/case.yaml',
    line: 1,
  },
  { name: 'an empty file', files: { 'facts/case.yaml': '' }, code: 'empty-file', file: 'facts/case.yaml', line: 1 },
  { name: 'a 50 MB file', files: { 'facts/case.yaml': Buffer.alloc(50 * 1024 * 1024, 0x61) }, code: 'file-too-large', file: 'facts/case.yaml', line: 1 },
  {
    name: 'invalid UTF-8',
    files: { 'facts/case.yaml': Buffer.concat([Buffer.from(`${FACT}\n  note: `), Buffer.from([0xc3, 0x28])]) },
    code: 'invalid-encoding',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'a lone surrogate',
    files: { 'facts/case.yaml': `${FACT}\n  note: "half a pair \\ud83d here"` },
    code: 'lone-surrogate',
    file: 'facts/case.yaml',
    line: 15,
  },
  {
    name: 'a file that is not a list',
    files: { 'facts/case.yaml': FACT.replace(/^- /, '').replace(/\n {2}/g, '\n') },
    code: 'not-a-list',
    file: 'facts/case.yaml',
    line: 1,
  },
  { name: 'a quote through a garbled span', files: { [`sources/${SOURCE}.md`]: 'garbled-source' }, code: 'quote-in-defect', file: 'facts/case.yaml', line: 12 },
  {
    name: 'a source without front matter',
    files: { 'sources/extra.md': '正文，没有前言。\n' },
    code: 'missing-front-matter',
    file: 'sources/extra.md',
    line: 1,
  },
  {
    name: 'broken entities file',
    files: { 'entities.yaml': '- id: x\n  kind: alien\n  names: { zh-Hans: 甲, zh-Hant: 甲, en: A }\n' },
    code: 'invalid-value',
    file: 'entities.yaml',
    line: 2,
  },
];

let base: string;
beforeAll(() => {
  base = tempDir('malformed-base');
  for (const sub of ['raw', 'sources', 'facts']) mkdirSync(path.join(base, sub));
  cpSync(path.join(repoRoot, 'corpus', 'entities.yaml'), path.join(base, 'entities.yaml'));
  cpSync(path.join(repoRoot, 'corpus', 'package.json'), path.join(base, 'package.json'));
  cpSync(path.join(repoRoot, 'corpus', 'raw', '000_73c3664704938c01.txt'), path.join(base, 'raw', '000_73c3664704938c01.txt'));
  cpSync(path.join(repoRoot, 'corpus', 'sources', `${SOURCE}.md`), path.join(base, 'sources', `${SOURCE}.md`));
  cpSync(path.join(repoRoot, 'corpus', 'facts', `${SOURCE}.yaml`), path.join(base, 'facts', `${SOURCE}.yaml`));
});

/** A copy of the base corpus with some files replaced. */
function corpusWith(files: Case['files']): string {
  const dir = tempDir('malformed');
  cpSync(base, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (content === 'garbled-source') {
      // Declare the quoted words a garbled span, as if the capture had mangled them.
      const sourcePath = path.join(dir, file);
      const text = readFileSync(sourcePath, 'utf8');
      writeFileSync(sourcePath, text.replace('defects: []', 'defects:\n  - 10亿港元,成立'));
      writeFileSync(path.join(dir, 'facts', 'case.yaml'), FACT);
      continue;
    }
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('the malformed corpus catalogue', () => {
  it('starts from a valid corpus, and accepts a BOM, CRLF, comments and keys in any order', () => {
    expect(factcite(['validate', '--corpus', base]).code).toBe(0);
    const reordered = FACT.replace('- id: case-fact\n  statement:', '- statement:').concat('\n  id: case-fact');
    const variants = `\uFEFF# a comment\r\n${FACT.replace(/\n/g, '\r\n')}\r\n${reordered.replace('case-fact', 'case-fact-2').replace(/\n/g, '\r\n')}\r\n`;
    const dir = corpusWith({ 'facts/case.yaml': variants });
    const { code, stdout } = factcite(['validate', '--corpus', dir, '--json']);
    expect(JSON.parse(stdout).errors).toEqual([]);
    expect(code).toBe(0);
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const dir = corpusWith(c.files);
      const { code, stdout, stderr } = factcite(['validate', '--corpus', dir, '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const { ok, errors } = JSON.parse(stdout);
      expect(ok).toBe(false);
      const match = errors.find((e: { code: string; file: string }) => e.code === c.code && e.file.endsWith(c.file));
      expect(match, JSON.stringify(errors, null, 1)).toBeDefined();
      if (c.line !== undefined) expect(match.line).toBe(c.line);
      expect(match.column).toBeGreaterThanOrEqual(1);
      expect(match.message.length).toBeGreaterThan(10);
      expect(match.message).not.toMatch(/\n\s+at |Error:/);
    });
  }
});
