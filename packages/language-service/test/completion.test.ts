import { describe, expect, it } from 'vitest';
import { completionContext, completions, statementIn } from '../src/index.js';
import { applyEdits, realIndex, textAt } from './fixtures.js';

const index = realIndex();

/** Completion at the end of `before`, with `after` following the cursor. */
function complete(before: string, after = '', options = {}) {
  return completions(before + after, before.length, index, options);
}

function ids(before: string, after = ''): string[] {
  return complete(before, after)?.items.map((i) => i.label) ?? [];
}

describe('completion context', () => {
  it.each([
    ['after "[@"', '政府预留10亿港元[@'],
    ['after "[@fact:"', '政府预留10亿港元[@fact:'],
    ['after "; @" in a group', '见[@fact:hkgai-v1-released; @'],
    ['after "[-@"', '见[-@'],
    ['after a prefix in a group', '见[see @'],
    ['after an in-text "@fact:"', 'As @fact:'],
    ['while "fact:" is half typed', '见[@fa'],
  ])('opens %s', (_, before) => {
    expect(completionContext(before, before.length)).toBeDefined();
  });

  it.each([
    ['a bare @ in running text', 'Ask @'],
    ['an e-mail address', 'mail editor@fact:'],
    ['a code span', 'Write `[@'],
    ['a suffix after the key', '[@fact:hkgai-v1-released, p. 2'],
    ['a closed group', '[@fact:hkgai-v1-released] and @'],
    ['an escaped at-sign', '[\\@'],
  ])('stays closed in %s', (_, before) => {
    expect(completionContext(before, before.length)).toBeUndefined();
    expect(completions(before, before.length, index)).toBeNull();
  });

  it('stays closed in a fenced code block', () => {
    const text = '```\n[@';
    expect(completions(text, text.length, index)).toBeNull();
  });
});

describe('completions', () => {
  it('narrows 数码港, 數碼港 and cyberport to the same facts', () => {
    const simplified = ids('[@数码港');
    const traditional = ids('[@數碼港');
    const english = ids('[@cyberport');
    expect(simplified.length).toBeGreaterThan(3);
    expect(new Set(traditional)).toEqual(new Set(simplified));
    expect(new Set(english)).toEqual(new Set(simplified));
    for (const id of simplified) {
      const fact = index.get(id)!;
      const text = JSON.stringify(fact);
      expect(text.includes('cyberport') || text.includes('数码港') || text.includes('數碼港'), id).toBe(true);
    }
  });

  it('filters on a number as written', () => {
    expect(ids('[@fact:10亿')).toContain('hk-ai-rd-institute-funding');
    expect(ids('[@fact:800多家')).toContain('hk-ai-companies-at-science-park-and-cyberport');
  });

  it('filters on a partial id, even a single letter, ids that start with it first', () => {
    const found = ids('[@fact:hk-ai-rd');
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((id) => id.startsWith('hk-ai-rd'))).toBe(true);
    const one = ids('[@fact:h');
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((id) => id.startsWith('h'))).toBe(true);
  });

  it('filters on an entity alias', () => {
    const found = ids('[@HKSTP');
    expect(found.length).toBeGreaterThan(0);
    const hkstpFacts = new Set(index.byEntity('hkstp').map((f) => f.id));
    expect(found.filter((id) => hkstpFacts.has(id)).length).toBeGreaterThan(0);
  });

  it('filters on an English statement', () => {
    expect(ids('[@supercomputing')).toContain('cyberport-supercomputing-centre-compute-capacity');
  });

  it('offers every fact right after "[@", active ones first', () => {
    const list = complete('[@')!;
    expect(list.isIncomplete).toBe(true);
    const active = index.all().filter((f) => f.status === 'active').length;
    expect(list.items.length).toBe(Math.min(100, index.size));
    expect(list.items.slice(0, Math.min(active, 100)).every((i) => !i.tags)).toBe(true);
  });

  it('inserts fact:ID and closes the bracket after "[@"', () => {
    const before = '政府预留10亿港元[@10亿';
    const item = complete(before)!.items.find((i) => i.label === 'hk-ai-rd-institute-funding')!;
    const edit = item.textEdit as { range: Parameters<typeof textAt>[1]; newText: string };
    expect(textAt(before, edit.range)).toBe('10亿');
    expect(applyEdits(before, [edit])).toBe('政府预留10亿港元[@fact:hk-ai-rd-institute-funding]');
  });

  it('inserts only the id after "@fact:" and does not close a closed group', () => {
    const before = '见[@fact:hkgai-v1-rel';
    const after = '; @fact:hk-ai-companies-800]。';
    const item = complete(before, after)!.items.find((i) => i.label === 'hkgai-v1-released')!;
    const edit = item.textEdit as { range: Parameters<typeof textAt>[1]; newText: string };
    expect(textAt(before + after, edit.range)).toBe('hkgai-v1-rel');
    expect(applyEdits(before + after, [edit])).toBe('见[@fact:hkgai-v1-released; @fact:hk-ai-companies-800]。');
  });

  it('counts UTF-16 characters in its ranges past astral characters', () => {
    const before = '𠀀𠀀 line\n𝒳 [@fact:hkgai';
    const item = complete(before)!.items[0]!;
    const edit = item.textEdit as { range: Parameters<typeof textAt>[1] };
    expect(edit.range.start).toEqual({ line: 1, character: 10 });
    expect(textAt(before, edit.range)).toBe('hkgai');
  });

  it('describes each item with statement beside the id, value and source in the detail', () => {
    const item = complete('[@fact:hk-ai-rd-institute-funding')!.items.find((i) => i.label === 'hk-ai-rd-institute-funding')!;
    const fact = index.get('hk-ai-rd-institute-funding')!;
    const source = index.source(fact.citations[0]!.source)!;
    expect(item.labelDetails?.description).toBe(fact.statement['zh-Hans']!);
    expect(item.detail).toContain(fact.value!.text);
    expect(item.detail).toContain(`${source.publisher}, ${source.published}`);
    const doc = (item.documentation as { kind: string; value: string }).value;
    expect(doc).toContain(index.source(fact.citations[0]!.source)!.publisher);
    expect(doc).toContain(index.source(fact.citations[0]!.source)!.published);
    expect(doc).toContain(`**${fact.value!.text}**`);
  });

  it('shows statements and values in the chosen script', () => {
    const en = complete('[@fact:hk-ai-rd-institute-funding', '', { displayScript: 'en' })!.items[0]!;
    expect(en.labelDetails?.description).toBe(index.get(en.label)!.statement.en);
    expect(en.detail).toMatch(/^HKD 1,000,000,000 \(10亿港元\)/);
    const hk = complete('[@fact:hk-ai-rd-institute-funding', '', { displayScript: 'zh-Hant-HK' })!.items[0]!;
    expect(hk.labelDetails?.description).toBe(statementIn(index.get(hk.label)!, 'zh-Hant-HK', index));
    expect(hk.labelDetails?.description).toMatch(/預留/);
    expect(hk.detail).toMatch(/^10億港元/);
  });

  it("reads values out and labels the card in the writer's language", () => {
    const item = complete('[@fact:hk-ai-companies-at-science-park-and-cyberport', '', { lang: 'zh-Hans' })!.items[0]!;
    expect(item.detail).toMatch(/^800多家（超过800 companies），/);
    const doc = (item.documentation as { value: string }).value;
    expect(doc).toContain('数值：');
    expect(doc).toContain('来源：');
    expect(doc).not.toMatch(/Value:|Source:/);
  });

  it('marks deprecated facts and lists them after active ones', () => {
    const items = complete('[@fact:800多家')!.items;
    const old = items.findIndex((i) => i.label === 'hk-ai-companies-800');
    const current = items.findIndex((i) => i.label === 'hk-ai-companies-at-science-park-and-cyberport');
    expect(old).toBeGreaterThan(current);
    expect(items[old]!.tags).toEqual([1]);
    expect(items[current]!.tags).toBeUndefined();
  });

  it('keeps every item when the editor filters by what was typed', () => {
    const list = complete('[@數碼港')!;
    expect(list.items.every((i) => i.filterText === '數碼港')).toBe(true);
    const order = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(order.map((i) => i.label)).toEqual(list.items.map((i) => i.label));
  });
});
