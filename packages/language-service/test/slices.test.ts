import { describe, expect, it } from 'vitest';
import { diagnostics, diagnosticsInSlices, FactDocument, runInSlices } from '../src/index.js';
import { exampleReport, realIndex } from './fixtures.js';

// A long report: the sample report many times over, each copy a few blocks.
const report = exampleReport();
const long = Array.from({ length: 200 }, (_, i) => `## Part ${i + 1}\n\n${report}`).join('\n\n');

describe('runInSlices', () => {
  it('lets the event loop run between slices of a long check, and gives the same answer as the plain check', async () => {
    const index = realIndex();
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const sliced = await diagnosticsInSlices(FactDocument.create(long), index, { sliceMs: 0 });
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(sliced).toEqual(diagnostics(FactDocument.create(long), index));
    expect(sliced!.some((d) => d.code === 'unknown-fact')).toBe(true);
  });

  it('stops when cancelled, keeps what it checked, and a later run finishes the rest', async () => {
    const index = realIndex();
    const doc = FactDocument.create(long);
    let asked = 0;
    // Cancelled as soon as it would start its second slice.
    const first = await diagnosticsInSlices(doc, index, { sliceMs: 0, isCancelled: () => asked++ > 3 });
    expect(first).toBeUndefined();
    // The blocks checked before the cancel are cached: the next run has fewer steps to take.
    let steps = 0;
    const rest = doc.checkSteps(index);
    while (rest.next().done === false) steps++;
    const all = FactDocument.create(long).checkSteps(index);
    let allSteps = 0;
    while (all.next().done === false) allSteps++;
    expect(steps).toBeLessThan(allSteps);
    expect(await diagnosticsInSlices(doc, index)).toEqual(diagnostics(long, index));
  });

  it('returns a generator result untouched, and undefined when cancelled before starting', async () => {
    function* count(): Generator<void, number, void> {
      for (let i = 0; i < 5; i++) yield;
      return 5;
    }
    expect(await runInSlices(count())).toBe(5);
    expect(await runInSlices(count(), { isCancelled: () => true })).toBeUndefined();
  });
});
