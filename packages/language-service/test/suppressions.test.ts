import { describe, expect, it } from 'vitest';
import { codeActions, diagnostics, FactDocument, ignoreHereEdit } from '../src/index.js';
import { applyEdits, numbersReports, realCorpus } from './fixtures.js';

const { corpus, index } = realCorpus();
const uri = 'file:///reports/draft.md';
// From the corpus: any deprecated fact gives a warning.
const deprecated = corpus.facts.find((f) => f.status === 'deprecated')!.id;
const warns = `这项数据已更新[@fact:${deprecated}]。`;

type Action = ReturnType<typeof codeActions>[number];
const apply = (text: string, action: Action) => applyEdits(text, action.edit!.changes![uri]! as never);
const ignoreAction = (text: string, code = 'deprecated-fact') => {
  const d = diagnostics(text, index).find((x) => x.code === code)!;
  return codeActions(text, d.range, [d], index, { uri }).find((a) => a.title.startsWith('Ignore this warning here'));
};

describe('suppression comments in the editor', () => {
  it('hide what they cover, across blocks, whatever block an edit rechecks', () => {
    const text = `<!-- factcite-disable deprecated-fact -->\n\n${warns}\n\n${warns}\n<!-- factcite-enable -->\n\n${warns}`;
    const doc = FactDocument.create(text);
    expect(diagnostics(doc, index).map((d) => d.range.start.line)).toEqual([7]);
    // An edit inside the region rechecks one block; the region still holds.
    const edited = FactDocument.create(`<!-- factcite-disable deprecated-fact -->\n\n${warns}\n\n${warns}新\n<!-- factcite-enable -->\n\n${warns}`, doc);
    expect(diagnostics(edited, index).map((d) => d.range.start.line)).toEqual([7]);
  });

  it('reports an unused one as unnecessary only when asked', () => {
    const text = '<!-- factcite-disable-next-line value-mismatch -->\n没有数字的句子。\n';
    expect(diagnostics(text, index)).toEqual([]);
    const [unused] = diagnostics(text, index, { reportUnusedSuppressions: true });
    expect(unused).toMatchObject({ code: 'unused-suppression', severity: 2, tags: [1], range: { start: { line: 0, character: 0 } } });
  });
});

describe('"Ignore this warning here"', () => {
  it('inserts a next-line comment naming the code above the warning’s line, which then hides it', () => {
    const text = `# 报告\n\n第一句。\n${warns}\n`;
    const action = ignoreAction(text)!;
    expect(action.isPreferred).toBeUndefined();
    const fixed = apply(text, action);
    expect(fixed).toBe(`# 报告\n\n第一句。\n<!-- factcite-disable-next-line deprecated-fact -->\n${warns}\n`);
    expect(diagnostics(fixed, index)).toEqual([]);
  });

  it('writes the document’s own line ending', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `第一句。${eol}${warns}${eol}末句。`;
      expect(apply(text, ignoreAction(text)!)).toBe(`第一句。${eol}<!-- factcite-disable-next-line deprecated-fact -->${eol}${warns}${eol}末句。`);
      // On the last line, which has no ending of its own, the document's.
      const last = `第一句。${eol}${warns}`;
      expect(apply(last, ignoreAction(last)!)).toBe(`第一句。${eol}<!-- factcite-disable-next-line deprecated-fact -->${eol}${warns}`);
    }
  });

  it('keeps the comment inside the blockquote or list item of the line', () => {
    const quoted = `> 引述：\n> ${warns}\n`;
    const fixedQuote = apply(quoted, ignoreAction(quoted)!);
    expect(fixedQuote).toBe(`> 引述：\n> <!-- factcite-disable-next-line deprecated-fact -->\n> ${warns}\n`);
    expect(diagnostics(fixedQuote, index)).toEqual([]);
    const listed = `- 第一项\n  ${warns}\n`;
    expect(apply(listed, ignoreAction(listed)!)).toBe(`- 第一项\n  <!-- factcite-disable-next-line deprecated-fact -->\n  ${warns}\n`);
  });

  it('adds the code to a next-line comment already above the line', () => {
    const { wrong, changedLines } = numbersReports();
    const lines = wrong.split('\n');
    const at = changedLines[0]!;
    const text = [...lines.slice(0, at), '<!-- factcite-disable-next-line deprecated-fact -->', ...lines.slice(at)].join('\n');
    const action = ignoreAction(text, 'value-mismatch')!;
    const fixed = apply(text, action);
    expect(fixed.split('\n')[at]).toBe('<!-- factcite-disable-next-line deprecated-fact, value-mismatch -->');
    const remaining = diagnostics(fixed, index, { reportUnusedSuppressions: true }).filter((d) => d.range.start.line === at + 1);
    expect(remaining).toEqual([]);
  });

  it('keeps the reason after the codes, and the quote marks before the comment', () => {
    const text = `> <!-- factcite-disable-next-line deprecated-fact -- 已核对来源 -->\n> ${warns}`;
    const edit = ignoreHereEdit(FactDocument.create(text), 1, 'value-mismatch');
    expect(applyEdits(text, [edit])).toBe(`> <!-- factcite-disable-next-line deprecated-fact, value-mismatch -- 已核对来源 -->\n> ${warns}`);
  });

  it('is offered for warnings only: an unknown id is corrected, not silenced', () => {
    const text = '见[@fact:no-such-fact-here]。';
    const d = diagnostics(text, index)[0]!;
    expect(codeActions(text, d.range, [d], index, { uri }).map((a) => a.title)).not.toContain('Ignore this warning here');
  });

  it('titles every fix in the language asked for', () => {
    const text = `第一句。\n${warns}\n`;
    const d = diagnostics(text, index, { lang: 'zh-Hant' })[0]!;
    expect(d.message).toMatch(/^事實「.*」已棄用/);
    const titles = codeActions(text, d.range, [d], index, { uri, lang: 'zh-Hant' }).map((a) => a.title);
    expect(titles).toContain('在此處忽略這條警告');
    expect(titles.some((t) => /^把已棄用的「.*」替換為「.*」$/.test(t))).toBe(true);
  });
});
