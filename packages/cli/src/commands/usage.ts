import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  changeKinds,
  type Fact,
  type FactChangeKind,
  isReleaseVersion,
  LineIndex,
  parseCitations,
  type PinnedRelease,
  readPin,
  resolveSuccessor,
} from '@factcite/core';
import { displayPath, readReleaseSnapshot, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { plural } from '../format.js';
import { writeOut } from '../terminal.js';

export interface UsageOptions {
  corpus?: string;
  json?: boolean;
  release?: string;
}

/** Folders a workspace search for reports never enters. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'corpus', '.turbo', '.changeset']);
/** A workspace search stops here: a report set larger than this is named on the command line. */
const MAX_FILES = 10000;

/** The Markdown files under a folder, in path order, without following links. */
function markdownUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && /\.(?:md|markdown|qmd|rmd)$/i.test(entry.name)) out.push(full);
    }
  };
  walk(root);
  return out;
}

interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * `factcite usage [FILE...]`: every cited fact with where it is cited, the
 * deprecated facts still cited (and their successors), and the reports a
 * release affects: those pinned to an earlier release that cite a fact the
 * release changed since their pin.
 */
export function usageCommand(files: string[], options: UsageOptions): number {
  const { index, dir } = loadIndex(options.corpus);
  const release = options.release ?? index.version;
  if (release !== undefined && !isReleaseVersion(release)) throw new UsageError(`--release must be a version such as 0.2.0, not "${release}"`);
  let target: PinnedRelease | undefined;
  if (release !== undefined && release !== index.version) {
    try {
      target = readReleaseSnapshot(dir, release);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  }
  const targetFacts = new Map<string, Fact>((target?.facts ?? index.all()).map((f) => [f.id, f]));
  const reports = files.length ? files : markdownUnder(process.cwd());
  const cited = new Map<string, Place[]>();
  const snapshots = new Map<string, Map<string, Fact> | string>();
  const affected: { file: string; pin: string; facts: { id: string; kinds: FactChangeKind[] }[] }[] = [];
  const unreadable: string[] = [];
  for (const file of reports) {
    const display = displayPath(file);
    const problems: Parameters<typeof readTextFile>[2] = [];
    const text = readTextFile(file, display, problems);
    if (text === undefined) {
      unreadable.push(`${display}: ${problems[0]?.message ?? 'unreadable'}`);
      continue;
    }
    const lines = new LineIndex(text);
    const ids = new Set<string>();
    for (const c of parseCitations(text).citations) {
      const at = lines.humanPosition(c.idStart);
      cited.set(c.id, [...(cited.get(c.id) ?? []), { file: display, line: at.line, column: at.column }]);
      ids.add(c.id);
    }
    const pin = readPin(text)?.version;
    if (!pin || !isReleaseVersion(pin) || release === undefined || pin === release) continue;
    let pinned = snapshots.get(pin);
    if (!pinned) {
      try {
        pinned = new Map(readReleaseSnapshot(dir, pin).facts.map((f) => [f.id, f]));
      } catch (error) {
        pinned = (error as Error).message;
      }
      snapshots.set(pin, pinned);
    }
    if (typeof pinned === 'string') {
      unreadable.push(`${display}: ${pinned}`);
      continue;
    }
    const changed = [...ids].flatMap((id) => {
      const before = pinned.get(id);
      const after = targetFacts.get(id);
      const kinds = before && after ? changeKinds(before, after) : [];
      return kinds.length ? [{ id, kinds }] : [];
    });
    if (changed.length) affected.push({ file: display, pin, facts: changed });
  }
  const facts = [...cited.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, places]) => {
      const fact = index.get(id);
      const status = fact ? fact.status : 'unknown';
      const successor = fact?.status === 'deprecated' ? resolveSuccessor(index, id) : undefined;
      return { id, status, ...(successor ? { successor } : {}), citations: places };
    });
  const deprecated = facts.filter((f) => f.status === 'deprecated');

  if (options.json) {
    writeOut(`${JSON.stringify({ release: release ?? null, reports: reports.length, facts, deprecated, affected, unreadable }, null, 2)}\n`);
    return EXIT.ok;
  }
  writeOut(`${pc.bold('Cited facts')} (${plural(facts.length, 'fact')} in ${plural(reports.length, 'report')})\n`);
  for (const f of facts) {
    const mark = f.status === 'active' ? '' : f.status === 'deprecated' ? pc.yellow(' (deprecated)') : pc.red(' (unknown)');
    const where = [...new Set(f.citations.map((p) => p.file))].join(', ');
    writeOut(`  ${f.id}${mark}  ${plural(f.citations.length, 'citation')}: ${where}\n`);
  }
  writeOut(`\n${pc.bold('Deprecated facts still cited')}\n`);
  if (!deprecated.length) writeOut('  none\n');
  for (const f of deprecated) {
    writeOut(`  ${f.id}${f.successor ? ` → ${f.successor}` : ''}: ${f.citations.map((p) => `${p.file}:${p.line}:${p.column}`).join(', ')}\n`);
  }
  writeOut(`\n${pc.bold(`Reports release ${release ?? '(none)'} affects`)}\n`);
  if (!affected.length) writeOut('  none\n');
  for (const a of affected) writeOut(`  ${a.file} (pinned ${a.pin}): ${a.facts.map((f) => `${f.id} [${f.kinds.join(', ')}]`).join(', ')}\n`);
  for (const u of unreadable) writeOut(pc.yellow(`  skipped ${u}\n`));
  return EXIT.ok;
}
