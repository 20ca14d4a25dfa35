import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeWithEmphasis, safeLink } from '../src/markdown.js';

describe('Markdown escaping', () => {
  it('escapes link, image, HTML, code and emphasis syntax', () => {
    expect(escapeMarkdown('[x](command:y) ![i](u) <b> `c` *e* _f_')).toBe('\\[x\\]\\(command\\:y\\) \\!\\[i\\]\\(u\\) \\<b\\> \\`c\\` \\*e\\* \\_f\\_');
  });

  it('guards line-start syntax and joins lines', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('2025. A year')).toBe('2025\\. A year');
    expect(escapeMarkdown('one\n\n# two')).toBe('one \\# two');
  });

  it('leaves Chinese text and its punctuation alone', () => {
    expect(escapeMarkdown('香港已预留10亿港元，成立（研发院）。')).toBe('香港已预留10亿港元，成立（研发院）。');
  });

  it('bolds a value inside a quote, trimming punctuation off the bold span', () => {
    expect(escapeWithEmphasis('使用率达88%的员工', '88%')).toBe('使用率达**88**%的员工');
    expect(escapeWithEmphasis('预留10亿港元，成立', '10亿港元')).toBe('预留**10亿港元**，成立');
    expect(escapeWithEmphasis('预留10亿港元', '20亿港元')).toBe('预留10亿港元');
    expect(escapeWithEmphasis('a [*] b', '[*]')).toBe('a \\[\\*\\] b');
  });

  it('links only http and https URLs', () => {
    expect(safeLink('t', 'https://example.com/a(b)')).toBe('[t](https://example.com/a%28b%29)');
    expect(safeLink('t', 'javascript:alert(1)')).toBe('t');
    expect(safeLink('t', 'command:workbench.action.files.delete')).toBe('t');
    expect(safeLink('t', 'not a url')).toBe('t');
  });
});
