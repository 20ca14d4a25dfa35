/** How long to wait after the last keystroke before checking: longer for long documents, so typing in them stays fluid. */
export function debounceDelay(lineCount: number): number {
  return Math.min(1500, 250 + Math.floor(lineCount / 50));
}
