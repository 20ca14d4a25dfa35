// Copies the built corpus release into dist/: corpus.json and its prebuilt
// search index (what the extension loads) and the facts/ and sources/ files
// that Go to Definition opens.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));
const corpusRoot = path.dirname(require.resolve('@factcite/corpus/package.json'));
const dist = path.join(root, 'dist');

mkdirSync(path.join(dist, 'corpus'), { recursive: true });
for (const file of ['corpus.json', 'search-index.bin']) cpSync(path.join(corpusRoot, 'dist', file), path.join(dist, file));
// releases/ holds the release snapshots a pinned report (factcite: 0.1.0) is compared with.
for (const dir of ['facts', 'sources', 'releases']) {
  const from = path.join(corpusRoot, dir);
  const to = path.join(dist, 'corpus', dir);
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) continue;
  for (const name of readdirSync(from)) if (/\.(yaml|md|json)$/.test(name)) cpSync(path.join(from, name), path.join(to, name));
}
