/**
 * The data model: the zod schemas of corpus records and the types inferred
 * from them. The schemas are built by {@link corpusSchemas} on first use, so
 * that importing the main entry loads no zod (see lazy-schema.ts); the
 * `@factcite/core/schema` entry exports them as values.
 */
import type { z } from 'zod';
import { zod } from '../deps/zod.js';
import { lazySchema, type Zod } from '../lazy-schema.js';

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Chinese in either script (or both) and English: a writer reads the Chinese in their own
// script, converted when only the other one is written, and the English beside it.
function bilingualText(z: Zod, what: string) {
  return z
    .strictObject({
      'zh-Hans': z.string().min(1).optional(),
      'zh-Hant': z.string().min(1).optional(),
      en: z.string().min(1),
    })
    .refine((s) => s['zh-Hans'] !== undefined || s['zh-Hant'] !== undefined, {
      message: `needs a Chinese ${what} in zh-Hans or zh-Hant`,
    });
}

/** Builds every corpus schema with the zod it is given; {@link corpusSchemas} calls it once. */
function buildCorpusSchemas(z: Zod) {
  /** Stable kebab-case identifier shared by facts, sources and entities. */
  const IdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

  /** A calendar date, YYYY-MM-DD; facts may also hold YYYY-MM or YYYY when the source is no more precise. */
  const PartialDateSchema = z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isRealDate, { message: 'is not a real calendar date' });

  const DateSchema = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .refine(isRealDate, { message: 'is not a real calendar date' });

  const QualifierSchema = z.enum(['exact', 'approx', 'at-least', 'more-than', 'less-than', 'up-to']);

  const FactKindSchema = z.enum(['quantity', 'percentage', 'rank', 'date', 'event', 'statement']);

  /**
   * The structured value of a fact. `text` is the value as the source writes
   * it (10亿港元); `amount` is that number read exactly (1000000000).
   */
  const ValueSchema = z.strictObject({
    amount: z.number().finite().optional(),
    /** Upper bound for a range such as 10至15人. */
    upTo: z.number().finite().optional(),
    /** For a rank: the size of the field ranked (32nd of 62). */
    of: z.number().int().positive().optional(),
    /** ISO 4217 code for money (HKD, CNY, USD), `percent`, or a counted noun in kebab-case (companies). */
    unit: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be a currency code, percent, or a kebab-case noun')
      .optional(),
    qualifier: QualifierSchema.default('exact'),
    /** A date value (for kind: date). */
    date: PartialDateSchema.optional(),
    text: z.string().min(1),
  });

  const StatementSchema = bilingualText(z, 'statement');

  /**
   * A caveat a writer must see before citing a fact: what it does not say, or
   * the claim it is easily confused with. Chinese (either script) and English.
   */
  const FactNoteSchema = bilingualText(z, 'note');

  const CitationSchema = z.strictObject({
    source: IdSchema,
    /** A verbatim span of the source's cleaned body. */
    quote: z.string().min(1),
  });

  const FactSchema = z
    .strictObject({
      id: IdSchema,
      statement: StatementSchema,
      kind: FactKindSchema,
      value: ValueSchema.optional(),
      date: PartialDateSchema.optional(),
      entities: z.array(IdSchema).default([]),
      topics: z.array(IdSchema).default([]),
      /** Entity that said it, for attributed statements. */
      attributedTo: IdSchema.optional(),
      citations: z.array(CitationSchema).min(1, 'needs at least one citation'),
      status: z.enum(['active', 'deprecated']).default('active'),
      supersededBy: IdSchema.optional(),
      since: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 0.1.0'),
      /** Caveats shown wherever the fact is shown (hover, `factcite get`, rendered notes). */
      notes: z
        .array(FactNoteSchema)
        .min(1, 'leave notes out rather than empty')
        .optional()
        .describe('Caveats a writer must see before citing the fact, each in Chinese (zh-Hans or zh-Hant) and English'),
      /**
       * The curator's remark on how the fact was recorded (English, for
       * maintainers; not shown to writers). A caveat writers need goes in `notes`.
       */
      note: z.string().optional().describe("The curator's remark on how the fact was recorded, for maintainers; caveats for writers go in notes"),
    })
    .superRefine((fact, ctx) => {
      if (fact.status === 'deprecated' && !fact.supersededBy) {
        ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'a deprecated fact needs supersededBy' });
      }
      if (fact.status === 'active' && fact.supersededBy) {
        ctx.addIssue({ code: 'custom', path: ['status'], message: 'a fact with supersededBy must be deprecated' });
      }
      const needsAmount = fact.kind === 'quantity' || fact.kind === 'percentage' || fact.kind === 'rank';
      if (needsAmount && fact.value?.amount === undefined) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${fact.kind} fact needs value.amount` });
      }
      if (fact.kind === 'percentage' && fact.value && fact.value.unit !== 'percent') {
        ctx.addIssue({ code: 'custom', path: ['value', 'unit'], message: 'a percentage fact has unit: percent' });
      }
      if (fact.kind === 'date' && !fact.value?.date) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'a date fact needs value.date' });
      }
    });

  const FactsFileSchema = z.array(FactSchema);

  const EntityKindSchema = z.enum(['organisation', 'person', 'place', 'programme', 'product', 'event', 'document']);

  const EntitySchema = z.strictObject({
    id: IdSchema,
    kind: EntityKindSchema,
    names: z.strictObject({
      'zh-Hans': z.string().min(1),
      'zh-Hant': z.string().min(1),
      en: z.string().min(1),
    }),
    aliases: z.array(z.string().min(1)).default([]),
    /** A one-line English description, shown in hovers. */
    description: z.string().optional(),
  });

  const EntitiesFileSchema = z.array(EntitySchema);

  const SourceMetaSchema = z.strictObject({
    id: IdSchema,
    title: z.string().min(1),
    publisher: z.string().min(1),
    authors: z.array(z.string().min(1)).default([]),
    // YYYY-MM only where the text gives no day (a print page dated by month).
    published: PartialDateSchema,
    // Only web links: a javascript: or data: URL would become a live link in a rendered report.
    url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http:// or https:// URL' }).optional(),
    /** Print edition page, such as A2. */
    page: z.string().optional(),
    language: z.literal('zh'),
    script: z.enum(['Hans', 'Hant']),
    /** File name of the raw capture in corpus/raw. */
    origin: z.string().min(1),
    /** Garbled spans kept as they are; no quote may include one. */
    defects: z.array(z.string().min(1)).default([]),
  });

  /** A source as a release holds it: its metadata and cleaned body text. */
  const SourceSchema = SourceMetaSchema.extend({ text: z.string() });

  /** The shape of a whole corpus in memory (a release's corpus.json). */
  const CorpusSchema = z.strictObject({
    version: z.string().optional(),
    facts: z.array(FactSchema),
    sources: z.array(SourceSchema),
    entities: z.array(EntitySchema),
  });

  return {
    IdSchema,
    PartialDateSchema,
    DateSchema,
    QualifierSchema,
    FactKindSchema,
    ValueSchema,
    StatementSchema,
    FactNoteSchema,
    CitationSchema,
    FactSchema,
    FactsFileSchema,
    EntityKindSchema,
    EntitySchema,
    EntitiesFileSchema,
    SourceMetaSchema,
    SourceSchema,
    CorpusSchema,
  };
}

/** The zod schemas of corpus records, by the names `@factcite/core/schema` exports them under. */
export type CorpusSchemas = ReturnType<typeof buildCorpusSchemas>;

/** The corpus schemas, built (and, under Node, zod loaded) the first time they are asked for. */
export const corpusSchemas: () => CorpusSchemas = lazySchema(buildCorpusSchemas);

export type Id = z.infer<CorpusSchemas['IdSchema']>;
export type Qualifier = z.infer<CorpusSchemas['QualifierSchema']>;
export type FactKind = z.infer<CorpusSchemas['FactKindSchema']>;
export type Value = z.infer<CorpusSchemas['ValueSchema']>;
export type Statement = z.infer<CorpusSchemas['StatementSchema']>;
export type FactNote = z.infer<CorpusSchemas['FactNoteSchema']>;
export type Citation = z.infer<CorpusSchemas['CitationSchema']>;
export type Fact = z.infer<CorpusSchemas['FactSchema']>;
export type Entity = z.infer<CorpusSchemas['EntitySchema']>;
export type EntityKind = z.infer<CorpusSchemas['EntityKindSchema']>;
export type SourceMeta = z.infer<CorpusSchemas['SourceMetaSchema']>;
/** A source: its metadata and cleaned body text. */
export type Source = SourceMeta & { text: string };

/** A whole corpus in memory. */
export interface Corpus {
  version?: string;
  facts: Fact[];
  sources: Source[];
  entities: Entity[];
}

/** JSON Schemas for editors (YAML language servers) validating corpus files as they are typed. */
export function corpusJsonSchemas(): Record<'facts' | 'entities' | 'source', unknown> {
  const { FactsFileSchema, EntitiesFileSchema, SourceMetaSchema } = corpusSchemas();
  const { toJSONSchema } = zod();
  return {
    facts: toJSONSchema(FactsFileSchema, { io: 'input', unrepresentable: 'any' }),
    entities: toJSONSchema(EntitiesFileSchema, { io: 'input', unrepresentable: 'any' }),
    source: toJSONSchema(SourceMetaSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
