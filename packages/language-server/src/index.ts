/**
 * @factcite/language-server: factcite's language features over LSP. Run the
 * `factcite-language-server` binary, or call startServer on a connection to
 * embed the server in another process.
 */
export {
  startServer,
  CORPUS_LOADED_NOTIFICATION,
  RELOAD_CORPUS_REQUEST,
  RELOAD_CORPUS_COMMAND,
  type CorpusLoadedParams,
} from './server.js';
export { DEFAULT_SETTINGS, type ServerSettings } from './settings.js';
