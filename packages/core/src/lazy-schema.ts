/**
 * Zod schemas built on first use rather than at import. Together with
 * `#zod` (deps/zod.node.ts), this keeps zod out of a Node process until
 * something validates: loading zod and building the corpus schemas took
 * about 58 ms of a fresh process, most of the main entry's import.
 */
import type { z } from 'zod';
import { zod } from './deps/zod.js';

/** The zod namespace, as a schema builder receives it. */
export type Zod = typeof z;

/** A getter that builds the value with zod the first time it is called and returns that value ever after. */
export function lazySchema<T>(build: (z: Zod) => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build(zod()) };
    return built.value;
  };
}
