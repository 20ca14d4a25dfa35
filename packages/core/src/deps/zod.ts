/**
 * Zod as core's sources and bundlers see it: imported with the rest. Core's
 * built files import `#zod` instead (tsup.config.ts), which Node resolves to
 * ./zod.node.ts, so `import '@factcite/core'` under Node does not load zod
 * until something validates.
 */
import { z } from 'zod';

export const zod = (): typeof z => z;
