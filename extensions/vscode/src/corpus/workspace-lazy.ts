/**
 * workspace.ts (the host's corpus readers), required from dist/workspace-corpus.js on first use. Most
 * writers cite the bundled release; they should not wait at every start for
 * the YAML parser and schemas that only a workspace corpus needs.
 */
type WorkspaceCorpus = typeof import('./workspace.js');

let loaded: WorkspaceCorpus | undefined;

export function workspaceCorpus(): WorkspaceCorpus {
  // A path esbuild cannot follow, so that the module stays in its own file.
  loaded ??= require(`${__dirname}/workspace-corpus.js`) as WorkspaceCorpus;
  return loaded;
}
