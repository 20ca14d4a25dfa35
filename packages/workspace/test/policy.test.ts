import { describe, expect, it } from 'vitest';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, diagnosticsDelay, MAX_DIAGNOSTICS_DELAY_MS } from '../src/index.js';

describe('the debounce policy', () => {
  it('waits longer before checking longer documents, within bounds', () => {
    expect(diagnosticsDelay(10)).toBe(DEFAULT_DIAGNOSTICS_DELAY_MS);
    expect(diagnosticsDelay(20_000)).toBeGreaterThan(diagnosticsDelay(2_000));
    expect(diagnosticsDelay(10_000_000)).toBe(MAX_DIAGNOSTICS_DELAY_MS);
  });

  it('starts from the base a front end sets, and never waits less than it', () => {
    expect(diagnosticsDelay(10, 0)).toBe(0);
    expect(diagnosticsDelay(5_000, 0)).toBe(100);
    expect(diagnosticsDelay(10, 3_000)).toBe(3_000);
    expect(diagnosticsDelay(Number.NaN)).toBe(DEFAULT_DIAGNOSTICS_DELAY_MS);
  });
});
