import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The VS Code extension bundles this package into one file, possibly for the
// web: its build must not import Node built-ins, nor load LSP code at run time.
describe('@factcite/language-service build', () => {
  it.each(['index.js', 'index.cjs'])('%s imports no Node built-ins and no runtime LSP library', (file) => {
    const code = readFileSync(path.resolve(__dirname, '../dist', file), 'utf8');
    expect(code).not.toMatch(/(from |require\()["'](node:)?(fs|path|os|child_process|url)["']/);
    expect(code).not.toMatch(/(from |require\()["']vscode-languageserver-types["']/);
  });
});
