import MarkdownIt from 'markdown-it';
import { type FrontMatter, readFrontMatter } from './front-matter.js';
import type { StyledCitations } from './citeproc.js';
import { inTextName, labels, notePartText, type RenderLanguage, type RenderModel } from './model.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it: every character that could open markup escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

// Private-use characters mark where a note goes while markdown-it renders the
// prose; no report legitimately holds them, so any that do are dropped.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

const STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; font: 17px/1.7 system-ui, -apple-system, "Segoe UI", "PingFang SC", "PingFang HK", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
  h1, h2, h3 { line-height: 1.3; }
  sup.note-ref a { text-decoration: none; padding: 0 0.1em; }
  section.notes, section.sources { margin-top: 3rem; border-top: 1px solid #8886; font-size: 0.92em; }
  ol.notes li:target, sup.note-ref:target { background: #fd04; }
  .fact-id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85em; opacity: 0.75; }
  .quote { font-style: normal; }
  blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #8886; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; }
`;

/** The title block Pandoc writes from the metadata: title, subtitle, authors, date. */
function titleBlock(front: FrontMatter | undefined): string {
  if (!front || (!front.title && !front.subtitle && front.authors.length === 0 && !front.date)) return '';
  const lines = [
    front.title ? `<h1 class="title">${escapeHtml(front.title)}</h1>` : '',
    front.subtitle ? `<p class="subtitle">${escapeHtml(front.subtitle)}</p>` : '',
    ...front.authors.map((a) => `<p class="author">${escapeHtml(a)}</p>`),
    front.date ? `<p class="date">${escapeHtml(front.date)}</p>` : '',
  ].filter(Boolean);
  return `<header id="title-block-header">\n${lines.join('\n')}\n</header>\n`;
}

/**
 * The report as a standalone HTML page: the YAML front matter as its title
 * block, prose rendered from Markdown with raw HTML escaped, numbered notes linked both ways, and the bibliography grouped
 * by source. Corpus text is escaped, links are http(s) only, and a content
 * security policy forbids scripts and remote resources.
 */
export function renderHtml(model: RenderModel, fallbackTitle: string, styled?: StyledCitations): string {
  const l = labels(model.language);
  // The metadata block is the page's title block, never prose.
  const front = readFrontMatter(model.text);
  let prose = '';
  let at = front?.end ?? 0;
  const clean = (s: string) => s.replace(/[\uE000\uE001]/g, '');
  for (const note of model.notes) {
    if (note.start < at) continue;
    prose += clean(model.text.slice(at, note.start));
    const name = note.inText && !(styled && !styled.note) ? inTextName(note).replace(/([\\`*_[\]<>|~@])/g, '\\$1') : '';
    prose += `${name}${OPEN}${note.n}${CLOSE}`;
    at = note.end;
  }
  prose += clean(model.text.slice(at));

  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const tokens = md.parse(prose, {});
  const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const heading =
    h1 >= 0
      ? (tokens[h1 + 1]?.children ?? [])
          .filter((t) => t.type === 'text' || t.type === 'code_inline')
          .map((t) => t.content)
          .join('')
      : undefined;
  const title = front?.title ?? heading ?? fallbackTitle;
  const body =
    titleBlock(front) +
    md.renderer
      .render(tokens, md.options, {})
      .replace(MARKER, (_, n: string) =>
        styled && !styled.note
          ? `<span class="citation">${styled.citations[Number(n) - 1]?.html ?? ''}</span>`
          : `<sup class="note-ref" id="ref-${n}"><a href="#note-${n}">${n}</a></sup>`,
      );

  const notes = model.notes
    .map(
      (note, i) =>
        `<li id="note-${note.n}">${styled ? (styled.citations[i]?.html ?? '') : note.parts.map((p) => escapeHtml(notePartText(p, model.language))).join(l.join)} <a class="back" href="#ref-${note.n}" aria-label="back">↩</a></li>`,
    )
    .join('\n');
  const sources = model.bibliography
    .map((entry) => {
      const s = entry.source;
      const url = safeUrl(s.url);
      const meta = [
        `${escapeHtml(s.publisher)}, ${escapeHtml(s.published)}${s.page ? `, ${escapeHtml(s.page)}` : ''}`,
        s.authors.length ? escapeHtml(s.authors.join(', ')) : '',
        url ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>` : '',
      ].filter(Boolean);
      const facts = entry.facts
        .map(
          (f) =>
            `<li><q class="quote">${escapeHtml(f.quote)}</q> <span class="fact-id">${escapeHtml(f.fact.id)}</span> ${escapeHtml(l.notesRef)} ${f.notes
              .map((n) => `<a href="#note-${n}">${n}</a>`)
              .join(', ')}</li>`,
        )
        .join('\n');
      return `<li><p><strong>${escapeHtml(s.title)}</strong>. ${meta.join('. ')}.</p>\n<ul>\n${facts}\n</ul></li>`;
    })
    .join('\n');

  const notesSection = `<section class="notes">
<h2>${escapeHtml(l.notes)}</h2>
<ol class="notes">
${notes}
</ol>
</section>
`;
  // With a CSL style: notes only for a note style, and the style's bibliography; else notes and sources by article.
  const closing = !model.notes.length
    ? ''
    : styled
      ? `${styled.note ? notesSection : ''}<section class="sources">
<h2>${escapeHtml(l.references)}</h2>
<div class="csl-bib-body">
${styled.bibliography.map((e) => e.html).join('\n')}
</div>
</section>
`
      : `${notesSection}<section class="sources">
<h2>${escapeHtml(l.sources)}</h2>
<ol class="sources">
${sources}
</ol>
</section>
`;
  const lang: Record<RenderLanguage, string> = { en: 'en', 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant' };
  return `<!doctype html>
<html lang="${lang[model.language]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="factcite render">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
${body}</article>
${closing}</main>
</body>
</html>
`;
}
