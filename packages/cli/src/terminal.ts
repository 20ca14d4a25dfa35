import { printableLines } from '@factcite/core';

/**
 * Every message and every human output of a command goes through these, so a
 * corpus string or an argument holding an escape sequence or a bidi override
 * is shown as a visible `\uXXXX` instead of acting on the terminal. JSON
 * output goes through them too: the escape is the same character in JSON.
 */
export function writeOut(text: string): void {
  process.stdout.write(printableLines(text));
}

/** {@link writeOut} for standard error. */
export function writeErr(text: string): void {
  process.stderr.write(printableLines(text));
}
