import { UsageError } from './errors.js';

/** An option that must be a whole number of 1 or more, such as --limit: `abc`, `0`, `-1` and `2.5` are usage errors, not silently replaced. */
export function positiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new UsageError(`${option} must be a whole number of 1 or more, not "${value}"`);
  return number;
}
