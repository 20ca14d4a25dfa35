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

  // YAML, OpenCC and zod come through `#yaml`, `#opencc` and `#zod` (tsup.config.ts): under Node they
  // are required on first use, anywhere else imported with the rest, as before.
  it('reaches YAML, OpenCC and zod only through its conditional imports', () => {
    const built = readdirSync(dist).filter((f) => /^(index|node|schema|chunk-.*)\.c?js$/.test(f));
    for (const file of built) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/from ["'](yaml|opencc-js|zod)["']|require\(["'](yaml|opencc-js|zod)["']\)/);
    }
    // The ingest entry builds its rule schemas as it loads, with the same zod as the others.
    for (const file of ['ingest.js', 'ingest.cjs']) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/from ["']zod["']|require\(["']zod["']\)/);
      expect(code, file).toMatch(/from ["']#zod["']|require\(["']#zod["']\)/);
    }
    expect(Object.keys(pkg.imports).sort()).toEqual(['#opencc', '#yaml', '#zod']);
    for (const [name, targets] of Object.entries(pkg.imports)) {
      for (const file of Object.values(targets.default)) {
        expect(readFileSync(path.resolve(__dirname, '..', file), 'utf8'), `${name} ${file}`).not.toMatch(NODE_BUILTIN);
      }
    }
  });

  it('loads YAML and OpenCC on first use in both its ESM and CJS builds under Node', () => {
    const use = (core: string) =>
      `const before = Object.keys(require.cache).some((f) => /[\\\\/](yaml|opencc-js)[\\\\/]/.test(f));
       const out = { before, hk: ${core}.convertScript('数码港', 'zh-Hant-HK'), yaml: ${core}.readYaml('a: [1]') };
       process.stdout.write(JSON.stringify(out));`;
    const expected = { before: false, hk: '數碼港', yaml: { a: [1] } };
    expect(runEsm(use('core'))).toEqual(expected);
    expect(runCjs(use('core'))).toEqual(expected);
  });

  // zod is the largest part of importing the entry (about 50 ms, and some 8 ms more to build the
  // schemas). zod registers itself on globalThis as it loads, whichever build it is; required
  // through `#zod` it is also in require.cache. Both are checked, and both must turn true once
  // something validates, so a zod that stopped registering would fail here rather than pass.
  it('loads zod when something first validates, not at import, in both its ESM and CJS builds under Node', () => {
    const use = (core: string) =>
      `const zodLoaded = () => ({
         required: Object.keys(require.cache).some((f) => /[\\\\/]zod[\\\\/]/.test(f)),
         registered: '__zod_globalRegistry' in globalThis,
       });
       const atImport = zodLoaded();
       // What an editor or a search does: no validation, so no zod.
       const empty = { facts: [], sources: [], entities: [] };
       const hits = ${core}.createFactIndex(empty, { validate: false }).search('数码港').length;
       ${core}.parseCitations('见[@fact:hk-ai-rd-institute-funding]。');
       const afterSearch = zodLoaded();
       const valid = ${core}.validateCorpus(empty).ok;
       const invalid = ${core}.validateCorpus({ ...empty, facts: [{ id: 'Not-Kebab' }] });
       let thrown;
       try { ${core}.createFactIndex(empty, { validate: 'no' }); } catch (error) { thrown = error.message; }
       const out = { atImport, hits, afterSearch, valid, invalid: invalid.ok ? [] : invalid.errors.map((e) => e.path + ' ' + e.code),
         thrown, afterValidate: zodLoaded() };
       process.stdout.write(JSON.stringify(out));`;
    const no = { required: false, registered: false };
    const expected = {
      atImport: no,
      hits: 0,
      afterSearch: no,
      valid: true,
      invalid: expect.arrayContaining(['facts[0].id invalid-value', 'facts[0].statement missing-field']),
      thrown: 'createFactIndex: options.validate Invalid input: expected boolean, received string',
      afterValidate: { required: true, registered: true },
    };
    expect(runEsm(use('core'))).toEqual(expected);
    expect(runCjs(use('core'))).toEqual(expected);
  });

  it('leaves the schemas, as values, to @factcite/core/schema', () => {
    const use = (schema: string) =>
      `const fact = { id: 'a-b', statement: { 'zh-Hans': '甲', en: 'A' }, kind: 'event', citations: [{ source: 's', quote: 'q' }], since: '0.1.0' };
       const out = { inMain: Object.keys(core).filter((k) => k.endsWith('Schema')), inSchema: Object.keys(${schema}).filter((k) => k.endsWith('Schema')).length,
         status: ${schema}.FactSchema.parse(fact).status };
       process.stdout.write(JSON.stringify(out));`;
    const expected = { inMain: [], inSchema: 17, status: 'active' };
    expect(runEsm(use('schema'), `import * as schema from ${JSON.stringify(path.join(dist, 'schema.js'))};`)).toEqual(expected);
    expect(runCjs(`const schema = require(${JSON.stringify(path.join(dist, 'schema.cjs'))}); ${use('schema')}`)).toEqual(expected);
  });
});

/** Runs `body` in a fresh Node process with `core` (the built ESM main entry) and `require` in scope; returns its JSON output. */
function runEsm(body: string, imports = ''): unknown {
  const esm = `import { createRequire } from 'node:module'; import * as core from ${JSON.stringify(path.join(dist, 'index.js'))}; ${imports}
    const require = createRequire(import.meta.url); ${body}`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', esm], { encoding: 'utf8' }));
}

/** The same with the CommonJS build. */
function runCjs(body: string): unknown {
  return JSON.parse(
    execFileSync(process.execPath, ['-e', `const core = require(${JSON.stringify(path.join(dist, 'index.cjs'))}); ${body}`], { encoding: 'utf8' }),
  );
}
