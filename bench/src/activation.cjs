/**
 * Times the VS Code extension's activation in a fresh process: loading its
 * bundle (dist/extension.js, with the corpus it ships) and running
 * activate(). The `vscode` module is a stub that answers every call at once,
 * so this is the extension's own work, without the editor's; a real editor
 * adds its own overhead around it (the end-to-end run logs "Activated in").
 *
 * Plain CommonJS, as the extension host loads an extension: under a
 * TypeScript loader every require() would go through the loader's hooks and
 * source maps, which the editor does not pay for.
 *
 *   node src/activation.cjs   → prints BENCH-RESULT {"load_ms", "activate_ms"}
 */
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const extensionDir = path.join(root, 'extensions/vscode');
const { installVscodeStub, fakeContext } = require(path.join(extensionDir, 'test/support/vscode-stub.cjs'));

function main() {
  installVscodeStub();
  const bundle = path.join(extensionDir, 'dist/extension.js');
  const started = performance.now();
  const extension = require(bundle);
  const loaded = performance.now();
  extension.activate(fakeContext(extensionDir));
  const activated = performance.now();
  const bundle_mb = require('node:fs').statSync(bundle).size / 2 ** 20;
  process.stdout.write(`BENCH-RESULT ${JSON.stringify({ load_ms: loaded - started, activate_ms: activated - loaded, bundle_mb })}\n`);
}

main();
