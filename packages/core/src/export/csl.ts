import { resolveSuccessor } from '../cite/successor.js';
import type { Fact, Source } from '../corpus/schema.js';
import type { FactIndex } from '../search/search.js';

/** A CSL-JSON item, the bibliography format Pandoc's citeproc, Zotero and Quarto read. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  author?: { literal: string }[];
  issued: { 'date-parts': number[][] };
  URL?: string;
  page?: string;
  language: string;
  abstract?: string;
  note?: string;
}

/** The citation key of a fact, as a writer cites it: `[@fact:ID]`. */
export function factKey(fact: Fact): string {
  return `fact:${fact.id}`;
}

/** The source a fact's bibliography entry describes: its first citation's. */
export function primarySource(fact: Fact, index: FactIndex): Source | undefined {
  for (const c of fact.citations) {
    const source = index.source(c.source);
    if (source) return source;
  }
  return undefined;
}

/** A short note naming the fact, the release, a successor, and any further sources. */
export function factNote(fact: Fact, index: FactIndex): string {
  const parts = [`factcite fact ${fact.id}${index.version ? ` (corpus ${index.version})` : ''}`];
  if (fact.status === 'deprecated') {
    const successor = resolveSuccessor(index, fact.id);
    parts.push(`deprecated${successor ? `, superseded by ${successor}` : ''}`);
  }
  const others = [...new Set(fact.citations.slice(1).map((c) => c.source))].map((id) => index.source(id)).filter((s): s is Source => s !== undefined);
  if (others.length) parts.push(`also reported by ${others.map((s) => `${s.publisher} (${s.published})`).join(', ')}`);
  return parts.join('; ');
}

export function dateParts(date: string): number[] {
  return date.split('-').map(Number);
}

/** The citation key of a source article: what a fact citation resolves to when each article is listed once. */
export function sourceKey(source: Source): string {
  return `source:${source.id}`;
}

/** The CSL-JSON item of a source article, keyed source:<id>. */
export function sourceItem(source: Source): CslItem {
  return {
    id: sourceKey(source),
    type: 'article-newspaper',
    title: source.title,
    'container-title': source.publisher,
    ...(source.authors.length ? { author: source.authors.map((literal) => ({ literal })) } : {}),
    issued: { 'date-parts': [dateParts(source.published)] },
    ...(source.url ? { URL: source.url } : {}),
    ...(source.page ? { page: source.page } : {}),
    language: source.script === 'Hant' ? 'zh-Hant' : 'zh-Hans',
  };
}

/** The CSL-JSON item of one fact, keyed fact:<id>, carrying its source's metadata, statement and a note. */
export function factItem(fact: Fact, index: FactIndex): CslItem | undefined {
  const source = primarySource(fact, index);
  if (!source) return undefined;
  return { ...sourceItem(source), id: factKey(fact), abstract: fact.statement.en, note: factNote(fact, index) };
}

/** One CSL-JSON item per fact, keyed fact:<id>, carrying its source's metadata. */
export function cslItems(index: FactIndex): CslItem[] {
  return index.all().flatMap((fact) => factItem(fact, index) ?? []);
}
