import { describe, expect, it } from 'vitest';
import { annotation } from '../../src/annotation.js';
import { toDisplaySetting, truncate } from '../../src/display.js';
import { corpus, index } from './fixtures.js';

describe('annotation', () => {
  it('shows the value as the source writes it', () => {
    expect(annotation(index, 'hk-ai-rd-institute-funding')).toBe('10亿港元');
  });

  it('marks a deprecated fact', () => {
    const deprecated = corpus.facts.find((f) => f.status === 'deprecated' && f.value)!;
    expect(annotation(index, deprecated.id)).toBe(`${deprecated.value!.text} (deprecated)`);
    expect(annotation(index, deprecated.id, 'original', 'zh-Hant')).toBe(`${deprecated.value!.text}（已棄用）`);
  });

  it('follows the display script, and says what a date is', () => {
    expect(annotation(index, 'hk-ai-rd-institute-funding', 'zh-Hant-HK')).toBe('10億港元');
    const dated = corpus.facts.find((f) => f.value?.date && f.value.amount === undefined)!;
    const [year, month] = dated.value!.date!.split('-');
    expect(annotation(index, dated.id)).toMatch(new RegExp(`^${year}年${Number(month)}月`));
  });

  it('shows nothing for an unknown id (the diagnostic says it)', () => {
    expect(annotation(index, 'hk-ai-subsidy-scheme-3-billion')).toBeUndefined();
  });
});

describe('settings and text helpers', () => {
  it('falls back to the original script for an unknown display setting', () => {
    expect(toDisplaySetting('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(toDisplaySetting('klingon')).toBe('original');
    expect(toDisplaySetting(undefined)).toBe('original');
  });

  it('truncates by characters, not UTF-16 units', () => {
    expect(truncate('香港人工智能研发院', 5)).toBe('香港人工…');
    expect(truncate('𠀀𠀁𠀂', 3)).toBe('𠀀𠀁𠀂');
  });
});
