import type { MessageLang } from '@factcite/core/messages';
import { type CheckFinding, findingPlace } from './findings.js';

/** What each finding code means, for SARIF's rule list (a code not listed gets its code as description). */
const RULES: Record<string, string> = {
  'unknown-fact': 'A citation names a fact id the corpus does not have.',
  'deprecated-fact': 'A citation names a deprecated fact; a successor replaces it.',
  'malformed-citation': 'Something meant as a citation is not one Pandoc reads (full-width brackets or colon, a missing @, an empty id).',
  'value-mismatch': 'A number in the citing sentence contradicts the value of the cited fact.',
  'uncited-claim': 'A number states (or contradicts) a fact in a sentence that cites nothing (a hint, with --uncited).',
  'fact-changed': 'A cited fact changed since the release the report pins in its front matter.',
  'unresolved-pin': 'The release a report pins cannot be read (no snapshot of it, or not a version).',
  'unknown-suppression-code': 'A factcite-disable comment names a code factcite does not report.',
  'unused-suppression': 'A factcite-disable comment hides no problem (reported with --report-unused-suppressions).',
  'unreadable-file': 'The report could not be read.',
};

/** A relative path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
function uriOf(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * Findings as a SARIF 2.1.0 log, the format code-scanning services read.
 * Columns count Unicode code points, as factcite's do. A finding in a
 * converted document (.docx) has no line: its region carries the sentence as
 * a snippet and its message the paragraph.
 */
export function toSarif(findings: CheckFinding[], tool: { version: string; informationUri: string }, lang: MessageLang = 'en'): object {
  const codes = [...new Set([...Object.keys(RULES), ...findings.map((f) => f.code)])];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factcite',
            version: tool.version,
            informationUri: tool.informationUri,
            rules: codes.map((id) => ({ id, shortDescription: { text: RULES[id] ?? id } })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
          message: { text: f.paragraph === undefined ? f.message : `${findingPlace(f, lang)}: ${f.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(f.file) },
                region:
                  f.paragraph === undefined
                    ? { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    : { snippet: { text: f.sentence ?? '' } },
              },
            },
          ],
          ...(f.factId ? { properties: { factId: f.factId } } : {}),
        })),
      },
    ],
  };
}

/** Escapes the message of a workflow command: %, CR and LF. */
function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command: the message's escapes plus `:` and `,`. */
function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Findings as GitHub Actions workflow commands (`::error file=…,line=…::…`),
 * which the run's log turns into annotations on the changed files.
 */
export function toGithub(findings: CheckFinding[], lang: MessageLang = 'en'): string {
  return findings
    .map((f) => {
      const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeGithubProperty(f.file)}`];
      let message = f.message;
      if (f.paragraph === undefined) {
        props.push(`line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
      } else {
        message = `${findingPlace(f, lang)}: ${f.message}${f.sentence ? `\n“${f.sentence}”` : ''}`;
      }
      props.push(`title=${escapeGithubProperty(`factcite ${f.code}`)}`);
      return `::${level} ${props.join(',')}::${escapeGithubData(message)}\n`;
    })
    .join('');
}
