import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factcite } from './run.js';

const dist = path.resolve(__dirname, '../dist');

/** Every module the built CLI loads before it runs a command: dist/cli.js and what it imports statically, transitively. */
function loadedAtStart(): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (specifier: string) => {
    if (seen.has(specifier)) return;
    const code = readFileSync(path.join(dist, specifier), 'utf8');
    seen.set(specifier, code);
    // Static imports only: `import … from "x"` and `import "x"` at the start of a line, not import().
    for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gms)) {
      const target = m[1] ?? m[2]!;
      if (target.startsWith('./')) visit(target.slice(2));
      else seen.set(target, '');
    }
  };
  visit('cli.js');
  return seen;
}

describe('start-up of the CLI', () => {
  it('loads a command, and the libraries it needs, only when it runs', () => {
    const loaded = loadedAtStart();
    expect(loaded.has('cli.js')).toBe(true);
    const packages = [...loaded.keys()].filter((k) => !k.endsWith('.js'));
    // Commander, Node's own modules and core's terminal escaping (one file, no dependencies); no corpus, core, Markdown or YAML.
    for (const name of packages) expect(['commander', 'fs', 'node:fs', '@factcite/core/printable'], name).toContain(name);
    for (const [file, code] of loaded) expect(code, file).not.toMatch(/function \w+Command\(/);
    // Each command is still there, behind an import() of its own module.
    const cli = loaded.get('cli.js')!;
    expect(cli.match(/import\("\.\/[\w-]+\.js"\)/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it('still runs every kind of command', () => {
    expect(factcite(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(factcite(['get', 'hk-ai-rd-institute-funding']).code).toBe(0);
    const unknown = factcite(['get', 'hk-ai-rd-institute-fundin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/hk-ai-rd-institute-funding/);
    expect(factcite(['nonsense']).code).toBe(2);
  });
});
