import { FactDocument } from '@factcite/language-service';

interface Entry {
  version: number;
  lineCount: number;
  text: () => string;
  /** The parsed form, and the version it was parsed from. */
  parsed?: { version: number; doc: FactDocument };
}

/**
 * The open documents: their versions, and each one's parsed form, built when
 * first asked for. The text is read through the front end's getter only
 * then, so a keystroke in a 10 MB report copies nothing; and each version is
 * parsed from the previous one, which re-parses only the paragraphs an edit
 * touched.
 */
export class DocumentStore {
  private readonly docs = new Map<string, Entry>();

  /** Records a document's new version (opened or changed). */
  set(uri: string, version: number, text: () => string, lineCount: number): void {
    const previous = this.docs.get(uri);
    this.docs.set(uri, { version, lineCount, text, parsed: previous?.parsed });
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  version(uri: string): number | undefined {
    return this.docs.get(uri)?.version;
  }

  lineCount(uri: string): number {
    return this.docs.get(uri)?.lineCount ?? 0;
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  /** The parsed document at its current version, or undefined when it is not open. */
  get(uri: string): FactDocument | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    if (entry.parsed?.version !== entry.version) entry.parsed = { version: entry.version, doc: FactDocument.create(entry.text(), entry.parsed?.doc) };
    return entry.parsed.doc;
  }
}
