/**
 * Synthetic corpora shaped like the real one, of any size, from a seed.
 *
 * Everything is drawn from the real corpus: Chinese text is stitched from
 * fragments (two to six characters) of the real statements, quotes and
 * source articles, so the characters, words and character pairs are the
 * real ones in their real proportions; English from runs of words of the
 * real English statements; values from the real values with their digits
 * redrawn (10亿港元, 超過2300家, 88%). About two facts in three are in
 * Traditional Chinese, as in the real corpus, and each names one to four
 * entities, popular ones far more often. New entities are made the same
 * way, with Traditional names and aliases (short names, acronyms).
 */
import { convertScript, type Corpus, type Entity, type Fact, type FactKind, foldText, type Source } from '@factcite/core';
import { corpus as real } from '@factcite/corpus';
import { type Random, random, zipf } from './random.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const STOP = new Set('a an and are as at be by for from has have in is it of on or the to was were with its this that'.split(' '));
const SUFFIXES_EN = ['Technology', 'Lab', 'Fund', 'Institute', 'Centre', 'Group', 'Association', 'Platform', 'Holdings', 'Capital'];

/** What the generator draws from, read once from the real corpus. */
interface Vocabulary {
  /** Han runs of real Chinese text, in Simplified. */
  runs: string[];
  /** Real English statements as lists of words. */
  sentences: string[][];
  /** Real entity names' last two characters (公司, 中心, 基金…), for new names. */
  suffixes: string[];
  places: string[];
  values: { text: string; unit?: string; kind: FactKind }[];
  kinds: FactKind[];
  topics: string[];
  /** Simplified → Traditional (Hong Kong), character by character. */
  traditional: Map<string, string>;
}

let vocabulary: Vocabulary | undefined;

function readVocabulary(): Vocabulary {
  const runs: string[] = [];
  const addRuns = (text: string) => {
    for (const m of foldText(text).matchAll(HAN_RUN)) if (m[0].length >= 2) runs.push(m[0]);
  };
  for (const f of real.facts) {
    for (const s of [f.statement['zh-Hans'], f.statement['zh-Hant']]) if (s) addRuns(s);
    for (const c of f.citations) addRuns(c.quote);
  }
  for (const s of real.sources) addRuns(s.text);
  const sentences = real.facts.map((f) => f.statement.en.split(/\s+/).filter(Boolean));
  const suffixes = [
    ...new Set(
      real.entities
        .filter((e) => e.kind === 'organisation' && e.names['zh-Hans'].length >= 4)
        .map((e) => e.names['zh-Hans'].slice(-2))
        .filter((s) => /^\p{Script=Han}{2}$/u.test(s)),
    ),
  ];
  const places = real.entities.filter((e) => e.kind === 'place').map((e) => e.names['zh-Hans']);
  const values = real.facts.flatMap((f) => (f.value ? [{ text: f.value.text, unit: f.value.unit, kind: f.kind }] : []));
  // Convert each character alone: phrase rules need context a stitched text does not have.
  const chars = [...new Set(runs.join(''))];
  const converted = convertScript(chars.join('\n'), 'zh-Hant-HK').split('\n');
  const traditional = new Map(chars.map((c, i) => [c, converted[i] ?? c]));
  return {
    runs,
    sentences,
    suffixes,
    places,
    values,
    kinds: real.facts.map((f) => f.kind),
    topics: [...new Set(real.facts.flatMap((f) => f.topics))],
    traditional,
  };
}

function toTraditional(v: Vocabulary, text: string): string {
  let out = '';
  for (const c of text) out += v.traditional.get(c) ?? c;
  return out;
}

/** Chinese text of about `length` characters, stitched from real fragments. */
function chinese(v: Vocabulary, r: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    const run = r.pick(v.runs);
    const size = Math.min(run.length, r.between(2, 6));
    const at = r.int(run.length - size + 1);
    out += run.slice(at, at + size);
    if (r.chance(0.12)) out += '，';
  }
  return out;
}

/** English words, in runs of real statements. */
function english(v: Vocabulary, r: Random, words: number): string[] {
  const out: string[] = [];
  while (out.length < words) {
    const sentence = r.pick(v.sentences);
    const size = Math.min(sentence.length, r.between(3, 8));
    const at = r.int(sentence.length - size + 1);
    out.push(...sentence.slice(at, at + size));
  }
  return out;
}

/** A real value with its digits redrawn: 10亿港元 → 73亿港元. */
function value(v: Vocabulary, r: Random, kind: FactKind): Fact['value'] {
  const sample = r.pick(v.values);
  const text = sample.text.replace(/\d+/g, (d) => String(r.between(d.length === 1 ? 1 : 10 ** (d.length - 1), 10 ** d.length - 1)));
  const number = Number(text.match(/\d+(\.\d+)?/)?.[0] ?? r.between(1, 999));
  const out: NonNullable<Fact['value']> = { qualifier: 'exact', text };
  if (kind === 'quantity' || kind === 'percentage' || kind === 'rank') out.amount = number;
  if (kind === 'percentage') out.unit = 'percent';
  else if (sample.unit && kind === 'quantity') out.unit = sample.unit;
  if (kind === 'date') out.date = `20${r.between(10, 25)}-0${r.between(1, 9)}-1${r.between(0, 9)}`;
  return out;
}

const kebab = (words: string[]): string =>
  words
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('-');

function newEntity(v: Vocabulary, r: Random, n: number): Entity {
  const core = chinese(v, r, r.between(2, 4)).replace(/，/g, '').slice(0, 4);
  const hans = `${r.chance(0.4) ? r.pick(v.places) : ''}${core}${r.pick(v.suffixes)}`;
  const enWords = english(v, r, 3)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter((w) => w.length > 2 && !STOP.has(w.toLowerCase()))
    .slice(0, r.between(1, 2))
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  const en = [...(enWords.length ? enWords : ['Hong']), r.pick(SUFFIXES_EN)].join(' ');
  const aliases: string[] = [];
  if (r.chance(0.5)) aliases.push(hans.slice(0, 2) + hans.slice(-1));
  if (r.chance(0.4)) aliases.push(toTraditional(v, aliases[0] ?? hans.slice(-4)));
  if (r.chance(0.5))
    aliases.push(
      en
        .split(' ')
        .map((w) => w[0])
        .join('') +
        (n % 100),
    );
  return {
    id: `${kebab(en.split(' '))}-e${n.toString(36)}`,
    kind: r.pick(['organisation', 'organisation', 'organisation', 'programme', 'product', 'person'] as const),
    names: { 'zh-Hans': hans, 'zh-Hant': toTraditional(v, hans), en },
    aliases: [...new Set(aliases)],
  };
}

/** A corpus of `size` facts; the same size and seed always give the same corpus. */
export function generateCorpus(size: number, seed = 1): Corpus {
  vocabulary ??= readVocabulary();
  const v = vocabulary;
  const r = random(seed);
  const entities: Entity[] = [...real.entities];
  const extra = Math.floor(size / 40);
  for (let i = 0; i < extra; i++) entities.push(JSON.parse(JSON.stringify(newEntity(v, r, i))) as Entity);
  const popular = zipf(entities.length);
  const sourceCount = Math.max(5, Math.floor(size / 500));
  const sources: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    sources.push({
      id: `source-${i.toString(36)}`,
      title: chinese(v, r, 12),
      publisher: chinese(v, r, 4),
      authors: [],
      published: `20${r.between(18, 25)}-0${r.between(1, 9)}-1${r.between(0, 9)}`,
      language: 'zh',
      script: r.chance(0.6) ? 'Hant' : 'Hans',
      origin: `source-${i}.html`,
      defects: [],
      text: '',
    });
  }

  const facts: Fact[] = [];
  for (let i = 0; i < size; i++) {
    const named = new Set<Entity>();
    const count = r.between(1, 4);
    while (named.size < count) named.add(entities[popular(r)]!);
    const list = [...named];
    const kind = r.pick(v.kinds);
    const factValue = kind === 'statement' && !r.chance(0.1) ? undefined : value(v, r, kind);
    const hant = r.chance(0.65);
    const lead = list[0]!.names['zh-Hans'];
    let hans = `${lead}${chinese(v, r, r.between(20, 50))}`;
    if (factValue) {
      const at = r.int(hans.length);
      hans = `${hans.slice(0, at)}${foldText(factValue.text)}${hans.slice(at)}`;
    }
    hans += '。';
    const en = [list[0]!.names.en, ...english(v, r, r.between(15, 28))];
    if (factValue) en.splice(r.between(1, en.length - 1), 0, factValue.text.replace(/[^\d.%]/g, '') || 'several');
    const statement: Fact['statement'] = hant ? { 'zh-Hant': toTraditional(v, hans), en: `${en.join(' ')}.` } : { 'zh-Hans': hans, en: `${en.join(' ')}.` };
    if (r.chance(0.05)) statement[hant ? 'zh-Hans' : 'zh-Hant'] = hant ? hans : toTraditional(v, hans);
    // A quote is in its source's script.
    const cited = [sources[r.int(sources.length)]!];
    if (r.chance(0.17)) cited.push(sources[r.int(sources.length)]!);
    const citations = cited.map((s) => {
      const quote = chinese(v, r, r.between(15, 50));
      return { source: s.id, quote: s.script === 'Hant' ? toTraditional(v, quote) : quote };
    });
    const idWords = en.filter((w) => /^[A-Za-z]{3,}$/.test(w) && !STOP.has(w.toLowerCase())).slice(0, r.between(2, 4));
    const fact: Fact = {
      id: `${kebab(idWords) || 'fact'}-${i.toString(36)}`,
      statement,
      kind,
      entities: list.map((e) => e.id),
      topics: [...new Set([r.pick(v.topics), r.pick(v.topics)])].slice(0, r.between(1, 2)),
      citations,
      status: 'active',
      since: '0.1.0',
    };
    if (factValue) fact.value = factValue;
    if (kind === 'statement' && r.chance(0.3)) fact.attributedTo = list[0]!.id;
    if (i > 0 && r.chance(0.01)) {
      fact.status = 'deprecated';
      fact.supersededBy = facts[r.int(i)]!.id;
    }
    // Strings stitched from pieces are ropes in V8; a corpus read from JSON
    // holds flat strings. Copy through JSON so the engines see what they would.
    facts.push(JSON.parse(JSON.stringify(fact)) as Fact);
  }
  return { version: `synthetic-${size}-${seed}`, facts, sources, entities };
}
