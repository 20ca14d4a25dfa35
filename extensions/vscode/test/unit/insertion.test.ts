import { describe, expect, it } from 'vitest';
import { citationInsertion } from '../../src/insertion.js';

const id = 'hk-ai-rd-institute-funding';

describe('citationInsertion', () => {
  it('inserts a whole citation in running text', () => {
    expect(citationInsertion(id, '政府预留10亿港元', '。')).toEqual({ text: `[@fact:${id}]`, replaceBefore: 0 });
  });

  it('completes a key being typed and closes its group', () => {
    expect(citationInsertion(id, '预留10亿港元[@fact:hk-ai', '')).toEqual({ text: `${id}]`, replaceBefore: 5 });
  });

  it('does not close a group that is already closed', () => {
    expect(citationInsertion(id, '预留10亿港元[@fact:', ']。')).toEqual({ text: id, replaceBefore: 0 });
  });

  it('inserts just the key right after an opening bracket', () => {
    expect(citationInsertion(id, '预留10亿港元[', ']')).toEqual({ text: `@fact:${id}`, replaceBefore: 0 });
  });

  it('separates a second key in a group with a semicolon', () => {
    expect(citationInsertion(id, '见[@fact:hkgai-v1-launch ', ']')).toEqual({ text: `; @fact:${id}`, replaceBefore: 1 });
  });

  it('treats an in-text key being typed like any other', () => {
    expect(citationInsertion(id, 'As @fact:', ' says')).toEqual({ text: id, replaceBefore: 0 });
  });

  it('ignores a bracket closed earlier on the line', () => {
    expect(citationInsertion(id, '[@fact:hkgai-v1-launch] 另见', '')).toEqual({ text: `[@fact:${id}]`, replaceBefore: 0 });
  });
});
