/**
 * The model behind the Facts view: facts grouped by source and by topic,
 * with counts. No VS Code API here; facts-view.ts renders it.
 */
import type { Fact, FactIndex } from '@factcite/core';

export type FactsNode =
  | { kind: 'group'; group: 'sources' | 'topics'; label: string; count: number }
  | { kind: 'source'; sourceId: string; label: string; detail: string; count: number }
  | { kind: 'topic'; topic: string; label: string; count: number }
  | { kind: 'fact'; fact: Fact; parent: string };

/** Children of a node (the roots for undefined), active facts before deprecated ones. */
export function childrenOf(index: FactIndex, node: FactsNode | undefined): FactsNode[] {
  if (!node) {
    return [
      { kind: 'group', group: 'sources', label: 'By source', count: index.sources().length },
      { kind: 'group', group: 'topics', label: 'By topic', count: index.topics().length },
    ];
  }
  switch (node.kind) {
    case 'group':
      if (node.group === 'sources') {
        return [...index.sources()]
          .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id))
          .map((s) => ({
            kind: 'source',
            sourceId: s.id,
            label: s.title,
            detail: `${s.publisher} · ${s.published}`,
            count: index.bySource(s.id).length,
          }));
      }
      return index
        .topics()
        .map((topic) => ({ kind: 'topic' as const, topic, label: topic, count: index.byTopic(topic).length }))
        .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    case 'source':
      return ordered(index.bySource(node.sourceId)).map((fact) => ({ kind: 'fact', fact, parent: `source:${node.sourceId}` }));
    case 'topic':
      return ordered(index.byTopic(node.topic)).map((fact) => ({ kind: 'fact', fact, parent: `topic:${node.topic}` }));
    case 'fact':
      return [];
  }
}

/** A stable identity for a node, so the tree keeps its expansion state across reloads. */
export function nodeId(node: FactsNode): string {
  switch (node.kind) {
    case 'group':
      return `group:${node.group}`;
    case 'source':
      return `source:${node.sourceId}`;
    case 'topic':
      return `topic:${node.topic}`;
    case 'fact':
      return `${node.parent}/fact:${node.fact.id}`;
  }
}

function ordered(facts: Fact[]): Fact[] {
  return [...facts].sort((a, b) => Number(a.status === 'deprecated') - Number(b.status === 'deprecated'));
}
