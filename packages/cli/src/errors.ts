/** A mistake in how the command was called; exits with code 2 and no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input the command cannot work with (an invalid corpus, an unreadable release); exits with code 1 and no stack trace. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes: 0 clean, 1 problems found (in the corpus, a report, an input), 2 a usage error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
