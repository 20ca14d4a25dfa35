import type { FactRule } from './rule.js';

/** Every entity a fact names, and the one it is attributed to, is declared in entities.yaml. */
export const knownEntities: FactRule = {
  name: 'known-entities',
  description: 'Each entity a fact names (entities, attributedTo) is declared in entities.yaml.',
  severity: 'error',
  codes: ['unknown-entity'],
  scope: 'fact',
  check(fact, { entities }, report) {
    const named: [string, PropertyKey[]][] = fact.entities.map((e, i) => [e, ['entities', i]]);
    if (fact.attributedTo) named.push([fact.attributedTo, ['attributedTo']]);
    for (const [entity, path] of named) {
      if (!entities.has(entity)) report(path, `fact "${fact.id}": unknown entity "${entity}"; declare it in entities.yaml`);
    }
  },
};
