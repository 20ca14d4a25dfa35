import type { LineCounter, Node } from 'yaml';
import { yaml } from '../deps/yaml.js';
import { codePointLabel, findForbiddenCharacter, findForbiddenString, findInStrings } from '../text/control-characters.js';
import { printable } from '../printable.js';
import type { z } from 'zod';
import { type Corpus, corpusSchemas, type Source } from './schema.js';
import { lazySchema } from '../lazy-schema.js';
import { splitSourceFile } from './source-file.js';
import { runRules } from './rules/run-rules.js';
import { expectArgument, expectText } from '../errors.js';
import { describeIssue, describePath } from './zod-issues.js';
import type { Problem } from './problem.js';

/** A corpus file's path (as it should appear in messages) and its text. */
export interface CorpusFile {
  path: string;
  text: string;
}

/** The files of a corpus, read by the caller (browser-safe: no file system here). */
export interface CorpusFiles {
  facts: CorpusFile[];
  entities?: CorpusFile;
  sources: CorpusFile[];
  /** Problems the caller met while reading, such as unreadable files. */
  readProblems?: Problem[];
  /** Names of the files in raw/, to check each source's `origin`. */
  rawFileNames?: string[];
  version?: string;
}

// Checked at parseCorpus's door: a caller's wrong shape gets a named field, not a TypeError.
const corpusFilesSchema = lazySchema((z) => {
  const CorpusFileSchema = z.object({ path: z.string(), text: z.string() });
  return z.object({
    facts: z.array(CorpusFileSchema),
    entities: CorpusFileSchema.optional(),
    sources: z.array(CorpusFileSchema),
    readProblems: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
    rawFileNames: z.array(z.string()).optional(),
    version: z.string().optional(),
  });
});

export interface ParsedCorpus {
  /** Everything that parsed; facts with schema errors are left out. */
  corpus: Corpus;
  errors: Problem[];
  warnings: Problem[];
}

interface Located<T> {
  value: T;
  file: string;
  node: Node;
  lines: LineCounter;
}

/** Line numbers of a YAML text that starts `shift` lines into its file (front matter). */
const lineShifts = new WeakMap<LineCounter, number>();

function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line: line + (lineShifts.get(lines) ?? 0), column: col };
}

/** The node at a path, or the deepest existing ancestor when the path runs out. */
function locate(node: Node, path: readonly PropertyKey[]): { offset: number; found: boolean } {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let current: Node = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) return { offset: current.range?.[0] ?? 0, found: false };
      const value = pair.value as Node | null;
      if (!value?.range) return { offset: (pair.key as Node).range?.[0] ?? 0, found: true };
      current = value;
    } else if (isSeq(current) && typeof key === 'number') {
      const item = current.items[key] as Node | undefined;
      if (!item) return { offset: current.range?.[0] ?? 0, found: false };
      current = item;
    } else break;
  }
  return { offset: current.range?.[0] ?? 0, found: true };
}

/** The node at a path, if every step exists. */
function nodeAt(node: Node, path: readonly PropertyKey[]): Node | undefined {
  const { isMap, isSeq } = yaml();
  let current: Node | undefined = node;
  for (const key of path) {
    if (isMap(current)) current = current.get(key as string, true) as Node | undefined;
    else if (isSeq(current)) current = current.items[key as number] as Node | undefined;
    else return undefined;
  }
  return current;
}

function keyOffset(node: Node, key: string): number | undefined {
  const { isMap, isPair, isScalar } = yaml();
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return (pair?.key as Node | undefined)?.range?.[0];
}

function issueToProblem(issue: z.core.$ZodIssue, node: Node, file: string, lines: LineCounter, what: string): Problem {
  const target = locate(node, issue.path);
  const { code, message } = describeIssue(issue, what, target.found);
  let offset = target.offset;
  // Point at the unknown key itself, not at the record that holds it.
  if (issue.code === 'unrecognized_keys') {
    const parent = nodeAt(node, issue.path);
    offset = (parent ? keyOffset(parent, issue.keys[0]!) : undefined) ?? offset;
  }
  return { file, ...position(lines, offset), code, severity: 'error', message };
}

function parseYamlDocument(file: CorpusFile, errors: Problem[], lineShift = 0, warnings?: Problem[]) {
  const { LineCounter, parseDocument, visit } = yaml();
  const lines = new LineCounter();
  lineShifts.set(lines, lineShift);
  const doc = parseDocument(file.text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    errors.push({
      file: file.path,
      ...position(lines, error.pos[0]),
      code: 'yaml-syntax',
      severity: 'error',
      message: `YAML syntax: ${error.message.split('\n')[0]}`,
    });
  }
  // An alias would otherwise reach the schema as {source: "name"} and be
  // reported as a wrong type; say what it is instead.
  let aliases = 0;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      errors.push({
        file: file.path,
        ...position(lines, node.range?.[0] ?? 0),
        code: 'yaml-alias',
        severity: 'error',
        message: `YAML alias *${printable(String(node.source))} is not allowed in corpus files; write the value out in full so each record reads on its own`,
      });
    },
  });
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? 'tag';
    warnings?.push({
      file: file.path,
      ...position(lines, warning.pos[0]),
      code: 'unknown-yaml-tag',
      severity: 'warning',
      message: `unknown YAML tag ${printable(tag)} is ignored and its value read as plain data; remove the tag`,
    });
  }
  return { doc, lines, ok: doc.errors.length === 0 && aliases === 0 };
}

function parseYamlFile(file: CorpusFile, errors: Problem[], warnings: Problem[]): { items: Node[]; lines: LineCounter } | undefined {
  const { doc, lines, ok } = parseYamlDocument(file, errors, 0, warnings);
  if (!ok) return undefined;
  if (doc.contents === null) return { items: [], lines };
  if (!yaml().isSeq(doc.contents)) {
    errors.push({
      file: file.path,
      ...position(lines, doc.contents.range?.[0] ?? 0),
      code: 'not-a-list',
      severity: 'error',
      message: 'the file must hold a YAML list of records, each starting with "- id:"',
    });
    return undefined;
  }
  return { items: doc.contents.items as Node[], lines };
}

/** Catches text that is not a YAML document at all before the parser sees it. */
function checkText(file: CorpusFile, errors: Problem[]): boolean {
  const at = (offset: number) => {
    const before = file.text.slice(0, offset).split('\n');
    return { line: before.length, column: Array.from(before[before.length - 1]!).length + 1 };
  };
  // C0 controls other than tab and line breaks never occur in YAML text.
  let control = -1;
  for (let i = 0; i < file.text.length; i++) {
    const code = file.text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) {
      control = i;
      break;
    }
  }
  if (control >= 0) {
    errors.push({
      file: file.path,
      ...at(control),
      code: 'binary-file',
      severity: 'error',
      message: `file holds a control character (U+${file.text.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase()}); it looks binary, not YAML`,
    });
    return false;
  }
  if (file.text.replace(/^\uFEFF/, '').trim() === '') {
    errors.push({
      file: file.path,
      line: 1,
      column: 1,
      code: 'empty-file',
      severity: 'error',
      message: 'file is empty; add records or delete the file',
    });
    return false;
  }
  return true;
}

/** A string holding half of a surrogate pair cannot be written as UTF-8: it is corrupt text. */
function findLoneSurrogate(value: unknown): PropertyKey[] | undefined {
  return findInStrings(value, (text) => text.search(/\p{Surrogate}/u))?.path;
}

/** A source body's first forbidden character, located in its file (the body starts on line `bodyLine`). */
function checkBody(file: CorpusFile, body: string, bodyLine: number, errors: Problem[]): void {
  const index = findForbiddenCharacter(body);
  if (index < 0) return;
  const before = body.slice(0, index).split('\n');
  errors.push({
    file: file.path,
    line: bodyLine + before.length - 1,
    column: Array.from(before[before.length - 1]!).length + 1,
    code: 'control-character',
    severity: 'error',
    message: `the body holds the control character ${codePointLabel(body[index]!)}; remove it (it can rewrite a terminal or reverse the text around it)`,
  });
}

function readRecords<T>(file: CorpusFile, schema: z.ZodType<T>, what: string, errors: Problem[], warnings: Problem[]): Located<T>[] {
  if (!checkText(file, errors)) return [];
  const parsed = parseYamlFile(file, errors, warnings);
  if (!parsed) return [];
  const out: Located<T>[] = [];
  parsed.items.forEach((node, i) => {
    const record = validateRecord(node, i, parsed.lines, file.path, schema, what, errors, warnings);
    if (record) out.push(record);
  });
  return out;
}

function validateRecord<T>(
  node: Node,
  i: number,
  lines: LineCounter,
  path: string,
  schema: z.ZodType<T>,
  what: string,
  errors: Problem[],
  warnings: Problem[],
): Located<T> | undefined {
  const { isMap, isScalar } = yaml();
  const json = node.toJSON();
  const id = isMap(node) ? node.get('id') : undefined;
  const label = typeof id === 'string' ? `${what} "${printable(id)}"` : `${what} #${i + 1}`;
  if (isMap(node)) {
    const first = node.items[0];
    if (first && isScalar(first.key) && first.key.value !== 'id' && id !== undefined) {
      warnings.push({
        file: path,
        ...position(lines, (first.key as Node).range?.[0] ?? 0),
        code: 'id-not-first',
        severity: 'warning',
        message: `${label}: put "id" first so the record is easy to find`,
      });
    }
  }
  const surrogate = findLoneSurrogate(json);
  if (surrogate) {
    errors.push({
      file: path,
      ...position(lines, locate(node, surrogate).offset),
      code: 'lone-surrogate',
      severity: 'error',
      message: `${label}: ${describePath(surrogate)} holds a lone surrogate (\\uD800–\\uDFFF without its pair), which is not valid Unicode`,
    });
    return undefined;
  }
  const control = findForbiddenString(json);
  if (control) {
    errors.push({
      file: path,
      ...position(lines, locate(node, control.path).offset),
      code: 'control-character',
      severity: 'error',
      message: `${printable(label)}: ${describePath(control.path) || 'the record'} holds the control character ${codePointLabel(control.char)}; remove it (it can rewrite a terminal or reverse the text around it)`,
    });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(issueToProblem(issue, node, path, lines, label));
    return undefined;
  }
  return { value: result.data, file: path, node, lines };
}

function at<T>(record: Located<T>, path: readonly PropertyKey[]): { file: string; line: number; column: number } {
  return { file: record.file, ...position(record.lines, locate(record.node, path).offset) };
}

/**
 * Parses and validates a whole corpus, collecting every problem at once with
 * its file, line and column. Never throws on bad input.
 */
export function parseCorpus(files: CorpusFiles): ParsedCorpus {
  expectArgument(corpusFilesSchema(), files, 'parseCorpus', 'files');
  const { EntitySchema, FactSchema, SourceMetaSchema } = corpusSchemas();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const p of files.readProblems ?? []) (p.severity === 'warning' ? warnings : errors).push(p);

  // Sources.
  const sourceRecords: Located<Source>[] = [];
  for (const file of files.sources) {
    const split = splitSourceFile(file.text);
    if (!split) {
      errors.push({
        file: file.path,
        line: 1,
        column: 1,
        code: 'missing-front-matter',
        severity: 'error',
        message: 'a source file starts with YAML front matter between "---" lines',
      });
      continue;
    }
    // Front matter starts on the file's second line, after the opening "---".
    const fm = parseYamlDocument({ path: file.path, text: split.frontMatter }, errors, 1, warnings);
    if (!fm.ok) continue;
    if (!yaml().isMap(fm.doc.contents)) {
      errors.push({
        file: file.path,
        line: 2,
        column: 1,
        code: 'missing-front-matter',
        severity: 'error',
        message: 'front matter must be a YAML mapping of id, title, publisher, ...',
      });
      continue;
    }
    const record = validateRecord(fm.doc.contents, 0, fm.lines, file.path, SourceMetaSchema, 'source', errors, warnings);
    if (!record) continue;
    const meta = record.value;
    const base = file.path.split(/[\\/]/).pop()!.replace(/\.md$/, '');
    if (meta.id !== base) {
      errors.push({
        file: file.path,
        line: 2,
        column: 1,
        code: 'source-id-mismatch',
        severity: 'error',
        message: `source id "${meta.id}" must match its file name "${base}.md"`,
      });
    }
    checkBody(file, split.body, split.bodyLine, errors);
    sourceRecords.push({ ...record, value: { ...meta, text: split.body } });
  }
  // Entities and facts, then the rules over all of them (rules/).
  const entityRecords = files.entities ? readRecords(files.entities, EntitySchema, 'entity', errors, warnings) : [];
  const factRecords = files.facts.flatMap((file) => readRecords(file, FactSchema, 'fact', errors, warnings));
  const place = <T>(record: Located<T>) => ({ value: record.value, at: (path: readonly PropertyKey[]) => at(record, path) });
  const linked = runRules(
    { sources: sourceRecords.map(place), entities: entityRecords.map(place), facts: factRecords.map(place), rawFileNames: files.rawFileNames },
    (w) => `${w.file}:${w.line}`,
  );
  for (const p of linked.problems) (p.severity === 'error' ? errors : warnings).push({ ...p.where, code: p.code, severity: p.severity, message: p.message });

  // Each list holds one severity; within it, problems read in file order.
  const byLocation = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
  // Messages quote values from the files (a YAML parser's excerpt, a wrong enum value): shown on a terminal, they must not act on it.
  const safe = (p: Problem): Problem => ({ ...p, file: printable(p.file), message: printable(p.message) });
  return {
    corpus: { version: files.version, facts: linked.facts, sources: linked.sources, entities: linked.entities },
    errors: errors.sort(byLocation).map(safe),
    warnings: warnings.sort(byLocation).map(safe),
  };
}

/** Reads a YAML text the way corpus files are read, for callers that only need the data. */
export function readYaml(text: string): unknown {
  expectText(text, 'readYaml', 'text');
  return yaml().parse(text.replace(/^\uFEFF/, ''));
}
