import type { StyledCitations } from './citeproc.js';
import { inTextName, labels, notePartText, type RenderModel } from './model.js';

/** Text that Markdown shows as written: its syntax characters escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|~@])/g, '\\$1');
}

/**
 * The report as Markdown with each citation turned into a numbered footnote
 * ([^1]) and a bibliography grouped by source appended; or, with `styled`,
 * citations and bibliography as a CSL style formats them (notes for a note
 * style, text such as [1] for an in-text one).
 */
export function renderMarkdown(model: RenderModel, styled?: StyledCitations): string {
  const l = labels(model.language);
  // Numeric labels read best, unless the report already uses footnotes of its own.
  const label = /\[\^/.test(model.text) ? (n: number) => `[^fact-${n}]` : (n: number) => `[^${n}]`;
  let out = '';
  let at = 0;
  model.notes.forEach((note, i) => {
    out += model.text.slice(at, note.start);
    if (styled && !styled.note) out += escapeMarkdown(styled.citations[i]!.text);
    else out += note.inText ? `${escapeMarkdown(inTextName(note))}${label(note.n)}` : label(note.n);
    at = note.end;
  });
  out += model.text.slice(at);
  out = `${out.trimEnd()}\n`;
  if (model.notes.length === 0) return out;
  if (styled) {
    out += `\n## ${l.references}\n\n`;
    for (const entry of styled.bibliography) out += `${escapeMarkdown(entry.text)}\n\n`;
    if (styled.note) {
      model.notes.forEach((note, i) => {
        out += `${label(note.n)}: ${escapeMarkdown(styled.citations[i]!.text)}\n`;
      });
    }
    return out.replace(/\n+$/, '\n');
  }

  out += `\n## ${l.sources}\n\n`;
  model.bibliography.forEach((entry, i) => {
    const s = entry.source;
    const authors = s.authors.length ? ` ${escapeMarkdown(s.authors.join(', '))}.` : '';
    const where = `${escapeMarkdown(s.publisher)}, ${s.published}${s.page ? `, ${escapeMarkdown(s.page)}` : ''}.`;
    const url = s.url ? ` <${s.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '';
    out += `${i + 1}. **${escapeMarkdown(s.title)}**. ${where}${authors}${url}\n`;
    for (const f of entry.facts) {
      const refs = f.notes.map((n) => label(n)).join(' ');
      out += `    - “${escapeMarkdown(f.quote)}” \`${f.fact.id}\` ${l.notesRef} ${refs}\n`;
    }
  });
  out += '\n';
  for (const note of model.notes) {
    out += `${label(note.n)}: ${note.parts.map((p) => escapeMarkdown(notePartText(p, model.language))).join(l.join)}\n`;
  }
  return out;
}
