/**
 * The judged query set (`bench/judgements/real-corpus.txt`): queries a
 * writer would type, each with the facts of the real corpus that answer it,
 * graded by reading the facts. One query a line, `KIND | QUERY | ID=GRADE …`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const JUDGEMENTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../judgements/real-corpus.txt');

/** Kinds of judged query; a new kind is added here and in the file. */
export const JUDGED_KINDS = ['han-simplified', 'han-traditional', 'english', 'id', 'id-fragment', 'number', 'entity', 'multi-term'] as const;
type JudgedKind = (typeof JUDGED_KINDS)[number];

export interface Judged {
  kind: JudgedKind;
  text: string;
  /** Fact id → grade (1 related, 2 asked for). */
  grades: Map<string, number>;
  /** Line in the file, from 1. */
  line: number;
}

/** A line of the file that cannot be read, with where it is. */
export class JudgementError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`judgements line ${line}: ${message}`);
  }
}

/** Reads the judged queries; a malformed line throws a JudgementError naming it. */
export function parseJudgements(text: string): Judged[] {
  const out: Judged[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (!content || content.startsWith('#')) return;
    const parts = content.split(' | ');
    if (parts.length !== 3) throw new JudgementError(line, 'expected KIND | QUERY | ID=GRADE …');
    const [kind, query, list] = parts.map((p) => p.trim()) as [string, string, string];
    if (!(JUDGED_KINDS as readonly string[]).includes(kind)) throw new JudgementError(line, `unknown kind "${kind}"`);
    if (!query) throw new JudgementError(line, 'empty query');
    if (seen.has(query)) throw new JudgementError(line, `query "${query}" is judged twice`);
    seen.add(query);
    const grades = new Map<string, number>();
    for (const item of list.split(/\s+/).filter(Boolean)) {
      const m = /^([a-z0-9][a-z0-9-]*)=([12])$/.exec(item);
      if (!m) throw new JudgementError(line, `"${item}" is not ID=1 or ID=2`);
      if (grades.has(m[1]!)) throw new JudgementError(line, `${m[1]} is graded twice`);
      grades.set(m[1]!, Number(m[2]));
    }
    if (![...grades.values()].includes(2)) throw new JudgementError(line, 'no fact of grade 2 (the fact asked for)');
    out.push({ kind: kind as JudgedKind, text: query, grades, line });
  });
  return out;
}

/** The judged queries, interleaved by kind so that the first n are a fair sample when a slow engine runs only some. */
export function readJudgements(file = JUDGEMENTS_FILE): Judged[] {
  const all = parseJudgements(readFileSync(file, 'utf8'));
  const byKind = JUDGED_KINDS.map((k) => all.filter((q) => q.kind === k));
  const out: Judged[] = [];
  for (let i = 0; out.length < all.length; i++) for (const list of byKind) if (list[i]) out.push(list[i]!);
  return out;
}
