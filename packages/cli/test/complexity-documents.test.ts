import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndex } from '../src/corpus.js';
import { checkDocument } from '../src/findings.js';
import type { PandocDocument, PandocNode } from '../src/pandoc/ast.js';
import { resolveFactCitations } from '../src/pandoc/filter.js';
import { repoRoot } from './run.js';
import { corpusFacts } from './writers.js';

const { index } = loadIndex(path.join(repoRoot, 'corpus'));
const deprecated = corpusFacts().facts.find((f) => f.status === 'deprecated')!.id;

/** One paragraph, one endless sentence, n citations of a deprecated fact (each a finding), as Pandoc's AST. */
function document(n: number): PandocDocument {
  const inlines: PandocNode[] = [];
  for (let i = 0; i < n; i++) {
    const id = `fact:${deprecated}`;
    inlines.push({ t: 'Str', c: '数码港' });
    inlines.push({
      t: 'Cite',
      c: [
        [{ citationId: id, citationPrefix: [], citationSuffix: [], citationMode: { t: 'NormalCitation' }, citationNoteNum: i, citationHash: 0 }],
        [{ t: 'Str', c: `[@${id}]` }],
      ],
    });
    inlines.push({ t: 'Str', c: '，' });
  }
  return { 'pandoc-api-version': [1, 22], meta: {}, blocks: [{ t: 'Para', c: inlines }] };
}

/** Best-of-several CPU time of a run, in milliseconds. */
function cpu(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 4; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('documents are checked and filtered in linear time', () => {
  it('a paragraph with 4n problems in one sentence costs about 4× one with n, not 16×', () => {
    const n = 1500;
    const small = document(n);
    const large = document(4 * n);
    expect(checkDocument('r.docx', small, index)).toHaveLength(n);
    const findings = checkDocument('r.docx', large, index);
    expect(findings).toHaveLength(4 * n);
    // The quoted sentence is cut near the problem, never the whole paragraph again.
    expect(Math.max(...findings.map((f) => f.sentence!.length))).toBeLessThanOrEqual(164);
    const t1 = cpu(() => checkDocument('r.docx', small, index));
    const t4 = cpu(() => checkDocument('r.docx', large, index));
    expect(t4 / t1, `${t1.toFixed(1)} ms for n, ${t4.toFixed(1)} ms for 4n`).toBeLessThan(9);
  });

  it('resolving the citations of a document for citeproc is linear too', () => {
    const n = 4000;
    const t1 = cpu(() => resolveFactCitations(document(n), index));
    const t4 = cpu(() => resolveFactCitations(document(4 * n), index));
    expect(t4 / t1, `${t1.toFixed(1)} ms for n, ${t4.toFixed(1)} ms for 4n`).toBeLessThan(9);
  });
});
