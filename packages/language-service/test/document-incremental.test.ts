import { LineIndex } from '@factcite/core';
import { describe, expect, it } from 'vitest';
import { FactDocument } from '../src/index.js';
import { exampleReport } from './fixtures.js';

// A new version built from the previous one must be the document a fresh
// parse gives: same blocks, same protected ranges, same citations. Edits are
// mostly plain typing (the path that reuses the old layout) and sometimes a
// mark that opens or closes code or a comment (the path that reads it all).
const PIECES = ['x', '数', ' ', '\n', '\n\n', '\n \n', '[@fact:hkgai-v1-released]', '[@', ']', ';', '`', '```\n', '~~~', '<!--', '-->', '\r\n'];
const BASE = [
  exampleReport(),
  '```\ncode [@fact:a]\n\n[@fact:b]\n```\n\ntext [@fact:hkgai-v1-released]',
  'a `span\n\nacross` b\n\n<!-- c\n\n[@fact:x] -->\n\nd [@fact:y]',
  '~~~\nunclosed\n\n[@fact:z]',
].join('\n\n');

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sameDocument(next: FactDocument, fresh: FactDocument): void {
  expect(next.blockCount, next.text).toBe(fresh.blockCount);
  expect(next.citations(), next.text).toEqual(fresh.citations());
  expect(next.malformed(), next.text).toEqual(fresh.malformed());
  for (let i = 0; i < next.text.length; i += 7) expect(next.isIgnored(i), `${i} in ${next.text}`).toBe(fresh.isIgnored(i));
}

describe('FactDocument versions', () => {
  it('after any edit, equal a fresh parse of the new text', () => {
    const rand = random(11);
    let text = BASE;
    let doc = FactDocument.create(text);
    for (let n = 0; n < 400; n++) {
      const at = Math.floor(rand() * (text.length + 1));
      const removed = rand() < 0.3 ? Math.floor(rand() * 12) : 0;
      const plain = rand() < 0.8;
      const inserted = plain ? PIECES[Math.floor(rand() * 6)]! : PIECES[Math.floor(rand() * PIECES.length)]!;
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      if (text.length > 6000) text = BASE;
      doc = FactDocument.create(text, doc);
      sameDocument(doc, FactDocument.create(text));
    }
  });

  it('keeps a code block or comment left open running to the end as text is added after it', () => {
    for (const open of ['~~~\ncode [@fact:a]', 'text <!-- open [@fact:a]', 'a `span [@fact:b]']) {
      let doc = FactDocument.create(open);
      let text = open;
      for (const typed of [' x', '\n', '\n', 'more [@fact:c]', '\n\nlast']) {
        text += typed;
        doc = FactDocument.create(text, doc);
        sameDocument(doc, FactDocument.create(text));
      }
    }
  });

  it('reuses every block but the edited one when a keystroke lands in a long report', () => {
    let text = exampleReport();
    while (text.length < 200_000) text += `\n\n${exampleReport()}`;
    const first = FactDocument.create(text);
    const at = text.indexOf('\n', text.length >> 1);
    const next = FactDocument.create(`${text.slice(0, at)} 又一句。${text.slice(at)}`, first);
    expect(next.blockCount).toBe(first.blockCount);
    expect(next.reusedBlocks).toBe(first.blockCount - 1);
  });
});

describe('line positions across versions', () => {
  it('carried over from the previous version, answer as a fresh LineIndex does', () => {
    const rand = random(5);
    let text = BASE;
    let doc = FactDocument.create(text);
    doc.lines.position(0);
    for (let n = 0; n < 300; n++) {
      const at = Math.floor(rand() * (text.length + 1));
      const removed = rand() < 0.4 ? Math.floor(rand() * 20) : 0;
      text = text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)]! + text.slice(at + removed);
      if (text.length > 6000) text = BASE;
      doc = FactDocument.create(text, doc);
      const fresh = new LineIndex(text);
      expect(doc.lines.lineCount).toBe(fresh.lineCount);
      for (let i = 0; i <= text.length; i += 13) {
        expect(doc.lines.position(i)).toEqual(fresh.position(i));
        expect(doc.lines.humanPosition(i)).toEqual(fresh.humanPosition(i));
      }
      for (let line = 0; line < fresh.lineCount; line += 3) {
        expect(doc.lines.lineText(line)).toBe(fresh.lineText(line));
        expect(doc.lines.offset({ line, character: 5 })).toBe(fresh.offset({ line, character: 5 }));
      }
    }
  });
});
