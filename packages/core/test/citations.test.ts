import { describe, expect, it } from 'vitest';
import { LineIndex, parseCitations } from '../src/index.js';

/** The ids found, with the text each range slices back to. */
function cites(text: string) {
  return parseCitations(text).citations.map((c) => ({ id: c.id, key: text.slice(c.start, c.end), id2: text.slice(c.idStart, c.idEnd) }));
}

describe('parseCitations', () => {
  it('finds a bracketed citation with exact ranges', () => {
    const text = '政府预留10亿港元[@fact:hk-ai-rd-institute-funding]。';
    const [c] = parseCitations(text).citations;
    expect(c).toMatchObject({ id: 'hk-ai-rd-institute-funding', prefix: '', suffix: '', suppressAuthor: false });
    expect(text.slice(c!.start, c!.end)).toBe('@fact:hk-ai-rd-institute-funding');
    expect(text.slice(c!.idStart, c!.idEnd)).toBe('hk-ai-rd-institute-funding');
    expect(text.slice(c!.group!.start, c!.group!.end)).toBe('[@fact:hk-ai-rd-institute-funding]');
  });

  it('reads groups with prefixes and suffixes as Pandoc does', () => {
    const text = 'Both agree [see @fact:hkgai-v1-launch, p. 2; also -@fact:hk-ai-subsidy-scheme-3-billion].';
    const { citations, malformed } = parseCitations(text);
    expect(malformed).toEqual([]);
    expect(citations.map((c) => [c.id, c.prefix, c.suffix, c.suppressAuthor])).toEqual([
      ['hkgai-v1-launch', 'see', ', p. 2', false],
      ['hk-ai-subsidy-scheme-3-billion', 'also', '', true],
    ]);
    expect(text.slice(citations[1]!.start, citations[1]!.end)).toBe('-@fact:hk-ai-subsidy-scheme-3-billion');
    expect(citations[0]!.group).toEqual(citations[1]!.group);
  });

  it('finds in-text citations and drops sentence punctuation from the key', () => {
    expect(cites('As @fact:hkgai-v1-launch. shows, and @fact:a-b, too')).toEqual([
      { id: 'hkgai-v1-launch', key: '@fact:hkgai-v1-launch', id2: 'hkgai-v1-launch' },
      { id: 'a-b', key: '@fact:a-b', id2: 'a-b' },
    ]);
  });

  it('never matches e-mail addresses or escaped at-signs', () => {
    expect(cites('write to editor@fact:desk.example or team.lead@fact:x and \\@fact:not-this')).toEqual([]);
  });

  it('skips code spans, fenced code and HTML comments', () => {
    const text = [
      'Cite `[@fact:in-code]` like this, or ``@fact:double `tick` span``.',
      '```markdown',
      '[@fact:in-fence]',
      '```',
      '~~~~',
      '@fact:in-tilde-fence',
      '~~~~',
      '<!-- [@fact:in-comment] -->',
      'Real: [@fact:outside-code].',
    ].join('\n');
    expect(cites(text).map((c) => c.id)).toEqual(['outside-code']);
  });

  it('reads a comment after a fence that holds a `<!--` of its own as a comment, as Pandoc does', () => {
    // The fenced `<!--` is code; the `-->` after it closes the real comment below, not it.
    const text = '~~~\n<!-- in code\n~~~\n\n<!-- a comment [@fact:in-comment] -->\n\nafter [@fact:after-comment]';
    expect(cites(text).map((c) => c.id)).toEqual(['after-comment']);
  });

  it('skips a citation in any of several overlapping code ranges', () => {
    // The code span opened by the lone backtick runs past the fence inside it.
    const text = 'a lone ` tick\n```\nfenced\n```\n[@fact:in-span] `closing\n\n[@fact:after-span]';
    expect(cites(text).map((c) => c.id)).toEqual(['after-span']);
  });

  it('stays linear on a long report with many groups and code spans', () => {
    // Quadratic scans took minutes here; linear ones take well under a second.
    const paragraph = 'See `code` and [@fact:hkgai-v1-launch; @fact:hk-ai-rd-institute-funding], then @fact:a-b.\n\n';
    const text = paragraph.repeat(40_000);
    expect(parseCitations(text).citations).toHaveLength(120_000);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(cites('[@fact:before]\n```\n[@fact:after]\n').map((c) => c.id)).toEqual(['before']);
  });

  it('keeps ranges right with CRLF line endings', () => {
    const text = 'Line one\r\n\r\nSee [@fact:hkgai-v1-launch]\r\n';
    const [c] = parseCitations(text).citations;
    expect(text.slice(c!.idStart, c!.idEnd)).toBe('hkgai-v1-launch');
    expect(new LineIndex(text).humanPosition(c!.idStart)).toEqual({ line: 3, column: 12 });
  });

  it('counts UTF-16 offsets past astral characters and code points for humans', () => {
    const text = '𠀋𠀋 數碼港 [@fact:cyberport-startups]';
    const [c] = parseCitations(text).citations;
    expect(text.slice(c!.idStart, c!.idEnd)).toBe('cyberport-startups');
    // Two astral characters are four UTF-16 units but two columns.
    expect(c!.idStart).toBe(16);
    expect(new LineIndex(text).humanPosition(c!.idStart).column).toBe(15);
  });

  it('does not read link text or plain brackets as citation groups', () => {
    const text = '[@fact:linked](https://example.org) and [a note] and [@fact:real]';
    const parsed = parseCitations(text);
    // The key inside link text is still an in-text citation, as in Pandoc.
    expect(parsed.citations.map((c) => [c.id, c.group ? 'group' : 'in-text'])).toEqual([
      ['linked', 'in-text'],
      ['real', 'group'],
    ]);
  });

  it('reports malformed citations with their ranges', () => {
    const text = 'A [@fact:] B [@fact:Bad_Id] C [@fact:a @fact:b] D [fact:no-at; @fact:ok] E [@fact:open\n\nnext';
    const { malformed, citations } = parseCitations(text);
    const slices = malformed.map((m) => [text.slice(m.start, m.end), m.message.split(':')[0]]);
    expect(slices).toEqual([
      ['@fact:', 'fact citation has no id after "@fact'],
      ['Bad_Id', '"Bad_Id" is not a valid fact id'],
      ['@fact:b', 'separate cited facts with ";"'],
      ['fact:no-at', 'citation key needs "@" before "fact'],
      ['[@fact:open', 'citation group is not closed with "]"'],
    ]);
    expect(citations.map((c) => c.id)).toEqual(['a', 'ok']);
  });

  it('ignores other citation keys', () => {
    expect(parseCitations('[@smith2020, p. 4] and @doe').citations).toEqual([]);
  });

  it('flags citations typed with a Chinese input method, once each, with the canonical rewrite', () => {
    const forms: [string, string, string][] = [
      ['【@fact:hkgai-v1-launch】', '[@fact:hkgai-v1-launch]', '【'],
      ['［@fact:hkgai-v1-launch］', '[@fact:hkgai-v1-launch]', '［'],
      ['[＠fact:hkgai-v1-launch]', '[@fact:hkgai-v1-launch]', '＠'],
      ['[@fact：hkgai-v1-launch]', '[@fact:hkgai-v1-launch]', '：'],
      ['【＠fact：hkgai-v1-launch】', '[@fact:hkgai-v1-launch]', '＠'],
      ['【@fact:hkgai-v1-launch]', '[@fact:hkgai-v1-launch]', '【'],
      ['[@fact:hkgai-v1-launch】', '[@fact:hkgai-v1-launch]', '】'],
      ['[@fact:a；@fact:b-c]', '[@fact:a; @fact:b-c]', '；'],
      ['【见@fact:a，第3页；@fact:b】', '[见@fact:a，第3页; @fact:b]', '；'],
      ['【fact:hkgai-v1-launch】', '[@fact:hkgai-v1-launch]', '【'],
    ];
    for (const [typed, rewrite, mark] of forms) {
      const text = `政府预留10亿港元${typed}。其后`;
      const { malformed } = parseCitations(text);
      expect(malformed, typed).toHaveLength(1);
      const [m] = malformed;
      expect(text.slice(m!.start, m!.end), typed).toBe(typed);
      expect(m!.rewrite, typed).toBe(rewrite);
      expect(m!.message, typed).toContain(typed);
      expect(m!.message, typed).toContain(rewrite);
      expect(m!.message, typed).toContain(`"${mark}"`);
    }
  });

  it('rewrites an IME key written on its own as a bracketed citation', () => {
    for (const typed of ['＠fact:hkgai-v1-launch', '@fact：hkgai-v1-launch', '＠fact：hkgai-v1-launch']) {
      const text = `如${typed}所述。`;
      const { malformed, citations } = parseCitations(text);
      expect(citations).toEqual([]);
      expect(malformed.map((m) => [text.slice(m.start, m.end), m.rewrite, m.id])).toEqual([[typed, '[@fact:hkgai-v1-launch]', 'hkgai-v1-launch']]);
    }
  });

  it('keeps reading the key inside 【】 as Pandoc does, so its id is still checked', () => {
    const text = '见【@fact:hkgai-v1-launch】。';
    const { citations, malformed } = parseCitations(text);
    expect(citations.map((c) => c.id)).toEqual(['hkgai-v1-launch']);
    expect(malformed.map((m) => m.id)).toEqual(['hkgai-v1-launch']);
  });

  it('leaves full-width brackets and colons alone in prose and around a canonical citation', () => {
    for (const text of ['【注】报告：见[@fact:a-b]。', '[@fact:a-b，见第3页：表1]', '【注：见[@fact:a-b]】', 'fact：no-at here', '［1］事实：数码港']) {
      expect(parseCitations(text).malformed, text).toEqual([]);
    }
  });

  it('flags a lone [fact:ID] without "@"', () => {
    const text = '政府预留10亿港元[fact:hk-ai-rd-institute-funding]。';
    const { malformed, citations } = parseCitations(text);
    expect(citations).toEqual([]);
    expect(malformed.map((m) => [text.slice(m.start, m.end), m.rewrite])).toEqual([['fact:hk-ai-rd-institute-funding', '@fact:hk-ai-rd-institute-funding']]);
  });

  it('reads no citation where Pandoc reads none', () => {
    const opaque = [
      '    indented code @fact:in-code',
      'inline math $x @fact:in-math$ here',
      'display math $$\n[@fact:in-math]\n$$ here',
      'a [link](https://example.org/@fact:in-url "title @fact:in-title") here',
      '![image](pic.png "@fact:in-title")',
      'an autolink <https://example.org/@fact:in-autolink>',
      '<span title="@fact:in-attribute">text</span>',
      '<pre>\n[@fact:in-pre]\n</pre>',
      '[ref]: https://example.org/@fact:in-definition "@fact:in-title"',
    ];
    for (const text of opaque)
      expect(
        cites(`${text}\n\nafter [@fact:kept]`).map((c) => c.id),
        text,
      ).toEqual(['kept']);
  });

  it('still reads citations next to those constructs', () => {
    const text = '$5 and $6 [@fact:a]; [text @fact:b](https://x.org); <span>[@fact:c]</span>; - item\n\n    [@fact:d]';
    expect(cites(`- list\n\n${text}`).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(cites('- item\n\n    continued [@fact:d]').map((c) => c.id)).toEqual(['d']);
  });

  it('gives right lines and columns with lone CR, CRLF and mixed line endings', () => {
    for (const br of ['\r', '\r\n', '\n']) {
      const text = ['第一行', '', 'See [@fact:hkgai-v1-launch]'].join(br);
      const [c] = parseCitations(text).citations;
      const lines = new LineIndex(text);
      expect(lines.humanPosition(c!.idStart), JSON.stringify(br)).toEqual({ line: 3, column: 12 });
      expect(lines.position(c!.idStart)).toEqual({ line: 2, character: 11 });
      expect(lines.offset({ line: 2, character: 11 })).toBe(c!.idStart);
      expect(lines.lineText(0)).toBe('第一行');
      expect(lines.lineCount).toBe(3);
      // A column past the end of a line stops before its line break.
      expect(lines.offset({ line: 0, character: 99 })).toBe(3);
    }
    const mixed = 'a\rb\r\nc\nd\r\re';
    const lines = new LineIndex(mixed);
    expect([...'abcde'].map((ch) => lines.position(mixed.indexOf(ch)))).toEqual([0, 1, 2, 3, 5].map((line) => ({ line, character: 0 })));
    expect(lines.lineText(4)).toBe('');
  });
});
