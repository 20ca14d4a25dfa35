import { describe, expect, it } from 'vitest';
import { convertScript } from '@factcite/core';
import { describeValue, footnote, inlineValue, resolveScript, statementIn, valueLine } from '../src/index.js';
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

  it("reads values out in the writer's language, units as the corpus writes them", () => {
    expect(describeValue(index.get('hk-ai-companies-at-science-park-and-cyberport')!.value!, 'zh-Hans')).toBe('超过800 companies');
    expect(describeValue(index.get('hk-ai-companies-at-science-park-and-cyberport')!.value!, 'zh-Hant')).toBe('超過800 companies');
    const ranked = index.all().find((f) => f.value?.unit === 'rank' && f.value.of)!;
    expect(describeValue(ranked.value!, 'zh-Hant')).toBe(`第${ranked.value!.amount}名（共${ranked.value!.of}名）`);
    const fact = index.get('hk-ai-companies-at-science-park-and-cyberport')!;
    expect(valueLine(fact, 'original', 'zh-Hans')).toBe(`800多家（超过800 companies），${fact.date}`);
    expect(inlineValue(index.get('hk-ai-companies-800')!, index, 'original', 'zh-Hant')).toBe('800多家（已棄用）');
  });

  it('puts a value with its date', () => {
    const fact = index.get('hk-ai-companies-at-science-park-and-cyberport')!;
    expect(valueLine(fact)).toBe(`800多家 (more than 800 companies), ${fact.date}`);
  });

  it('writes the value line in the display script', () => {
    const fact = index.get('hk-ai-rd-institute-funding')!;
    expect(valueLine(fact, 'zh-Hant-HK')).toBe(`${convertScript(fact.value!.text, 'zh-Hant-HK')} (HKD 1,000,000,000), ${fact.date}`);
    expect(valueLine(fact, 'zh-Hant-HK')).toMatch(/^10億港元/);
    expect(valueLine(fact, 'zh-Hans')).toMatch(/^10亿港元/);
    expect(valueLine(fact, 'en')).toBe(`HKD 1,000,000,000 (${fact.value!.text}), ${fact.date}`);
  });

  it('gives inline values, dates in full rather than as the source wrote them', () => {
    const dated = index.all().find((f) => f.value?.date && f.value.amount === undefined && !/^\d{4}/.test(f.value.text))!;
    const [year, month, day] = dated.value!.date!.split('-');
    const shown = inlineValue(dated, index, 'zh-Hans')!;
    expect(shown).toBe(`${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`);
    expect(shown).not.toBe(dated.value!.text);
    expect(inlineValue(dated, index, 'en')).toBe(dated.value!.date);
    const money = index.get('hk-ai-rd-institute-funding')!;
    expect(inlineValue(money, index, 'zh-Hant-HK')).toBe('10億港元');
    expect(inlineValue(money, index, 'en')).toBe('HKD 1,000,000,000');
    expect(inlineValue(index.get('hk-ai-companies-800')!, index)).toBe('800多家 (deprecated)');
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
