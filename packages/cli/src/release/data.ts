import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Corpus, corpusJsonSchemas, type Entity, type Fact, type Source, type SourceMeta } from '@factcite/core';
import { FactSchema } from '@factcite/core/schema';
import { isCorpusDir, loadCorpusDir, sha256 } from '@factcite/core/node';
import { InputError } from '../errors.js';

/** A source as releases are compared: its metadata and a hash of its body. */
export type SourceRecord = SourceMeta & { textSha256: string };

/**
 * What one side of a comparison holds. A side read from `factcite list
 * --json` knows only facts; sources, entities and schemas are then absent,
 * and compared only when both sides have them.
 */
export interface ReleaseData {
  /** Where it came from, for messages. */
  label: string;
  version?: string;
  facts: Fact[];
  sources?: SourceRecord[];
  entities?: Entity[];
  /** JSON Schemas of the record files, by name (facts, entities, source). */
  schemas?: Record<string, unknown>;
}

/** A source with its body replaced by the body's hash. */
export function sourceRecord(source: Source | SourceRecord): SourceRecord {
  if ('textSha256' in source) return source;
  const { text, ...meta } = source;
  return { ...meta, textSha256: sha256(text) };
}

/** Release data of an in-memory corpus. */
export function fromCorpus(corpus: Corpus, label: string, schemas?: Record<string, unknown>): ReleaseData {
  return {
    label,
    version: corpus.version,
    facts: corpus.facts,
    sources: corpus.sources.map(sourceRecord),
    entities: corpus.entities,
    ...(schemas ? { schemas } : {}),
  };
}

/** Loads a corpus directory, refusing one with errors: comparing a broken corpus means nothing. */
export function loadValidCorpus(dir: string, label: string): Corpus {
  const { corpus, errors } = loadCorpusDir(dir);
  if (errors.length) {
    const first = errors[0]!;
    throw new InputError(
      `${label}: the corpus has ${errors.length} error(s), first ${first.file}:${first.line}:${first.column} ${first.message}; run factcite validate`,
    );
  }
  return corpus;
}

function readJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${label}: cannot read ${file} as JSON: ${(error as Error).message}`);
  }
}

/** Facts from JSON, checked against the schema so that a wrong file fails clearly. */
function parseFacts(value: unknown, label: string): Fact[] {
  if (!Array.isArray(value)) throw new InputError(`${label}: expected a list of facts`);
  return value.map((item, i) => {
    const parsed = FactSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${label}: fact #${i + 1} is not a fact record: ${issue.path.join('.') || 'record'} ${issue.message}`);
    }
    return parsed.data;
  });
}

function readSchemas(dir: string): Record<string, unknown> | undefined {
  const schemaDir = path.join(dir, 'schema');
  if (!existsSync(schemaDir)) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(corpusJsonSchemas())) {
    const file = path.join(schemaDir, `${name}.schema.json`);
    if (existsSync(file)) out[name] = readJson(file, dir);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Release data from parsed JSON: a corpus.json, a snapshot, or the output of `factcite list --json`. */
export function fromJson(value: unknown, label: string): ReleaseData {
  if (Array.isArray(value)) return { label, facts: parseFacts(value, label) };
  if (value && typeof value === 'object' && Array.isArray((value as { facts?: unknown }).facts)) {
    const v = value as { version?: string; facts: unknown; sources?: (Source | SourceRecord)[]; entities?: Entity[]; schemas?: Record<string, unknown> };
    return {
      label,
      ...(typeof v.version === 'string' ? { version: v.version } : {}),
      facts: parseFacts(v.facts, label),
      ...(Array.isArray(v.sources) ? { sources: v.sources.map(sourceRecord) } : {}),
      ...(Array.isArray(v.entities) ? { entities: v.entities } : {}),
      ...(v.schemas && typeof v.schemas === 'object' ? { schemas: v.schemas } : {}),
    };
  }
  throw new InputError(`${label}: not a fact list, a corpus.json or a release snapshot`);
}

/**
 * Reads one side of a comparison: a corpus directory (facts/ inside), a
 * built release (a directory holding corpus.json, or a package whose dist/
 * does), or a JSON file (`factcite list --json`, corpus.json, a snapshot).
 */
export function loadReleaseData(spec: string): ReleaseData {
  const full = path.resolve(spec);
  if (!existsSync(full)) throw new InputError(`${spec}: no such file or directory`);
  if (statSync(full).isDirectory()) {
    if (isCorpusDir(full)) return fromCorpus(loadValidCorpus(full, spec), spec, corpusJsonSchemas());
    for (const dir of [full, path.join(full, 'dist')]) {
      const json = path.join(dir, 'corpus.json');
      if (existsSync(json)) return { ...fromJson(readJson(json, spec), spec), ...(readSchemas(dir) ? { schemas: readSchemas(dir) } : {}) };
    }
    throw new InputError(`${spec}: neither a corpus directory (facts/) nor a built release (corpus.json)`);
  }
  return fromJson(readJson(full, spec), spec);
}
