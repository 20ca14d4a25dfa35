import { describe, expect, it } from 'vitest';
import { codeActions, diagnostics } from '../src/index.js';
import { applyEdits, exampleReport, realIndex } from './fixtures.js';

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

  it('offers nothing for a sound citation', () => {
    const text = '[@fact:hkgai-v1-released]';
    expect(codeActions(text, { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, [], index, { uri })).toEqual([]);
  });
});
