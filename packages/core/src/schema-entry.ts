/**
 * @factcite/core/schema: the zod schemas of corpus records, as values, for
 * code that validates or extends records itself. Importing this entry loads
 * zod and builds the schemas; the main entry exports the types inferred from
 * them and validates with the same schemas, built on first use, so that
 * importing it costs no zod (corpus/schema.ts, lazy-schema.ts).
 */
import { corpusSchemas } from './corpus/schema.js';

const schemas = corpusSchemas();

/** Stable kebab-case identifier shared by facts, sources and entities. */
export const IdSchema = schemas.IdSchema;
/** A calendar date, YYYY-MM-DD; facts may also hold YYYY-MM or YYYY when the source is no more precise. */
export const PartialDateSchema = schemas.PartialDateSchema;
/** A calendar date, YYYY-MM-DD. */
export const DateSchema = schemas.DateSchema;
/** How a value is hedged: exact, approx, at-least, more-than, less-than, up-to. */
export const QualifierSchema = schemas.QualifierSchema;
export const FactKindSchema = schemas.FactKindSchema;
/** The structured value of a fact: `text` as the source writes it (10亿港元), `amount` that number read exactly. */
export const ValueSchema = schemas.ValueSchema;
/** A fact's statement: Chinese in zh-Hans or zh-Hant (or both) and English. */
export const StatementSchema = schemas.StatementSchema;
/** A caveat a writer must see before citing a fact, in Chinese (either script) and English. */
export const FactNoteSchema = schemas.FactNoteSchema;
/** A quote and the source it is taken from. */
export const CitationSchema = schemas.CitationSchema;
export const FactSchema = schemas.FactSchema;
/** A facts/*.yaml file: a list of facts. */
export const FactsFileSchema = schemas.FactsFileSchema;
export const EntityKindSchema = schemas.EntityKindSchema;
export const EntitySchema = schemas.EntitySchema;
/** entities.yaml: a list of entities. */
export const EntitiesFileSchema = schemas.EntitiesFileSchema;
/** The front matter of a sources/*.md file. */
export const SourceMetaSchema = schemas.SourceMetaSchema;
/** A source as a release holds it: its metadata and cleaned body text. */
export const SourceSchema = schemas.SourceSchema;
/** The shape of a whole corpus in memory (a release's corpus.json). */
export const CorpusSchema = schemas.CorpusSchema;

export type {
  Citation,
  Corpus,
  Entity,
  EntityKind,
  Fact,
  FactKind,
  FactNote,
  Id,
  Qualifier,
  Source,
  SourceMeta,
  Statement,
  Value,
} from './corpus/schema.js';
