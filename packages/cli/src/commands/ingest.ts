import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle, formatSourceFile, type Problem, readYaml, splitSourceFile } from '@factcite/core';
import { displayPath, readTextFile } from '@factcite/core/node';
import pc from 'picocolors';
import { resolveCorpusDir } from '../corpus.js';
import { EXIT, UsageError } from '../errors.js';

export interface IngestOptions {
  corpus?: string;
  id?: string;
  check?: boolean;
  stdout?: boolean;
}

/** The source file whose `origin` is this raw file, if the corpus has one. */
function findSourceByOrigin(sourcesDir: string, origin: string): string | undefined {
  if (!existsSync(sourcesDir)) return undefined;
  for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.md'))) {
    const split = splitSourceFile(readFileSync(path.join(sourcesDir, name), 'utf8'));
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
    for (const p of problems) process.stderr.write(`factcite: ${p.file}: ${p.message}\n`);
    return EXIT.problems;
  }
  const result = cleanArticle(raw);
  if (options.stdout) {
    process.stdout.write(result.body);
    return EXIT.ok;
  }
  const corpusDir = resolveCorpusDir(options.corpus);
  const sourcesDir = path.join(corpusDir, 'sources');
  const origin = path.basename(rawFile);
  const existing = options.id ? path.join(sourcesDir, `${options.id}.md`) : findSourceByOrigin(sourcesDir, origin);
  let output: string;
  let target: string;
  if (existing && existsSync(existing)) {
    const split = splitSourceFile(readFileSync(existing, 'utf8'));
    if (!split) throw new UsageError(`${existing} has no front matter; fix or remove it before ingesting`);
    target = existing;
    output = `---\n${split.frontMatter}---\n\n${result.body}`;
  } else {
    if (!options.id) throw new UsageError('a new source needs an id: factcite ingest RAWFILE --id <kebab-case-id>');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(options.id)) throw new UsageError(`source id must be kebab-case: ${options.id}`);
    target = path.join(sourcesDir, `${options.id}.md`);
    const { title, published, authors, url, script } = result.meta;
    output = formatSourceFile(
      {
        id: options.id,
        title: title ?? 'TODO: title',
        publisher: 'TODO: publisher',
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
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (options.check) {
    if (current === output) {
      process.stdout.write(`${pc.green('✔')} ${rel} is what ingest produces from ${origin}\n`);
      return EXIT.ok;
    }
    process.stdout.write(`${pc.red('✖')} ${rel} differs from what ingest produces from ${origin}; re-run factcite ingest (never edit a body by hand)\n`);
    return EXIT.problems;
  }
  mkdirSync(sourcesDir, { recursive: true });
  writeFileSync(target, output);
  const paragraphs = result.body.split('\n\n').length;
  process.stdout.write(`${pc.green('✔')} ${current === undefined ? 'wrote' : current === output ? 'unchanged' : 'updated'} ${rel} (${paragraphs} paragraphs)\n`);
  if (current === undefined) {
    process.stdout.write(pc.dim('  Complete the front matter (title, publisher, published), review `defects`, then run factcite validate.\n'));
  }
  return EXIT.ok;
}
