import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { checkCommand } from './commands/check.js';
import { ingestCommand } from './commands/ingest.js';
import { getCommand, listCommand, searchCommand, sourcesCommand } from './commands/read.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, UsageError } from './errors.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

// `factcite list | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

function run(action: () => number): void {
  process.exitCode = action();
}

const program = new Command('factcite')
  .description('Cite facts from a curated source corpus: validate it, search it, and check the citations in reports.')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

const corpusOption = ['--corpus <dir>', 'corpus directory (default: ./corpus or above, else the installed release)'] as const;

program
  .command('validate')
  .description('validate the corpus: every problem at once, with file, line and column')
  .option(...corpusOption)
  .option('--json', 'print { ok, errors, warnings } as JSON')
  .action((options) => run(() => validateCommand(options)));

program
  .command('list')
  .description('list all facts')
  .option(...corpusOption)
  .option('--json', 'print the fact records as JSON')
  .action((options) => run(() => listCommand(options)));

program
  .command('sources')
  .description('list the sources')
  .option(...corpusOption)
  .option('--json', 'print the sources, with their cleaned text, as JSON')
  .action((options) => run(() => sourcesCommand(options)));

program
  .command('get')
  .description('show one fact')
  .argument('<id>', 'fact id')
  .option(...corpusOption)
  .option('--json', 'print the fact record as JSON')
  .action((id, options) => run(() => getCommand(id, options)));

program
  .command('search')
  .description('search facts in Simplified or Traditional Chinese, English, names, numbers or ids')
  .argument('<query...>', 'search terms')
  .option('--limit <n>', 'most results to show', '10')
  .option(...corpusOption)
  .option('--json', 'print the matching facts as JSON, best first')
  .action((query: string[], options) => run(() => searchCommand(query.join(' '), options)));

program
  .command('check')
  .description('check the fact citations in reports: unknown, deprecated and malformed citations')
  .argument('<files...>', 'Markdown reports')
  .option(...corpusOption)
  .option('--json', 'print the findings as a JSON array')
  .option('--exit-zero', 'exit 0 even when errors are found (for demos and advisory runs)')
  .action((files: string[], options) => run(() => checkCommand(files, options)));

program
  .command('ingest')
  .description('clean a raw article capture into corpus/sources/<id>.md')
  .argument('<rawfile>', 'raw capture, as kept in corpus/raw/')
  .option('--id <id>', 'source id (needed for a new source)')
  .option('--check', 'only check that the committed body is what ingest produces')
  .option('--stdout', 'print the cleaned body instead of writing the source file')
  .option(...corpusOption)
  .action((rawFile: string, options) => run(() => ingestCommand(rawFile, options)));

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof UsageError) {
    process.stderr.write(`factcite: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    // An unexpected failure is still reported in one line; FACTCITE_DEBUG=1 shows the stack.
    process.stderr.write(`factcite: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.FACTCITE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = EXIT.problems;
  }
}
