/**
 * A fact's value written in English, for the value check's fix in English
 * prose: HK$1 billion, 75%, 64 PB, 3 petaflops.
 */
import type { Qualifier, Value } from '../corpus/schema.js';

const EN_BYTES: Record<string, string> = { petabytes: 'PB', terabytes: 'TB', gigabytes: 'GB', exabytes: 'EB' };
const EN_CURRENCY: Record<string, string> = { HKD: 'HK$', USD: 'US$', CNY: 'RMB ', EUR: '€', GBP: '£' };
const EN_QUALIFIER: Record<Qualifier, string> = {
  exact: '',
  approx: 'about ',
  'at-least': 'at least ',
  'more-than': 'more than ',
  'up-to': 'up to ',
  'less-than': 'less than ',
};

function englishAmount(amount: number): string {
  for (const [word, size] of [
    ['trillion', 1e12],
    ['billion', 1e9],
    ['million', 1e6],
  ] as const) {
    if (amount >= size) return `${Number((amount / size).toPrecision(12))} ${word}`;
  }
  return amount.toLocaleString('en-US', { maximumFractionDigits: 12 });
}

/** A fact's value in English where English writes no noun after the number: money, percentages, storage and compute. */
export function englishValue(value: Value): string | undefined {
  if (value.amount === undefined || value.upTo !== undefined) return undefined;
  const hedge = EN_QUALIFIER[value.qualifier];
  if (value.unit === 'percent') return `${hedge}${Number(value.amount.toPrecision(12))}%`;
  const bytes = value.unit ? EN_BYTES[value.unit] : undefined;
  if (bytes) return `${hedge}${Number(value.amount.toPrecision(12))} ${bytes}`;
  if (value.unit === 'ops-per-second' || value.unit === 'flops') {
    const peta = value.amount >= 1e15;
    const n = Number((value.amount / (peta ? 1e15 : 1e12)).toPrecision(12));
    const unit = value.unit === 'flops' ? (peta ? 'petaflops' : 'teraflops') : peta ? 'POPS' : 'TOPS';
    return `${hedge}${n} ${unit}`;
  }
  const symbol = value.unit ? EN_CURRENCY[value.unit] : undefined;
  return symbol ? `${hedge}${symbol}${englishAmount(value.amount)}` : undefined;
}
