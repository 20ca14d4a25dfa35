import type { IdsRule } from './rule.js';

/** No two sources, entities or facts share an id: the second is reported and left out. */
export const uniqueIds: IdsRule = {
  name: 'unique-ids',
  description: 'Each source, entity and fact has an id no other record of its kind uses.',
  severity: 'error',
  codes: ['duplicate-id'],
  scope: 'ids',
  check(entries, report) {
    const first = new Map<string, string>();
    entries.forEach((entry, i) => {
      const earlier = first.get(entry.id);
      if (earlier === undefined) first.set(entry.id, entry.place);
      else report(i, `${entry.kind} id "${entry.id}" is already used at ${earlier}`);
    });
  },
};
