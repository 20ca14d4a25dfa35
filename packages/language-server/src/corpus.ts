import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Corpus, createFactIndex, type FactIndex, type Problem } from '@factcite/core';
import { isCorpusDir, loadCorpusDir, readTextFile } from '@factcite/core/node';
import { type CorpusFileText, factRecordLocations } from '@factcite/language-service';
import type { Location } from 'vscode-languageserver';

/** A loaded corpus and what the features need from its files. */
export interface LoadedCorpus {
  dir: string;
  index: FactIndex;
  /** Problems found while loading (errors and warnings), for the log. */
  problems: Problem[];
  /** The cleaned source file of a source id, read when first asked for. */
  sourceFile(sourceId: string): CorpusFileText | undefined;
  /** Where a fact's YAML record is. */
  factLocation(factId: string): Location | undefined;
}

/** Why a corpus could not be used. */
export interface CorpusFailure {
  dir: string;
  /** One sentence for the writer. */
  message: string;
  problems: Problem[];
}

/** The directory of the corpus release installed with the server (@factcite/corpus). */
export function bundledCorpusDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@factcite/corpus/package.json'));
}

/** A corpus file read on demand, within the read caps: a file swapped for a FIFO or a device since the load is skipped, not waited on. */
function readText(file: string): string | undefined {
  return readTextFile(file, file, []);
}

/**
 * Loads and validates a corpus directory. A corpus with errors is a failure:
 * the caller keeps its last good index rather than serving a half-read one.
 */
export function loadCorpus(dir: string): LoadedCorpus | CorpusFailure {
  if (!existsSync(dir)) return { dir, message: `factcite: corpus directory not found: ${dir}`, problems: [] };
  if (!isCorpusDir(dir)) return { dir, message: `factcite: not a corpus directory (no facts/ inside): ${dir}`, problems: [] };
  const parsed = loadCorpusDir(dir, dir);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    return {
      dir,
      message: `factcite: the corpus at ${dir} has ${parsed.errors.length} error(s), first ${first.file}:${first.line}:${first.column} ${first.message}`,
      problems: [...parsed.errors, ...parsed.warnings],
    };
  }
  // loadCorpusDir validated it, and any error returned above.
  return withFiles(dir, createFactIndex(parsed.corpus, { validate: false }), parsed.warnings);
}

/**
 * The release installed with the server, from its built JSON: the release
 * build validated it already, and reading JSON takes milliseconds where
 * validating the files again takes seconds.
 */
export function loadBundledCorpus(): LoadedCorpus | CorpusFailure {
  const dir = bundledCorpusDir();
  try {
    const require = createRequire(import.meta.url);
    const { corpus, searchIndex } = require('@factcite/corpus') as { corpus: Corpus; searchIndex?: Uint8Array };
    // With the release's prebuilt search index, the first completion does not wait for a build.
    return withFiles(dir, createFactIndex(corpus, { validate: false, searchIndex }), []);
  } catch {
    // An installation without its built release: read the files instead.
    return loadCorpus(dir);
  }
}

/** Adds what definition needs from a corpus directory: its source files and where each fact's record is. */
function withFiles(dir: string, index: FactIndex, problems: Problem[]): LoadedCorpus {
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  let names: string[] = [];
  try {
    names = readdirSync(path.join(dir, 'facts'));
  } catch {
    names = [];
  }
  const factFiles = names
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const text = readText(path.join(dir, 'facts', name));
      return text === undefined ? [] : [{ uri: uri(`facts/${name}`), text }];
    });
  const records = factRecordLocations(factFiles);
  const sources = new Map<string, CorpusFileText | undefined>();
  return {
    dir,
    index,
    problems,
    sourceFile(sourceId) {
      if (!sources.has(sourceId)) {
        const relative = `sources/${sourceId}.md`;
        const text = readText(path.join(dir, relative));
        sources.set(sourceId, text === undefined ? undefined : { uri: uri(relative), text });
      }
      return sources.get(sourceId);
    },
    factLocation: (factId) => records.get(factId),
  };
}

export function isFailure(result: LoadedCorpus | CorpusFailure): result is CorpusFailure {
  return !('index' in result);
}
