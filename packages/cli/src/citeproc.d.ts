// citeproc-js ships no types; these cover the calls factcite makes.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): unknown;
  }
  interface CitationItem {
    id: string;
    prefix?: string;
    suffix?: string;
    locator?: string;
    label?: string;
    'suppress-author'?: boolean;
  }
  interface Citation {
    citationID: string;
    citationItems: CitationItem[];
    properties: { noteIndex: number };
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: string };
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    rebuildProcessorState(citations: Citation[], mode: 'text' | 'html', uncited?: string[]): [string, number, string][];
    makeBibliography(): [{ bibstart: string; bibend: string; entry_ids: string[][] }, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
