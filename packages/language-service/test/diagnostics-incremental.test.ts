/**
 * A new version's diagnostics are made from the previous version's: the
 * findings before the edit are the same objects, those after it are moved,
 * and only the blocks the edit touched are checked. Whatever the edit, they
 * must equal a check of the new text from scratch, in every option the
 * editor checks with, also when versions in between were never checked.
 */
import { checkCitations, createFactIndex, type Fact } from '@factcite/core';
import { readReleaseSnapshot } from '@factcite/core/node';
import { describe, expect, it, vi } from 'vitest';
import { type DiagnosticsOptions, diagnostics, FactDocument } from '../src/index.js';
import { corpusDir, exampleReport, numbersReports, realCorpus } from './fixtures.js';

const { corpus, index } = realCorpus();

// A corpus one release on from the pinned 0.1.0, with one value corrected: a fact-changed hint to move around.
const pinned = readReleaseSnapshot(corpusDir, '0.1.0');
const facts = pinned.facts.map((f) => structuredClone(f)) as Fact[];
facts.find((f) => f.id === 'hk-ai-subsidy-scheme-3bn')!.value = { amount: 3.5e9, unit: 'HKD', qualifier: 'exact', text: '35亿港元' };
const nextRelease = createFactIndex({ ...corpus, version: '0.2.0', facts }, { validate: false });

// Unknown and deprecated ids, numbers that contradict their fact, an uncited claim (with its insertion point,
// an offset), a changed fact (with its edits, offsets too), English and Chinese, CRLF.
const PIECE = [
  exampleReport(),
  numbersReports().wrong,
  '目前香港科学园和数码港已集中800多家人工智能相关企业，2024年还吸引了更多企业。',
  '特区政府推出30亿港元的人工智能资助计划[@fact:hk-ai-subsidy-scheme-3bn]。',
  'The government set aside HK$1 billion for the Hong Kong AI R&D Institute, Paul Chan said.\r\n\r\nWindows line ends [@fact:hkgai-v1-released].',
].join('\n\n');
const REPORT = Array.from({ length: 6 }, () => PIECE).join('\n\n');

/** Edits at the start, in the middle and at the end: new lines with citations, typing in a line, deletions, new paragraphs. */
function edits(text: string): ((t: string) => string)[] {
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  const insert = (at: (t: string) => number, s: string) => (t: string) => t.slice(0, at(t)) + s + t.slice(at(t));
  const remove = (at: (t: string) => number, n: number) => (t: string) => t.slice(0, at(t)) + t.slice(at(t) + n);
  const mid = () => middle;
  const end = (t: string) => t.length;
  const line = '新的一句[@fact:hkgai-v1-releasd]，已预留20亿港元[@fact:hk-ai-rd-institute-funding]。\n';
  return [
    insert(() => 0, line),
    insert(mid, line),
    insert(end, `\n\n${line}`),
    insert(() => 5, '又'),
    insert((t) => t.indexOf('hk-ai-companies-800') + 5, 'x'),
    remove(mid, 40),
    insert(mid, '\n\n一个新段落。\n\n'),
    remove(() => 0, 3),
    insert((t) => t.lastIndexOf('30亿港元'), '约'),
    remove((t) => t.length - 30, 30),
    insert(mid, '目前香港已有800多家人工智能企业。\n'),
    remove((t) => t.indexOf('\n\n', t.length >> 2), 2),
  ];
}

const OPTIONS: [string, DiagnosticsOptions, typeof index][] = [
  ['plain', {}, index],
  ['in Traditional Chinese', { lang: 'zh-Hant' }, index],
  ['with uncited claims', { uncited: true }, index],
  ['against a pinned release', { pinned }, nextRelease],
];

describe('diagnostics of a new version', () => {
  for (const [name, options, idx] of OPTIONS) {
    it(`equal a check from scratch after edits at the start, middle and end (${name})`, () => {
      let text = REPORT;
      let doc = FactDocument.create(text);
      diagnostics(doc, idx, options);
      for (const edit of edits(text)) {
        text = edit(text);
        doc = FactDocument.create(text, doc);
        expect(diagnostics(doc, idx, options)).toEqual(diagnostics(text, idx, options));
        const { lang: _, ...check } = options;
        expect(doc.check(idx, check)).toEqual(checkCitations(text, idx, check));
      }
    });
  }

  it('equal a check from scratch when the versions between were never checked, or checked with other options', () => {
    let text = REPORT;
    let doc = FactDocument.create(text);
    diagnostics(doc, index);
    edits(text).forEach((edit, n) => {
      text = edit(text);
      doc = FactDocument.create(text, doc);
      // Every third version is checked, with and without uncited claims; the two before it are only parsed,
      // so its findings come from the last one checked, through two edits.
      if (n % 3 === 2) {
        expect(diagnostics(doc, index)).toEqual(diagnostics(text, index));
        expect(diagnostics(doc, index, { uncited: true })).toEqual(diagnostics(text, index, { uncited: true }));
        expect(doc.check(index)).toEqual(checkCitations(text, index));
        expect(doc.check(index, { uncited: true })).toEqual(checkCitations(text, index, { uncited: true }));
      } else doc.citations();
    });
  });

  it('equal a check from scratch after random typing, line breaks and deletions anywhere', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const typed = ['又', 'x', ' ', '\n', '\r\n', '\n\n', '20亿港元', '[@fact:hk-ai-companies-800]', '[@fact:hkgai-v1-releasd]', '。'];
    let text = `${PIECE}\n\n${PIECE}`;
    let doc = FactDocument.create(text);
    diagnostics(doc, index, { uncited: true });
    for (let n = 0; n < 80; n++) {
      const at = Math.floor(rand() * (text.length + 1));
      const removed = rand() < 0.3 ? Math.floor(rand() * 20) : 0;
      text = text.slice(0, at) + typed[Math.floor(rand() * typed.length)]! + text.slice(at + removed);
      doc = FactDocument.create(text, doc);
      // Most versions are checked, some only parsed.
      if (rand() < 0.8) expect(diagnostics(doc, index, { uncited: true }), `edit ${n}`).toEqual(diagnostics(text, index, { uncited: true }));
    }
    expect(diagnostics(doc, index, { uncited: true })).toEqual(diagnostics(text, index, { uncited: true }));
  });

  it('equal a check from scratch as a suppression comment comes and goes', () => {
    let text = REPORT;
    let doc = FactDocument.create(text);
    diagnostics(doc, index);
    const at = text.indexOf('\n', text.length >> 1) + 1;
    for (const next of [
      `${text.slice(0, at)}<!-- factcite-disable deprecated-fact -->\n${text.slice(at)}`,
      `${text.slice(0, at)}<!-- factcite-disable deprecated-fact -->\n${text.slice(at)}又一句。`,
      `${text.slice(0, at)}<!-- factcite-disable deprecated-fact -->\n新${text.slice(at)}又一句。`,
      `${text.slice(0, at)}新${text.slice(at)}又一句。`,
      `${text.slice(0, at)}新${text.slice(at)}又两句。`,
      // A comment that is not a directive becomes one as its mark is typed inside it, and stops being one.
      `${text.slice(0, at)}<!-- disable deprecated-fact -->\n${text.slice(at)}又两句。`,
      `${text.slice(0, at)}<!-- factcite-disable deprecated-fact -->\n${text.slice(at)}又两句。`,
      `${text.slice(0, at)}<!-- factcite-disable deprecated-fact -->\n${text.slice(at)}又三句。`,
      `${text.slice(0, at)}<!-- disable deprecated-fact -->\n${text.slice(at)}又三句。`,
    ]) {
      text = next;
      doc = FactDocument.create(text, doc);
      expect(diagnostics(doc, index, { reportUnusedSuppressions: true })).toEqual(diagnostics(text, index, { reportUnusedSuppressions: true }));
    }
  });

  it('keep the diagnostics before the edit, and check only the paragraph it touched', () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `第${i}段：香港已预留20亿港元[@fact:hk-ai-rd-institute-funding]，另见[@fact:hk-ai-companies-800]。`,
    );
    const text = paragraphs.join('\n\n');
    const first = FactDocument.create(text);
    const before = diagnostics(first, index);
    const at = text.indexOf('第1000段') + 3;
    const next = FactDocument.create(`${text.slice(0, at)}新的一行\n${text.slice(at)}`, first);
    const lookups = vi.spyOn(index, 'get');
    try {
      const after = diagnostics(next, index);
      // The paragraph edited holds two citations; each is looked up a few times at most, the other 1,999 paragraphs never.
      expect(lookups.mock.calls.length).toBeGreaterThan(0);
      expect(lookups.mock.calls.length).toBeLessThan(20);
      const split = before.findIndex((d) => d.range.start.line >= 2 * 1000);
      expect(after.slice(0, split).every((d, i) => d === before[i])).toBe(true);
      expect(after.slice(split + 4).map((d) => d.range.start.line)).toEqual(before.slice(split + 4).map((d) => d.range.start.line + 1));
      expect(after).toEqual(diagnostics(next.text, index));
    } finally {
      lookups.mockRestore();
    }
  });
});
