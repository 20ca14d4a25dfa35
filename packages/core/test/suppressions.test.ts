import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySuppressions, type CitationDiagnostic, checkCitations, createFactIndex, parseSuppressions } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const repoRoot = path.resolve(__dirname, '../../..');
const { corpus } = loadCorpusDir(path.join(repoRoot, 'corpus'));
const index = createFactIndex(corpus);
// Expectations come from the corpus: any deprecated fact gives a warning, an id no fact has an error.
const deprecated = corpus.facts.find((f) => f.status === 'deprecated')!;
const unknownId = 'no-such-fact-anywhere';
const warns = `这项数据已更新[@fact:${deprecated.id}]。`;
const errs = `这项数据不存在[@fact:${unknownId}]。`;

const codes = (text: string, options = {}) => checkCitations(text, index, options).map((d) => d.code);

describe('parseSuppressions', () => {
  it('reads the three directives with codes separated by commas (ASCII or full-width) or spaces, and a reason after --', () => {
    const text = [
      '<!-- factcite-disable-next-line value-mismatch -->',
      '<!--factcite-disable value-mismatch, deprecated-fact-->',
      '<!-- factcite-enable deprecated-fact，value-mismatch -- 已核对来源 -->',
      '<!-- factcite-disable -->',
    ].join('\n');
    expect(parseSuppressions(text).map((d) => [d.kind, d.codes])).toEqual([
      ['disable-next-line', ['value-mismatch']],
      ['disable', ['value-mismatch', 'deprecated-fact']],
      ['enable', ['deprecated-fact', 'value-mismatch']],
      ['disable', []],
    ]);
  });

  it('is not fooled by look-alikes: other comments, longer words, comments in code', () => {
    const text = [
      '<!-- factcite-disabled value-mismatch -->',
      '<!-- note: factcite-disable -->',
      '`<!-- factcite-disable -->`',
      '```',
      '<!-- factcite-disable -->',
      '```',
      '',
      '    <!-- factcite-disable -->',
      '<!-- factcite-disable-next-line',
    ].join('\n');
    expect(parseSuppressions(text)).toEqual([]);
  });
});

describe('suppressions in checkCitations', () => {
  it('disable-next-line hides a warning on the next line only', () => {
    const text = `<!-- factcite-disable-next-line deprecated-fact -->\n${warns}\n${warns}`;
    const found = checkCitations(text, index);
    expect(found.map((d) => d.code)).toEqual(['deprecated-fact']);
    expect(found[0]!.start).toBeGreaterThan(text.lastIndexOf('\n'));
  });

  it('follows every line ending: \\n, \\r\\n and a lone \\r', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `<!-- factcite-disable-next-line -->${eol}${warns}${eol}${warns}`;
      expect(codes(text)).toEqual(['deprecated-fact']);
    }
  });

  it('a comment with no code hides warnings but never an error for an unknown id', () => {
    const text = `<!-- factcite-disable -->\n${warns}${errs}\n\n${warns}\n<!-- factcite-enable -->\n${warns}`;
    expect(codes(text)).toEqual(['unknown-fact', 'deprecated-fact']);
    const last = checkCitations(text, index).at(-1)!;
    expect(last.start).toBeGreaterThan(text.indexOf('factcite-enable'));
  });

  it('hides an error only where its code is named', () => {
    expect(codes(`<!-- factcite-disable-next-line unknown-fact -->\n${errs}`)).toEqual([]);
    expect(codes(`<!-- factcite-disable-next-line value-mismatch -->\n${errs}`)).toEqual(['unknown-fact']);
  });

  it('a region runs across paragraphs and to the end when never enabled; enable with a code ends that code only', () => {
    expect(codes(`<!-- factcite-disable deprecated-fact -->\n\n${warns}\n\n## 下一节\n\n${warns}`)).toEqual([]);
    const text = `<!-- factcite-disable deprecated-fact unknown-fact -->\n${warns}${errs}\n<!-- factcite-enable unknown-fact -->\n${warns}${errs}`;
    expect(codes(text)).toEqual(['unknown-fact']);
  });

  it('a directive written in a code block or code span is text, and hides nothing', () => {
    expect(codes(`\`\`\`\n<!-- factcite-disable-next-line -->\n\`\`\`\n${warns}`)).toEqual(['deprecated-fact']);
    expect(codes(`\`<!-- factcite-disable -->\`\n${warns}`)).toEqual(['deprecated-fact']);
  });

  it('names an unknown code, with the known ones, instead of silently hiding nothing', () => {
    const text = `<!-- factcite-disable-next-line value-missmatch -->\n${warns}`;
    const [problem, ...rest] = checkCitations(text, index);
    expect(problem!.code).toBe('unknown-suppression-code');
    expect(problem!.message).toContain('"value-missmatch"');
    expect(problem!.message).toContain('"value-mismatch"');
    expect(rest.map((d) => d.code)).toEqual(['deprecated-fact']);
  });

  it('reports a suppression that hides nothing only when asked', () => {
    const text = `<!-- factcite-disable-next-line -->\n这一行没有引用。\n<!-- factcite-disable-next-line deprecated-fact unknown-fact -->\n${warns}`;
    expect(codes(text)).toEqual([]);
    const unused = checkCitations(text, index, { reportUnusedSuppressions: true });
    expect(unused.map((d) => [d.code, text.slice(d.start, d.end)])).toEqual([
      ['unused-suppression', '<!-- factcite-disable-next-line -->'],
      ['unused-suppression', '<!-- factcite-disable-next-line deprecated-fact unknown-fact -->'],
    ]);
    expect(unused[1]!.message).toBe('Unused factcite-disable-next-line for "unknown-fact": there is no such problem here');
  });

  it('suppressions: false leaves every finding for a caller that applies them to the whole report', () => {
    const text = `<!-- factcite-disable -->\n\n${warns}`;
    const raw = checkCitations(text, index, { suppressions: false });
    expect(raw.map((d) => d.code)).toEqual(['deprecated-fact']);
    expect(applySuppressions(text, raw).diagnostics).toEqual([]);
    expect(applySuppressions(text, raw).suppressed).toEqual(raw);
  });

  it('hides the value-mismatch of a line in the wrong-numbers example and keeps all the others', () => {
    const text = readFileSync(path.join(repoRoot, 'examples', 'numbers-report-wrong.md'), 'utf8');
    const before = checkCitations(text, index).filter((d) => d.code === 'value-mismatch');
    expect(before.length).toBeGreaterThan(1);
    const target = before[1]!;
    const lineStart = text.lastIndexOf('\n', target.start) + 1;
    const edited = `${text.slice(0, lineStart)}<!-- factcite-disable-next-line value-mismatch -->\n${text.slice(lineStart)}`;
    const shift = edited.length - text.length;
    const after = checkCitations(edited, index).filter((d) => d.code === 'value-mismatch');
    const key = (d: CitationDiagnostic) => `${d.start}:${d.message}`;
    const onTarget = before.filter((d) => text.lastIndexOf('\n', d.start) + 1 === lineStart);
    expect(after.map(key)).toEqual(
      before.filter((d) => !onTarget.includes(d)).map((d) => key({ ...d, start: d.start < lineStart ? d.start : d.start + shift })),
    );
  });
});

describe('checkCitations in the writer’s language', () => {
  it('writes each message in the language asked for, from the same finding', () => {
    const text = `${warns}${errs}【@fact:${deprecated.id}】`;
    const en = checkCitations(text, index);
    const hant = checkCitations(text, index, { lang: 'zh-Hant' });
    expect(hant.map((d) => [d.start, d.code])).toEqual(en.map((d) => [d.start, d.code]));
    expect(hant.map((d) => d.message)).toEqual([
      expect.stringMatching(new RegExp(`^事實「${deprecated.id}」已棄用`)),
      `找不到事實「${unknownId}」`,
      `引用格式有誤：「【@fact:${deprecated.id}】」用了中文輸入法的全形符號「【」、「】」；請寫成「[@fact:${deprecated.id}]」`,
      // Pandoc reads the id inside 【】, so it is still checked.
      expect.stringMatching(new RegExp(`^事實「${deprecated.id}」已棄用`)),
    ]);
    expect(checkCitations(text, index, { lang: 'zh-Hans' })[1]!.message).toBe(`找不到事实“${unknownId}”`);
  });
});
