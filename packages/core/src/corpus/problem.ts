/**
 * What corpus reading and validation report: a leaf of types, so that the
 * reader, the rules and the file loader all name problems without importing
 * each other.
 */

/** Every kind of corpus problem, as `factcite validate` and the editors show it. */
export type ProblemCode =
  | 'unreadable-file'
  | 'file-too-large'
  | 'not-a-regular-file'
  | 'corpus-too-large'
  | 'control-character'
  | 'yaml-alias'
  | 'unknown-yaml-tag'
  | 'invalid-encoding'
  | 'binary-file'
  | 'empty-file'
  | 'lone-surrogate'
  | 'yaml-syntax'
  | 'not-a-list'
  | 'missing-field'
  | 'unknown-field'
  | 'invalid-type'
  | 'invalid-value'
  | 'invalid-date'
  | 'duplicate-id'
  | 'id-not-first'
  | 'missing-front-matter'
  | 'source-id-mismatch'
  | 'unknown-source'
  | 'unknown-entity'
  | 'quote-not-found'
  | 'quote-in-defect'
  | 'defect-not-found'
  | 'missing-origin'
  | 'dangling-superseded-by'
  | 'superseded-by-cycle'
  | 'value-not-in-quote'
  | 'invalid-ingest-rule';

/** A located problem in a corpus file. Lines and columns are 1-based. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
}
