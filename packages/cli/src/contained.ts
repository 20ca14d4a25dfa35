import { FactciteError } from '@factcite/core';
import { UsageError } from './errors.js';

/**
 * Runs a path, id or output check from @factcite/core/node and turns its
 * refusal (an unsafe path, a non-kebab id, an output that is a link) into a
 * usage error: one line, no stack trace.
 */
export function contained<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof FactciteError && error.code === 'unsafe-path') throw new UsageError(error.message);
    throw error;
  }
}
