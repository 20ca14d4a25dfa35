import path from 'node:path';
import { displayPath } from '@factcite/core/node';
import pc from 'picocolors';
import { EXIT } from '../errors.js';
import { declaredBump, findChangesetDir, type PendingChange, readPendingChanges } from '../release/changesets.js';
import { summarize } from '../release/notes.js';
import { type Bump, bumpBetween, bumpVersion, compareBumps, maxBump } from '../release/semver.js';
import { compareWithLastRelease } from '../release/working.js';
import { writeOut } from '../terminal.js';

export interface ReleaseCheckOptions {
  corpus?: string;
  changesets?: string;
  json?: boolean;
  allowRemoval?: boolean;
}

export type ReleaseCheckCode = 'removed-id' | 'undeclared-bump' | 'wrong-since' | 'changed-since';

export interface ReleaseCheckProblem {
  code: ReleaseCheckCode;
  id?: string;
  message: string;
}

/**
 * `factcite release-check`: the working corpus against the last release.
 * Fails when a fact id vanished (ids are deprecated, never removed), when the
 * change needs a bigger bump than the pending changesets (or an already
 * bumped version) declare, or when a fact's `since` is wrong.
 */
export function releaseCheckCommand(options: ReleaseCheckOptions): number {
  const { working, last, diff } = compareWithLastRelease(options.corpus);
  const changesetDir = options.changesets ? path.resolve(options.changesets) : findChangesetDir(working.dir);
  const pending: PendingChange[] = changesetDir ? readPendingChanges(changesetDir, working.name) : [];
  // After `changeset version` the changesets are gone and the version itself carries the bump.
  const versioned = bumpBetween(last.version, working.version);
  const declared: Bump = maxBump(declaredBump(pending), versioned);
  // A removed id is reported as the mistake it is. The rest is judged as if it
  // were restored: otherwise the one removal also reads as an undeclared major
  // bump and as a wrong since on every new fact, each inviting the wrong fix.
  const removalReported = diff.removed.length > 0 && !options.allowRemoval;
  const required: Bump = removalReported ? diff.bumpKeepingIds : diff.bump;
  const next = bumpVersion(last.version, maxBump(required, declared));
  const problems: ReleaseCheckProblem[] = [];

  const renamed = new Map(diff.renamed.map((r) => [r.from, r.to]));
  if (!options.allowRemoval) {
    for (const id of diff.removed) {
      const to = renamed.get(id);
      problems.push({
        code: 'removed-id',
        id,
        message: `fact "${id}" is in ${last.version} but gone from the corpus${to ? ` (renamed to "${to}"?)` : ''}; ids are never removed: restore its record (${displayPath(last.file)} holds it) and, if it is wrong or replaced, set status: deprecated and supersededBy: ${to ?? '<its successor>'}`,
      });
    }
  }
  if (compareBumps(required, declared) > 0) {
    const source = pending.length
      ? `pending changesets declare ${declared}`
      : versioned !== 'none'
        ? `the version says ${declared}`
        : 'no pending changeset declares a release';
    const reasons = removalReported ? diff.reasons.filter((r) => !/ removed or renamed /.test(r)) : diff.reasons;
    problems.push({
      code: 'undeclared-bump',
      message: `the changes since ${last.version} need a ${required} release (${reasons.join('; ')}), but ${source} for ${working.name}; run factcite changeset`,
    });
  }
  const before = new Map(last.data.facts.map((f) => [f.id, f]));
  for (const fact of working.corpus.facts) {
    const old = before.get(fact.id);
    if (!old && fact.since !== next) {
      problems.push({
        code: 'wrong-since',
        id: fact.id,
        message: `fact "${fact.id}" is new since ${last.version}, so it first ships in ${next}, but says since: ${fact.since}`,
      });
    } else if (old && old.since !== fact.since) {
      problems.push({
        code: 'changed-since',
        id: fact.id,
        message: `fact "${fact.id}" shipped in ${old.since}; its since must stay ${old.since}, not ${fact.since}`,
      });
    }
  }

  const ok = problems.length === 0;
  if (options.json) {
    const changesets = pending.map((p) => ({ file: displayPath(p.file), bump: p.bump }));
    writeOut(`${JSON.stringify({ ok, last: last.version, version: working.version, next, required, declared, changesets, problems, diff }, null, 2)}\n`);
    return ok ? EXIT.ok : EXIT.problems;
  }
  for (const p of problems) writeOut(`${pc.red('✖')} ${p.message}  ${pc.dim(p.code)}\n`);
  const change = diff.bump === 'none' ? 'no changes' : `${diff.bump} change (${summarize(diff)})`;
  const declaration = declared === 'none' ? 'nothing declared' : `${declared} declared`;
  const summary = `${working.name}: ${change} since ${last.version}; ${declaration}${diff.bump !== 'none' ? `; next release ${next}` : ''}`;
  writeOut(ok ? `${pc.green('✔')} ${summary}\n` : `${pc.red('✖')} release check failed: ${summary}\n`);
  return ok ? EXIT.ok : EXIT.problems;
}
