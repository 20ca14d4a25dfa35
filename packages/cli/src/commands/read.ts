import { message } from '@factcite/core/messages';
import pc from 'picocolors';
import { loadIndex } from '../corpus.js';
import { EXIT } from '../errors.js';
import { messageLang } from '../lang.js';
import { positiveInteger } from '../options.js';
import { chineseStatement, describeFact, displayWidth, formatValue, pad, truncate } from '../format.js';
import { writeErr, writeOut } from '../terminal.js';

interface CorpusOptions {
  corpus?: string;
  json?: boolean;
  /** Language of messages: en, zh-Hans or zh-Hant (default: the shell's locale). */
  lang?: string;
}

function json(value: unknown): void {
  writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

/** `factcite list`: all facts, as schema records with --json. */
export function listCommand(options: CorpusOptions): number {
  const lang = messageLang(options.lang);
  const { index } = loadIndex(options.corpus);
  if (options.json) {
    json(index.all());
    return EXIT.ok;
  }
  const width = Math.max(...index.all().map((f) => displayWidth(f.id)));
  for (const fact of index.all()) {
    const status = fact.status === 'deprecated' ? pc.yellow(` ${message('cli.deprecated', {}, lang)}`) : '';
    writeOut(`${pad(fact.id, width)}  ${truncate(chineseStatement(fact), 60)}${status}\n`);
  }
  writeOut(pc.dim(`${message('cli.fact-count', { count: index.size }, lang)}\n`));
  return EXIT.ok;
}

/** `factcite sources`: all sources with their cleaned text (with --json). */
export function sourcesCommand(options: CorpusOptions): number {
  const lang = messageLang(options.lang);
  const { index } = loadIndex(options.corpus);
  if (options.json) {
    json(index.sources());
    return EXIT.ok;
  }
  for (const source of index.sources()) {
    const count = index.bySource(source.id).length;
    writeOut(`${pc.bold(source.id)}  ${pc.dim(message('cli.fact-count', { count }, lang))}\n  ${source.publisher}, ${source.published}: ${source.title}\n`);
  }
  return EXIT.ok;
}

/** `factcite get ID`. */
export function getCommand(id: string, options: CorpusOptions): number {
  const lang = messageLang(options.lang);
  const { index } = loadIndex(options.corpus);
  const fact = index.get(id);
  if (!fact) {
    const suggestions = index.suggest(id);
    const text = suggestions.length ? message('unknown-fact.suggest', { id, suggestions }, lang) : message('unknown-fact', { id }, lang);
    if (options.json) json({ error: { code: 'unknown-fact', message: text, suggestions } });
    else writeErr(`factcite: ${text}\n`);
    return EXIT.problems;
  }
  if (options.json) json(fact);
  else writeOut(`${describeFact(fact, index, lang)}\n`);
  return EXIT.ok;
}

/** `factcite search QUERY`: facts, best first. */
export function searchCommand(query: string, options: CorpusOptions & { limit?: string }): number {
  const limit = positiveInteger(options.limit, '--limit', 10);
  const lang = messageLang(options.lang);
  const { index } = loadIndex(options.corpus);
  const hits = index.search(query, { limit });
  if (options.json) {
    json(hits.map((h) => ({ ...h.fact, score: Number(h.score.toFixed(3)) })));
    return EXIT.ok;
  }
  if (hits.length === 0) {
    writeOut(`${message('cli.no-match', { query }, lang)}\n`);
    return EXIT.ok;
  }
  hits.forEach((hit, i) => {
    const fact = hit.fact;
    const value = formatValue(fact.value, fact.date);
    writeOut(
      `${pc.dim(`${String(i + 1).padStart(2)}.`)} ${pc.bold(fact.id)}${value ? pc.cyan(`  ${value}`) : ''}${fact.status === 'deprecated' ? pc.yellow(`  ${message('cli.deprecated', {}, lang)}`) : ''}\n`,
    );
    writeOut(`    ${chineseStatement(fact)}\n    ${pc.dim(fact.statement.en)}\n`);
  });
  return EXIT.ok;
}
