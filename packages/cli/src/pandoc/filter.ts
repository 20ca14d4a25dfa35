import type { FactIndex } from '@factcite/core';
import { type CslItem, factItem, primarySource, sourceItem, sourceKey } from '@factcite/core';
import { type PandocCitation, type PandocDocument, type PandocNode, replaceCites, toMeta } from './ast.js';

/** How a fact citation is resolved: to its source article (each article listed once) or to an entry of its own. */
export type CiteAs = 'source' | 'fact';

const FACT_PREFIX = 'fact:';

/**
 * Resolves the fact citations of a Pandoc document for citeproc, in place.
 *
 * With `citeAs: 'source'` (the default) each `[@fact:ID]` becomes a citation
 * of the article the fact comes from, keyed `source:<id>`, keeping the
 * writer's prefix, suffix and locator: the bibliography lists each article
 * once, however many of its facts are cited. With `'fact'` each fact keeps an
 * entry of its own (keyed `fact:<id>`, with the fact in its note), and
 * citeproc tells apart the entries of one article as 2025a, 2025b.
 *
 * The items of every resolved citation are added to the document's
 * `references` (after any the writer gave; an id already there is kept as
 * the writer wrote it). Unknown ids are left as written for the checks to report.
 * Returns the ids of the facts resolved.
 */
export function resolveFactCitations(doc: PandocDocument, index: FactIndex, citeAs: CiteAs = 'source'): string[] {
  const items = new Map<string, CslItem>();
  const resolved = new Set<string>();
  replaceCites(doc.blocks, (cite) => {
    const [citations, content] = cite.c as [PandocCitation[], PandocNode[]];
    const mapped = citations.map((citation) => {
      if (!citation.citationId.startsWith(FACT_PREFIX)) return citation;
      const fact = index.get(citation.citationId.slice(FACT_PREFIX.length));
      if (!fact) return citation;
      if (citeAs === 'fact') {
        const item = factItem(fact, index);
        if (!item) return citation;
        items.set(item.id, item);
        resolved.add(fact.id);
        return citation;
      }
      const source = primarySource(fact, index);
      if (!source) return citation;
      items.set(sourceKey(source), sourceItem(source));
      resolved.add(fact.id);
      return { ...citation, citationId: sourceKey(source) };
    });
    // Two facts of one article in a group are one citation of it ("2025", not "2025, 2025"),
    // unless the writer gave either its own prefix or suffix.
    const seen = new Set<string>();
    const merged = mapped.filter((citation) => {
      const bare = citation.citationPrefix.length === 0 && citation.citationSuffix.length === 0;
      if (!bare || !citation.citationId.startsWith('source:')) return true;
      if (seen.has(citation.citationId)) return false;
      seen.add(citation.citationId);
      return true;
    });
    return { t: 'Cite', c: [merged, content] };
  });
  if (items.size) {
    const existing = doc.meta.references?.t === 'MetaList' ? (doc.meta.references.c as PandocNode[]) : [];
    const taken = new Set(
      existing.map((node) => {
        const id = node.t === 'MetaMap' ? (node.c as Record<string, PandocNode>).id : undefined;
        return id && (id.t === 'MetaString' || id.t === 'MetaInlines') ? JSON.stringify(id.c) : '';
      }),
    );
    const added = [...items.values()].filter((item) => !taken.has(JSON.stringify(item.id)) && !taken.has(JSON.stringify([{ t: 'Str', c: item.id }])));
    doc.meta.references = { t: 'MetaList', c: [...existing, ...added.map(toMeta)] };
  }
  return [...resolved];
}
