/**
 * ./yaml.ts for core's built files under Node (package.json `imports`,
 * `#yaml`): the library is required on first use. Loading it took about
 * 30 ms of a fresh process (2-core machine), and importing core for search,
 * citations or schemas never needs it.
 */
import { createRequire } from 'node:module';
import type * as YAML from 'yaml';

let loaded: typeof YAML | undefined;

export function yaml(): typeof YAML {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof YAML;
  return loaded;
}
