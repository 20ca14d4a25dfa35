import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Problem, readYaml, splitSourceFile } from '@factcite/core';
import { displayPath, expectKebabId, expectWritableFile, loadCorpusDir, readTextFile, resolveInside } from '@factcite/core/node';
import { contained } from '../contained.js';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { loadIngestRules } from '../ingest/rules.js';
import type { Region } from '../mine/currency.js';
import { formatCandidates, mineCandidates } from '../mine/stubs.js';
import { bumpVersion, compareVersions, parseVersion } from '../release/semver.js';
import { lastSnapshot } from '../release/snapshot.js';
import { writeOut } from '../terminal.js';

export interface MineOptions {
  corpus?: string;
  out?: string;
  stdout?: boolean;
  all?: boolean;
  force?: boolean;
}

/** The version new facts ship in: the version itself when it is already ahead of the last release, else the next minor. */
function nextVersion(corpusDir: string, version: string | undefined): string {
  if (!version || !parseVersion(version)) return '0.1.0';
  const last = lastSnapshot(corpusDir, version);
  return last && compareVersions(version, last.version) > 0 ? version : bumpVersion(version, 'minor');
}

/**
 * Where the source's publisher is: as its cleaning rules say, else Hong Kong
 * for a source in Traditional script (the Hong Kong press), else nothing
 * (bare 元 stays renminbi, as the number reader reads it).
 */
function publisherRegion(corpusDir: string, meta: { publisher?: unknown; script?: unknown }): { region?: { region: Region; reason: string } } {
  const publisher = typeof meta.publisher === 'string' ? meta.publisher : undefined;
  // A broken rules file is ingest's to report; here it only means no region from it.
  const rules = publisher === undefined ? undefined : loadIngestRules(corpusDir).sets.find((s) => s.publisher === publisher);
  if (rules?.region) return { region: { region: rules.region, reason: `${publisher} is in ${rules.region} (corpus/ingest/${rules.name}.yaml)` } };
  if (!rules && meta.script === 'Hant')
    return { region: { region: 'HK', reason: "a Traditional Chinese source with no region in its publisher's rules, read as the Hong Kong press" } };
  return {};
}

/**
 * `factcite mine SOURCE`: proposes candidate facts from a cleaned source,
 * every sentence with an amount, percentage, rank or date, written as YAML
 * stubs to corpus/candidates/<source>.yaml for a maintainer to review.
 */
export function mineCommand(sourceArg: string, options: MineOptions): number {
  const corpusDir = resolveCorpusDir(options.corpus);
  const byPath = sourceArg.endsWith('.md') || sourceArg.includes('/') || sourceArg.includes(path.sep);
  const file = byPath
    ? path.resolve(sourceArg)
    : contained(() => resolveInside(path.join(corpusDir, 'sources'), `${expectKebabId(sourceArg, 'source id')}.md`, 'source file'));
  if (!existsSync(file)) throw new UsageError(`no source ${byPath ? `file ${sourceArg}` : `"${sourceArg}" in ${path.join(corpusDir, 'sources')}`}`);
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const text = readTextFile(file, shown, problems);
  if (text === undefined) throw new InputError(problems.map((p) => `${p.file}: ${p.message}`).join('; '));
  const split = splitSourceFile(text);
  if (!split) throw new InputError(`${shown}: a source file starts with front matter between "---" lines; create it with factcite ingest`);
  let meta: { id?: unknown; published?: unknown; script?: unknown; publisher?: unknown };
  try {
    meta = (readYaml(split.frontMatter) ?? {}) as typeof meta;
  } catch (error) {
    throw new InputError(`${shown}: cannot read the front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  // The id names the candidates file: data from the source, so checked like an argument.
  const sourceId = contained(() => expectKebabId(typeof meta.id === 'string' ? meta.id : path.basename(file, '.md'), `${shown}: the source id`));
  const year = /^(\d{4})/.exec(String(meta.published ?? ''))?.[1];
  // The corpus may be mid-edit; mining only needs what parses.
  const { corpus } = loadCorpusDir(corpusDir);
  const input = {
    sourceId,
    body: split.body,
    script: meta.script === 'Hant' ? ('Hant' as const) : ('Hans' as const),
    ...(year ? { year: Number(year) } : {}),
    entities: corpus.entities,
    facts: corpus.facts,
    since: nextVersion(corpusDir, corpus.version),
    all: options.all ?? false,
    ...publisherRegion(corpusDir, meta),
  };
  const candidates = mineCandidates(input);
  const yaml = formatCandidates(candidates, input, path.relative(corpusDir, file));
  if (options.stdout) {
    writeOut(yaml);
    return EXIT.ok;
  }
  const target = contained(() =>
    options.out ? expectWritableFile(options.out, '--out') : resolveInside(corpusDir, `candidates/${sourceId}.yaml`, 'candidates file'),
  );
  const rel = displayPath(target);
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${rel} exists and may hold your review; pass --force to overwrite it`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, yaml);
  const skipped = options.all ? '' : pc.dim(' (sentences already quoted by a fact are left out; --all includes them)');
  writeOut(`${pc.green('✔')} wrote ${rel}: ${candidates.length} candidate fact(s) from ${sourceId}${skipped}\n`);
  return EXIT.ok;
}
