import type { FactIndex } from '@factcite/core';
import { type DiagnosticsOptions, diagnostics, type FactDiagnostic } from './diagnostics.js';
import { type DocumentInput, toDocument } from './document.js';

/** Options of {@link runInSlices}. */
export interface SliceOptions {
  /** Longest stretch of work before giving the event loop a turn, in ms (default 10). */
  sliceMs?: number;
  /** Asked between slices; true abandons the run (the text changed, the document closed). */
  isCancelled?: () => boolean;
}

// setTimeout rather than setImmediate: the service runs in browsers too.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs a generator's steps in slices of about `sliceMs`, letting other work
 * (completion, hover, the next keystroke's events) run between slices.
 * Resolves to the generator's result, or undefined when cancelled.
 */
export async function runInSlices<T>(steps: Generator<unknown, T, void>, options: SliceOptions = {}): Promise<T | undefined> {
  const { sliceMs = 10, isCancelled = () => false } = options;
  let sliceStart = performance.now();
  for (;;) {
    if (isCancelled()) return undefined;
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/**
 * {@link diagnostics} without holding the event loop: the blocks that need
 * checking are checked in slices, then the (now cached) result is read at
 * once. Undefined when cancelled before the end.
 */
export async function diagnosticsInSlices(
  input: DocumentInput,
  index: FactIndex,
  options?: SliceOptions & DiagnosticsOptions,
): Promise<FactDiagnostic[] | undefined> {
  const doc = toDocument(input);
  const done = await runInSlices(doc.checkSteps(index, options ?? {}), options);
  return done === undefined ? undefined : diagnostics(doc, index, options);
}
