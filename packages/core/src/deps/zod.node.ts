/**
 * ./zod.ts for core's built files under Node (package.json `imports`,
 * `#zod`): the library is required on first use. Loading it took about 50 ms
 * of a fresh process (2-core machine), and importing core for search or
 * citations never needs it. Every entry of core reaches zod this way, so a
 * process that uses several of them loads one copy.
 */
import { createRequire } from 'node:module';
import type { z } from 'zod';

let loaded: typeof z | undefined;

export function zod(): typeof z {
  loaded ??= (createRequire(import.meta.url)('zod') as { z: typeof z }).z;
  return loaded;
}
