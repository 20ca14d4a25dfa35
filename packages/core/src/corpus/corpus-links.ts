/**
 * The rules that tie a corpus's records together (unique ids, known sources
 * and entities, verbatim quotes, successor chains), shared by the YAML reader
 * (parse-corpus) and the SDK's object validator (validate-corpus). Each caller
 * says where a field is in its own terms: file, line and column for YAML, a
 * path such as facts[3].quote for objects.
 */
import type { ProblemCode } from './parse-corpus.js';
import type { Entity, Fact, Source } from './schema.js';
import { valueNotInQuote } from './value-in-quote.js';

/** A validated record and how to point at one of its fields. */
export interface PlacedRecord<T, Where> {
  value: T;
  at(path: PropertyKey[]): Where;
}

/** A broken link between records, located the caller's way. */
export interface LinkProblem<Where> {
  where: Where;
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
}

/** What survives the checks: records with a duplicate id are left out. */
export interface LinkedRecords<Where> {
  entities: Entity[];
  facts: Fact[];
  problems: LinkProblem<Where>[];
}

/** Where a quote stops matching its source: the longest prefix found, for a precise hint. */
function matchedPrefixLength(body: string, quote: string): number {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (body.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Checks entities and facts against each other and against the sources,
 * and each fact's value against its own quotes (a warning: see value-in-quote).
 * `describe` turns a location into words for messages that point at a second
 * place ("already used at facts/a.yaml:12").
 */
export function checkLinks<Where>(
  sources: readonly Source[],
  entityRecords: readonly PlacedRecord<Entity, Where>[],
  factRecords: readonly PlacedRecord<Fact, Where>[],
  describe: (where: Where) => string,
): LinkedRecords<Where> {
  const problems: LinkProblem<Where>[] = [];
  const error = (where: Where, code: ProblemCode, message: string) => problems.push({ where, code, severity: 'error', message });
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const entities: Entity[] = [];
  const entityIds = new Set<string>();
  for (const record of entityRecords) {
    if (entityIds.has(record.value.id)) {
      error(record.at(['id']), 'duplicate-id', `entity id "${record.value.id}" is declared twice`);
      continue;
    }
    entityIds.add(record.value.id);
    entities.push(record.value);
  }

  const factById = new Map<string, PlacedRecord<Fact, Where>>();
  for (const record of factRecords) {
    const first = factById.get(record.value.id);
    if (first) {
      error(record.at(['id']), 'duplicate-id', `fact id "${record.value.id}" is already used at ${describe(first.at(['id']))}`);
      continue;
    }
    factById.set(record.value.id, record);
  }

  for (const record of factById.values()) {
    const fact = record.value;
    const label = `fact "${fact.id}"`;
    fact.citations.forEach((citation, i) => {
      const source = sourceById.get(citation.source);
      if (!source) {
        error(record.at(['citations', i, 'source']), 'unknown-source', `${label}: unknown source "${citation.source}"`);
        return;
      }
      const offset = source.text.indexOf(citation.quote);
      if (offset < 0) {
        const matched = matchedPrefixLength(source.text, citation.quote);
        error(
          record.at(['citations', i, 'quote']),
          'quote-not-found',
          matched > 0
            ? `${label}: quote is not verbatim in source "${source.id}": it matches for ${matched} characters, then differs at "${citation.quote.slice(matched, matched + 12)}"`
            : `${label}: quote is not verbatim in source "${source.id}"`,
        );
        return;
      }
      for (const defect of source.defects) {
        for (let d = source.text.indexOf(defect); d >= 0; d = source.text.indexOf(defect, d + 1)) {
          if (d < offset + citation.quote.length && d + defect.length > offset) {
            error(record.at(['citations', i, 'quote']), 'quote-in-defect', `${label}: quote includes the garbled span "${defect}"; quote around it`);
          }
        }
      }
    });
    const misquoted = valueNotInQuote(fact);
    if (misquoted) problems.push({ where: record.at(['value', 'amount']), code: 'value-not-in-quote', severity: 'warning', message: misquoted });
    const named: [string, PropertyKey[]][] = fact.entities.map((e, i) => [e, ['entities', i]]);
    if (fact.attributedTo) named.push([fact.attributedTo, ['attributedTo']]);
    for (const [entity, path] of named) {
      if (!entityIds.has(entity)) error(record.at(path), 'unknown-entity', `${label}: unknown entity "${entity}"; declare it in entities.yaml`);
    }
    if (fact.supersededBy === undefined) continue;
    if (!factById.has(fact.supersededBy)) {
      error(record.at(['supersededBy']), 'dangling-superseded-by', `${label}: supersededBy names "${fact.supersededBy}", which is not a fact`);
      continue;
    }
    const chain = [fact.id];
    let next: string | undefined = fact.supersededBy;
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = factById.get(next)?.value.supersededBy;
    }
    if (next !== undefined) {
      error(record.at(['supersededBy']), 'superseded-by-cycle', `${label}: supersededBy forms a cycle: ${[...chain, next].join(' → ')}`);
    }
  }

  return { entities, facts: [...factById.values()].map((r) => r.value), problems };
}
