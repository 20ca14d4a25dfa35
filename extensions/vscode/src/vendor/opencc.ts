/**
 * OpenCC, bundled on its own as dist/opencc.js. Its dictionaries are two
 * thirds of the extension's code, and most sessions never convert a script:
 * kept apart, they are parsed on the first conversion instead of at every
 * start of the editor.
 */
export { Converter } from 'opencc-js';
