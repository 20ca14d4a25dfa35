/**
 * The extension's own words in Simplified and Traditional Chinese: every
 * string of the manifest (package.nls.*.json) and every runtime string
 * (vscode.l10n.t, l10n/bundle.l10n.*.json) has a translation with the same
 * placeholders, written in the right script. Diagnostics and quick fixes
 * come from core's catalogue, tested there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
const toSimplified = Converter({ from: 'hk', to: 'cn' });
const toTraditional = Converter({ from: 'cn', to: 'hk' });
const LOCALES = { 'zh-cn': 'Simplified', 'zh-tw': 'Traditional' } as const;

/** {0}-style placeholders, command links and code spans: what a translation must keep. */
const kept = (text: string) => [...text.matchAll(/\{\d+\}|\(command:[^)]+\)|`[^`]+`/g)].map((m) => m[0]).sort();

/** Characters that give away the wrong script. */
function wrongScript(text: string, script: 'Simplified' | 'Traditional'): string[] {
  const bad: string[] = [];
  for (const c of text.replace(/`[^`]*`/g, '')) {
    if (!/\p{Script=Han}/u.test(c)) continue;
    if (script === 'Simplified' && toSimplified(c) !== c) bad.push(c);
    if (script === 'Traditional' && toSimplified(c) === c && toTraditional(c) !== c) bad.push(c);
  }
  return bad;
}

/** Every literal first argument of vscode.l10n.t in the extension's sources. */
function runtimeStrings(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const source = readFileSync(file, 'utf8');
        for (const m of source.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/gs)) found.add(m[2]!.replace(/\\(.)/g, '$1'));
      }
    }
  };
  walk(path.join(root, 'src'));
  return [...found].sort();
}

describe('the manifest in every language', () => {
  const english = read('package.nls.json');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);

  it('names every %key% of package.json in package.nls.json, and nothing else', () => {
    expect(keys.length).toBeGreaterThan(20);
    expect(Object.keys(english).sort()).toEqual([...new Set(keys)].sort());
  });

  for (const [locale, script] of Object.entries(LOCALES)) {
    it(`has every key in package.nls.${locale}.json, in ${script} Chinese, keeping placeholders, links and code`, () => {
      const translated = read(`package.nls.${locale}.json`);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      const problems = Object.entries(english).flatMap(([key, text]) => {
        const t = translated[key];
        if (typeof t !== 'string' || t.trim() === '' || t === text) return [`${key}: untranslated`];
        const out: string[] = [];
        if (kept(t).join() !== kept(text as string).join()) out.push(`${key}: ${kept(t)} against ${kept(text as string)}`);
        if (!/\p{Script=Han}/u.test(t)) out.push(`${key}: no Chinese`);
        for (const c of wrongScript(t, script)) out.push(`${key}: ${c}`);
        return out;
      });
      expect(problems).toEqual([]);
    });
  }
});

describe('runtime strings in every language', () => {
  const strings = runtimeStrings();

  for (const [locale, script] of Object.entries(LOCALES)) {
    it(`has every vscode.l10n.t string in l10n/bundle.l10n.${locale}.json, in ${script} Chinese, with the same placeholders`, () => {
      expect(strings.length).toBeGreaterThan(10);
      const bundle = read(`l10n/bundle.l10n.${locale}.json`);
      expect(Object.keys(bundle).sort()).toEqual(strings);
      const problems = strings.flatMap((s) => {
        const t = bundle[s];
        if (typeof t !== 'string' || t === s) return [`${s}: untranslated`];
        return [
          ...(kept(t).join() !== kept(s).join() ? [`${s}: placeholders ${kept(t)}`] : []),
          ...wrongScript(t.replace(/数码港|數碼港/g, ''), script).map((c) => `${s}: ${c}`),
        ];
      });
      expect(problems).toEqual([]);
    });
  }
});
