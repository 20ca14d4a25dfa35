/**
 * The uncited-claim check measured on labelled report prose
 * (examples/uncited/): every line ending in a label is one sentence, and the
 * label says whether a hint is expected and which fact it must name. The
 * labelled ids are checked against the corpus (each must be an active fact
 * with a numeric value), so a release that drops or deprecates one fails
 * here by name rather than skewing the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitations, createFactIndex, LineIndex } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const repoRoot = path.resolve(__dirname, '../../..');
const index = createFactIndex(loadCorpusDir(path.join(repoRoot, 'corpus')).corpus);
const dir = path.join(repoRoot, 'examples/uncited');

/** A claim or contradiction names the fact(s) it states: a sentence may state two (620亿港元，约合80亿美元). */
type Label = { kind: 'claim' | 'contradicts'; factIds: string[] } | { kind: 'cited' | 'unrelated' };

interface Outcome {
  where: string;
  sentence: string;
  label: Label;
  /** Fact ids the check's hints on this line name. */
  hinted: string[];
}

const LABEL = /<!-- (claim|contradicts|cited|unrelated)(?::\s*([\w-]+(?:,\s*[\w-]+)*))? -->\s*$/;

const outcomes: Outcome[] = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .flatMap((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const lines = new LineIndex(text);
    const hints = new Map<number, string[]>();
    for (const d of checkCitations(text, index, { uncited: true })) {
      if (d.code !== 'uncited-claim') continue;
      const line = lines.position(d.start).line;
      hints.set(line, [...(hints.get(line) ?? []), d.factId!]);
    }
    return text.split('\n').flatMap((sentence, line) => {
      const m = LABEL.exec(sentence);
      if (!m) return [];
      const kind = m[1] as Label['kind'];
      const label: Label = kind === 'claim' || kind === 'contradicts' ? { kind, factIds: m[2]!.split(/,\s*/) } : { kind };
      return [{ where: `${file}:${line + 1}`, sentence, label, hinted: hints.get(line) ?? [] }];
    });
  });

const expected = outcomes.filter((o) => o.label.kind === 'claim' || o.label.kind === 'contradicts');
const labelled = (o: Outcome) => ('factIds' in o.label ? o.label.factIds : []);
const hints = outcomes.reduce((n, o) => n + o.hinted.length, 0);
const right = outcomes.reduce((n, o) => n + o.hinted.filter((id) => labelled(o).includes(id)).length, 0);
// Recall counts each labelled (sentence, fact) pair: a sentence stating two facts needs both hints.
const pairs = expected.flatMap((o) => labelled(o).map((id) => ({ o, id })));
const found = pairs.filter(({ o, id }) => o.hinted.includes(id)).length;
const precision = right / hints;
const recall = found / pairs.length;

describe('uncited-claim on labelled report prose', () => {
  it('has at least 80 labelled sentences in Simplified, Traditional and English, of every label', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(80);
    expect(new Set(outcomes.map((o) => o.where.split(':')[0]))).toEqual(new Set(['en.md', 'zh-hans.md', 'zh-hant.md']));
    for (const kind of ['claim', 'contradicts', 'cited', 'unrelated']) expect(outcomes.some((o) => o.label.kind === kind)).toBe(true);
  });

  it('labels only active facts of the corpus that have a numeric value', () => {
    const bad = expected.flatMap((o) => {
      return labelled(o).flatMap((id) => {
        const fact = index.get(id);
        return fact?.status === 'active' && fact.value?.amount !== undefined ? [] : [`${o.where} ${id}`];
      });
    });
    expect(bad).toEqual([]);
  });

  it('has precision of at least 90% and recall of at least 70%', () => {
    const falseAlarms = outcomes.flatMap((o) => o.hinted.filter((id) => !labelled(o).includes(id)).map((id) => `${o.where} → ${id}: ${o.sentence}`));
    const missed = pairs.filter(({ o, id }) => !o.hinted.includes(id)).map(({ o, id }) => `${o.where} ${id}: ${o.sentence}`);
    console.info(
      `uncited-claim: ${outcomes.length} sentences, ${pairs.length} claims to hint; ${hints} hints, ${right} right; precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
    );
    for (const f of falseAlarms) console.info(`  false alarm: ${f}`);
    for (const m of missed) console.info(`  missed: ${m}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });
});
