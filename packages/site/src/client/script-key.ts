/** Where the reader's display script is remembered (localStorage). */
export const SCRIPT_STORAGE_KEY = 'factcite-script';

const KEYS = new Set(['o', 'hans', 'hk', 'tw', 'en']);

/** A stored or chosen value that names a display script: anything else is ignored. */
export function isScriptKey(value: unknown): value is string {
  return typeof value === 'string' && KEYS.has(value);
}
