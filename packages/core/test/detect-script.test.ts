import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/ingest-entry.js';
import { detectScript } from '../src/index.js';
import { sentenceScript } from '../src/text/sentence-script.js';

// Clauses from the corpus sources whose only script-specific characters are
// ones ingest's old list lacked (億, 規, 聯, 统…) and the value check's had:
// ingest called the Traditional ones Simplified (a tie), the value check did not.
const TRADITIONAL = ['形成規模1000億元（人民幣', '深圳千億基金群 攜港建算力樞紐', '該司聯合創始人兼CTO呂江波受訪透露'];
const SIMPLIFIED = ['持620亿的港投基金支持AI独角兽思谋', '承诺加强合规检查'];

describe('one script detector for ingest and the value check', () => {
  it('reads the clauses the two lists disagreed on alike in both', () => {
    for (const clause of TRADITIONAL) {
      expect(detectScript(clause), clause).toBe('Hant');
      expect(cleanArticle(`標題\n\n${clause}。\n`).meta.script, clause).toBe('Hant');
      expect(sentenceScript(clause), clause).toBe('zh-Hant-HK');
    }
    for (const clause of SIMPLIFIED) {
      expect(detectScript(clause), clause).toBe('Hans');
      expect(sentenceScript(clause), clause).toBe('zh-Hans');
    }
  });

  it('counts the frequent characters, so a few shared or foreign ones do not sway it', () => {
    expect(detectScript('香港數碼港主席表示，研發中心發布了大模型。')).toBe('Hant');
    expect(detectScript('香港数码港主席表示，研发中心发布了大模型。')).toBe('Hans');
    expect(detectScript('HKGAI V1')).toBe('Hans');
  });

  it('leaves a sentence of shared characters to conversion, and undecided when that does not tell', () => {
    expect(sentenceScript('人工智能')).toBeUndefined();
    expect(sentenceScript('香港數碼港')).toBe('zh-Hant-HK');
  });
});
