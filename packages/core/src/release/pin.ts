/**
 * The release a report was written against, pinned in its YAML front matter
 * as `factcite: 0.1.0`. Read and written line by line, without a YAML
 * parser: the rest of the front matter is the writer's and is kept byte for
 * byte, and a report with no front matter gets one of its own.
 */

/** A pinned release version and where its value is written. */
export interface Pin {
  version: string;
  /** UTF-16 offsets of the version text (what a rewrite replaces). */
  start: number;
  end: number;
}

/** The front matter's span: from the opening `---` to the end of its closing line. */
export interface FrontMatter {
  start: number;
  end: number;
  /** Offset of the closing `---` (or `...`) line. */
  close: number;
}

const VERSION = /^\d+\.\d+\.\d+$/;

/** Whether text is a release version such as 0.1.0 (the only form a pin may take). */
export function isReleaseVersion(text: string): boolean {
  return VERSION.test(text);
}

/** The YAML front matter at the very start of a report, if it has one. Linear in the front matter. */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  let at = open[0].length;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return { start: 0, end: nl < 0 ? text.length : nl + 1, close: at };
    if (nl < 0) return undefined;
    at = nl + 1;
  }
  return undefined;
}

const PIN_LINE = /^factcite[ \t]*:[ \t]*(["']?)([^"'\s#]*)\1[ \t]*(?:#.*)?$/;

/**
 * The pin of a report: the `factcite:` key of its front matter. A key whose
 * value is not a version (`factcite: latest`) is returned as written, so that
 * the caller can say so; only {@link isReleaseVersion} values name a release.
 */
export function readPin(text: string): Pin | undefined {
  const fm = findFrontMatter(text);
  if (!fm) return undefined;
  let at = text.indexOf('\n') + 1;
  while (at < fm.close) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl).replace(/\r$/, '');
    const m = PIN_LINE.exec(line);
    if (m) {
      const start = at + line.indexOf(m[2]!, line.indexOf(':') + 1);
      return { version: m[2]!, start, end: start + m[2]!.length };
    }
    at = nl + 1;
  }
  return undefined;
}

/**
 * The report with its pin set to `version`: the value replaced where there is
 * a `factcite:` key, a key added at the end of the front matter where there
 * is none, and a front matter added where the report has none.
 */
export function writePin(text: string, version: string): string {
  const edit = pinEdit(text, version);
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** {@link writePin} as one edit of the text (offsets into it), for editors and diffs. */
export function pinEdit(text: string, version: string): { start: number; end: number; newText: string } {
  if (!isReleaseVersion(version)) throw new RangeError(`not a release version: ${version}`);
  const pin = readPin(text);
  if (pin) return { start: pin.start, end: pin.end, newText: version };
  const fm = findFrontMatter(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (fm) return { start: fm.close, end: fm.close, newText: `factcite: ${version}${eol}` };
  return { start: 0, end: 0, newText: `---${eol}factcite: ${version}${eol}---${eol}${eol}` };
}
