/**
 * What a news body says about itself rather than about the world: datelines
 * (2025年3月5日 10:30, 新華社香港3月4日電) and bylines (（記者 王曉明）,
 * 大公報記者 毛麗娟深圳報道). Their dates and numbers are not claims, so
 * `mine` proposes nothing from them.
 */
import type { Span } from './sentences.js';

// A whole line that is only a date and a time, maybe with a source and names after it.
const DATELINE_LINE = /^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s|$)/u;
// The lead of a wire story or a paper's own report: 新華社香港3月4日電, 本報香港3月4日訊, 中新網3月4日電, with an optional （記者 X）.
const DATELINE_LEAD =
  /^[【[]?(?:\p{Script=Han}{0,10}?)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:電|电|訊|讯)[】\]]?(?:\s*[（(](?:[^（()）]{0,30})[）)])?/u;
// （記者 王曉明）, (记者 张三 李四): a byline inside the text.
const BYLINE_IN_TEXT = /[（(](?:[^（()）]{0,10}?)(?:記者|记者|通訊員|通讯员)[^（()）]{0,30}[）)]/gu;
const SENTENCE_MARK = /[，。；！？,;!?]/u;

/** Spans of a sentence (offsets inside it) that are dateline or byline, whose numbers are not claims. */
export function selfReference(sentence: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const lead = DATELINE_LEAD.exec(sentence);
  if (lead) spans.push({ start: 0, end: lead[0].length });
  for (const m of sentence.matchAll(BYLINE_IN_TEXT)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** A sentence that is all dateline or byline: mine leaves it out whole. */
export function isDatelineOrByline(sentence: Span): boolean {
  const text = sentence.text;
  if (DATELINE_LINE.test(text)) return true;
  // 大公報記者 毛麗娟深圳報道: short, a reporter, no sentence punctuation.
  return text.length <= 40 && /[記记]者/u.test(text) && !SENTENCE_MARK.test(text);
}
