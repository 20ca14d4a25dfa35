/**
 * OpenCC as core's sources and bundlers see it: imported with the rest. Core's
 * built files import `#opencc` instead (tsup.config.ts), which Node resolves
 * to ./opencc.node.ts, so its 1 MB of dictionaries are parsed only when a
 * script is first converted.
 */
import * as OpenCC from 'opencc-js';

export const openCC = (): typeof OpenCC => OpenCC;
