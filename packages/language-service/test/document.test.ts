import { checkCitations, parseCitations } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { FactDocument } from '../src/index.js';
import { exampleReport, numbersReports, realIndex } from './fixtures.js';

// Pieces of Markdown that stress where a report may be split: code blocks and
// comments holding blank lines, backticks that pair across paragraphs,
// unclosed groups, escapes, links, e-mail addresses and CRLF line ends; and
// sentences whose numbers contradict the facts they cite, which must be
// checked the same paragraph by paragraph.
const report = exampleReport();
const FRAGMENTS = [
  ...report.split(/\n\s*\n/),
  ...numbersReports().wrong.split(/\n\s*\n/),
  '预留20亿港元\n[@fact:hk-ai-rd-institute-funding]。',
  '预留20亿港元。',
  '[@fact:hk-ai-rd-institute-funding] 另拨30亿港元。',
  '```\n[@fact:hk-ai-rd-institute-funding]\n\n[@fact:not-a-fact]\n```',
  '~~~\nan unclosed fence [@fact:hkgai-v1-released]',
  'before `code [@fact:hk-ai-companies-800]` after [@fact:hkgai-v1-released]',
  'a lone backtick ` here',
  '``double ticks``',
  '<!-- a comment\n\n[@fact:inside-a-comment]\n\n-->',
  '<!-- a comment never closed',
  '~~~\n<!-- in a fence\n~~~',
  '<!-- a comment [@fact:hkgai-v1-released] -->',
  '```\n<!-- in a fence\n```\n\n<!-- a comment [@fact:not-a-fact] -->\n\nafter [@fact:hkgai-v1-released]',
  '[@fact:hk-ai-companies-800; @fact:Bad_Id]',
  '[see @fact:, p. 3]',
  '[@fact:hkgai-v1-released and the group stays open',
  'mail me at someone@fact:example.com',
  'missing at [fact:hk-ai-rd-institute-funding]',
  'escaped \\[@fact:hk-ai-subsidy-scheme-3bn]',
  '[a link @fact:hk-ai-subsidy-scheme-3bn](https://example.com)',
  'in-text @fact:hk-ai-companies-800 says so.',
  '[-@fact:cyberport-supercomputing-centre-compute-capacity]',
  'windows\r\nline ends [@fact:hkgai-v1-released]\r\n',
  '数码港[@fact:hk-ai-subsidy-scheme-3bn]。',
];
const SEPARATORS = ['\n\n', '\n', ' ', '\n   \n', '\r\n\r\n', '\n\n\n'];

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function randomReport(rand: () => number, parts: number): string {
  let text = '';
  for (let i = 0; i < parts; i++) text += pick(rand, FRAGMENTS) + pick(rand, SEPARATORS);
  return text;
}

describe('FactDocument', () => {
  const index = realIndex();

  it('finds exactly the citations and problems core finds in the whole text', () => {
    const rand = random(42);
    let mismatches = 0;
    for (let n = 0; n < 300; n++) {
      const text = randomReport(rand, 1 + Math.floor(rand() * 12));
      const doc = FactDocument.create(text);
      const whole = parseCitations(text);
      expect(doc.citations(), text).toEqual(whole.citations);
      expect(doc.malformed(), text).toEqual(whole.malformed);
      const checked = doc.check(index);
      expect(checked, text).toEqual(checkCitations(text, index));
      mismatches += checked.filter((d) => d.code === 'value-mismatch').length;
    }
    // The shuffles put numbers next to their citations often enough to test the value check too.
    expect(mismatches).toBeGreaterThan(100);
  });

  it('splits the sample report into paragraphs and keeps its citations', () => {
    const doc = FactDocument.create(report);
    expect(doc.blockCount).toBeGreaterThan(5);
    expect(doc.citations()).toEqual(parseCitations(report).citations);
  });

  it('gives after an edit what a fresh parse gives, reusing the blocks the edit left alone', () => {
    const rand = random(7);
    let text = randomReport(rand, 40);
    let doc = FactDocument.create(text);
    doc.check(index);
    for (let n = 0; n < 150; n++) {
      const at = Math.floor(rand() * (text.length + 1));
      const removed = Math.floor(rand() * 3) === 0 ? Math.floor(rand() * 30) : 0;
      const inserted = rand() < 0.5 ? pick(rand, FRAGMENTS) : pick(rand, ['@', '[', ']', ';', '`', '\n', '\n\n', 'x', '-']);
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      doc = FactDocument.create(text, doc);
      expect(doc.citations(), text).toEqual(parseCitations(text).citations);
      expect(doc.check(index), text).toEqual(checkCitations(text, index));
    }
  });

  it('re-parses only the paragraph a keystroke changes in a long report', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `第${i}段：香港已预留10亿港元[@fact:hk-ai-rd-institute-funding]。`);
    const text = paragraphs.join('\n\n');
    const before = FactDocument.create(text);
    const at = text.indexOf('第1000段') + 3;
    const after = FactDocument.create(`${text.slice(0, at)}x${text.slice(at)}`, before);
    expect(after.blockCount).toBe(2000);
    expect(after.reusedBlocks).toBe(1999);
  });

  it('returns the same document for an unchanged text', () => {
    const doc = FactDocument.create(report);
    expect(FactDocument.create(report, doc)).toBe(doc);
  });

  it('knows code and comments, where nothing is a citation', () => {
    const text = 'a `[@fact:hkgai-v1-released]` b <!-- [@fact:x] --> c';
    const doc = FactDocument.create(text);
    expect(doc.isIgnored(text.indexOf('[@'))).toBe(true);
    expect(doc.isIgnored(text.indexOf('[@fact:x'))).toBe(true);
    expect(doc.isIgnored(text.indexOf(' b '))).toBe(false);
    expect(doc.citations()).toEqual([]);
  });

  it('finds the citation under a cursor, its end included', () => {
    const text = '见[@fact:hkgai-v1-released; @fact:hk-ai-companies-800]。';
    const doc = FactDocument.create(text);
    expect(doc.citationAt(text.indexOf('hkgai'))?.id).toBe('hkgai-v1-released');
    expect(doc.citationAt(text.indexOf(';'))?.id).toBe('hkgai-v1-released');
    expect(doc.citationAt(text.indexOf('800') + 3)?.id).toBe('hk-ai-companies-800');
    expect(doc.citationAt(0)).toBeUndefined();
  });

  it('checks a 10 MB report, and a keystroke in it, with the same answer as core', () => {
    let text = report;
    while (text.length < 10_000_000) text += `\n\n${report}`;
    const first = FactDocument.create(text);
    const perCopy = checkCitations(report, index).length;
    const copies = text.split('# 香港人工智能发展简报').length - 1;
    expect(first.check(index)).toHaveLength(perCopy * copies);

    const at = text.length >> 1;
    const edited = `${text.slice(0, at)}[@fact:hkgai-v1-releasd]${text.slice(at)}`;
    const next = FactDocument.create(edited, first);
    expect(next.reusedBlocks).toBeGreaterThan(first.blockCount - 3);
    const found = next.check(index);
    expect(found).toHaveLength(perCopy * copies + 1);
    expect(found.find((d) => d.factId === 'hkgai-v1-releasd')?.suggestions).toContain('hkgai-v1-released');
  });
});
