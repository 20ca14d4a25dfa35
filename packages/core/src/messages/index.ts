/** The message catalogue: every message a writer reads, in English, Simplified and Traditional Chinese. */
export { CATALOGUE, type MessageId } from './catalogue.js';
export { formatMessage, message, type MessageParam, type MessageRef } from './format.js';
export { MESSAGE_LANGS, messageLangFromEnv, messageLangOf, type MessageLang } from './lang.js';
