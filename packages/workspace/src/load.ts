/**
 * Turning a chosen corpus into a LoadedCorpus, under the host's policy for a
 * corpus with errors (README, "Policy"): it is refused whole. A corpus missing
 * the records that failed would flag every citation of them as unknown, in
 * every open report, for as long as the file stays broken: a storm of false
 * errors while a maintainer is mid-edit. Refusing it keeps the last good
 * corpus serving, and the errors go to one message and the Problems panel.
 * Warnings do not refuse a corpus.
 */
import type { Problem } from '@factcite/core';
import { formatMessage, type MessageRef } from '@factcite/core/messages';
// The search entry: no zod or YAML, so a front end that bundles the host starts fast.
import { createFactIndex, type Corpus } from '@factcite/core/search';
import { factRecordLocations } from '@factcite/language-service';
import type { CorpusChoice } from './choose.js';
import type { CorpusFailure, CorpusOrigin, HostIO, LoadedCorpus } from './types.js';

/** The outcome of one load: a corpus, or why there is none. */
export type LoadResult = { ok: true; loaded: LoadedCorpus } | { ok: false; failure: CorpusFailure };

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Loads the release bundled with the front end; its build validated it, so it is read, not validated again. */
export function loadBundled(io: HostIO): LoadedCorpus {
  const release = io.readBundled();
  const origin: CorpusOrigin = { kind: 'bundled', dir: release.dir };
  const notes = release.problem ? [`${release.problem}; building the search index instead`] : [];
  return withIndex(io, origin, release.corpus, release.searchIndex, [], notes);
}

/** Loads what {@link chooseCorpus} chose; the bundled release comes from `bundled`, loaded once by the caller. */
export function loadChoice(io: HostIO, choice: CorpusChoice, bundled: () => LoadedCorpus): LoadResult {
  if (choice.kind === 'bundled') return { ok: true, loaded: bundled() };
  if (choice.kind === 'invalid')
    return { ok: false, failure: failure({ kind: 'invalid', dir: choice.dir }, { id: 'corpus.unusable', params: { reason: choice.detail } }) };
  const origin: CorpusOrigin = { kind: choice.kind, dir: choice.dir };
  let parsed: ReturnType<HostIO['readRelease']>;
  try {
    parsed = choice.kind === 'workspace' ? io.readCorpusDir(choice.dir) : io.readRelease(choice.dir);
  } catch (error) {
    // A reader that throws (a folder removed mid-read) is a failure like any other, never an exception at the editor.
    return { ok: false, failure: failure(origin, { id: 'corpus.unreadable', params: { dir: choice.dir, error: messageOf(error) } }) };
  }
  if (parsed.errors.length > 0) return { ok: false, failure: failure(origin, describeErrors(choice.dir, parsed.errors), parsed.errors) };
  try {
    return { ok: true, loaded: withIndex(io, origin, parsed.corpus, parsed.searchIndex, parsed.warnings, []) };
  } catch (error) {
    return { ok: false, failure: failure(origin, { id: 'corpus.unindexable', params: { dir: choice.dir, error: messageOf(error) } }) };
  }
}

function failure(origin: CorpusFailure['origin'], detail: MessageRef, problems: Problem[] = []): CorpusFailure {
  return { origin, message: formatMessage(detail), detail, problems };
}

/** One sentence naming the count and the first error with its place (the error itself is the validator's, in English). */
function describeErrors(dir: string, errors: Problem[]): MessageRef {
  const e = errors[0]!;
  const first = `${e.file}:${e.line}:${e.column} ${e.message}`;
  if (errors.length === 1) return { id: 'corpus.errors', params: { dir, count: 1, first } };
  return { id: 'corpus.errors-more', params: { dir, count: errors.length, first, more: errors.length - 1 } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withIndex(io: HostIO, origin: CorpusOrigin, corpus: Corpus, searchIndex: Uint8Array | undefined, warnings: Problem[], notes: string[]): LoadedCorpus {
  let index: ReturnType<typeof createFactIndex>;
  try {
    // Validated already: by the release build, or by the reader whose errors refused the corpus above.
    index = createFactIndex(corpus, searchIndex ? { searchIndex } : {});
  } catch (error) {
    if (!searchIndex) throw error;
    // A damaged or mismatched prebuilt index only slows the first search: build one instead.
    notes.push(`the prebuilt search index could not be used (${messageOf(error)}); building it instead`);
    index = createFactIndex(corpus);
  }
  const sources = new Map<string, ReturnType<LoadedCorpus['sourceFile']>>();
  let records: ReturnType<typeof factRecordLocations> | undefined;
  return {
    origin,
    corpus,
    index,
    warnings,
    notes,
    sourceFile(sourceId) {
      // A source id comes from corpus data: it names a file only when it is a plain id.
      if (!SOURCE_ID.test(sourceId)) return undefined;
      if (!sources.has(sourceId)) sources.set(sourceId, io.readCorpusFile(origin, `sources/${sourceId}.md`));
      return sources.get(sourceId);
    },
    factLocation(factId) {
      records ??= factRecordLocations(
        io
          .listCorpusFolder(origin, 'facts')
          .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
          .sort()
          .flatMap((name) => io.readCorpusFile(origin, `facts/${name}`) ?? []),
      );
      return records.get(factId);
    },
  };
}
