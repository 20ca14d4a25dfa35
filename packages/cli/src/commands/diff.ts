import pc from 'picocolors';
import { EXIT } from '../errors.js';
import { loadReleaseData } from '../release/data.js';
import { diffReleases, type ReleaseDiff } from '../release/diff.js';
import { writeOut } from '../terminal.js';

export interface DiffOptions {
  json?: boolean;
}

function describeSide(label: string, version: string | undefined): string {
  return version ? `${label} (${version})` : label;
}

/** The human form of a diff, one line per changed record. */
export function formatDiff(diff: ReleaseDiff): string {
  const lines: string[] = [];
  const renamed = new Map(diff.renamed.map((r) => [r.from, r.to]));
  for (const id of diff.removed) lines.push(`  ${pc.red('-')} ${id}${renamed.has(id) ? pc.dim(`  (looks renamed to ${renamed.get(id)})`) : ''}`);
  for (const id of diff.added) lines.push(`  ${pc.green('+')} ${id}`);
  for (const d of diff.deprecated) lines.push(`  ${pc.yellow('!')} ${d.id} ${pc.dim(`deprecated → ${d.supersededBy}`)}`);
  for (const id of diff.reactivated) lines.push(`  ${pc.yellow('!')} ${id} ${pc.dim('reactivated')}`);
  for (const c of diff.changed) lines.push(`  ${pc.cyan('~')} ${c.id} ${pc.dim(`(${c.fields.join(', ')})`)}`);
  for (const [kind, changes] of [
    ['source', diff.sources],
    ['entity', diff.entities],
  ] as const) {
    if (!changes) continue;
    for (const id of changes.removed) lines.push(`  ${pc.red('-')} ${kind} ${id}`);
    for (const id of changes.added) lines.push(`  ${pc.green('+')} ${kind} ${id}`);
    for (const c of changes.changed) lines.push(`  ${pc.cyan('~')} ${kind} ${c.id} ${pc.dim(`(${c.fields.join(', ')})`)}`);
  }
  for (const change of diff.schema?.changes ?? []) lines.push(`  ${pc.magenta('*')} schema: ${change}`);
  return lines.join('\n');
}

/** `factcite diff OLD NEW`: what changed between two releases and the bump it requires. */
export function diffCommand(oldSpec: string, newSpec: string, options: DiffOptions): number {
  const before = loadReleaseData(oldSpec);
  const after = loadReleaseData(newSpec);
  const diff = diffReleases(before, after);
  if (options.json) {
    writeOut(`${JSON.stringify(diff, null, 2)}\n`);
    return EXIT.ok;
  }
  const head = `${describeSide(oldSpec, before.version)} → ${describeSide(newSpec, after.version)}`;
  if (diff.bump === 'none') {
    writeOut(`${head}: no changes\n`);
    return EXIT.ok;
  }
  writeOut(`${head}: ${pc.bold(diff.bump)}\n${formatDiff(diff)}\n`);
  writeOut(pc.dim(`${diff.reasons.join('; ')}\n`));
  if (!before.sources || !after.sources) writeOut(pc.dim('(one side holds facts only; sources and entities were not compared)\n'));
  return EXIT.ok;
}
