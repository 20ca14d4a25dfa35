/** A span of a text, by UTF-16 offsets, with its text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// A sentence runs to its closing punctuation and any closing quotes or
// brackets after it; a line break ends one too (list items, headlines).
const SENTENCE = /[^。！？!?；;\n]+(?:[。！？!?；;]+[」』”’"）)】〕]*)?/gu;
// List bullets and leading spaces are not part of what an article says.
const LEAD = /^[\s\u3000]*(?:[-*•●■◆▲◎]\s*)?/u;

/** Splits a cleaned body into sentences, each a verbatim span of the body. */
export function splitSentences(body: string): Span[] {
  const out: Span[] = [];
  for (const m of body.matchAll(SENTENCE)) {
    const lead = LEAD.exec(m[0])![0].length;
    const text = m[0].slice(lead).trimEnd();
    if (!text) continue;
    const start = m.index + lead;
    out.push({ text, start, end: start + text.length });
  }
  return out;
}
