import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(__dirname, '../dist');
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as {
  imports: Record<string, { node: Record<'import' | 'require', string>; default: Record<'import' | 'require', string> }>;
};
const NODE_BUILTIN = /from ["'](node:)?(fs|path|os|child_process|module)["']|require\(["'](node:)?(fs|path|os|module)["']\)/;

// The main entry must run in a browser or a VS Code web extension: no Node
// built-ins, in the source or in the built bundle. File access lives in ./node.
describe('@factcite/core main entry', () => {
  it('imports no Node built-ins in its built ESM and CJS files', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/from ["'](node:)?(fs|path|os|child_process)["']|require\(["'](node:)?(fs|path|os)["']\)/);
    }
  });

  it('keeps file loading in the node entry', () => {
    const code = readFileSync(path.join(dist, 'node.js'), 'utf8');
    expect(code).toMatch(/from ["'](node:)?fs["']/);
  });

  // YAML and OpenCC come through `#yaml` and `#opencc` (tsup.config.ts): under Node they are
  // required on first use, anywhere else imported with the rest, as before.
  it('reaches YAML and OpenCC only through its conditional imports', () => {
    const built = readdirSync(dist).filter((f) => /^(index|node|chunk-.*)\.c?js$/.test(f));
    for (const file of built) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/from ["'](yaml|opencc-js)["']|require\(["'](yaml|opencc-js)["']\)/);
    }
    for (const [name, targets] of Object.entries(pkg.imports)) {
      for (const file of Object.values(targets.default)) {
        expect(readFileSync(path.resolve(__dirname, '..', file), 'utf8'), `${name} ${file}`).not.toMatch(NODE_BUILTIN);
      }
    }
  });

  it('loads them on first use in both its ESM and CJS builds under Node', () => {
    const use = (core: string) =>
      `const before = Object.keys(require.cache).some((f) => /[\\\\/](yaml|opencc-js)[\\\\/]/.test(f));
       const out = { before, hk: ${core}.convertScript('数码港', 'zh-Hant-HK'), yaml: ${core}.readYaml('a: [1]') };
       process.stdout.write(JSON.stringify(out));`;
    const esm = `import { createRequire } from 'node:module'; import * as core from ${JSON.stringify(path.join(dist, 'index.js'))};
      const require = createRequire(import.meta.url); ${use('core')}`;
    const cjs = `const core = require(${JSON.stringify(path.join(dist, 'index.cjs'))}); ${use('core')}`;
    const expected = { before: false, hk: '數碼港', yaml: { a: [1] } };
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', esm], { encoding: 'utf8' }))).toEqual(expected);
    expect(JSON.parse(execFileSync(process.execPath, ['-e', cjs], { encoding: 'utf8' }))).toEqual(expected);
  });
});
