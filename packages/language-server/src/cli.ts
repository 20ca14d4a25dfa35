#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { guardFraming } from './framing.js';
import { startServer } from './server.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`factcite-language-server ${version}

Serves factcite's citation features (completion, hover, diagnostics, quick
fixes, definition, references) to an LSP client.

Usage: factcite-language-server [--stdio | --node-ipc | --socket=PORT]

Without a transport flag it speaks LSP over stdin and stdout.
`);
} else {
  // vscode-languageserver reads the other transports from the flags; stdio (the default) goes through the framing guard.
  const stdio = !args.some((a) => /^--(node-ipc|socket|pipe)/.test(a));
  const guarded = () =>
    process.stdin.pipe(
      guardFraming((reason) => {
        process.stderr.write(`factcite-language-server: exiting: ${reason}; the client should restart the server\n`);
        process.exit(1);
      }),
    );
  const connection = stdio ? createConnection(ProposedFeatures.all, guarded(), process.stdout) : createConnection(ProposedFeatures.all);
  startServer(connection, version);
}
