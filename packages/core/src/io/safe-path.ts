/**
 * Containment for paths built from an argument or from data: a relative path
 * that names something inside a root directory, checked before any file is
 * read or written, so that an id such as `../../victim/x` or a symlink placed
 * in the corpus cannot reach outside it.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { FactciteError } from '../errors.js';
import { printable } from '../printable.js';

/** A path from an argument or from data that would leave its root, or an id that cannot be a file name. */
export class UnsafePathError extends FactciteError {
  constructor(message: string) {
    super('unsafe-path', message);
  }
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks that an id (of a source, a fact) is kebab-case, which also makes it a safe file name. */
export function expectKebabId(id: string, what: string): string {
  if (typeof id !== 'string' || !KEBAB.test(id) || id.length > 200) {
    throw new UnsafePathError(`${what} must be kebab-case (a-z, 0-9 and single hyphens, at most 200 characters): ${printable(String(id))}`);
  }
  return id;
}

/** The real path of the deepest part of `target` that exists, with the rest appended. */
function realPathOfExisting(target: string): string {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest.reverse());
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * The absolute path of `relative` inside `root`. Refuses an absolute path, a
 * `..` segment, a NUL byte or a backslash, and a path that symlinks lead out
 * of the root (the real path of every existing part is checked).
 */
export function resolveInside(root: string, relative: string, what: string): string {
  const shown = printable(relative);
  if (typeof relative !== 'string' || relative === '') throw new UnsafePathError(`${what} is empty`);
  if (relative.includes('\0')) throw new UnsafePathError(`${what} holds a NUL byte: ${shown}`);
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) throw new UnsafePathError(`${what} must be a relative path, not ${shown}`);
  if (relative.includes('\\')) throw new UnsafePathError(`${what} must use "/" between folders: ${shown}`);
  if (relative.split('/').some((part) => part === '..')) throw new UnsafePathError(`${what} must not climb out with "..": ${shown}`);
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, relative);
  if (!isWithin(absoluteRoot, target)) throw new UnsafePathError(`${what} leads outside ${printable(absoluteRoot)}: ${shown}`);
  if (!isWithin(realPathOfExisting(absoluteRoot), realPathOfExisting(target))) {
    throw new UnsafePathError(`${what} leads outside ${printable(absoluteRoot)} through a symbolic link: ${shown}`);
  }
  return target;
}

/**
 * Checks a file a command is told to write (`--out`): it may be new or an
 * existing regular file, never a symbolic link (a write would follow it),
 * a directory, a device or a FIFO.
 */
export function expectWritableFile(file: string, what: string): string {
  const target = path.resolve(file);
  let stats: ReturnType<typeof lstatSync> | undefined;
  try {
    stats = lstatSync(target);
  } catch {
    return target;
  }
  if (stats.isSymbolicLink()) throw new UnsafePathError(`${what} is a symbolic link; name the file itself: ${printable(file)}`);
  if (!stats.isFile()) throw new UnsafePathError(`${what} exists and is not a regular file: ${printable(file)}`);
  return target;
}
