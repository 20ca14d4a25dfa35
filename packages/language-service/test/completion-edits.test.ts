import { LineIndex } from '@factcite/core';
import type { CompletionItem, InsertReplaceEdit, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { completions } from '../src/index.js';
import { applyEdits, realIndex } from './fixtures.js';

const index = realIndex();

type Mode = 'insert' | 'replace';

/**
 * Accepts an item as VS Code does: the edit of the chosen insert mode and
 * the additional edits; the cursor ends at the end of the main edit's new text.
 */
function accept(before: string, after: string, pick: (items: CompletionItem[]) => CompletionItem | undefined, mode: Mode = 'insert') {
  const text = before + after;
  const list = completions(text, before.length, index, { insertReplace: true });
  expect(list, 'no completion here').not.toBeNull();
  const item = pick(list!.items);
  expect(item, 'no such item').toBeDefined();
  const edit = item!.textEdit as InsertReplaceEdit;
  const range = mode === 'insert' ? edit.insert : edit.replace;
  const main = { range, newText: edit.newText };
  const result = applyEdits(text, [main, ...((item!.additionalTextEdits ?? []) as TextEdit[])]);
  // The additional edits never change lengths (a full-width bracket for a half-width one), so offsets hold.
  const cursor = new LineIndex(text).offset(range.start) + edit.newText.length;
  return { id: item!.label, result, cursor, before: result.slice(0, cursor), after: result.slice(cursor) };
}

const first = (items: CompletionItem[]) => items[0];
const byId = (id: string) => (items: CompletionItem[]) => items.find((i) => i.label === id);

describe('accepting a completion keeps the text after the cursor', () => {
  const cases = [
    ['Simplified', '政府预留10亿港元[@fact:研发院', '成立香港人工智能研发院，由数字政策办公室负责。'],
    ['Traditional', '政府預留10億港元[@fact:研發院', '成立香港人工智能研發院，由數字政策辦公室負責。'],
    ['the LSP report', '政府预留10亿港元[@fact:成立研发院', '。'],
  ] as const;
  for (const mode of ['insert', 'replace'] as const) {
    it.each(cases)(`in %s mid-sentence (${mode} mode)`, (_, before, after) => {
      const done = accept(before, after, first, mode);
      const prefix = before.slice(0, before.indexOf('[@fact:'));
      expect(done.result).toBe(`${prefix}[@fact:${done.id}]${after}`);
      expect(done.after).toBe(after);
      expect(done.before.endsWith(']')).toBe(true);
    });
  }

  it('never lets the range reach past the cursor, in either mode, over Han text', () => {
    const before = '政府预留10亿港元[@fact:研发院';
    const after = '成立香港人工智能研发院';
    const edit = completions(before + after, before.length, index, { insertReplace: true })!.items[0]!.textEdit as InsertReplaceEdit;
    expect(edit.insert.end.character).toBe(before.length);
    expect(edit.replace.end.character).toBe(before.length);
  });

  it('gives a plain edit ending at the cursor to a client without insert/replace support', () => {
    const before = '政府预留10亿港元[@fact:研发院';
    const after = '成立香港人工智能研发院。';
    const item = completions(before + after, before.length, index)!.items[0]!;
    const edit = item.textEdit as TextEdit;
    expect(edit.range.end.character).toBe(before.length);
    expect(applyEdits(before + after, [edit])).toBe(`政府预留10亿港元[@fact:${item.label}]${after}`);
  });
});

describe('the closing bracket', () => {
  it('is written once over the bracket an editor auto-closed, and the cursor ends after it', () => {
    for (const mode of ['insert', 'replace'] as const) {
      const done = accept('政府预留10亿港元[@', ']', byId('hk-ai-rd-institute-funding'), mode);
      expect(done.result).toBe('政府预留10亿港元[@fact:hk-ai-rd-institute-funding]');
      expect(done.after).toBe('');
      const typed = accept('数码港的算力[@fact:数码港', ']\n下一段。', first, mode);
      expect(typed.result).toBe(`数码港的算力[@fact:${typed.id}]\n下一段。`);
      expect(typed.after).toBe('\n下一段。');
    }
  });

  it('is added at the end of a line when none follows', () => {
    const done = accept('数码港的算力[@fact:数码港', '', first);
    expect(done.result).toBe(`数码港的算力[@fact:${done.id}]`);
    expect(done.after).toBe('');
  });

  it('is not added inside a group before ";": the cursor ends right after the id', () => {
    const done = accept('见[@fact:研发院', '; @fact:hkgai-v1-released]。', first);
    expect(done.result).toBe(`见[@fact:${done.id}; @fact:hkgai-v1-released]。`);
    expect(done.after).toBe('; @fact:hkgai-v1-released]。');
    const wide = accept('见[@fact:研发院', '；@fact:hkgai-v1-released]。', first);
    expect(wide.after).toBe('；@fact:hkgai-v1-released]。');
    // Before the group's end is typed, too: a ] here would leave the next key outside it.
    const open = accept('见[@fact:研发院', '; @fact:hkgai-v1-released', first);
    expect(open.result).toBe(`见[@fact:${open.id}; @fact:hkgai-v1-released`);
  });

  it('is not added when the group is closed further on', () => {
    const done = accept('[see @fact:研发院', ', p. 2]。', first);
    expect(done.result).toBe(`[see @fact:${done.id}, p. 2]。`);
  });

  it('is never added to an in-text citation', () => {
    const done = accept('As @fact:hkgai-v1', ' says', byId('hkgai-v1-released'));
    expect(done.result).toBe('As @fact:hkgai-v1-released says');
  });
});

describe('the rest of an id after the cursor', () => {
  const before = '见[@fact:hkgai-v1-rel';
  const after = 'eased]。';

  it('is kept in insert mode and replaced in replace mode', () => {
    expect(accept(before, after, byId('hkgai-v1-released'), 'insert').result).toBe('见[@fact:hkgai-v1-releasedeased]。');
    const replaced = accept(before, after, byId('hkgai-v1-released'), 'replace');
    expect(replaced.result).toBe('见[@fact:hkgai-v1-released]。');
    expect(replaced.after).toBe(']。');
  });

  it('is not taken for an id when words follow it', () => {
    const text = '见[@fact:hk2024年的报告';
    const edit = completions(text, '见[@fact:hk'.length, index, { insertReplace: true })!.items[0]!.textEdit as InsertReplaceEdit;
    expect(edit.replace).toEqual(edit.insert);
  });
});

describe('citations typed with a Chinese input method', () => {
  it.each([
    ['【@', '政府预留10亿港元【@10亿', ''],
    ['［@', '政府预留10亿港元［@10亿', ''],
    ['[＠', '政府预留10亿港元[＠10亿', ''],
    ['【＠fact：', '政府预留10亿港元【＠fact：10亿', ''],
    ['[@fact：', '政府预留10亿港元[@fact：10亿', ''],
    ['【@ with the IME closing 】', '政府预留10亿港元【@10亿', '】'],
    ['［@ with the IME closing ］', '政府预留10亿港元［@10亿', '］'],
  ])('completes after %s and writes the canonical [@fact:id]', (_, before, after) => {
    for (const mode of ['insert', 'replace'] as const) {
      const done = accept(before, `${after}，由数字政策办公室负责。`, byId('hk-ai-rd-institute-funding'), mode);
      expect(done.result).toBe('政府预留10亿港元[@fact:hk-ai-rd-institute-funding]，由数字政策办公室负责。');
      expect(done.after).toBe('，由数字政策办公室负责。');
    }
  });

  it('keeps the author suppression of 【-@', () => {
    expect(accept('见【-@10亿', '', byId('hk-ai-rd-institute-funding')).result).toBe('见[-@fact:hk-ai-rd-institute-funding]');
  });

  it('rewrites the full-width opener of a group when completing a later key', () => {
    const done = accept('见【@fact:hkgai-v1-released; @10亿', '', byId('hk-ai-rd-institute-funding'));
    expect(done.result).toBe('见[@fact:hkgai-v1-released; @fact:hk-ai-rd-institute-funding]');
  });

  it('completes an in-text ＠fact： and leaves a bare ＠ in running text alone', () => {
    expect(accept('As ＠fact：hkgai-v1', ' says', byId('hkgai-v1-released')).result).toBe('As @fact:hkgai-v1-released says');
    expect(completions('Ask ＠', 5, index)).toBeNull();
    expect(completions('mail editor＠fact:', 17, index)).toBeNull();
  });
});

describe('ranking before a query is typed', () => {
  const sentence = (text: string, at: string) => completions(text, text.indexOf(at) + at.length, index)!.items.map((i) => i.label);

  it('puts facts about the sentence being written first, not ids in order', () => {
    // A short clause that other facts hold word for word (2025年2月) must not outrank the sentence.
    const ids = sentence('2025年2月，财政司司长宣布政府预留10亿港元成立香港人工智能研发院[@]。', '[@');
    expect(ids[0]).toBe('hk-ai-rd-institute-funding');
    const alphabetical = index
      .all()
      .map((f) => f.id)
      .sort();
    expect(ids.slice(0, 5)).not.toEqual(alphabetical.slice(0, 5));
  });

  it('reads the words after the cursor in the same sentence too', () => {
    const ids = sentence('港投公司与[@]思谋集团签订战略合作协议。', '[@');
    expect(ids[0]).toBe('hkic-smartmore-strategic-agreement');
  });

  it('ranks the fact whose value the sentence states in another form above facts that only share its words', () => {
    // 十億港元 is the 10亿港元 of hk-ai-rd-institute-funding; its words alone rank other funds first.
    expect(sentence('政府拨款十億港元[@', '[@')[0]).toBe('hk-ai-rd-institute-funding');
    expect(sentence('已引进六十六家重点企业[@', '[@')[0]).toBe('oase-key-enterprises-attracted-66');
  });

  it('still offers every fact, after those about the sentence', () => {
    const ids = sentence('政府预留10亿港元[@', '[@');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Math.min(100, index.size));
  });

  it('falls back to id order when the line holds nothing but the citation', () => {
    const ids = sentence('[@', '[@');
    const active = index
      .all()
      .filter((f) => f.status === 'active')
      .map((f) => f.id)
      .sort();
    expect(ids.slice(0, 5)).toEqual(active.slice(0, 5));
  });
});
