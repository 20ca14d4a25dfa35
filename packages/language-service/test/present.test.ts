import { describe, expect, it } from 'vitest';
import { describeValue, footnote, resolveScript, statementIn, valueLine } from '../src/index.js';
import { realIndex } from './fixtures.js';

const index = realIndex();

describe('fact presentation', () => {
  it('reads values out in English', () => {
    expect(describeValue(index.get('hk-ai-rd-institute-funding')!.value!)).toBe('HKD 1,000,000,000');
    expect(describeValue(index.get('hk-ai-companies-at-science-park-and-cyberport')!.value!)).toBe('more than 800 companies');
    const ranked = index.all().find((f) => f.value?.unit === 'rank' && f.value.of)!;
    expect(describeValue(ranked.value!)).toBe(`#${ranked.value!.amount} of ${ranked.value!.of}`);
    const range = index.all().find((f) => f.value?.upTo !== undefined)!;
    expect(describeValue(range.value!)).toContain(`${range.value!.amount}–${range.value!.upTo}`);
  });

  it('puts a value with its date', () => {
    const fact = index.get('hk-ai-companies-at-science-park-and-cyberport')!;
    expect(valueLine(fact)).toBe(`800多家 (more than 800 companies), ${fact.date}`);
  });

  it('reads "original" as the script of the first source', () => {
    for (const fact of index.all().slice(0, 50)) {
      const script = index.source(fact.citations[0]!.source)!.script;
      expect(resolveScript(fact, 'original', index)).toBe(script === 'Hant' ? 'zh-Hant-HK' : 'zh-Hans');
      if (script === 'Hans' && fact.statement['zh-Hans']) expect(statementIn(fact, 'original', index)).toBe(fact.statement['zh-Hans']);
    }
  });

  it('writes a Markdown footnote with the statement and the source', () => {
    const fact = index.get('hk-ai-rd-institute-funding')!;
    const source = index.source(fact.citations[0]!.source)!;
    const note = footnote(fact, index, 'en');
    expect(note.startsWith(`[^hk-ai-rd-institute-funding]: ${fact.statement.en}`)).toBe(true);
    expect(note).toContain(`${source.publisher}, “${source.title}”, ${source.published}.`);
    expect(note).not.toContain('\n');
  });
});
