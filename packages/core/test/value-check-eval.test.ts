/**
 * The value check measured on labelled writers' reports (examples/value-check/):
 * every cited sentence says in a comment whether it should be flagged (`warn`,
 * a changed amount, magnitude, currency or hedge) or not (`ok`, the number
 * restated in another form). Precision and recall of `value-mismatch` are
 * computed from those labels, never from the checker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitations, createFactIndex, LineIndex } from '../src/index.js';
import { loadCorpusDir } from '../src/node.js';

const repoRoot = path.resolve(__dirname, '../../..');
const index = createFactIndex(loadCorpusDir(path.join(repoRoot, 'corpus')).corpus);
const dir = path.join(repoRoot, 'examples/value-check');

interface Outcome {
  file: string;
  line: number;
  sentence: string;
  label: 'warn' | 'ok';
  flagged: boolean;
}

const outcomes: Outcome[] = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const lines = new LineIndex(text);
    const flaggedLines = new Set(
      checkCitations(text, index)
        .filter((d) => d.code === 'value-mismatch')
        .map((d) => lines.position(d.start).line),
    );
    return text.split('\n').flatMap((sentence, line) => {
      const label = /<!-- (warn|ok) -->\s*$/.exec(sentence)?.[1] as 'warn' | 'ok' | undefined;
      return label ? [{ file, line: line + 1, sentence, label, flagged: flaggedLines.has(line) }] : [];
    });
  });

const truePositives = outcomes.filter((o) => o.flagged && o.label === 'warn').length;
const flagged = outcomes.filter((o) => o.flagged).length;
const shouldWarn = outcomes.filter((o) => o.label === 'warn').length;
const precision = truePositives / flagged;
const recall = truePositives / shouldWarn;
const wrong = outcomes.filter((o) => o.flagged !== (o.label === 'warn')).map((o) => `${o.file}:${o.line} (${o.label}) ${o.sentence}`);

describe('value-mismatch on labelled writers’ reports', () => {
  it('has at least 60 labelled cited sentences in Simplified, Traditional and English over five sources', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(outcomes.map((o) => o.file))).toEqual(new Set(['en.md', 'mixed.md', 'zh-hans.md', 'zh-hant.md']));
    const sources = new Set(
      outcomes.flatMap((o) => [...o.sentence.matchAll(/@fact:([\w-]+)/g)].flatMap((m) => index.get(m[1]!)?.citations.map((c) => c.source) ?? [])),
    );
    // Written over the five articles of the first release; a later article need not be labelled.
    expect(sources.size).toBeGreaterThanOrEqual(5);
    for (const id of sources) expect(index.source(id), id).toBeDefined();
    expect(shouldWarn).toBeGreaterThanOrEqual(20);
    expect(outcomes.length - shouldWarn).toBeGreaterThanOrEqual(20);
  });

  it(`has precision of at least 95% and recall of at least 90%`, () => {
    expect({ precision: Number(precision.toFixed(3)), recall: Number(recall.toFixed(3)), wrong }).toMatchObject({
      precision: expect.toSatisfy((p: number) => p >= 0.95),
      recall: expect.toSatisfy((r: number) => r >= 0.9),
    });
  });
});
