/**
 * The two hints of severity information in the editor: uncited claims, with
 * a fix that inserts the citation at the end of the clause, and facts changed
 * since the pinned release, with fixes that upgrade a sentence or the whole
 * report. The pinned release is the real 0.1.0 snapshot; the current one is
 * made from it by correcting a value.
 */
import { createFactIndex, type Fact } from '@factcite/core';
import { readReleaseSnapshot } from '@factcite/core/node';
import { describe, expect, it } from 'vitest';
import { codeActions, diagnostics } from '../src/index.js';
import { applyEdits, corpusDir, realCorpus, textAt } from './fixtures.js';

const uri = 'file:///reports/draft.md';
const { corpus, index } = realCorpus();

function apply(text: string, action: { edit?: { changes?: Record<string, never[]> } }): string {
  return applyEdits(text, action.edit!.changes![uri]!);
}

describe('uncited-claim', () => {
  // The claim sits in the third paragraph, so the insertion point must be carried from the block to the document.
  const text =
    '# 简报\n\n[@fact:hk-ai-subsidy-scheme-3bn]是资助计划。\n\n目前香港科学园和数码港已集中800多家人工智能相关企业，2024年还吸引了更多企业。\n\nThe government set aside HK$1 billion for the Hong Kong AI R&D Institute, Paul Chan said.\n';

  it('is off unless asked for, and an information hint when asked for', () => {
    expect(diagnostics(text, index).some((d) => d.code === 'uncited-claim')).toBe(false);
    const hints = diagnostics(text, index, { uncited: true }).filter((d) => d.code === 'uncited-claim');
    expect(hints.map((d) => [d.data.factId, d.severity, textAt(text, d.range)])).toEqual([
      ['hk-ai-companies-at-science-park-and-cyberport', 3, '800多家'],
      ['hk-ai-rd-institute-funding', 3, 'HK$1 billion'],
    ]);
  });

  it('inserts the citation before the punctuation that ends the clause, Chinese or English', () => {
    const hints = diagnostics(text, index, { uncited: true }).filter((d) => d.code === 'uncited-claim');
    const fixed = hints.reduce((t, d) => {
      const action = codeActions(t, d.range, [d], index, { uri, check: { uncited: true } }).find((a) => a.title.startsWith('Cite '))!;
      return apply(t, action as never);
    }, text);
    expect(fixed).toContain('相关企业[@fact:hk-ai-companies-at-science-park-and-cyberport]，2024年');
    expect(fixed).toContain('Hong Kong AI R&D Institute[@fact:hk-ai-rd-institute-funding], Paul Chan said.');
    expect(diagnostics(fixed, index, { uncited: true }).filter((d) => d.code === 'uncited-claim')).toEqual([]);
  });

  it('can be ignored where it stands, by a comment that hides that hint and nothing else', () => {
    const [first] = diagnostics(text, index, { uncited: true }).filter((d) => d.code === 'uncited-claim');
    const actions = codeActions(text, first!.range, [first!], index, { uri, check: { uncited: true } });
    const ignore = actions.find((a) => a.title === 'Ignore this hint here')!;
    const ignored = apply(text, ignore as never);
    expect(ignored).toContain('<!-- factcite-disable-next-line uncited-claim -->\n目前香港科学园');
    const left = diagnostics(ignored, index, { uncited: true }).filter((d) => d.code === 'uncited-claim');
    expect(left.map((d) => d.data.factId)).toEqual(['hk-ai-rd-institute-funding']);
    // Without the uncited option there is nothing to ignore, so no such action.
    expect(codeActions(text, first!.range, [], index, { uri }).some((a) => a.title === 'Ignore this hint here')).toBe(false);
  });
});

describe('fact-changed', () => {
  const pinned = readReleaseSnapshot(corpusDir, '0.1.0');
  const facts = pinned.facts.map((f) => structuredClone(f)) as Fact[];
  facts.find((f) => f.id === 'hk-ai-subsidy-scheme-3bn')!.value = { amount: 3.5e9, unit: 'HKD', qualifier: 'exact', text: '35亿港元' };
  const next = createFactIndex({ ...corpus, version: '0.2.0', facts }, { validate: false });
  const text = '---\nfactcite: 0.1.0\n---\n\n# 简报\n\n特区政府推出30亿港元的人工智能资助计划[@fact:hk-ai-subsidy-scheme-3bn]。\n';

  it('notes the changed fact on its id, saying the number now disagrees', () => {
    const found = diagnostics(text, next, { pinned }).filter((d) => d.code === 'fact-changed');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(3);
    expect(found[0]!.message).toContain("this sentence's 30亿港元 now disagrees (now 35亿港元)");
  });

  it('upgrades the sentence, or the whole report with its pin', () => {
    const d = diagnostics(text, next, { pinned }).find((x) => x.code === 'fact-changed')!;
    const actions = codeActions(text, d.range, [d], next, { uri, check: { pinned } });
    const one = actions.find((a) => a.title.startsWith('Upgrade this citation'))!;
    expect(apply(text, one as never)).toBe(text.replace('30亿港元', '35亿港元'));
    const all = actions.find((a) => a.title.startsWith('Upgrade the report to release 0.2.0'))!;
    expect(apply(text, all as never)).toBe(text.replace('30亿港元', '35亿港元').replace('factcite: 0.1.0', 'factcite: 0.2.0'));
  });

  it('upgrades the sentence but offers no pin move when the corpus is at a pre-release version, which no report can pin', () => {
    const rc = createFactIndex({ ...corpus, version: '0.2.0-rc.1', facts }, { validate: false });
    const d = diagnostics(text, rc, { pinned }).find((x) => x.code === 'fact-changed')!;
    const actions = codeActions(text, d.range, [d], rc, { uri, check: { pinned } });
    expect(actions.map((a) => a.title).filter((t) => t.startsWith('Upgrade'))).toEqual([expect.stringMatching(/^Upgrade this citation/)]);
  });

  it('reports a pin the host could not resolve where the pin is written', () => {
    const found = diagnostics(text, next, {
      pinProblem: { start: text.indexOf('0.1.0'), end: text.indexOf('0.1.0') + 5, message: 'no snapshot of release 0.1.0' },
    });
    expect(found[0]).toMatchObject({ code: 'unresolved-pin', severity: 2, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 15 } } });
  });
});
