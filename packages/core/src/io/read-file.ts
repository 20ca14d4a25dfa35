/**
 * Bounded reads: only regular files (after following links) are read, and
 * never more than a cap, so a corpus file that is a link to /dev/zero, a FIFO
 * or a socket, or one that is simply huge, becomes a located problem instead
 * of a read without end.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';

/** Caps on what a corpus read may take in. */
export interface ReadLimits {
  /** Largest single file, in bytes. */
  maxFileBytes: number;
  /** Largest whole corpus (facts, sources, entities together), in bytes. */
  maxCorpusBytes: number;
}

function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/**
 * The caps in force: 20 MB a file and 64 MB a corpus unless
 * FACTCITE_MAX_FILE_BYTES or FACTCITE_MAX_CORPUS_BYTES say otherwise. The
 * real corpus is a few hundred KB; parsing 64 MB of YAML already takes
 * about a minute and a gigabyte of memory.
 */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return {
    maxFileBytes: overrides.maxFileBytes ?? fromEnv('FACTCITE_MAX_FILE_BYTES', 20 * 1024 * 1024),
    maxCorpusBytes: overrides.maxCorpusBytes ?? fromEnv('FACTCITE_MAX_CORPUS_BYTES', 64 * 1024 * 1024),
  };
}

/** Why a file was not read. */
export class ReadRefusal extends Error {
  constructor(
    readonly code: 'not-a-regular-file' | 'file-too-large' | 'unreadable-file',
    message: string,
  ) {
    super(message);
  }
}

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The bytes of a regular file of at most `maxBytes`. Throws a
 * {@link ReadRefusal} for anything else: the size is counted while reading,
 * not trusted from stat, which says 0 for devices and /proc files.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    const stats = statSync(file);
    if (!stats.isFile()) throw new ReadRefusal('not-a-regular-file', `is ${kind(stats)}; only regular files are read`);
    // O_NONBLOCK: should the file be swapped for a FIFO after the check, the open still returns.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof ReadRefusal) throw error;
    throw new ReadRefusal('unreadable-file', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ReadRefusal('not-a-regular-file', `is ${kind(stats)}; only regular files are read`);
    if (stats.size > maxBytes) throw new ReadRefusal('file-too-large', `file is ${megabytes(stats.size)}; files are limited to ${megabytes(maxBytes)}`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new ReadRefusal('file-too-large', `file is over ${megabytes(maxBytes)}; files are limited to ${megabytes(maxBytes)}`);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ReadRefusal) throw error;
    throw new ReadRefusal('unreadable-file', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
