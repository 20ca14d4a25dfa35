import { writeFileSync } from 'node:fs';
import { createPinResolver, planUpgrade, readPin } from '@factcite/core';
import { displayPath, expectWritableFile, readReleaseSnapshot, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { editHunks, formatUnifiedDiff } from '../edit-diff.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { plural } from '../format.js';
import { writeOut } from '../terminal.js';

export interface UpgradeOptions {
  corpus?: string;
  write?: boolean;
  json?: boolean;
}

/**
 * `factcite upgrade FILE [--write]`: the changes since the report's pinned
 * release, and the edits that bring it to the corpus's release (successors
 * for deprecated facts, new values for numbers that now disagree, the pin
 * moved). Prints the diff, or with --write makes it.
 */
export function upgradeCommand(file: string, options: UpgradeOptions): number {
  const { index, dir } = loadIndex(options.corpus);
  if (!index.version) throw new UsageError(`the corpus at ${dir} has no version to upgrade to (no version in its package.json)`);
  const display = displayPath(file);
  const problems: Parameters<typeof readTextFile>[2] = [];
  const text = readTextFile(file, display, problems);
  if (text === undefined) throw new InputError(`${display}: ${problems[0]?.message ?? 'cannot read the report'}`);
  const pin = readPin(text);
  if (!pin) throw new InputError(`${display} pins no release; run factcite check --pin ${display} to pin it to ${index.version}`);
  const resolved = createPinResolver((version) => readReleaseSnapshot(dir, version), index.version)(text);
  if (resolved.kind === 'current') {
    if (options.json) writeOut(`${JSON.stringify({ from: pin.version, to: index.version, changes: [], edits: [] }, null, 2)}\n`);
    else writeOut(`${pc.green('✔')} ${display} is pinned to ${index.version}, the corpus's release: nothing to upgrade\n`);
    return EXIT.ok;
  }
  if (resolved.kind !== 'pinned') throw new InputError(`${display}: ${resolved.kind === 'problem' ? resolved.message : 'no pinned release'}`);
  const plan = planUpgrade(text, index, resolved.release, index.version);
  if (options.write) {
    writeFileSync(expectWritableFile(file, 'the report to upgrade'), plan.text);
  }
  if (options.json) {
    writeOut(
      `${JSON.stringify({ file: display, from: plan.from, to: plan.to, changes: plan.changes, edits: plan.edits, written: Boolean(options.write) }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  writeOut(`${pc.bold(display)}: ${plural(plan.changes.length, 'cited fact')} changed between ${plan.from} and ${plan.to}\n`);
  const seen = new Set<string>();
  for (const c of plan.changes) {
    if (seen.has(c.factId)) continue;
    seen.add(c.factId);
    const what = [
      c.kinds.includes('deprecated') ? `deprecated${c.successor ? ` → ${c.successor}` : ''}` : '',
      c.kinds.includes('value') ? `value ${c.before ?? '(none)'} → ${c.after ?? '(none)'}` : '',
      c.kinds.includes('statement') ? 'statement reworded' : '',
      c.kinds.includes('quotes') ? 'sources or quotes changed' : '',
      c.kinds.includes('date') ? 'date changed' : '',
    ].filter(Boolean);
    writeOut(`  ${c.factId}: ${what.join('; ')}\n`);
  }
  const diff = formatUnifiedDiff(display, editHunks(text, plan.edits));
  if (options.write) writeOut(`${pc.green('✔')} upgraded ${display} to ${plan.to} (${plural(plan.edits.length, 'edit')})\n`);
  else writeOut(`\n${diff}\n${pc.dim(`run factcite upgrade ${display} --write to make these ${plural(plan.edits.length, 'edit')}`)}\n`);
  return EXIT.ok;
}
