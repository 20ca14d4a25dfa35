import { describe, expect, it } from 'vitest';
import { codeActions, diagnostics } from '../src/index.js';
import { applyEdits, exampleReport, numbersReports, realIndex, textAt } from './fixtures.js';

const index = realIndex();
const uri = 'file:///reports/draft.md';

/** Applies one code action's edits to the document text. */
function apply(text: string, action: { edit?: { changes?: Record<string, never[]> } }): string {
  return applyEdits(text, action.edit!.changes![uri]!);
}

describe('codeActions', () => {
  const report = exampleReport();
  const found = diagnostics(report, index);
  const unknown = found.find((d) => d.code === 'unknown-fact')!;
  const deprecated = found.find((d) => d.code === 'deprecated-fact')!;

  it('replaces an unknown id with each closest id, the closest preferred', () => {
    const actions = codeActions(report, unknown.range, [unknown], index, { uri });
    expect(actions.map((a) => a.title)).toContain('Replace with "hk-ai-subsidy-scheme-3bn"');
    const best = actions.find((a) => a.isPreferred)!;
    expect(best.kind).toBe('quickfix');
    expect(best.diagnostics).toEqual([unknown]);
    const fixed = apply(report, best as never);
    expect(fixed).toContain('[@fact:hk-ai-subsidy-scheme-3bn]');
    expect(diagnostics(fixed, index).some((d) => d.code === 'unknown-fact')).toBe(false);
  });

  it('replaces a deprecated id with its successor', () => {
    const actions = codeActions(report, deprecated.range, [deprecated], index, { uri });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toBe('Replace deprecated "hk-ai-companies-800" with "hk-ai-companies-at-science-park-and-cyberport"');
    const fixed = apply(report, fix as never);
    expect(fixed).toContain('[@fact:hk-ai-companies-at-science-park-and-cyberport]');
    expect(diagnostics(fixed, index).some((d) => d.code === 'deprecated-fact')).toBe(false);
  });

  it('works from the text alone when the client sends no diagnostics (a cursor on the id)', () => {
    const at = { line: deprecated.range.start.line, character: deprecated.range.start.character + 3 };
    const actions = codeActions(report, { start: at, end: at }, [], index, { uri });
    expect(actions.map((a) => a.title)).toContain('Replace deprecated "hk-ai-companies-800" with "hk-ai-companies-at-science-park-and-cyberport"');
    expect(actions[0]!.diagnostics).toBeUndefined();
  });

  it('replaces every deprecated citation at once when there are several', () => {
    const text = `${report}\n\nAgain [@fact:hk-ai-companies-800].`;
    const [first] = diagnostics(text, index).filter((d) => d.code === 'deprecated-fact');
    const all = codeActions(text, first!.range, [first!], index, { uri }).find((a) => a.title.startsWith('Replace all'))!;
    expect(all.title).toBe('Replace all 2 deprecated citations with their successors');
    expect(diagnostics(apply(text, all as never), index).filter((d) => d.code === 'deprecated-fact')).toEqual([]);
  });

  it('adds the missing "@" and the missing "]"', () => {
    const text = 'See [@fact:hkgai-v1-released; fact:hk-ai-subsidy-scheme-3bn].\n\nAnd [@fact:hk-ai-rd-institute-funding\n';
    const problems = diagnostics(text, index);
    expect(problems).toHaveLength(2);
    const fixed = problems.reduce((t, d) => {
      const fix = codeActions(t, d.range, [d], index, { uri }).find((a) => a.isPreferred)!;
      return apply(t, fix as never);
    }, text);
    expect(fixed).toBe('See [@fact:hkgai-v1-released; @fact:hk-ai-subsidy-scheme-3bn].\n\nAnd [@fact:hk-ai-rd-institute-funding]\n');
    expect(diagnostics(fixed, index)).toEqual([]);
  });

  it('rewrites citations typed with a Chinese input method as [@fact:id], one problem each', () => {
    for (const typed of [
      '【@fact:hkgai-v1-released】',
      '［＠fact：hkgai-v1-released］',
      '【@fact:hkgai-v1-released]',
      '＠fact:hkgai-v1-released',
      '[@fact：hkgai-v1-released]',
      '【fact:hkgai-v1-released】',
    ]) {
      const text = `香港生成式AI大模型已发布${typed}，供政府部门使用。`;
      const problems = diagnostics(text, index);
      expect(
        problems.map((d) => d.code),
        typed,
      ).toEqual(['malformed-citation']);
      const [problem] = problems;
      expect(problem!.data.rewrite, typed).toBe('[@fact:hkgai-v1-released]');
      const fix = codeActions(text, problem!.range, [problem!], index, { uri }).find((a) => a.isPreferred)!;
      expect(fix.title).toBe('Rewrite as [@fact:hkgai-v1-released]');
      expect(fix.diagnostics).toEqual([problem]);
      const fixed = apply(text, fix as never);
      expect(fixed).toBe('香港生成式AI大模型已发布[@fact:hkgai-v1-released]，供政府部门使用。');
      expect(diagnostics(fixed, index)).toEqual([]);
    }
  });

  it('gives one problem, not two, for an unknown id typed in 【】, and offers the closest id first', () => {
    const text = '香港生成式AI大模型已发布【@fact:hkgai-v1-releasd】。';
    const problems = diagnostics(text, index);
    expect(problems.map((d) => d.code)).toEqual(['malformed-citation']);
    expect(problems[0]!.message).toContain('no fact has the id "hkgai-v1-releasd"');
    expect(problems[0]!.message).toContain('"hkgai-v1-released"');
    const fix = codeActions(text, problems[0]!.range, problems, index, { uri }).find((a) => a.isPreferred)!;
    expect(fix.title).toBe('Rewrite as [@fact:hkgai-v1-released]');
    expect(diagnostics(apply(text, fix as never), index)).toEqual([]);
  });

  describe('for a number that contradicts the cited fact', () => {
    const { wrong, right } = numbersReports();
    const mismatches = diagnostics(wrong, index);

    it('replaces it with the fact’s value as the source writes it, in the report’s script', () => {
      const funding = mismatches.find((d) => d.data.factId === 'hk-ai-rd-institute-funding')!;
      const [fix] = codeActions(wrong, funding.range, [funding], index, { uri });
      expect(fix).toMatchObject({ title: 'Replace 二十亿港元 with 10亿港元 (as in the source)', kind: 'quickfix', isPreferred: true, diagnostics: [funding] });
      const fixed = apply(wrong, fix as never);
      expect(fixed.split('\n')[funding.range.start.line]).toBe(right.split('\n')[funding.range.start.line]!.replace('十亿港元', '10亿港元'));
      expect(diagnostics(fixed, index).some((d) => d.data.factId === 'hk-ai-rd-institute-funding' && d.range.start.line === funding.range.start.line)).toBe(
        false,
      );

      const traditional = mismatches.find((d) => d.data.factId === 'hk-ai-subsidy-scheme-3bn')!;
      expect(codeActions(wrong, traditional.range, [], index, { uri })[0]!.title).toBe('Replace 3億港元 with 30億港元 (as in the source)');
    });

    it('writes the value in English in English prose', () => {
      const english = mismatches.find((d) => textAt(wrong, d.range) === 'HK$2 billion')!;
      const [fix] = codeActions(wrong, english.range, [english], index, { uri });
      expect(fix!.title).toBe('Replace HK$2 billion with HK$1 billion (the source says 10亿港元)');
      expect(apply(wrong, fix as never)).toContain('set aside HK$1 billion for the institute');
    });

    it('fixes every number it can, leaving only the warnings it offers no fix for', () => {
      let text = wrong;
      for (;;) {
        const next = diagnostics(text, index).find((d) => d.data.mismatch?.replacement !== undefined);
        if (!next) break;
        const fix = codeActions(text, next.range, [next], index, { uri }).find((a) => a.isPreferred)!;
        text = apply(text, fix as never);
      }
      const left = diagnostics(text, index);
      // English counts, whose noun would need rewriting, are flagged but not fixed.
      expect(left.map((d) => textAt(text, d.range))).toEqual([
        'more than 2,000 strategic enterprises',
        'more than 14,000 AI patents',
        '82 local organisations',
      ]);
      expect(text).toContain('Pengcheng Cloud Brain II offers at least 1000 POPS of AI computing power');
      expect(left.every((d) => d.code === 'value-mismatch')).toBe(true);
    });

    it('works from the text alone, with the cursor on the number', () => {
      const at = { line: mismatches[0]!.range.start.line, character: mismatches[0]!.range.start.character + 1 };
      const actions = codeActions(wrong, { start: at, end: at }, [], index, { uri });
      // The fix, and last the offer to ignore the warning instead.
      expect(actions.map((a) => a.title.startsWith('Ignore'))).toEqual([false, true]);
      expect(actions[0]!.diagnostics).toBeUndefined();
    });
  });

  it('offers nothing for a sound citation', () => {
    const text = '[@fact:hkgai-v1-released]';
    expect(codeActions(text, { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, [], index, { uri })).toEqual([]);
  });
});
