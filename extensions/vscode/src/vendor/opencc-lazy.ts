/**
 * Stands in for `opencc-js` inside dist/extension.js (see tsup.config.ts):
 * the same `Converter`, but the library is only required, from
 * dist/opencc.js, when a converter is first made.
 */
import type { Converter as OpenCCConverter } from 'opencc-js';

let openCC: { Converter: typeof OpenCCConverter } | undefined;

export const Converter: typeof OpenCCConverter = (options) => {
  // A path esbuild cannot follow, so the library stays in its own file.
  openCC ??= require(`${__dirname}/opencc.js`) as { Converter: typeof OpenCCConverter };
  return openCC.Converter(options);
};
