/**
 * Diagnostics of long reports, in a process of its own: a report is the
 * repository's example report repeated to 1 MB and 10 MB (each copy with its
 * citations, an unknown id and a deprecated one), checked against the
 * bundled corpus. "full" is a first check of the whole text; "edit" is the
 * next version after a one-line edit (a new line with a citation, typed at
 * one of EDITS places spread evenly from near the start to near the end), as
 * an editor hands it over: one flat string.
 *
 *   node --expose-gc --import tsx src/editor.ts [EDITS]   → prints RESULT_PREFIX and Measure[]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCitations, createFactIndex } from '@factcite/core';
import { corpus } from '@factcite/corpus';
import { diagnostics, FactDocument } from '@factcite/language-service';
import { collect, percentile, round, time } from './measure.js';
import { type Measure, RESULT_PREFIX } from './results.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A copy that is one flat string, as an editor's getText() gives (a concatenation is a rope until first read). */
function flat(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * A 1 MB report built from the shapes that made the citation parser
 * quadratic: runs of "[", a key followed by backslashes, nested brackets,
 * a long id, "@" storms, an unclosed fence, "<!--" without end, unclosed
 * math, link text without its ")", full-width brackets, lone CRs.
 */
export function adversarialReport(size: number): string {
  const n = 20_000;
  const pieces = [
    '['.repeat(n),
    `[@fact:a ${'\\'.repeat(n)}`,
    `${'['.repeat(n / 2)}@fact:a${']'.repeat(n / 2)}`,
    `[@fact:${'a'.repeat(n)}]`,
    '@'.repeat(n),
    '$a ['.repeat(n / 4),
    '[a]('.repeat(n / 4),
    '【＠fact:a［'.repeat(n / 8),
    '[@fact:a\r'.repeat(n / 10),
    `\`\`\`\n${'[@fact:a] `x`\n'.repeat(n / 14)}\`\`\`\n`,
  ];
  let text = '';
  for (let k = 0; text.length < size; k++) text += `${pieces[k % pieces.length]}\n\n`;
  // Ends with an unclosed comment and an unclosed fence, which run to the end.
  return `${text}<!--${'[@fact:a]'.repeat(n / 9)}\n\n\`\`\`\n[@fact:a]`;
}

function main(): void {
  const edits = Number(process.argv[2] ?? 20);
  const index = createFactIndex(corpus, { validate: false });
  const report = readFileSync(path.join(root, 'examples/report.md'), 'utf8');
  const out: Measure[] = [];
  const hostile = flat(adversarialReport(1_000_000));
  checkCitations(hostile.slice(0, 50_000), index);
  const checks: number[] = [];
  for (let k = 0; k < 3; k++) checks.push(time(() => checkCitations(hostile, index)));
  out.push({
    name: 'check, 1 MB adversarial report',
    value_ms: round(Math.min(...checks), 1),
    target_ms: 2000,
    what: 'core checkCitations of a report made of bracket storms, backslash runs, nested brackets, long ids, unclosed fences and comments (best of 3)',
  });
  for (const [label, size] of [
    ['1 MB', 1_000_000],
    ['10 MB', 10_000_000],
  ] as const) {
    let text = report;
    while (text.length < size) text += `\n\n${report}`;
    text = flat(text);
    let doc = FactDocument.create(text);
    const full = time(() => {
      doc = FactDocument.create(text);
      diagnostics(doc, index);
    });
    out.push({
      name: `diagnostics, ${label} report, full`,
      value_ms: round(full, 1),
      target_ms: Number.NaN,
      what: 'FactDocument.create + diagnostics() of the whole text',
    });
    const samples: number[] = [];
    for (let k = 0; k < edits; k++) {
      const at = text.indexOf('\n', Math.floor((text.length * (k + 1)) / (edits + 1))) + 1;
      const next = flat(`${text.slice(0, at)}新的一句[@fact:hkgai-v1-releasd]。\n${text.slice(at)}`);
      collect();
      let nextDoc = doc;
      samples.push(
        time(() => {
          nextDoc = FactDocument.create(next, doc);
          diagnostics(nextDoc, index);
        }),
      );
      doc = nextDoc;
      text = next;
    }
    out.push({
      name: `diagnostics, ${label} report, after a one-line edit (p50)`,
      value_ms: round(percentile(samples, 50), 1),
      target_ms: label === '10 MB' ? 50 : Number.NaN,
      what: `FactDocument.create(next, previous) + diagnostics(), median of ${edits} edits`,
    });
    out.push({
      name: `diagnostics, ${label} report, after a one-line edit (p95)`,
      value_ms: round(percentile(samples, 95), 1),
      target_ms: label === '10 MB' ? 50 : Number.NaN,
      what: `the same, 95th percentile of ${edits} edits`,
    });
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(out)}\n`);
}

if (process.argv[1]?.endsWith('editor.ts')) main();
