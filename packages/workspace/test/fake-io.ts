/**
 * An in-memory disk and a hand-driven clock for testing the host: corpus
 * folders hold real corpus text (a fixture taken from the corpus), parsed by
 * core's real parser, so a broken file is broken the way a maintainer breaks
 * it. Nothing here touches the real disk after the fixture is read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Corpus, type Fact, parseCorpus } from '@factcite/core';
import type { HostIO, HostTimers } from '../src/index.js';

const fixtureDir = path.join(__dirname, 'fixtures', 'corpus');

/** The fixture corpus's files, relative path to text. */
export function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['facts', 'sources']) {
    for (const name of readdirSync(path.join(fixtureDir, folder))) files.set(`${folder}/${name}`, readFileSync(path.join(fixtureDir, folder, name), 'utf8'));
  }
  for (const name of ['entities.yaml', 'package.json']) files.set(name, readFileSync(path.join(fixtureDir, name), 'utf8'));
  return files;
}

/** The bundled release: the real built one. */
export const bundledCorpus = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@factcite/corpus/corpus.json'), 'utf8')) as Corpus;

export class FakeDisk {
  readonly dirs = new Map<string, Map<string, string>>();
  readonly watches: { dir: string; onChange: (files: string[]) => void; open: boolean }[] = [];
  readonly reads: string[] = [];
  /** Like fs.watch: events wait in a queue until delivered, and a watch closed meanwhile never gets them. */
  queueEvents = false;
  private readonly queued: { watch: FakeDisk['watches'][number]; files: string[] }[] = [];
  /** Runs once, in the middle of the next corpus read (after the files were read). */
  duringRead: (() => void) | undefined;

  put(dir: string, files: Map<string, string>): void {
    this.dirs.set(dir, new Map(files));
    this.changed(dir, [...files.keys()]);
  }

  write(dir: string, relative: string, text: string): void {
    this.dirs.get(dir)!.set(relative, text);
    this.changed(dir, [relative]);
  }

  remove(dir: string): void {
    this.dirs.delete(dir);
    this.changed(dir, []);
  }

  openWatches(dir: string): number {
    return this.watches.filter((w) => w.dir === dir && w.open).length;
  }

  /** Delivers queued events to the watches still open. */
  deliver(): void {
    for (const { watch, files } of this.queued.splice(0)) if (watch.open) watch.onChange(files);
  }

  private changed(dir: string, files: string[]): void {
    for (const w of this.watches) {
      if (w.dir !== dir || !w.open) continue;
      if (this.queueEvents) this.queued.push({ watch: w, files });
      else w.onChange(files);
    }
  }

  io(): HostIO {
    const list = (dir: string, folder: string) =>
      [...(this.dirs.get(dir)?.keys() ?? [])].filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
    return {
      probe: (dir) => {
        const files = this.dirs.get(dir);
        if (!files) return 'missing';
        if ([...files.keys()].some((f) => f.startsWith('facts/'))) return 'corpus';
        return files.has('corpus.json') ? 'release' : 'other';
      },
      resolvePath: (base, setting) => (setting.startsWith('/') ? setting : base === undefined ? undefined : `${base}/${setting}`),
      readCorpusDir: (dir) => {
        this.reads.push(dir);
        const current = this.dirs.get(dir);
        if (!current) throw new Error(`ENOENT: ${dir}`);
        const files = new Map(current);
        const during = this.duringRead;
        this.duringRead = undefined;
        during?.();
        const pick = (folder: string) => list(dir, folder).map((name) => ({ path: `${folder}/${name}`, text: files.get(`${folder}/${name}`)! }));
        const entities = files.get('entities.yaml');
        const pkg = files.get('package.json');
        return parseCorpus({
          facts: pick('facts'),
          sources: pick('sources'),
          ...(entities !== undefined ? { entities: { path: 'entities.yaml', text: entities } } : {}),
          ...(pkg ? { version: (JSON.parse(pkg) as { version: string }).version } : {}),
        });
      },
      readRelease: (dir) => {
        this.reads.push(dir);
        return { corpus: JSON.parse(this.dirs.get(dir)!.get('corpus.json')!) as Corpus, errors: [], warnings: [] };
      },
      readBundled: () => ({ dir: '/bundled', corpus: bundledCorpus }),
      readCorpusFile: (origin, relative) => {
        const text = this.dirs.get(origin.dir)?.get(relative);
        return text === undefined ? undefined : { uri: `file://${origin.dir}/${relative}`, text };
      },
      listCorpusFolder: (origin, folder) => list(origin.dir, folder),
      readReleaseSnapshot: (origin, version) => {
        this.reads.push(`${origin.dir}/releases/${version}.json`);
        const text = this.dirs.get(origin.dir)?.get(`releases/${version}.json`);
        if (text === undefined) throw new Error(`no snapshot of release ${version} in ${origin.dir}/releases`);
        return { version, facts: (JSON.parse(text) as { facts: Fact[] }).facts };
      },
      corpusPathOf: (origin, uri) => (uri.startsWith(`file://${origin.dir}/`) ? uri.slice(`file://${origin.dir}/`.length) : undefined),
      watch: (dir, onChange) => {
        if (!this.dirs.has(dir)) throw new Error(`ENOENT: cannot watch ${dir}`);
        const entry = { dir, onChange, open: true };
        this.watches.push(entry);
        return {
          close: () => {
            entry.open = false;
          },
        };
      },
    };
  }
}

/** A clock that moves only when told. */
export class FakeClock implements HostTimers {
  now = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves the clock forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = until;
  }
}
