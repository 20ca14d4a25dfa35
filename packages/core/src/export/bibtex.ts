import type { Fact } from '../corpus/schema.js';
import type { FactIndex } from '../search/search.js';
import { dateParts, factKey, factNote, primarySource } from './csl.js';

/**
 * A BibTeX field value: TeX's special characters written as commands. BibTeX
 * counts every brace to find a field's end, escaped or not, so a brace in the
 * text becomes \textbraceleft{} or \textbraceright{}, whose own braces pair up.
 */
function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (ch) => {
    if (ch === '\\') return '\\textbackslash{}';
    if (ch === '^') return '\\textasciicircum{}';
    if (ch === '~') return '\\textasciitilde{}';
    if (ch === '{') return '\\textbraceleft{}';
    if (ch === '}') return '\\textbraceright{}';
    return `\\${ch}`;
  });
}

/** A URL is verbatim in BibTeX; only braces would unbalance the entry. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\]/g, encodeURIComponent);
}

/**
 * The @article entry of one fact, keyed fact:<id>, with its source's
 * metadata; undefined when no source of it is in the index. The fields suit
 * BibTeX and BibLaTeX both (journal and journaltitle, year and date).
 */
export function bibtexEntry(fact: Fact, index: FactIndex): string | undefined {
  const source = primarySource(fact, index);
  if (!source) return undefined;
  const [year, month] = dateParts(source.published);
  const fields: [string, string][] = [
    // Double braces keep a style from re-casing the title.
    ['title', `{${escapeBibtex(source.title)}}`],
    // BibLaTeX's newspaper subtype; Pandoc reads it as article-newspaper, as in the CSL-JSON.
    ['entrysubtype', 'newspaper'],
    ['journal', escapeBibtex(source.publisher)],
    ['journaltitle', escapeBibtex(source.publisher)],
    ...(source.authors.length ? ([['author', source.authors.map((a) => `{${escapeBibtex(a)}}`).join(' and ')]] as [string, string][]) : []),
    ['year', String(year)],
    ...(month ? ([['month', String(month)]] as [string, string][]) : []),
    ['date', source.published],
    ...(source.url ? ([['url', escapeUrl(source.url)]] as [string, string][]) : []),
    ...(source.page ? ([['pages', escapeBibtex(source.page)]] as [string, string][]) : []),
    ['langid', source.script === 'Hant' ? 'chinese-traditional' : 'chinese-simplified'],
    ['abstract', escapeBibtex(fact.statement.en)],
    ['note', escapeBibtex(factNote(fact, index))],
  ];
  return `@article{${factKey(fact)},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}

/** One @article per fact, as {@link bibtexEntry} writes it. */
export function bibtexEntries(index: FactIndex): string {
  return index
    .all()
    .flatMap((fact) => bibtexEntry(fact, index) ?? [])
    .join('\n');
}
