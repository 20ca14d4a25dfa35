import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, InputError, UsageError } from './errors.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

// `factcite list | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/**
 * Runs a command, loading its module only now: `factcite --version` or
 * `factcite get` should not pay for parsing the code of every other command
 * (and the Markdown, YAML and schema libraries they bring).
 */
async function run<M>(load: () => Promise<M>, action: (module: M) => number | Promise<number>): Promise<void> {
  process.exitCode = await action(await load());
}

const program = new Command('factcite')
  .description('Cite facts from a curated source corpus: validate it, search it, and check the citations in reports.')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

const corpusOption = ['--corpus <dir>', 'corpus directory (default: ./corpus or above, else the installed release)'] as const;
const langOption = ['--lang <lang>', 'language of messages: en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES or LANG)'] as const;

program
  .command('validate')
  .description('validate the corpus: every problem at once, with file, line and column')
  .option(...corpusOption)
  .option('--json', 'print { ok, errors, warnings } as JSON')
  .option('--list-rules', 'list the rules the corpus is checked against, with what each asks, and check nothing')
  .action((options) =>
    run(
      () => import('./commands/validate.js'),
      (c) => c.validateCommand(options),
    ),
  );

program
  .command('list')
  .description('list all facts')
  .option(...corpusOption)
  .option('--json', 'print the fact records as JSON')
  .option(...langOption)
  .action((options) =>
    run(
      () => import('./commands/read.js'),
      (c) => c.listCommand(options),
    ),
  );

program
  .command('sources')
  .description('list the sources')
  .option(...corpusOption)
  .option('--json', 'print the sources, with their cleaned text, as JSON')
  .option(...langOption)
  .action((options) =>
    run(
      () => import('./commands/read.js'),
      (c) => c.sourcesCommand(options),
    ),
  );

program
  .command('get')
  .description('show one fact')
  .argument('<id>', 'fact id')
  .option(...corpusOption)
  .option('--json', 'print the fact record as JSON')
  .option(...langOption)
  .action((id, options) =>
    run(
      () => import('./commands/read.js'),
      (c) => c.getCommand(id, options),
    ),
  );

program
  .command('search')
  .description('search facts in Simplified or Traditional Chinese, English, names, numbers or ids')
  .argument('<query...>', 'search terms')
  .option('--limit <n>', 'most results to show', '10')
  .option(...corpusOption)
  .option('--json', 'print the matching facts as JSON, best first')
  .option(...langOption)
  .action((query: string[], options) =>
    run(
      () => import('./commands/read.js'),
      (c) => c.searchCommand(query.join(' '), options),
    ),
  );

program
  .command('check')
  .description('check the fact citations in reports: unknown, deprecated and malformed citations, contradicted numbers, facts changed since the pinned release')
  .argument('<files...>', 'reports: Markdown, or Word (.docx), OpenDocument (.odt) and HTML through pandoc')
  .option(...corpusOption)
  .option('--format <format>', 'human, json, sarif (SARIF 2.1.0) or github (workflow annotations)', 'human')
  .option('--json', 'print the findings as a JSON array (same as --format json)')
  .option('--fail-on <level>', 'exit 1 on: error (default), warning, or never')
  .option('--exit-zero', 'exit 0 even when errors are found (same as --fail-on never)')
  .option('--report-unused-suppressions', 'also report <!-- factcite-disable… --> comments that hide nothing')
  .option('--uncited', 'also note numbers that state a fact without citing it (uncited-claim)')
  .option('--pin', "pin each Markdown report without errors to the corpus's release (front matter factcite: x.y.z)")
  .option(...langOption)
  .action((files: string[], options) =>
    run(
      () => import('./commands/check.js'),
      (c) => c.checkCommand(files, options),
    ),
  );

program
  .command('pandoc-filter')
  .description('Pandoc JSON filter: resolve [@fact:ID] for citeproc and report citation problems on stderr (pandoc --filter factcite-pandoc-filter)')
  .argument('[format]', 'the output format, as pandoc passes it')
  .option('--input <files...>', 'the Markdown files pandoc reads, to locate problems by line (the Lua filter passes them)')
  .option('--fail-on <level>', "stop the render on: error, warning or never (default: the document's factcite.fail-on, else never)")
  .option('--cite-as <what>', "source: cite each fact's article, listed once (default); fact: one entry per fact")
  .option(...corpusOption)
  .option(...langOption)
  .action((format: string | undefined, options) =>
    run(
      () => import('./commands/pandoc-filter.js'),
      (c) => c.pandocFilterCommand(format, options),
    ),
  );

program
  .command('quarto')
  .description('install the factcite Quarto extension (_extensions/factcite) into a project')
  .argument('<action>', 'install')
  .argument('[dir]', 'the Quarto project directory', '.')
  .option('--force', 'replace an installed copy')
  .action((action: string, dir: string, options) =>
    run(
      () => import('./commands/quarto.js'),
      (c) => c.quartoCommand(action, dir, options),
    ),
  );

program
  .command('upgrade')
  .description("bring a pinned report up to the corpus's release: successors for deprecated facts, new values, the pin moved")
  .argument('<file>', 'a Markdown report with factcite: x.y.z in its front matter')
  .option('--write', 'write the upgraded report (without it, print the diff it would make)')
  .option(...corpusOption)
  .option('--json', 'print { from, to, changes, edits } as JSON')
  .action((file: string, options) =>
    run(
      () => import('./commands/upgrade.js'),
      (c) => c.upgradeCommand(file, options),
    ),
  );

program
  .command('usage')
  .description('which facts are cited where, which deprecated facts are still cited, and which reports a release affects')
  .argument('[files...]', 'Markdown reports (default: every .md file under the working directory)')
  .option('--release <version>', 'the release whose changes to look for (default: the corpus release)')
  .option(...corpusOption)
  .option('--json', 'print { facts, deprecated, affected } as JSON')
  .action((files: string[], options) =>
    run(
      () => import('./commands/usage.js'),
      (c) => c.usageCommand(files, options),
    ),
  );

program
  .command('ingest')
  .description('clean a raw article capture into corpus/sources/<id>.md')
  .argument('<rawfile>', 'raw capture, as kept in corpus/raw/')
  .option('--id <id>', 'source id (needed for a new source)')
  .option('--check', 'only check that the committed body is what ingest produces')
  .option('--stdout', 'print the cleaned body instead of writing the source file')
  .option(
    '--publisher <name>',
    "clean by this publisher's rules (corpus/ingest/<name>.yaml, or the publisher it names) instead of the one whose marker the page holds",
  )
  .option('--explain', 'show which rule removed which line, and where the front matter came from; writes nothing')
  .option(...corpusOption)
  .action((rawFile: string, options) =>
    run(
      () => import('./commands/ingest.js'),
      (c) => c.ingestCommand(rawFile, options),
    ),
  );

program
  .command('mine')
  .description('propose candidate facts from a cleaned source: every sentence with an amount, percentage, rank or date')
  .argument('<source>', 'source id, or a path to sources/<id>.md')
  .option('--out <file>', 'where to write the stubs (default: corpus/candidates/<source>.yaml)')
  .option('--stdout', 'print the stubs instead of writing them')
  .option('--all', 'include sentences that facts already quote')
  .option('--force', 'overwrite an existing candidates file')
  .option(...corpusOption)
  .action((source: string, options) =>
    run(
      () => import('./commands/mine.js'),
      (c) => c.mineCommand(source, options),
    ),
  );

program
  .command('render')
  .description('render a report with citations as numbered notes and a bibliography grouped by source')
  .argument('<report>', 'Markdown report')
  .option('--format <format>', 'md or html', 'md')
  .option('--lang <lang>', "language of notes and headings: en, zh-Hans or zh-Hant (default: the report's)")
  .option('--out <file>', 'write to a file instead of standard output')
  .option('--style <name>', 'format citations and bibliography in a bundled CSL style: gb7714, gb7714-author-date, chicago-notes')
  .option('--csl <file>', 'format citations and bibliography with a CSL style file (citeproc-js)')
  .option(...corpusOption)
  .action((report: string, options) =>
    run(
      () => import('./commands/render.js'),
      (c) => c.renderCommand(report, options),
    ),
  );

program
  .command('export')
  .description('export a bibliography with one entry per fact, keyed fact:<id>, for pandoc --citeproc')
  .requiredOption('--format <format>', 'csl-json or bibtex')
  .option('--out <file>', 'write to a file instead of standard output')
  .option(...corpusOption)
  .action((options) =>
    run(
      () => import('./commands/export.js'),
      (c) => c.exportCommand(options),
    ),
  );

program
  .command('build')
  .description('validate the corpus and write its release: data, modules with a typed FactId, JSON Schemas, hash manifest (atomic)')
  .option('--out <dir>', 'release directory (default: <corpus>/dist)')
  .option(...corpusOption)
  .action((options) =>
    run(
      () => import('./commands/build.js'),
      (c) => c.buildCommand(options),
    ),
  );

program
  .command('verify')
  .description('recompute the hashes of a release against its manifest')
  .argument('[dir]', 'a release directory, or a package holding one in dist/ (default: the corpus release)')
  .option(...corpusOption)
  .option('--json', 'print { ok, problems, checked } as JSON')
  .action((dir: string | undefined, options) =>
    run(
      () => import('./commands/verify.js'),
      (c) => c.verifyCommand(dir, options),
    ),
  );

program
  .command('diff')
  .description('compare two releases: added, removed, deprecated and changed facts, and the semver bump required')
  .argument('<old>', 'a corpus directory, a built release, or a JSON file from factcite list --json')
  .argument('<new>', 'the same kinds')
  .option('--json', 'print { bump, added, removed, deprecated, changed, ... } as JSON')
  .action((oldSpec: string, newSpec: string, options) =>
    run(
      () => import('./commands/diff.js'),
      (c) => c.diffCommand(oldSpec, newSpec, options),
    ),
  );

program
  .command('changeset')
  .description('write a .changeset for the corpus package with the required bump and release notes since the last release')
  .option('--name <name>', 'changeset file name, without .md', 'factcite-corpus')
  .option('--dir <dir>', 'the .changeset directory (default: found above the corpus)')
  .option(...corpusOption)
  .action((options) =>
    run(
      () => import('./commands/changeset.js'),
      (c) => c.changesetCommand(options),
    ),
  );

program
  .command('release-check')
  .description('fail when the corpus changed more than pending changesets declare, or a fact id vanished')
  .option('--changesets <dir>', 'the .changeset directory (default: found above the corpus)')
  .option('--allow-removal', 'allow removed fact ids (a deliberate major release)')
  .option(...corpusOption)
  .option('--json', 'print the check and the diff as JSON')
  .action((options) =>
    run(
      () => import('./commands/release-check.js'),
      (c) => c.releaseCheckCommand(options),
    ),
  );

program
  .command('snapshot')
  .description('record the corpus as released: corpus/releases/<version>.json, the baseline of the next release')
  .option('--force', 'rewrite the snapshot of an unpublished version')
  .option(...corpusOption)
  .action((options) =>
    run(
      () => import('./commands/snapshot.js'),
      (c) => c.snapshotCommand(options),
    ),
  );

program
  .command('site')
  .description('write the fact browser, a static website: search, a page per fact, source, entity and topic, charts, releases')
  .option('--out <dir>', 'site directory, replaced whole (default: site/ beside the corpus, or ./site)')
  .option('--base <path>', 'the URL path the site is served under, such as /factcite/', '/')
  .option('--serve', 'then preview it on 127.0.0.1 until interrupted')
  .option('--port <n>', 'port for --serve (0 picks a free one)', '4173')
  .option(...corpusOption)
  .action((options) =>
    run(
      () => import('./commands/site.js'),
      (c) => c.siteCommand(options),
    ),
  );

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof UsageError) {
    process.stderr.write(`factcite: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof InputError) {
    process.stderr.write(`factcite: ${error.message}\n`);
    process.exitCode = EXIT.problems;
  } else {
    // An unexpected failure is still reported in one line; FACTCITE_DEBUG=1 shows the stack.
    process.stderr.write(`factcite: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.FACTCITE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = EXIT.problems;
  }
}
