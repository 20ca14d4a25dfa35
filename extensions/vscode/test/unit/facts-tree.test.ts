import { describe, expect, it } from 'vitest';
import { childrenOf, type FactsNode, nodeId } from '../../src/facts-tree.js';
import { corpus, index } from './fixtures.js';

function walk(node: FactsNode | undefined, out: FactsNode[] = []): FactsNode[] {
  for (const child of childrenOf(index, node)) {
    out.push(child);
    walk(child, out);
  }
  return out;
}

describe('the Facts view model', () => {
  it('has a source group and a topic group, counting their children', () => {
    const roots = childrenOf(index, undefined);
    expect(roots.map((r) => r.kind === 'group' && [r.group, r.count])).toEqual([
      ['sources', corpus.sources.length],
      ['topics', index.topics().length],
    ]);
  });

  it('lists every fact of a source under it, with the count on the source', () => {
    const [sources] = childrenOf(index, undefined);
    for (const source of childrenOf(index, sources)) {
      if (source.kind !== 'source') throw new Error('expected sources');
      const facts = childrenOf(index, source);
      expect(facts).toHaveLength(source.count);
      expect(new Set(facts.map((f) => f.kind === 'fact' && f.fact.id))).toEqual(new Set(index.bySource(source.sourceId).map((f) => f.id)));
    }
  });

  it('puts deprecated facts after active ones', () => {
    const deprecated = corpus.facts.find((f) => f.status === 'deprecated')!;
    const topic = deprecated.topics[0]!;
    const facts = childrenOf(index, { kind: 'topic', topic, label: topic, count: 0 }).map((n) => (n.kind === 'fact' ? n.fact : undefined)!);
    const firstDeprecated = facts.findIndex((f) => f.status === 'deprecated');
    expect(firstDeprecated).toBeGreaterThanOrEqual(0);
    expect(facts.slice(firstDeprecated).every((f) => f.status === 'deprecated')).toBe(true);
  });

  it('gives every node a distinct id, though a fact appears under several parents', () => {
    const nodes = walk(undefined);
    const ids = nodes.map(nodeId);
    expect(new Set(ids).size).toBe(ids.length);
    const funding = nodes.filter((n) => n.kind === 'fact' && n.fact.id === 'hk-ai-rd-institute-funding');
    expect(funding.length).toBeGreaterThan(1);
  });
});
