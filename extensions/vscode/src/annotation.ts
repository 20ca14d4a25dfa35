import type { FactIndex } from '@factcite/core';

/** The inline value shown after a citation: the value as the source writes it (or its date), marked when deprecated. */
export function annotation(index: FactIndex, id: string): string | undefined {
  const fact = index.get(id);
  if (!fact) return undefined;
  const value = fact.value?.text ?? fact.value?.date ?? fact.date;
  const mark = fact.status === 'deprecated' ? ' (deprecated)' : '';
  return value ? `${value}${mark}` : mark.trim() || undefined;
}
