// Writes factcite-<version>.vsix with vsce. The extension is bundled into
// dist/ by `build`, so vsce neither installs nor lists node_modules.
// `pnpm --filter factcite-vscode run ls` shows what the package holds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// pnpm links the package here; its bin is a plain Node script.
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = `factcite-${version}.vsix`;
const args = [
  vsce,
  'package',
  '--no-dependencies',
  // No public repository yet: keep README links relative (VS Code resolves them inside the package).
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  out,
];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
