import CSL from 'citeproc';
import type { FactIndex } from '@factcite/core';
import { InputError } from '../errors.js';
import { type CslItem, sourceItem, sourceKey } from '@factcite/core';
import { message, messageLangFromEnv } from '@factcite/core/messages';
import type { RenderLanguage, RenderModel } from './model.js';
import { readLocale } from './styles.js';

/** A report's citations and bibliography formatted by a CSL style, in plain text and HTML. */
export interface StyledCitations {
  /** A note style (Chicago notes): citations become footnotes; otherwise they stay in the text ([1], (林志佳 2024)). */
  note: boolean;
  /** One per note of the render model, in order. */
  citations: { text: string; html: string }[];
  bibliography: { text: string; html: string }[];
}

const LOCALE: Record<RenderLanguage, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

/** The locale a style is rendered in: the style's own default-locale, else the report's language. */
export function styleLocale(styleXml: string, language: RenderLanguage): string {
  return styleXml.match(/<style\b[^>]*\bdefault-locale="([^"]+)"/)?.[1] ?? LOCALE[language];
}

/**
 * Formats the notes of a render model with a CSL style through citeproc-js.
 * Each fact is cited as its source article (keyed source:<id>), so the
 * bibliography lists every article once; two facts of one article in one
 * group are one citation of it. The writer's prefix and suffix are kept.
 */
export function styleCitations(model: RenderModel, index: FactIndex, styleXml: string, lang = styleLocale(styleXml, model.language)): StyledCitations {
  const items = new Map<string, CslItem>();
  const clusters = model.notes.map((note) => {
    const seen = new Set<string>();
    const citationItems = note.parts.flatMap((part) => {
      const source = part.sources[0] ?? index.source(part.fact.citations[0]?.source ?? '');
      if (!source) return [];
      const id = sourceKey(source);
      items.set(id, sourceItem(source));
      if (!part.prefix && !part.suffix && seen.has(id)) return [];
      seen.add(id);
      return [
        {
          id,
          ...(part.prefix ? { prefix: `${part.prefix} ` } : {}),
          ...(part.suffix ? { suffix: part.suffix } : {}),
          ...(part.suppressAuthor ? { 'suppress-author': true } : {}),
        },
      ];
    });
    return { citationID: `note-${note.n}`, citationItems, properties: { noteIndex: note.n } };
  });
  const sys = { retrieveLocale: readLocale, retrieveItem: (id: string) => items.get(id) };
  const run = (format: 'text' | 'html') => {
    let engine: InstanceType<typeof CSL.Engine>;
    try {
      engine = new CSL.Engine(sys, styleXml, lang);
    } catch (error) {
      throw new InputError(message('cli.style.unreadable-engine', { detail: (error as Error).message }, messageLangFromEnv(process.env)));
    }
    engine.setOutputFormat(format);
    const cited = engine.rebuildProcessorState(clusters, format);
    const bibliography = engine.makeBibliography();
    return { note: engine.opt.xclass === 'note', cited, entries: bibliography ? bibliography[1] : [] };
  };
  const text = run('text');
  const html = run('html');
  const byId = (list: [string, number, string][]) => new Map(list.map(([id, , out]) => [id, out]));
  const textById = byId(text.cited);
  const htmlById = byId(html.cited);
  return {
    note: text.note,
    citations: clusters.map((c) => ({ text: textById.get(c.citationID) ?? '', html: htmlById.get(c.citationID) ?? '' })),
    bibliography: text.entries.map((entry, i) => ({ text: entry.trim(), html: (html.entries[i] ?? '').trim() })),
  };
}
