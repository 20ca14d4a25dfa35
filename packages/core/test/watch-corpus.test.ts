import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CorpusWatcher, FactciteError, InvalidArgumentError, watchCorpus } from '../src/node.js';

const realCorpus = path.resolve(__dirname, '../../../corpus');
let dir: string;
let watcher: CorpusWatcher | undefined;
let batches: string[][];
let waiting: ((files: string[]) => void) | undefined;

/** The next batch of changes the watcher reports. */
function nextBatch(): Promise<string[]> {
  const ready = batches.shift();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => {
    waiting = resolve;
  });
}

function start(): void {
  watcher = watchCorpus(
    dir,
    (files) => {
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve(files);
      } else batches.push(files);
    },
    { debounceMs: 50 },
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-watch-'));
  for (const part of ['facts', 'sources', 'raw', 'entities.yaml', 'package.json'])
    cpSync(path.join(realCorpus, part), path.join(dir, part), { recursive: true });
  batches = [];
  waiting = undefined;
});

afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('watchCorpus', () => {
  it('reports an edited fact file once, by its path in the corpus', async () => {
    start();
    const file = path.join(dir, 'facts', 'hk-ai-ecosystem.yaml');
    appendFileSync(file, '\n');
    appendFileSync(file, '\n');
    expect(await nextBatch()).toEqual(['facts/hk-ai-ecosystem.yaml']);
  });

  it('leaves out files a corpus is not read from', async () => {
    start();
    writeFileSync(path.join(dir, 'facts', 'notes.txt'), 'draft');
    writeFileSync(path.join(dir, 'README.md'), '# notes');
    appendFileSync(path.join(dir, 'sources', 'city24-hk-ai-2025-02-27.md'), '\n');
    appendFileSync(path.join(dir, 'entities.yaml'), '\n');
    expect(await nextBatch()).toEqual(['entities.yaml', 'sources/city24-hk-ai-2025-02-27.md']);
  });

  it('keeps watching a folder that is removed and written again, as a branch switch does', async () => {
    start();
    rmSync(path.join(dir, 'facts'), { recursive: true });
    cpSync(path.join(realCorpus, 'facts'), path.join(dir, 'facts'), { recursive: true });
    expect(await nextBatch()).toContain('facts');
    appendFileSync(path.join(dir, 'facts', 'tkp-deepseek-gba-2025-03.yaml'), '\n');
    expect(await nextBatch()).toContain('facts/tkp-deepseek-gba-2025-03.yaml');
  });

  it('watches a folder that did not exist when the watch began', async () => {
    rmSync(path.join(dir, 'raw'), { recursive: true });
    start();
    cpSync(path.join(realCorpus, 'raw'), path.join(dir, 'raw'), { recursive: true });
    expect(await nextBatch()).toContain('raw');
    writeFileSync(path.join(dir, 'raw', 'added.txt'), '新稿');
    expect(await nextBatch()).toEqual(['raw/added.txt']);
  });

  it('reports nothing after close()', async () => {
    start();
    appendFileSync(path.join(dir, 'facts', 'hk-ai-ecosystem.yaml'), '\n');
    watcher!.close();
    await pause(300);
    expect(batches).toEqual([]);
  });

  it('says clearly when the directory is missing or an argument is wrong', () => {
    const missing = path.join(dir, 'no-such-corpus');
    expect(() => watchCorpus(missing, () => {})).toThrow(FactciteError);
    expect(() => watchCorpus(missing, () => {})).toThrow(`Cannot watch the corpus at ${missing}: no such directory`);
    expect(() => watchCorpus(dir, 'reload' as never)).toThrow(InvalidArgumentError);
    expect(() => watchCorpus(dir, () => {}, { debounceMs: -1 })).toThrow(/options\.debounceMs/);
  });
});
