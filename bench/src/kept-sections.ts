/**
 * Sections of docs/benchmarks.md that other tools write (the fact browser's
 * figures, from `pnpm bench:site`), between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->`: the bench does not measure them, so when it draws the
 * page again it carries them over rather than losing them.
 */
const SECTION = /<!-- ([a-z][a-z0-9-]*):start -->[\s\S]*?<!-- \1:end -->/g;

/** The marked sections of a page, markers included, in order. */
export function keptSections(page: string): string[] {
  return [...page.matchAll(SECTION)].map((m) => m[0]);
}

/** A freshly drawn page with the previous page's marked sections appended. */
export function withKeptSections(page: string, previous: string | undefined): string {
  const kept = previous ? keptSections(previous) : [];
  if (kept.length === 0) return page;
  return `${page.replace(/\n*$/, '\n\n')}${kept.join('\n\n')}\n`;
}
