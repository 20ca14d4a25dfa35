import { readdirSync } from 'node:fs';
import { readRegularFile } from '@factcite/core/node';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor']);
const MAX_FILES = 5000;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Report files under the workspace folders, for Find All References: files
 * with one of the extensions, outside hidden and dependency directories, up
 * to a bound so that a huge tree cannot stall the server.
 */
export function* workspaceReports(folders: readonly string[], extensions: readonly string[]): Generator<{ file: string; text: string }> {
  let seen = 0;
  const stack = [...folders];
  while (stack.length > 0 && seen < MAX_FILES) {
    const dir = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(full);
        continue;
      }
      if (!entry.isFile() || !extensions.includes(path.extname(entry.name).toLowerCase())) continue;
      if (++seen > MAX_FILES) return;
      try {
        yield { file: full, text: readRegularFile(full, MAX_BYTES).toString('utf8') };
      } catch {
        // A file that vanished, cannot be read, is over the cap or is not a regular file has no references to give.
      }
    }
  }
}
