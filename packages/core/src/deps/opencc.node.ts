/**
 * ./opencc.ts for core's built files under Node (package.json `imports`,
 * `#opencc`): the library, most of it dictionaries, is required when a script
 * is first converted rather than whenever core is imported.
 */
import { createRequire } from 'node:module';
import type * as OpenCC from 'opencc-js';

let loaded: typeof OpenCC | undefined;

export function openCC(): typeof OpenCC {
  loaded ??= createRequire(import.meta.url)('opencc-js') as typeof OpenCC;
  return loaded;
}
