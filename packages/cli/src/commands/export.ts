import { writeFileSync } from 'node:fs';
import { expectWritableFile } from '@factcite/core/node';
import { bibtexEntries, cslItems } from '@factcite/core';
import pc from 'picocolors';
import { contained } from '../contained.js';
import { loadIndex } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';
import { writeErr, writeOut } from '../terminal.js';

export interface ExportOptions {
  corpus?: string;
  format?: string;
  out?: string;
}

/**
 * `factcite export --format csl-json|bibtex`: a bibliography with one entry
 * per fact, keyed fact:<id>, so `pandoc --citeproc --bibliography FILE`
 * resolves `[@fact:ID]` in a writer's report.
 */
export function exportCommand(options: ExportOptions): number {
  const format = options.format;
  if (format !== 'csl-json' && format !== 'bibtex') throw new UsageError('--format must be csl-json or bibtex');
  const { index } = loadIndex(options.corpus);
  const output = format === 'csl-json' ? `${JSON.stringify(cslItems(index), null, 2)}\n` : bibtexEntries(index);
  if (options.out) {
    writeFileSync(
      contained(() => expectWritableFile(options.out!, '--out')),
      output,
    );
    writeErr(`${pc.green('✔')} wrote ${options.out}: ${index.size} entries (${format})\n`);
  } else {
    writeOut(output);
  }
  return EXIT.ok;
}
