import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/node.js';

describe('displayPath', () => {
  const base = path.resolve('/work/project');

  it('shows a path inside the base relative to it', () => {
    expect(displayPath('/work/project/corpus/facts/a.yaml', base)).toBe(path.join('corpus', 'facts', 'a.yaml'));
    expect(displayPath('examples/report.md', base)).toBe(path.join('examples', 'report.md'));
  });

  it('shows a path outside the base as absolute, never as a climb of ../', () => {
    expect(displayPath('/tmp/corpus/facts/a.yaml', base)).toBe(path.resolve('/tmp/corpus/facts/a.yaml'));
    expect(displayPath('../other/x.md', base)).toBe(path.resolve('/work/other/x.md'));
  });

  it('shows the base itself as "."', () => {
    expect(displayPath(base, base)).toBe('.');
  });
});
