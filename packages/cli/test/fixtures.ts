import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './run.js';

/** A copy of the real corpus in a repository of its own: root/corpus and root/.changeset. */
export interface CorpusCopy {
  root: string;
  corpus: string;
  changesets: string;
}

/** The real corpus's version, read from its package.json, so tests of the release tools survive a release. */
export const CORPUS_VERSION: string = JSON.parse(readFileSync(path.join(repoRoot, 'corpus', 'package.json'), 'utf8')).version;

/** How many sources the real corpus has, counted from its sources/ folder. */
export const CORPUS_SOURCES: number = readdirSync(path.join(repoRoot, 'corpus', 'sources')).filter((f) => f.endsWith('.md')).length;

/** The version a minor release of the corpus gets next (0.1.0 → 0.2.0, 1.4.2 → 1.5.0). */
export const NEXT_MINOR: string = (() => {
  const [major, minor] = CORPUS_VERSION.split('.').map(Number);
  return `${major}.${minor! + 1}.0`;
})();

/** `"version": "X"` as package.json writes it, for a test that bumps a copy as `changeset version` would. */
export function versionField(version: string): string {
  return `"version": "${version}"`;
}

/** Copies the real corpus (not its releases or build) into a fresh temporary repository. */
export function copyCorpus(prefix: string): CorpusCopy {
  const root = tempDir(prefix);
  const corpus = path.join(root, 'corpus');
  for (const part of ['facts', 'sources', 'raw', 'ingest', 'schema', 'entities.yaml', 'package.json']) {
    cpSync(path.join(repoRoot, 'corpus', part), path.join(corpus, part), { recursive: true });
  }
  const changesets = path.join(root, '.changeset');
  mkdirSync(changesets);
  cpSync(path.join(repoRoot, '.changeset', 'config.json'), path.join(changesets, 'config.json'));
  writeFileSync(path.join(changesets, 'README.md'), '# Changesets\n');
  return { root, corpus, changesets };
}

/** The facts file holding a fact, and the fact's YAML block in it. */
function findFact(corpus: string, id: string): { file: string; text: string; start: number; end: number } {
  const dir = path.join(corpus, 'facts');
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf(`- id: ${id}\n`);
    if (start < 0) continue;
    const next = text.indexOf('\n- id: ', start + 1);
    return { file, text, start, end: next < 0 ? text.length : next + 1 };
  }
  throw new Error(`fact ${id} is not in ${dir}`);
}

/** The YAML block of a fact, as the maintainer wrote it. */
export function factBlock(corpus: string, id: string): string {
  const { text, start, end } = findFact(corpus, id);
  return text.slice(start, end);
}

/** Deletes a fact's record outright, as a careless maintainer might. */
export function removeFact(corpus: string, id: string): void {
  const { file, text, start, end } = findFact(corpus, id);
  writeFileSync(file, text.slice(0, start) + text.slice(end));
}

/** Edits a fact's YAML block. */
export function editFact(corpus: string, id: string, edit: (block: string) => string): void {
  const { file, text, start, end } = findFact(corpus, id);
  const block = text.slice(start, end);
  const edited = edit(block);
  if (edited === block) throw new Error(`the edit did not change fact ${id}`);
  writeFileSync(file, text.slice(0, start) + edited + text.slice(end));
}

/** Adds a fact to a facts file: a copy of an existing fact under a new id, with its `since`. */
export function addFactLike(corpus: string, existing: string, id: string, since: string, edit: (block: string) => string = (b) => b): void {
  const block = factBlock(corpus, existing)
    .replace(`- id: ${existing}\n`, `- id: ${id}\n`)
    .replace(/since: .*/, `since: ${since}`)
    .replace(/\n*$/, '\n');
  const file = path.join(corpus, 'facts', 'added.yaml');
  const before = (() => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '# yaml-language-server: $schema=../schema/facts.schema.json\n';
    }
  })();
  writeFileSync(file, `${before}${edit(block)}`);
}

/** Deprecates a fact in favour of another. */
export function deprecateFact(corpus: string, id: string, supersededBy: string): void {
  editFact(corpus, id, (block) => block.replace('status: active', `status: deprecated\n  supersededBy: ${supersededBy}`));
}
