import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FactciteError, formatSourceFile, type Problem, readYaml, splitSourceFile } from '@factcite/core';
import { type CompiledRules, cleanArticle, type PickedRules, pickRules } from '@factcite/core/ingest';
import { displayPath, expectKebabId, readTextFile, resolveInside } from '@factcite/core/node';
import { contained } from '../contained.js';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { formatExplanation } from '../ingest/explain.js';
import { loadIngestRules } from '../ingest/rules.js';
import { writeErr, writeOut } from '../terminal.js';

export interface IngestOptions {
  corpus?: string;
  id?: string;
  check?: boolean;
  stdout?: boolean;
  publisher?: string;
  explain?: boolean;
}

/** The source file whose `origin` is this raw file, if the corpus has one. */
function findSourceByOrigin(sourcesDir: string, origin: string): string | undefined {
  if (!existsSync(sourcesDir)) return undefined;
  for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.md'))) {
    const text = readTextFile(path.join(sourcesDir, name), name, []);
    const split = text === undefined ? undefined : splitSourceFile(text);
    if (!split) continue;
    try {
      const meta = readYaml(split.frontMatter) as { origin?: unknown } | null;
      if (meta?.origin === origin) return path.join(sourcesDir, name);
    } catch {
      // A broken front matter is validate's business, not ingest's.
    }
  }
  return undefined;
}

/** The publisher an existing source's front matter names, if it has one. */
function curatedPublisher(file: string | undefined): string | undefined {
  if (!file || !existsSync(file)) return undefined;
  const text = readTextFile(file, displayPath(file), []);
  const split = text === undefined ? undefined : splitSourceFile(text);
  if (!split) return undefined;
  try {
    const meta = readYaml(split.frontMatter) as { publisher?: unknown } | null;
    return typeof meta?.publisher === 'string' ? meta.publisher : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rules to clean a page by: those --publisher names; else those of the
 * publisher an existing source's front matter names; else those whose
 * marker the page holds; else the generic rules alone.
 */
function chooseRules(raw: string, sets: CompiledRules[], options: IngestOptions, existing: string | undefined): { picked: PickedRules; how: string } {
  try {
    if (options.publisher !== undefined) return { picked: pickRules(raw, sets, options.publisher), how: `named by --publisher ${options.publisher}` };
    const curated = curatedPublisher(existing);
    const known = curated === undefined ? undefined : sets.find((s) => s.publisher === curated);
    if (known) return { picked: { rules: known, by: 'publisher' }, how: `the publisher of ${displayPath(existing!)}` };
    const picked = pickRules(raw, sets);
    return { picked, how: picked.by === 'marker' ? `picked by the marker "${picked.marker}" in the page` : "no publisher's marker is in the page" };
  } catch (error) {
    if (error instanceof FactciteError && error.code === 'ingest-rules') throw new UsageError(error.message);
    throw error;
  }
}

/** sources/<id>.md for an id given on the command line, refused unless the id is kebab-case and the file stays inside sources/. */
function sourceFile(sourcesDir: string, id: string): string {
  return contained(() => resolveInside(sourcesDir, `${expectKebabId(id, 'source id')}.md`, 'source file'));
}

/**
 * `factcite ingest RAWFILE`: cleans a raw capture into corpus/sources/<id>.md.
 * An existing source keeps its front matter (curated by a maintainer) and gets
 * the body anew; --check only reports whether the committed body is what
 * ingest produces.
 */
export function ingestCommand(rawFile: string, options: IngestOptions): number {
  const problems: Problem[] = [];
  const raw = readTextFile(rawFile, rawFile, problems);
  if (raw === undefined) {
    for (const p of problems) writeErr(`factcite: ${p.file}: ${p.message}\n`);
    return EXIT.problems;
  }
  const corpusDir = resolveCorpusDir(options.corpus);
  const rules = loadIngestRules(corpusDir);
  if (rules.problems.length) {
    for (const p of rules.problems) writeErr(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
    writeErr(`factcite: fix the cleaning rules above before ingesting (see "Cleaning rules" in the corpus README)\n`);
    return EXIT.problems;
  }
  const sourcesDir = path.join(corpusDir, 'sources');
  const origin = path.basename(rawFile);
  // The id names a file: checked whether or not that file exists yet, and kept inside sources/.
  const existing = options.id ? sourceFile(sourcesDir, options.id) : findSourceByOrigin(sourcesDir, origin);
  const { picked, how } = chooseRules(raw, rules.sets, options, existing);
  const result = cleanArticle(raw, picked.rules ? { rules: picked.rules } : {});
  if (options.explain) {
    writeOut(formatExplanation(displayPath(path.resolve(rawFile)), picked, how, result));
    return EXIT.ok;
  }
  if (options.stdout) {
    writeOut(result.body);
    return EXIT.ok;
  }
  let output: string;
  let target: string;
  if (existing && existsSync(existing)) {
    const readProblems: Problem[] = [];
    const text = readTextFile(existing, displayPath(existing), readProblems);
    if (text === undefined) throw new InputError(readProblems.map((p) => `${p.file}: ${p.message}`).join('; '));
    const split = splitSourceFile(text);
    if (!split) throw new UsageError(`${displayPath(existing)} has no front matter; fix or remove it before ingesting`);
    target = existing;
    output = `---\n${split.frontMatter}---\n\n${result.body}`;
  } else {
    if (!options.id) throw new UsageError('a new source needs an id: factcite ingest RAWFILE --id <kebab-case-id>');
    target = sourceFile(sourcesDir, options.id);
    const { title, published, authors, url, script, publisher } = result.meta;
    output = formatSourceFile(
      {
        id: options.id,
        title: title ?? 'TODO: title',
        publisher: publisher ?? 'TODO: publisher',
        authors: authors ?? [],
        published: published ?? 'TODO: YYYY-MM-DD',
        url,
        language: 'zh',
        script,
        origin,
        defects: result.suspectedDefects,
      },
      result.body,
    );
  }
  const rel = displayPath(target);
  const current = existsSync(target) ? readTextFile(target, rel, []) : undefined;
  if (options.check) {
    if (current === output) {
      writeOut(`${pc.green('✔')} ${rel} is what ingest produces from ${origin}\n`);
      return EXIT.ok;
    }
    writeOut(`${pc.red('✖')} ${rel} differs from what ingest produces from ${origin}; re-run factcite ingest (never edit a body by hand)\n`);
    return EXIT.problems;
  }
  mkdirSync(sourcesDir, { recursive: true });
  writeFileSync(target, output);
  const paragraphs = result.body.split('\n\n').length;
  writeOut(`${pc.green('✔')} ${current === undefined ? 'wrote' : current === output ? 'unchanged' : 'updated'} ${rel} (${paragraphs} paragraphs)\n`);
  if (current === undefined) {
    const missing = (['title', 'publisher', 'published'] as const).filter((f) => result.meta[f] === undefined);
    const rulesUsed = picked.rules ? `the rules of ${picked.rules.name}` : 'the generic rules only';
    writeOut(pc.dim(`  Cleaned by ${rulesUsed}; factcite ingest ${rawFile} --explain shows what each rule removed.\n`));
    writeOut(
      pc.dim(
        `  ${missing.length ? `Complete the front matter (${missing.join(', ')}), check` : 'Check'} what was read (authors, title, date), review \`defects\`, then run factcite validate.\n`,
      ),
    );
  }
  return EXIT.ok;
}
