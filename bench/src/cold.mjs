/**
 * Cold start of the bundled corpus: a fresh Node process imports
 * @factcite/corpus and the index, reads the release's prebuilt search index
 * and runs one search. Timed from
 * the script's first line (Node's own start-up is reported apart), through
 * either core's main entry or its `@factcite/core/search` entry, which
 * leaves out zod, YAML and OpenCC.
 *
 *   node src/cold.mjs ENTRY   (plain JavaScript: a TypeScript loader would be part of the cost)
 */
const started = performance.now();
const entry = process.argv[2] ?? '@factcite/core/search';
const { corpus, searchIndex } = await import('@factcite/corpus');
const imported = performance.now();
const core = await import(entry);
const loaded = performance.now();
// The release's prebuilt search index, as the corpus README tells SDK users to pass it.
const options = entry === '@factcite/core' ? { validate: false, searchIndex } : { searchIndex };
const hits = core.createFactIndex(corpus, options).search('数码港');
const searched = performance.now();
if (!hits.length) throw new Error('no hits');
process.stdout.write(
  `BENCH-RESULT ${JSON.stringify({ node_boot_ms: started, corpus_ms: imported - started, core_ms: loaded - imported, first_search_ms: searched - loaded, total_ms: searched - started })}\n`,
);
