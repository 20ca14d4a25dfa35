import { checkCitations, LineIndex } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_SOURCE, diagnostics, FactDocument } from '../src/index.js';
import { exampleReport, numbersReports, realIndex, textAt } from './fixtures.js';

const index = realIndex();

describe('diagnostics', () => {
  const report = exampleReport();

  it('flags the unknown and deprecated ids of the sample report, with their fixes in data', () => {
    const found = diagnostics(report, index);
    const unknown = found.find((d) => d.code === 'unknown-fact')!;
    expect(textAt(report, unknown.range)).toBe('hk-ai-subsidy-scheme-3-billion');
    expect(unknown.severity).toBe(1);
    expect(unknown.source).toBe(DIAGNOSTIC_SOURCE);
    expect(unknown.data.suggestions).toContain('hk-ai-subsidy-scheme-3bn');
    const deprecated = found.find((d) => d.code === 'deprecated-fact')!;
    expect(textAt(report, deprecated.range)).toBe('hk-ai-companies-800');
    expect(deprecated.severity).toBe(2);
    expect(deprecated.tags).toEqual([2]);
    expect(deprecated.data).toEqual({ factId: 'hk-ai-companies-800', successor: 'hk-ai-companies-at-science-park-and-cyberport' });
  });

  it('says what core checkCitations says, at the same places', () => {
    const text = `${report}\n\n[@fact:Bad_Id] and [@fact:hkgai-v1-released\n\nsee [@fact:hkgai-v1-released; fact:hk-ai-rd-institute-funding]`;
    const ours = diagnostics(text, index);
    const core = checkCitations(text, index);
    const lines = new LineIndex(text);
    expect(ours.map((d) => [d.code, d.message, d.range])).toEqual(
      core.map((d) => [d.code, d.message, { start: lines.position(d.start), end: lines.position(d.end) }]),
    );
    expect(ours.filter((d) => d.code === 'malformed-citation').length).toBeGreaterThanOrEqual(3);
  });

  it('locates problems in UTF-16 characters after astral characters and CRLF', () => {
    const text = '𠀀𠀀 intro\r\n\r\n𝒳 [@fact:hkgai-v1-relased]\r\n';
    const [d] = diagnostics(text, index);
    expect(d!.range.start).toEqual({ line: 2, character: 10 });
    expect(textAt(text, d!.range)).toBe('hkgai-v1-relased');
  });

  it('finds nothing wrong in a report citing only active facts', () => {
    expect(diagnostics('[@fact:hk-ai-rd-institute-funding; @fact:hkgai-v1-released]', index)).toEqual([]);
  });

  it('warns on each number that contradicts the fact its sentence cites, and on nothing in a faithful report', () => {
    const { right, wrong, changedLines } = numbersReports();
    expect(diagnostics(right, index)).toEqual([]);
    const found = diagnostics(wrong, index);
    expect(found.map((d) => d.range.start.line)).toEqual(changedLines);
    for (const d of found) {
      expect(d.code).toBe('value-mismatch');
      expect(d.severity).toBe(2);
      expect(d.data.mismatch?.expected).toBeTruthy();
    }
    const funding = found.find((d) => d.data.factId === 'hk-ai-rd-institute-funding')!;
    expect(textAt(wrong, funding.range)).toBe('二十亿港元');
    expect(funding.data).toEqual({
      factId: 'hk-ai-rd-institute-funding',
      mismatch: {
        found: '二十亿港元',
        expected: '10亿港元',
        replacement: '10亿港元',
        quote: '特区政府已预留10亿港元,成立香港人工智能研发院',
        source: 'city24-hk-ai-2025-02-27',
      },
    });
  });

  it('updates a previous document in place of a fresh check', () => {
    const doc = FactDocument.create(report);
    diagnostics(doc, index);
    const edited = report.replace('hk-ai-companies-800', 'hk-ai-companies-at-science-park-and-cyberport');
    const next = FactDocument.create(edited, doc);
    expect(diagnostics(next, index)).toEqual(diagnostics(edited, index));
    expect(diagnostics(next, index).some((d) => d.code === 'deprecated-fact')).toBe(false);
  });
});

describe('an unresolved pin', () => {
  it('is written in the writer’s language from its catalogue reference, where the pin is', () => {
    const text = '---\nfactcite: next\n---\n\n正文。\n';
    const start = text.indexOf('next');
    const pinProblem = { start, end: start + 4, message: 'in English', detail: { id: 'pin.no-release' as const, params: { version: 'next' } } };
    const [hant] = diagnostics(text, index, { lang: 'zh-Hant', pinProblem });
    expect(hant!.code).toBe('unresolved-pin');
    expect(hant!.message).toBe('固定版本「factcite: next」不是有效的版本號；請寫成0.1.0這樣的版本號');
    expect(textAt(text, hant!.range)).toBe('next');
    expect(diagnostics(text, index, { pinProblem })[0]!.message).toBe('The pin "factcite: next" names no release; write a version such as 0.1.0');
  });
});
