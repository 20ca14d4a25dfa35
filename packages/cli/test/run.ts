import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const repoRoot = path.resolve(__dirname, '../../..');
const cli = path.resolve(__dirname, '../dist/cli.js');

/** Runs the built CLI as a user would, without a TTY (so no colours). */
export function factcite(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    // The shell's locale would pick the messages' language; tests ask for one explicitly.
    env: { ...process.env, NO_COLOR: '1', FACTCITE_CORPUS: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `factcite-${prefix}-`));
  temporary.push(dir);
  return dir;
}
