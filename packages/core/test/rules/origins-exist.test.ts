import { describe, expect, it } from 'vitest';
import { originsExist } from '../../src/corpus/rules/origins-exist.js';
import { check, miniCorpus, RAW_FILES } from './fixture.js';

describe('origins-exist', () => {
  it('passes the fixture with its raw/ files', () => {
    expect(check(originsExist, miniCorpus(), RAW_FILES)).toEqual([]);
  });

  it('reports an origin missing from raw/ at the origin field', () => {
    expect(check(originsExist, miniCorpus(), RAW_FILES.slice(1))).toEqual([
      { where: 'sources[0].origin', code: 'missing-origin', severity: 'error', message: 'origin "000_73c3664704938c01.txt" is not a file in raw/' },
    ]);
  });

  it('checks nothing when there is no raw/ to look in (a corpus given as objects)', () => {
    expect(check(originsExist, miniCorpus())).toEqual([]);
  });
});
