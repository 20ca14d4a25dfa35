/**
 * The shapes the host trades in: the one LoadedCorpus every front end reads,
 * the failure it reports, and the I/O a front end passes in. The host itself
 * reads no file and starts no timer: everything that touches the disk or the
 * clock arrives through {@link HostIO} and {@link HostTimers}, so the host is
 * tested without an editor or a disk.
 */
import type { Corpus, FactIndex, ParsedCorpus, PinnedRelease, Problem } from '@factcite/core';
import type { MessageRef } from '@factcite/core/messages';
import type { CorpusFileText } from '@factcite/language-service';
import type { Location } from 'vscode-languageserver-types';

/** Where a corpus came from: the release bundled with the front end, a corpus source folder, or a built release installed elsewhere. */
export type CorpusOrigin = { kind: 'bundled'; dir: string } | { kind: 'workspace'; dir: string } | { kind: 'release'; dir: string };

/** A corpus ready to serve: its data, its search index, where it came from and its files on demand. */
export interface LoadedCorpus {
  origin: CorpusOrigin;
  corpus: Corpus;
  index: FactIndex;
  /** Warnings found while loading; a corpus with errors is never loaded (see the README's policy). */
  warnings: Problem[];
  /** Things worth logging that did not stop the load, such as a prebuilt search index that could not be used. */
  notes: string[];
  /** The cleaned source file of a source id, read when first asked for. */
  sourceFile(sourceId: string): CorpusFileText | undefined;
  /** Where a fact's YAML record is, read when first asked for. */
  factLocation(factId: string): Location | undefined;
}

/** Why a corpus could not be used. */
export interface CorpusFailure {
  /** The corpus that was asked for. */
  origin: CorpusOrigin | { kind: 'invalid'; dir?: string };
  /** One sentence for the writer, in English, naming the first problem's file, line and column. */
  message: string;
  /** The same sentence from the message catalogue, for a front end to write in its writer's language. */
  detail: MessageRef;
  /** Every located problem (paths relative to the corpus folder); empty when the folder itself is missing. */
  problems: Problem[];
}

/** The release bundled with a front end, as its build wrote it (already validated). */
export interface BundledRelease {
  /** The folder holding the release's facts/ and sources/ files. */
  dir: string;
  corpus: Corpus;
  /** The release's prebuilt search index, when it could be read. */
  searchIndex?: Uint8Array;
  /** Why the prebuilt index could not be read, for the log. */
  problem?: string;
}

/** What a path holds, as far as choosing a corpus is concerned. */
export type PathKind = 'corpus' | 'release' | 'other' | 'missing';

/** A running watch. */
export interface HostWatch {
  close(): void;
}

/**
 * Every I/O the host needs, passed in by the front end. `@factcite/workspace/node`
 * has the Node implementation; the VS Code extension loads its heavy parts
 * (YAML, zod) only when a workspace corpus is configured.
 */
export interface HostIO {
  /** What `dir` is: a corpus source folder (facts/ inside), a built release (corpus.json inside), something else, or nothing. */
  probe(dir: string): PathKind;
  /** A setting's path made absolute against `base` (`~` expanded), or undefined when a relative path has no local folder to resolve against. */
  resolvePath(base: string | undefined, setting: string): string | undefined;
  /** Reads and validates a corpus source folder, every problem at once, paths relative to `dir`. */
  readCorpusDir(dir: string): ParsedCorpus;
  /** Reads and validates a built release (corpus.json, and search-index.bin when it is there). */
  readRelease(dir: string): ParsedCorpus & { searchIndex?: Uint8Array };
  /** The release bundled with the front end. */
  readBundled(): BundledRelease;
  /** A corpus file (`sources/<id>.md`, `facts/<name>.yaml`) and the URI an editor opens it by; undefined when it cannot be read within the caps. */
  readCorpusFile(origin: CorpusOrigin, relative: string): CorpusFileText | undefined;
  /** The file names in a folder of the corpus (`facts`), or none. */
  listCorpusFolder(origin: CorpusOrigin, folder: string): string[];
  /**
   * The facts of a past release, from the corpus's `releases/<version>.json` snapshot, for a report
   * whose front matter pins it (`factcite: 0.1.0`). The version is the report's data: the reader
   * checks it and keeps the path inside `releases/`. Throws saying why the snapshot cannot be had.
   */
  readReleaseSnapshot(origin: CorpusOrigin, version: string): PinnedRelease;
  /** The corpus-relative path (`sources/<id>.md`, `/` separators) of the file a document URI names, or undefined when it is no file of that corpus. */
  corpusPathOf(origin: CorpusOrigin, uri: string): string | undefined;
  /** Calls `onChange` with the corpus files that changed under `dir`; the host debounces. Throws when `dir` cannot be watched. */
  watch(dir: string, onChange: (files: string[]) => void): HostWatch;
}

/** The clock, passed in: real timers in an editor, a hand-driven one in tests. */
export interface HostTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
