/**
 * The user-facing messages of the writers' tools (Pandoc filter, document
 * checks, CI formats, citation styles), kept together so they can move into
 * a shared, translated catalogue as one piece.
 */
export const MESSAGES = {
  pandocMissing: (purpose: string) =>
    `pandoc is not installed or not on PATH; ${purpose} needs it. Install it (Debian/Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; Windows: winget install JohnMacFarlane.Pandoc) and try again.`,
  pandocFailed: (file: string, detail: string) => `pandoc could not read ${file}: ${detail}`,
  filterInputNotPandoc: 'factcite pandoc-filter reads a Pandoc JSON document on standard input; run it through pandoc: pandoc --filter factcite-pandoc-filter report.md',
  filterFailed: (errors: number, warnings: number, failOn: string) =>
    `factcite: render stopped: ${errors} error(s), ${warnings} warning(s) in the citations (fail-on: ${failOn})`,
  paragraph: (n: number) => `paragraph ${n}`,
  footnote: (n: number) => `footnote ${n}`,
  unknownStyle: (style: string, known: string[]) => `unknown citation style "${style}"; bundled styles: ${known.join(', ')} (or give a CSL file with --csl)`,
  styleUnreadable: (file: string, detail: string) => `cannot use the CSL style ${file}: ${detail}`,
} as const;
