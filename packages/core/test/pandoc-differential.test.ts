import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCitations } from '../src/index.js';

// Differential test: on generated Markdown with fact citations in odd places
// (and in the places where Pandoc reads none: code, math, link targets,
// autolinks, raw HTML, reference definitions), our parser and Pandoc itself (Debian's pandoc, `-t json`) must find the same
// fact ids in the same order. CI installs pandoc (.ci/run).

const seed = Number(process.env.FACTCITE_FC_SEED ?? 20251123);
const documents = Number(process.env.FACTCITE_PANDOC_DOCS ?? 150);

const id = fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));

// Each template places citations somewhere Markdown makes interesting.
const templates: ((a: string, b: string) => string)[] = [
  (a) => `香港预留10亿港元[@fact:${a}]。`,
  (a, b) => `Both [see @fact:${a}, p. 3; also @fact:${b}] agree.`,
  (a) => `*emphasis [@fact:${a}]* and **strong @fact:${a}**`,
  (a) => `[@fact:${a}](https://example.org) is a link`,
  (a, b) => `[a link](https://example.org) then [@fact:${a}] and [-@fact:${b}]`,
  (a) => `- a list item [@fact:${a}]\n- another`,
  (a, b) => `1. first @fact:${a} says\n2. second [@fact:${b}]`,
  (a, b) => `| col | cite |\n| --- | --- |\n| x | [@fact:${a}] |\n| y | @fact:${b} |`,
  (a, b) => `code \`[@fact:${a}]\` is not a citation, but [@fact:${b}] is`,
  (a, b) => `\`\`\`\n[@fact:${a}]\n\`\`\`\n\nafter the fence [@fact:${b}]`,
  (a) => `mail editor@fact:${a} is an address`,
  (a) => `an escaped \\@fact:${a} is text`,
  (a) => `> quoted [@fact:${a}]`,
  (a, b) => `# Heading @fact:${a}\n\ntext [@fact:${b}].`,
  (a) => `数码港@fact:${a}，不是引用`,
  (a) => `（@fact:${a}）`,
  (a) => `@fact:${a}. Sentence end.`,
  (a, b) => `[@fact:${a}; @fact:${b}]`,
  // Where Pandoc reads no citation at all.
  (a, b) => `    indented code [@fact:${a}]\n    @fact:${b}`,
  (a, b) => `~~~ {.md}\n@fact:${a}\n~~~\n\nthen @fact:${b}`,
  (a, b) => `~~~\n<!-- in code\n~~~\n\n<!-- a comment [@fact:${a}] -->\n\nafter [@fact:${b}]`,
  (a, b) => `inline math $x = @fact:${a}$ and [@fact:${b}]`,
  (a, b) => `display math $$[@fact:${a}]$$ then $5 and $6 [@fact:${b}]`,
  (a, b) => `$ @fact:${a}$ is no math, nor $@fact:${b} $`,
  (a, b) => `[text @fact:${a}](https://example.org/@fact:${b} "title @fact:${b}")`,
  (a, b) => `![image](pic.png "@fact:${a}") and [@fact:${b}]`,
  (a, b) => `an autolink <https://example.org/@fact:${a}> and [@fact:${b}]`,
  (a, b) => `<span title="@fact:${a}">[@fact:${b}]</span>`,
  (a, b) => `<a href="x" data-x='@fact:${a}'>link</a> @fact:${b}`,
  (a, b) => `<pre>\n[@fact:${a}]\n</pre>\n\n<div>\n[@fact:${b}]\n</div>`,
  (a, b) => `[ref-${a}]: https://example.org/@fact:${a} "@fact:${b}"\n\ntext [@fact:${b}]`,
  (a, b) => `- item [@fact:${a}]\n\n    more of the item @fact:${b}`,
  // What a Chinese input method types: Pandoc reads @fact: in 【】 (in-text), and nothing with ＠ or ：.
  (a, b) => `见【@fact:${a}】与［@fact:${b}］`,
  (a, b) => `见［＠fact:${a}］与[@fact：${b}]与＠fact:${a}`,
];

const document = fc
  .array(fc.tuple(fc.integer({ min: 0, max: templates.length - 1 }), id, id), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([t, a, b]) => templates[t]!(a, b)).join('\n\n'));

function pandocFactIds(markdown: string): string[] {
  const json = execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node && typeof node === 'object') {
      const n = node as { t?: string; c?: unknown };
      if (n.t === 'Cite') {
        const [citations, inlines] = n.c as [{ citationId: string }[], unknown];
        for (const c of citations) if (c.citationId.startsWith('fact:')) ids.push(c.citationId.slice(5));
        walk(inlines);
        return;
      }
      for (const value of Object.values(n)) walk(value);
    }
  };
  walk(JSON.parse(json));
  return ids;
}

describe('parseCitations agrees with Pandoc', () => {
  it('is tested against a real pandoc', () => {
    expect(() => execFileSync('pandoc', ['--version'])).not.toThrow();
  });

  const samples = fc.sample(document, { numRuns: documents, seed });
  it(`finds the same fact ids as pandoc in ${samples.length} generated documents`, () => {
    const disagreements: string[] = [];
    for (const markdown of samples) {
      const ours = parseCitations(markdown).citations.map((c) => c.id);
      const theirs = pandocFactIds(markdown);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        disagreements.push(`${JSON.stringify(markdown)}\n  ours:   ${ours.join(', ')}\n  pandoc: ${theirs.join(', ')}`);
      }
    }
    expect(disagreements.slice(0, 5).join('\n\n')).toBe('');
  }, 120_000);
});
