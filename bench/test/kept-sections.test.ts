import { describe, expect, it } from 'vitest';
import { keptSections, withKeptSections } from '../src/kept-sections.js';

describe('sections other tools write into the benchmarks page', () => {
  const previous = '# Benchmarks\n\nold tables\n\n<!-- site-benchmarks:start -->\n## Fact browser\n\n| a |\n<!-- site-benchmarks:end -->\n\n## Why\n';

  it('are carried over when the bench draws the page again', () => {
    const next = withKeptSections('# Benchmarks\n\nnew tables\n', previous);
    expect(next).toContain('new tables');
    expect(next).not.toContain('old tables');
    expect(next).toContain('<!-- site-benchmarks:start -->\n## Fact browser\n\n| a |\n<!-- site-benchmarks:end -->');
    // Drawn again, the section is there once.
    expect(keptSections(withKeptSections('# Benchmarks\n', next))).toHaveLength(1);
  });

  it('leave a page without them as drawn', () => {
    expect(withKeptSections('# Benchmarks\n', '# Benchmarks\n\nno markers\n')).toBe('# Benchmarks\n');
    expect(withKeptSections('# Benchmarks\n', undefined)).toBe('# Benchmarks\n');
    // A start without its end is not a section.
    expect(keptSections('<!-- site-benchmarks:start -->\ncut short')).toEqual([]);
  });
});
