/**
 * Watches a corpus directory for the editors and the language server, which
 * reload a workspace corpus when it changes on disk.
 *
 * One non-recursive watch per folder of the fixed layout (the root, facts/,
 * sources/, raw/) rather than one recursive watch: recursive watchers add a
 * folder only after they hear of it, so a folder created and filled at once
 * (a copy, a clone, a branch switch) can go unwatched for good. Here a folder
 * that appears, or disappears and comes back, is watched afresh.
 */
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { expectArgument, FactciteError, expectText } from '../errors.js';
import { lazySchema } from '../lazy-schema.js';

/** Options for {@link watchCorpus}. */
export interface WatchCorpusOptions {
  /** Quiet time after the last change before `onChange` runs, so a checkout of many files costs one reload; 300 ms when not given. */
  debounceMs?: number;
}

/** A running watch; `close()` stops it and drops any change not yet reported. */
export interface CorpusWatcher {
  close(): void;
}

const FOLDERS = { facts: /\.ya?ml$/, sources: /\.md$/, raw: /./ } as const;
type Folder = keyof typeof FOLDERS;
const ROOT_FILES = new Set(['package.json', 'entities.yaml']);

const argumentSchemas = lazySchema((z) => ({
  onChange: z.custom<(files: string[]) => void>((v) => typeof v === 'function', 'Expected a function'),
  options: z.object({ debounceMs: z.number().int().nonnegative().optional() }),
}));

const isFolder = (name: string): name is Folder => Object.hasOwn(FOLDERS, name);

/**
 * Calls `onChange` with the corpus files that changed (relative paths such
 * as `facts/hk-ai-ecosystem.yaml`, sorted) once changes under `dir` have
 * settled. Only files a corpus is read from count: facts/*.yaml,
 * sources/*.md, raw/*, entities.yaml and package.json.
 */
export function watchCorpus(dir: string, onChange: (files: string[]) => void, options: WatchCorpusOptions = {}): CorpusWatcher {
  expectText(dir, 'watchCorpus', 'dir');
  const schemas = argumentSchemas();
  expectArgument(schemas.onChange, onChange, 'watchCorpus', 'onChange');
  const { debounceMs = 300 } = expectArgument(schemas.options, options, 'watchCorpus', 'options');

  const folders = new Map<Folder, FSWatcher>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const changed = (file: string): void => {
    if (closed) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending.clear();
      onChange(files);
    }, debounceMs);
  };

  /** Starts or restarts the watch of one folder; false when it does not exist (now). */
  const watchFolder = (name: Folder): boolean => {
    folders.get(name)?.close();
    folders.delete(name);
    try {
      const w = watch(path.join(dir, name), (_event, file) => {
        const base = file ? String(file) : '';
        // Some platforms do not say which file; then any change might matter.
        if (!base || FOLDERS[name].test(base)) changed(base ? `${name}/${base}` : name);
      });
      // A removed folder ends its watch with an error; the root's watch sees it come back.
      w.on('error', () => {
        w.close();
        if (folders.get(name) === w) folders.delete(name);
      });
      folders.set(name, w);
      return true;
    } catch {
      return false;
    }
  };

  let root: FSWatcher;
  try {
    root = watch(dir, (_event, file) => {
      const base = file ? String(file) : '';
      if (isFolder(base)) {
        // Created, removed or replaced: watch what is there now, and count it as a change.
        watchFolder(base);
        changed(base);
      } else if (!base || ROOT_FILES.has(base)) changed(base || '.');
    });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : String((error as Error).message);
    throw new FactciteError('watch-failed', `Cannot watch the corpus at ${dir}: ${reason}`);
  }
  root.on('error', () => root.close());
  for (const name of Object.keys(FOLDERS) as Folder[]) watchFolder(name);

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      pending.clear();
      root.close();
      for (const w of folders.values()) w.close();
      folders.clear();
    },
  };
}
