import type { Entity, Fact } from '@factcite/core';
import type { ReleaseData, SourceRecord } from './data.js';
import type { ReleaseDiff } from './diff.js';

// Release notes are Markdown that `changeset version` nests under a list item,
// so they use bold labels rather than headings.

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** One line of text, safe inside a Markdown list item. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .trim();
}

function statement(fact: Fact): string {
  const zh = fact.statement['zh-Hant'] ?? fact.statement['zh-Hans'];
  return zh ? `${inline(fact.statement.en)} (${inline(zh)})` : inline(fact.statement.en);
}

function sourceLine(source: SourceRecord): string {
  return `${inline(source.publisher)}, ${source.published}: ${inline(source.title)}`;
}

function entityLine(entity: Entity): string {
  return `${inline(entity.names.en)} (${inline(entity.names['zh-Hant'])})`;
}

function section(title: string, lines: string[]): string {
  return lines.length ? `**${title}**\n\n${lines.map((l) => `- ${l}`).join('\n')}` : '';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The one-line summary of a diff, such as "3 facts added, 1 corrected, 1 deprecated". */
export function summarize(diff: ReleaseDiff): string {
  const parts = [
    diff.added.length && `${plural(diff.added.length, 'fact', 'facts')} added`,
    diff.changed.length && `${plural(diff.changed.length, 'fact', 'facts')} corrected`,
    diff.deprecated.length && `${plural(diff.deprecated.length, 'fact', 'facts')} deprecated`,
    diff.reactivated.length && `${plural(diff.reactivated.length, 'fact', 'facts')} reactivated`,
    diff.removed.length && `${plural(diff.removed.length, 'fact', 'facts')} removed`,
    diff.sources?.added.length && `${plural(diff.sources.added.length, 'source', 'sources')} added`,
    diff.sources?.changed.length && `${plural(diff.sources.changed.length, 'source', 'sources')} corrected`,
    diff.sources?.removed.length && `${plural(diff.sources.removed.length, 'source', 'sources')} removed`,
    diff.entities?.added.length && `${plural(diff.entities.added.length, 'entity', 'entities')} added`,
    diff.entities?.changed.length && `${plural(diff.entities.changed.length, 'entity', 'entities')} corrected`,
    diff.entities?.removed.length && `${plural(diff.entities.removed.length, 'entity', 'entities')} removed`,
    diff.schema && 'record schema changed',
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(', ') : 'no changes';
}

/**
 * Human release notes for a diff: what was added, corrected, deprecated and
 * removed, each fact with its id and statement.
 */
export function releaseNotes(diff: ReleaseDiff, before: ReleaseData, after: ReleaseData): string {
  const oldFacts = new Map(before.facts.map((f) => [f.id, f]));
  const newFacts = new Map(after.facts.map((f) => [f.id, f]));
  const newSources = new Map((after.sources ?? []).map((s) => [s.id, s]));
  const oldSources = new Map((before.sources ?? []).map((s) => [s.id, s]));
  const newEntities = new Map((after.entities ?? []).map((e) => [e.id, e]));
  const oldEntities = new Map((before.entities ?? []).map((e) => [e.id, e]));
  const renamedTo = new Map(diff.renamed.map((r) => [r.from, r.to]));

  const lead = `Facts release${diff.from ? ` after ${diff.from}` : ''}: ${summarize(diff)}.`;
  const parts = [
    lead,
    section(
      'Added',
      diff.added.map((id) => `${code(id)}: ${statement(newFacts.get(id)!)}`),
    ),
    section(
      'Corrected',
      diff.changed.map(({ id, fields }) => `${code(id)} (${fields.join(', ')}): ${statement(newFacts.get(id)!)}`),
    ),
    section(
      'Deprecated',
      diff.deprecated.map(({ id, supersededBy }) => `${code(id)}, superseded by ${code(supersededBy)}: ${statement(oldFacts.get(id)!)}`),
    ),
    section(
      'Reactivated',
      diff.reactivated.map((id) => `${code(id)}: ${statement(newFacts.get(id)!)}`),
    ),
    section(
      'Removed (breaking: reports citing these ids stop resolving)',
      diff.removed.map((id) => `${code(id)}${renamedTo.has(id) ? `, renamed to ${code(renamedTo.get(id)!)}` : ''}: ${statement(oldFacts.get(id)!)}`),
    ),
    section(
      'Sources added',
      (diff.sources?.added ?? []).map((id) => `${code(id)}: ${sourceLine(newSources.get(id)!)}`),
    ),
    section(
      'Sources corrected',
      (diff.sources?.changed ?? []).map(({ id, fields }) => `${code(id)} (${fields.join(', ')}): ${sourceLine(newSources.get(id)!)}`),
    ),
    section(
      'Sources removed (breaking)',
      (diff.sources?.removed ?? []).map((id) => `${code(id)}: ${sourceLine(oldSources.get(id)!)}`),
    ),
    section(
      'Entities added',
      (diff.entities?.added ?? []).map((id) => `${code(id)}: ${entityLine(newEntities.get(id)!)}`),
    ),
    section(
      'Entities corrected',
      (diff.entities?.changed ?? []).map(({ id, fields }) => `${code(id)} (${fields.join(', ')}): ${entityLine(newEntities.get(id)!)}`),
    ),
    section(
      'Entities removed (breaking)',
      (diff.entities?.removed ?? []).map((id) => `${code(id)}: ${entityLine(oldEntities.get(id)!)}`),
    ),
    section('Record schema', diff.schema?.changes ?? []),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
