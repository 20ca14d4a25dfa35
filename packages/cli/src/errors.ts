// Its own entry: errors.ts is loaded by every command at start-up, even `--version`.
import { printable } from '@factcite/core/printable';

/** A message made safe for a terminal: it may echo an argument or a corpus value. */
function safe(message: string): string {
  return message.split('\n').map(printable).join('\n');
}

/** A mistake in how the command was called; exits with code 2 and no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super(safe(message));
  }
}

/** An input the command cannot work with (an invalid corpus, an unreadable release); exits with code 1 and no stack trace. */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(message: string) {
    super(safe(message));
  }
}

/** Exit codes: 0 clean, 1 problems found (in the corpus, a report, an input), 2 a usage error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
