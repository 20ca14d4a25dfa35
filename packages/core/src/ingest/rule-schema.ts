/**
 * The shape of a publisher's cleaning rules (corpus/ingest/<publisher>.yaml):
 * which lines and blocks of a capture are page chrome, and where the title,
 * authors, date and source line are. Rules are data a maintainer writes, so
 * every pattern is bounded here and compiled by a linear-time engine.
 */
import type { output } from 'zod';
import { zod } from '../deps/zod.js';

// The ingest entry exports these schemas as values, so they are built as it
// loads; with the zod every entry of core reaches through `#zod`, so a process
// that also validates a corpus loads one copy (deps/zod.node.ts).
const z = zod();

/** Longest pattern a rule may use; with MAX_RULES it bounds the work per line of a page. */
export const MAX_PATTERN_LENGTH = 300;
/** Most drop or field rules one file may hold. */
export const MAX_RULES = 100;
/** Most markers one file may list, and their longest. */
const MAX_MARKERS = 20;
const MAX_MARKER_LENGTH = 100;

/** Front matter fields a field rule may fill, as named groups of its pattern. */
export const FIELD_GROUPS = ['title', 'authors', 'published', 'url', 'publisher'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** Where a publisher is: decides what bare 元 means in its articles. */
export const REGIONS = ['HK', 'MO', 'TW', 'CN'] as const;
export type Region = (typeof REGIONS)[number];

const Pattern = z.string().min(1, 'must not be empty').max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`);
const RuleName = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (caption-credit)');

/**
 * A rule that removes lines. Either `line` (each line it matches, and with
 * `next` the next non-blank line too when that one matches `next`), or `from`
 * (a block: from the line it matches through the line `to` matches, or to the
 * end of the page without `to`).
 */
export const DropRuleSchema = z
  .strictObject({
    rule: RuleName,
    line: Pattern.optional(),
    next: Pattern.optional(),
    from: Pattern.optional(),
    to: Pattern.optional(),
    /** A line `line` matches is kept when this matches it too (a sentence, not chrome). */
    unless: Pattern.optional(),
    /** Only lines of at most this many characters. */
    maxLength: z.number().int().min(1).max(10_000).optional(),
    note: z.string().optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.line === undefined) === (rule.from === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of "line" (drop lines) or "from" (drop a block)' });
    }
    if (rule.from !== undefined && (rule.next !== undefined || rule.unless !== undefined || rule.maxLength !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'a block rule takes "to", not "next", "unless" or "maxLength"' });
    }
    if (rule.line !== undefined && rule.to !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" ends a block: use it with "from", not "line"' });
    }
  });

/**
 * A rule that reads a front matter field off a line and removes that line:
 * its pattern names what it reads with groups (?<authors>…), (?<published>…),
 * (?<title>…), (?<url>…) or (?<publisher>…).
 */
export const FieldRuleSchema = z.strictObject({
  rule: RuleName,
  line: Pattern,
  unless: Pattern.optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  /** Keep the line in the body (a dateline that is also the first words of the article). */
  keep: z.boolean().optional(),
  note: z.string().optional(),
});

/** Where the headline is; without it, the page's first line, unless a rule removes it or it reads as a sentence. */
export const TitleRuleSchema = z
  .strictObject({
    /** The first line this matches (its (?<title>…) group, or the whole line). */
    line: Pattern.optional(),
    /** The first non-blank line after the first line this matches (the line after a breadcrumb). */
    after: Pattern.optional(),
    /** The page has no line to take as its title. */
    none: z.literal(true).optional(),
  })
  .superRefine((rule, ctx) => {
    const set = [rule.line, rule.after, rule.none].filter((v) => v !== undefined).length;
    if (set !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of "line", "after" or "none"' });
  });

/** One publisher's rules file. */
export const IngestRulesSchema = z.strictObject({
  /** The publisher as the front matter names it (大公報). */
  publisher: z.string().min(1),
  region: z.enum(REGIONS).optional(),
  /** Literal strings: a page holding one of them is this publisher's. */
  markers: z.array(z.string().min(2).max(MAX_MARKER_LENGTH)).min(1).max(MAX_MARKERS),
  title: TitleRuleSchema.optional(),
  drop: z.array(DropRuleSchema).max(MAX_RULES).default([]),
  fields: z.array(FieldRuleSchema).max(MAX_RULES).default([]),
  /** Generic rules, by name, that do not apply to this publisher's pages. */
  skipGeneric: z.array(RuleName).default([]),
});

export type DropRule = output<typeof DropRuleSchema>;
export type FieldRule = output<typeof FieldRuleSchema>;
export type TitleRule = output<typeof TitleRuleSchema>;
export type IngestRules = output<typeof IngestRulesSchema>;
