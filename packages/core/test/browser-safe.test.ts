import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The main entry must run in a browser or a VS Code web extension: no Node
// built-ins, in the source or in the built bundle. File access lives in ./node.
describe('@factcite/core main entry', () => {
  it('imports no Node built-ins in its built ESM and CJS files', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(path.resolve(__dirname, '../dist', file), 'utf8');
      expect(code, file).not.toMatch(/from ["'](node:)?(fs|path|os|child_process)["']|require\(["'](node:)?(fs|path|os)["']\)/);
    }
  });

  it('keeps file loading in the node entry', () => {
    const code = readFileSync(path.resolve(__dirname, '../dist/node.js'), 'utf8');
    expect(code).toMatch(/from ["'](node:)?fs["']/);
  });
});
