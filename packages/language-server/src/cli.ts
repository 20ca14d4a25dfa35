#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
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
  // vscode-languageserver reads the transport from the flags; stdio is the default here.
  const connection = args.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, version);
}
