import { describe, expect, it } from 'vitest';
import { listedDefectsOccur } from '../../src/corpus/rules/listed-defects-occur.js';
import { check, miniCorpus } from './fixture.js';

describe('listed-defects-occur', () => {
  it('passes the fixture, whose Traditional source lists a defect its body holds', () => {
    expect(check(listedDefectsOccur, miniCorpus())).toEqual([]);
  });

  it('warns about a listed defect the body does not hold, at that entry', () => {
    const corpus = miniCorpus();
    corpus.sources[1]!.defects.push('?jié)摿Γ');
    expect(check(listedDefectsOccur, corpus)).toEqual([
      { where: 'sources[1].defects[1]', code: 'defect-not-found', severity: 'warning', message: 'listed defect "?jié)摿Γ" does not occur in the body' },
    ]);
  });
});
