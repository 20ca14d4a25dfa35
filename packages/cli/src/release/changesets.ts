import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readYaml } from '@factcite/core';
import { InputError } from '../errors.js';
import { type Bump, isBump, maxBump } from './semver.js';

/** The .changeset directory of the repository holding `from`, if there is one. */
export function findChangesetDir(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.changeset');
    if (existsSync(path.join(candidate, 'config.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A pending changeset's bump for one package. */
export interface PendingChange {
  file: string;
  bump: Bump;
}

/**
 * The bumps that pending changesets (.changeset/*.md, as `changeset add`
 * writes them) declare for a package. A changeset whose front matter cannot
 * be read is an error, not a silent "none".
 */
export function readPendingChanges(dir: string, packageName: string): PendingChange[] {
  if (!existsSync(dir)) return [];
  const out: PendingChange[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .sort()) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    const match = /^---\n([\s\S]*?)\n?---(?:\n|$)/.exec(text);
    if (!match) throw new InputError(`${file}: a changeset starts with front matter between "---" lines`);
    let releases: unknown;
    try {
      releases = readYaml(match[1] ?? '') ?? {};
    } catch (error) {
      throw new InputError(`${file}: cannot read the front matter: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof releases !== 'object' || Array.isArray(releases)) throw new InputError(`${file}: front matter must map package names to bumps`);
    const bump = (releases as Record<string, unknown>)[packageName];
    if (bump === undefined) continue;
    if (!isBump(bump) || bump === 'none') throw new InputError(`${file}: "${packageName}: ${String(bump)}" is not major, minor or patch`);
    out.push({ file, bump });
  }
  return out;
}

/** The largest bump pending changesets declare for a package. */
export function declaredBump(changes: PendingChange[]): Bump {
  return maxBump(...changes.map((c) => c.bump));
}

/** A changeset file's text: the package's bump in front matter, then the notes. */
export function formatChangeset(packageName: string, bump: Exclude<Bump, 'none'>, notes: string): string {
  return `---\n${JSON.stringify(packageName)}: ${bump}\n---\n\n${notes.trim()}\n`;
}
