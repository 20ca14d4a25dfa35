/**
 * The number reader's public table (fixtures/numbers-table.tsv): one case a
 * row, with the text, the span expected to be read, and its amount, range,
 * hedge top, unit and qualifier as a reader of the text writes them. At
 * least 97% must pass; every failing row is named in the core README's
 * known limits, so a limit cannot go unlisted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNumbers } from '../src/index.js';

interface Row {
  line: number;
  text: string;
  span: string;
  amount: string;
  upTo: string;
  under: string;
  unit: string;
  qualifier: string;
}

const rows: Row[] = readFileSync(path.join(__dirname, 'fixtures/numbers-table.tsv'), 'utf8')
  .split('\n')
  .map((line, i) => ({ line, number: i + 1 }))
  .filter(({ line }) => line && !line.startsWith('#'))
  .map(({ line, number }) => {
    const [text, span, amount, upTo, under, unit, qualifier] = line.split('\t') as string[];
    return { line: number, text: text!, span: span!, amount: amount!, upTo: upTo!, under: under!, unit: unit!, qualifier: qualifier! };
  });

const close = (a: number | undefined, b: string) => a !== undefined && Math.abs(a - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));

/** What is wrong with the reading of a row, or undefined when it is right. */
function problem(row: Row): string | undefined {
  const found = readNumbers(row.text);
  if (row.amount === 'none') return found.length ? `read ${found.map((n) => n.text).join(', ')}` : undefined;
  const n = found.find((m) => m.text === row.span);
  if (!n) return `no number read as "${row.span}" (read ${found.map((m) => m.text).join(', ') || 'nothing'})`;
  if (row.text.slice(n.start, n.end) !== row.span) return `span ${n.start}–${n.end} is not "${row.span}"`;
  if (row.amount.startsWith('date:')) return n.kind === 'date' && n.date === row.amount.slice(5) ? undefined : `read date ${n.date}`;
  const wrong: string[] = [];
  if (!close(n.amount, row.amount)) wrong.push(`amount ${n.amount}`);
  if (row.upTo && !close(n.upTo, row.upTo)) wrong.push(`upTo ${n.upTo}`);
  if (row.under && !close(n.under, row.under)) wrong.push(`under ${n.under}`);
  if ((n.unit ?? '') !== row.unit) wrong.push(`unit ${n.unit}`);
  if (n.qualifier !== row.qualifier) wrong.push(`qualifier ${n.qualifier}`);
  return wrong.length ? wrong.join(', ') : undefined;
}

const failures = rows.flatMap((row) => {
  const why = problem(row);
  return why ? [{ row, why }] : [];
});

describe('the number-reader table', () => {
  it('has at least 400 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
  });

  it('reads at least 97% of them right', () => {
    const rate = 1 - failures.length / rows.length;
    expect(rate, failures.map((f) => `line ${f.row.line} ${f.row.text}: ${f.why}`).join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('lists every case it gets wrong among the known limits in the core README', () => {
    const readme = readFileSync(path.join(__dirname, '../README.md'), 'utf8');
    const limits = readme.slice(readme.indexOf('### Known limits of the number reader'));
    expect(failures.filter((f) => !limits.includes(f.row.span || f.row.text)).map((f) => `${f.row.text}: ${f.why}`)).toEqual([]);
  });

  it('covers both scripts, English, full width, hedges, fractions, 成, 几, decimals and currencies', () => {
    const has = (pattern: RegExp) => rows.filter((r) => pattern.test(r.span || r.text)).length;
    for (const pattern of [
      /[亿万]/u,
      /[億萬]/u,
      /[A-Za-z]{3,}/,
      /[０-９]/u,
      /[多余餘超逾近約约]/u,
      /分之|\//u,
      /成/u,
      /[几幾]/u,
      /[点點.]/u,
      /港元|港幣|HK\$|US\$|RMB|美元/u,
    ]) {
      expect(has(pattern), String(pattern)).toBeGreaterThanOrEqual(5);
    }
  });
});
