/**
 * Which entities and topics a sentence names, in either Chinese script or in
 * English: the names, aliases and topic words of a corpus, looked up at every
 * position of the folded sentence through a table keyed by first character,
 * so finding them is linear in the sentence (times the few names that share
 * a first character).
 */
import { foldText } from '../text/fold.js';
import type { FactIndex } from '../search/search.js';
import { TOPIC_WORDS } from './topic-words.js';

/** What a sentence names: entity ids and topic ids. */
export interface Mentions {
  entities: Set<string>;
  topics: Set<string>;
}

interface Name {
  text: string;
  /** An entity id, or a topic id when `topic` is set. */
  id: string;
  topic: boolean;
  /** Latin names must start (and, unless a stem, end) at a word boundary: "hk" is not inside "think". */
  latin: boolean;
  stem: boolean;
}

type Table = Map<string, Name[]>;

const tables = new WeakMap<FactIndex, Table>();

const LATIN = /^[\x20-\x7e]+$/;
const WORD = /[a-z0-9]/;

function add(table: Table, text: string, id: string, topic: boolean, stem: boolean): void {
  const folded = foldText(text).trim();
  const latin = LATIN.test(folded);
  // Two Han characters are a name (数码港 is three, 港府 two); a Latin name needs three letters.
  if (folded.length < (latin ? 3 : 2)) return;
  const list = table.get(folded[0]!) ?? [];
  if (!list.some((n) => n.text === folded && n.id === id && n.topic === topic)) list.push({ text: folded, id, topic, latin, stem });
  table.set(folded[0]!, list);
}

function tableOf(index: FactIndex): Table {
  let table = tables.get(index);
  if (table) return table;
  table = new Map();
  for (const e of index.entities()) {
    for (const name of [e.names['zh-Hans'], e.names['zh-Hant'], e.names.en, ...e.aliases]) add(table, name, e.id, false, false);
  }
  for (const [topic, words] of Object.entries(TOPIC_WORDS)) for (const w of words) add(table, w, topic, true, true);
  for (const list of table.values()) list.sort((a, b) => b.text.length - a.text.length);
  tables.set(index, table);
  return table;
}

/** The entities and topics a sentence names (see the module comment). */
export function mentionsIn(sentence: string, index: FactIndex): Mentions {
  const table = tableOf(index);
  const text = foldText(sentence);
  const out: Mentions = { entities: new Set(), topics: new Set() };
  for (let i = 0; i < text.length; i++) {
    const list = table.get(text[i]!);
    if (!list) continue;
    for (const n of list) {
      if (!text.startsWith(n.text, i)) continue;
      if (n.latin) {
        if (i > 0 && WORD.test(text[i - 1]!)) continue;
        const after = text[i + n.text.length];
        if (!n.stem && after !== undefined && WORD.test(after)) continue;
      }
      (n.topic ? out.topics : out.entities).add(n.id);
    }
  }
  return out;
}
