/**
 * File-system entry of @factcite/core: reads a corpus directory
 * (facts/*.yaml, entities.yaml, sources/*.md, raw/) for the CLI and Node tools.
 */
export * from './index.js';

export {
  displayPath,
  isCorpusDir,
  loadCorpusDir,
  MAX_FILE_BYTES,
  readCorpusFiles,
  readPackageJson,
  readTextFile,
} from './corpus/load-dir.js';
export { readLimits, readRegularFile, ReadRefusal, type ReadLimits } from './io/read-file.js';
export { expectKebabId, expectWritableFile, resolveInside, UnsafePathError } from './io/safe-path.js';

export {
  buildRelease,
  BuildLockedError,
  findPublishedRecord,
  readableReleaseDir,
  recordHash,
  releaseFiles,
  releaseHash,
  RELEASE_FORMAT,
  sha256,
  verifyRelease,
  writeDirectoryAtomically,
  type BuildReleaseOptions,
  type BuildReleaseResult,
  type PublishedRecord,
  type WriteDirectoryOptions,
  type WriteStep,
  type ReleaseContent,
  type ReleaseManifest,
  type ReleaseVerification,
  type VerifyProblem,
  type VerifyProblemCode,
} from './release/release.js';

export { readReleaseSnapshot, releasesDir, snapshotVersions, SnapshotError } from './release/release-snapshots.js';
export { type CorpusWatcher, type WatchCorpusOptions, watchCorpus } from './corpus/watch-corpus.js';
