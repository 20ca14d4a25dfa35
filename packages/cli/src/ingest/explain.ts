import type { IngestResult, PickedRules } from '@factcite/core/ingest';

/** Lines removed by one rule in a row (a block to the end of the page), shown as one entry. */
interface Run {
  from: number;
  to: number;
  rule: string;
  texts: string[];
  block?: true;
}

function runs(removed: IngestResult['removed']): Run[] {
  const out: Run[] = [];
  for (const r of removed) {
    const last = out[out.length - 1];
    if (last && last.rule === r.rule && (r.block ? last.block : r.line - last.to <= 2 && !r.rule.endsWith('title'))) {
      last.to = r.line;
      last.texts.push(r.text);
    } else out.push({ from: r.line, to: r.line, rule: r.rule, texts: [r.text], ...(r.block ? { block: true as const } : {}) });
  }
  return out;
}

function clip(text: string, max = 60): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * What `ingest --explain` prints: the rules used and how they were chosen,
 * every removed line (runs of one rule together) with its line number in the
 * raw file and the rule, and where each front matter field came from.
 */
export function formatExplanation(rawShown: string, picked: PickedRules, how: string, result: IngestResult): string {
  const lines: string[] = [];
  const rules = picked.rules;
  lines.push(`${rawShown}`);
  lines.push(
    rules
      ? `rules: ${rules.name} (${rules.publisher ?? 'no publisher'}), ${how}; then generic${rules.skipGeneric.length ? ` without ${rules.skipGeneric.join(', ')}` : ''}`
      : `rules: generic only (${how})`,
  );
  lines.push('', 'removed:');
  const all = runs(result.removed);
  const width = Math.max(0, ...all.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`).length));
  const ruleWidth = Math.max(0, ...all.map((r) => r.rule.length));
  for (const r of all) {
    const at = (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`).padEnd(width);
    const what = r.texts.length > 1 ? `${clip(r.texts[0]!, 40)} … (${r.texts.length} lines)` : clip(r.texts[0]!);
    lines.push(`  ${at}  ${r.rule.padEnd(ruleWidth)}  ${what}`);
  }
  if (all.length === 0) lines.push('  nothing');
  lines.push('', 'front matter:');
  for (const f of result.fields) {
    lines.push(`  ${f.field.padEnd(9)} ${clip(f.value)}  (${f.line ? `line ${f.line}, ` : ''}${f.rule})`);
  }
  if (result.fields.length === 0) lines.push('  nothing read; complete it by hand');
  const paragraphs = result.body.split('\n\n').length;
  lines.push(
    '',
    `body: ${paragraphs} paragraphs, ${[...result.body].length} characters${result.suspectedDefects.length ? `, ${result.suspectedDefects.length} suspected defect(s)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
