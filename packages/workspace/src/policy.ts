/**
 * The host's timing policy, in one place (the README explains it for writers).
 *
 * - A document is checked when it opens and after a corpus reload at once,
 *   and after an edit once typing pauses: {@link diagnosticsDelay}.
 * - The corpus is reloaded {@link CORPUS_RELOAD_DELAY_MS} after its files
 *   last changed, so a checkout or a save-all of many files costs one reload.
 * - A corpus folder that cannot be watched (deleted, not yet created) is
 *   looked at again every {@link CORPUS_RETRY_MS}, so restoring it is noticed.
 */

/** Pause after the last keystroke before a short document is checked, unless the front end's settings say otherwise. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 250;
/** The longest pause, reached by documents of about 60,000 lines. */
export const MAX_DIAGNOSTICS_DELAY_MS = 1500;
export const CORPUS_RELOAD_DELAY_MS = 300;
export const CORPUS_RETRY_MS = 2000;

/**
 * How long to wait after an edit before checking: the base delay plus 1 ms
 * per 50 lines, at most 1.5 s. A long report costs more to check, and
 * checking it less often while the writer types keeps the editor fluid; a
 * short one is checked almost at once. The base is never stretched past the
 * cap a writer can set it to.
 */
export function diagnosticsDelay(lineCount: number, base = DEFAULT_DIAGNOSTICS_DELAY_MS): number {
  const lines = Number.isFinite(lineCount) && lineCount > 0 ? Math.floor(lineCount) : 0;
  return Math.max(base, Math.min(MAX_DIAGNOSTICS_DELAY_MS, base + Math.floor(lines / 50)));
}
