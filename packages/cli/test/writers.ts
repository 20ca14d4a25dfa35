import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { factcite, repoRoot } from './run.js';

/** The built CLI, as a command the Lua filter can run. */
const cliCommand = `${process.execPath} ${path.resolve(__dirname, '../dist/cli.js')}`;
export const filterBin = path.resolve(__dirname, '../dist/pandoc-filter.js');
export const luaFilter = path.resolve(__dirname, '../quarto/_extensions/factcite/factcite.lua');
const corpusDir = path.join(repoRoot, 'corpus');

interface ListedFact {
  id: string;
  status: string;
  supersededBy?: string;
  value?: { amount?: number; unit?: string; qualifier?: string; text?: string };
  citations: { source: string; quote: string }[];
}
interface ListedSource {
  id: string;
  title: string;
}

/** The real corpus's facts and sources, read through the CLI, so tests pick what they cite from the release itself. */
export function corpusFacts(): { facts: ListedFact[]; sources: ListedSource[] } {
  const facts = JSON.parse(factcite(['list', '--json']).stdout) as ListedFact[];
  const sources = JSON.parse(factcite(['sources', '--json']).stdout) as ListedSource[];
  return { facts, sources };
}

/**
 * Facts for a sample report, chosen from the corpus: two active facts of one
 * article, one of another article, a deprecated fact, and an exact amount in
 * Hong Kong dollars (at least 1亿) to misstate.
 */
export function pickFacts() {
  const { facts, sources } = corpusFacts();
  const active = facts.filter((f) => f.status === 'active');
  const bySource = new Map<string, ListedFact[]>();
  for (const f of active) bySource.set(f.citations[0]!.source, [...(bySource.get(f.citations[0]!.source) ?? []), f]);
  const [firstSource, pair] = [...bySource].find(([, list]) => list.length >= 2)!;
  const other = active.find((f) => f.citations[0]!.source !== firstSource)!;
  const deprecated = facts.find((f) => f.status === 'deprecated' && f.supersededBy)!;
  const money = active.find((f) => f.value?.unit === 'HKD' && f.value.qualifier === 'exact' && (f.value.amount ?? 0) >= 1e8 && f.citations.length === 1)!;
  const title = (id: string) => sources.find((s) => s.id === id)!.title;
  return {
    pair: [pair[0]!, pair[1]!] as const,
    pairTitle: title(firstSource),
    other,
    otherTitle: title(other.citations[0]!.source),
    deprecated,
    money,
    /** The money fact's amount tripled, in 亿港元: a number that contradicts it. */
    wrongAmount: `${(money.value!.amount! * 3) / 1e8}亿港元`,
  };
}

/** Runs Debian's pandoc, as a writer would. */
export function pandoc(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string }) {
  const result = spawnSync('pandoc', args, {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input,
    // The filter speaks the locale's language: tests that expect English say so.
    env: {
      ...process.env,
      NO_COLOR: '1',
      FACTCITE_CORPUS: corpusDir,
      FACTCITE_COMMAND: cliCommand,
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      ...options.env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Occurrences of a string. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
