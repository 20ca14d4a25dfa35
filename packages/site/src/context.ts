import type { Corpus, Entity, Fact, FactIndex, Source } from '@factcite/core';
import { resolveScript } from '@factcite/language-service';
import type { Links } from './links.js';
import { entityVariants, statementVariants, type Variants } from './scripts.js';

/** A release the site lists: from the corpus's snapshots, or the one being shown. */
export interface ReleaseEntry {
  version: string;
  /** The release's content hash, as in its manifest (SHA-256 of its canonical JSON). */
  hash: string;
  counts: { facts: number; sources: number; entities: number };
  /** The release notes written for this version (its CHANGELOG section), as Markdown text. */
  changelog?: string;
  /** The records shown differ from what was published as this version: a maintainer's working corpus. */
  unreleased?: boolean;
}

/** What every page is rendered from. */
export interface SiteContext {
  corpus: Corpus;
  index: FactIndex;
  links: Links;
  version: string | undefined;
  /** The release shown, and the earlier ones, newest first. */
  releases: ReleaseEntry[];
  statement(fact: Fact): Variants;
  entityName(entity: Entity): Variants;
  /** The language of a source's text: zh-Hans or zh-Hant. */
  sourceLang(source: Pick<Source, 'script'>): string;
  /** The language of a fact's value text and other source wording: its first source's. */
  factLang(fact: Fact): string;
}

/** Builds the context, caching each record's text in every display script (OpenCC is not free). */
export function createContext(corpus: Corpus, index: FactIndex, links: Links, releases: ReleaseEntry[]): SiteContext {
  const statements = new Map<string, Variants>();
  const names = new Map<string, Variants>();
  return {
    corpus,
    index,
    links,
    version: corpus.version,
    releases,
    statement(fact) {
      let v = statements.get(fact.id);
      if (!v) {
        v = statementVariants(fact, index);
        statements.set(fact.id, v);
      }
      return v;
    },
    entityName(entity) {
      let v = names.get(entity.id);
      if (!v) {
        v = entityVariants(entity);
        names.set(entity.id, v);
      }
      return v;
    },
    sourceLang: (source) => (source.script === 'Hant' ? 'zh-Hant' : 'zh-Hans'),
    factLang(fact) {
      const script = resolveScript(fact, 'original', index);
      return script === 'zh-Hant-HK' ? 'zh-Hant' : script;
    },
  };
}
