import { parseCorpus } from '@factcite/core';
import { codeActions, type FactDiagnostic } from '@factcite/language-service';
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_RELOAD_DELAY_MS, CORPUS_RETRY_MS, type CorpusState, diagnosticsDelay, type HostSettings, WorkspaceHost } from '../src/index.js';
import { bundledCorpus, FakeClock, FakeDisk, fixtureFiles } from './fake-io.js';

const FOLDER = '/ws';
const CORPUS = '/ws/corpus';
const FACTS_FILE = 'facts/city24-hk-ai-2025-02-27.yaml';

const fixture = fixtureFiles();
const fixtureCorpus = parseCorpus({
  facts: [{ path: FACTS_FILE, text: fixture.get(FACTS_FILE)! }],
  sources: [...fixture].filter(([p]) => p.startsWith('sources/')).map(([p, text]) => ({ path: p, text })),
  entities: { path: 'entities.yaml', text: fixture.get('entities.yaml')! },
}).corpus;
const fixtureVersion = (JSON.parse(fixture.get('package.json')!) as { version: string }).version;
// A fact of the fixture that the bundled release also has, and one sentence citing it.
const cited = fixtureCorpus.facts.find((f) => f.status === 'active')!;

interface Published {
  uri: string;
  version: number;
  diagnostics: FactDiagnostic[];
  /** The corpus version served when the findings were published. */
  corpus: string | undefined;
}

const hosts: WorkspaceHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose();
});

/** Starts a host on an in-memory disk; `files` put a corpus in the workspace folder first. */
function start(settings: Partial<HostSettings> = {}, files?: Map<string, string>) {
  const disk = new FakeDisk();
  if (files) disk.put(CORPUS, files);
  const clock = new FakeClock();
  const states: CorpusState[] = [];
  const published: Published[] = [];
  const host: WorkspaceHost = new WorkspaceHost({
    io: disk.io(),
    timers: clock,
    settings: { trusted: true, folder: FOLDER, ...settings },
    events: {
      publish: (uri, version, diagnostics) => published.push({ uri, version, diagnostics, corpus: host.corpus.index.version }),
      corpus: (state) => states.push(state),
    },
  });
  hosts.push(host);
  return { disk, clock, host, states, published };
}

/** Starts a host whose workspace folder has the fixture corpus (or `files`), with corpusPath set. */
function startWithCorpus(files = fixture) {
  return start({ corpusPath: 'corpus' }, files);
}

const broken = (text: string) => text.replace(/^(- id: .*)$/m, '$1\n  kind: [unclosed');

/** Waits (in real time: checks run in slices on the event loop) until no check of `uri` is pending. */
async function settled(host: WorkspaceHost, uri: string): Promise<void> {
  for (let i = 0; i < 2000 && host.isChecking(uri); i++) await new Promise((r) => setTimeout(r, 1));
  expect(host.isChecking(uri)).toBe(false);
}

describe('choosing the corpus', () => {
  it('serves the bundled release when nothing else is asked for', () => {
    const { host, states } = start();
    expect(host.corpus.origin).toEqual({ kind: 'bundled', dir: '/bundled' });
    expect(host.corpus.index.size).toBe(bundledCorpus.facts.length);
    expect(states.at(-1)).toMatchObject({ choice: { kind: 'bundled' }, newlyBroken: false });
    expect(states.at(-1)!.failure).toBeUndefined();
  });

  it('loads the workspace corpus that corpusPath names, relative to the folder', () => {
    const { host, disk } = startWithCorpus();
    expect(host.corpus.origin).toEqual({ kind: 'workspace', dir: CORPUS });
    expect(host.corpus.index.size).toBe(fixtureCorpus.facts.length);
    expect(host.corpus.index.version).toBe(fixtureVersion);
    expect(disk.openWatches(CORPUS)).toBe(1);
  });

  it('in an untrusted workspace uses the bundled release, reads nothing of the workspace corpus, and says what it held back', () => {
    const disk = new FakeDisk();
    disk.put(CORPUS, fixture);
    const host = new WorkspaceHost({
      io: disk.io(),
      timers: new FakeClock(),
      settings: { trusted: false, folder: FOLDER, corpusPath: 'corpus' },
      events: { publish: () => {} },
    });
    hosts.push(host);
    expect(host.corpus.origin.kind).toBe('bundled');
    expect(host.corpusState.ignoredPath).toBe('corpus');
    expect(disk.reads).toEqual([]);
    expect(disk.openWatches(CORPUS)).toBe(0);

    // Trusting the workspace loads it.
    host.configure({ trusted: true, folder: FOLDER, corpusPath: 'corpus' });
    expect(host.corpus.origin).toEqual({ kind: 'workspace', dir: CORPUS });
    expect(host.corpusState.ignoredPath).toBeUndefined();
  });

  it('loads a built release (corpus.json) that corpusPath names', () => {
    const disk = new FakeDisk();
    disk.put('/ws/node_modules/@factcite/corpus/dist', new Map([['corpus.json', JSON.stringify(fixtureCorpus)]]));
    const host = new WorkspaceHost({
      io: disk.io(),
      timers: new FakeClock(),
      settings: { trusted: true, folder: FOLDER, corpusPath: 'node_modules/@factcite/corpus/dist' },
      events: { publish: () => {} },
    });
    hosts.push(host);
    expect(host.corpus.origin.kind).toBe('release');
    expect(host.corpus.index.size).toBe(fixtureCorpus.facts.length);
  });
});

describe('a corpus with errors', () => {
  it('is refused: the last good corpus keeps serving, the error is located and announced once per breakage, and fixing it recovers', () => {
    const { disk, clock, host, states } = startWithCorpus();
    const good = fixture.get(FACTS_FILE)!;

    disk.write(CORPUS, FACTS_FILE, broken(good));
    // Nothing happens before the files have been quiet for the reload delay.
    clock.advance(CORPUS_RELOAD_DELAY_MS - 1);
    expect(host.corpusState.failure).toBeUndefined();
    clock.advance(1);
    const failed = host.corpusState;
    expect(failed.failure?.problems[0]).toMatchObject({ file: FACTS_FILE, severity: 'error' });
    expect(failed.failureMessage).toMatch(/has \d+ errors?: facts\/city24-hk-ai-2025-02-27\.yaml:\d+:\d+ /);
    expect(failed.failureMessage).toContain('keeps using the last good version');
    expect(failed.newlyBroken).toBe(true);
    // Still the last good corpus, whole: every fact of the file that broke still resolves.
    expect(host.corpus.origin.kind).toBe('workspace');
    for (const fact of fixtureCorpus.facts) expect(host.corpus.index.get(fact.id)?.id).toBe(fact.id);

    // Broken again, differently: reported, not announced again.
    disk.write(CORPUS, FACTS_FILE, `${broken(good)}\n- id: [also broken`);
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpusState.failure).toBeDefined();
    expect(host.corpusState.newlyBroken).toBe(false);

    disk.write(CORPUS, FACTS_FILE, good);
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpusState.failure).toBeUndefined();
    expect(host.corpusState.replaced).toBe(true);
    expect(host.corpus.index.size).toBe(fixtureCorpus.facts.length);
    // One load, then two failures, then the fixed load: each reported to the front end.
    expect(states.map((s) => (s.failure ? 'failed' : s.replaced ? 'loaded' : 'same'))).toEqual(['loaded', 'failed', 'failed', 'loaded']);
  });

  it('broken at the first load leaves the bundled release serving, and says so', () => {
    const files = new Map(fixture);
    files.set(FACTS_FILE, broken(fixture.get(FACTS_FILE)!));
    const { host } = startWithCorpus(files);
    expect(host.corpus.origin.kind).toBe('bundled');
    expect(host.corpusState.failureMessage).toContain('keeps using the bundled release');
    expect(host.corpusState.newlyBroken).toBe(true);
  });
});

describe("notices in the writer's language", () => {
  it('says in Simplified Chinese what broke and what is served instead, and follows a changed setting at once', () => {
    const files = new Map(fixture);
    files.set(FACTS_FILE, broken(fixture.get(FACTS_FILE)!));
    const { host, states } = start({ corpusPath: 'corpus', check: { lang: 'zh-Hans' } }, files);
    const told = states.at(-1)!.failureMessage!;
    expect(told).toMatch(/^factcite：\/ws\/corpus的语料库有\d+个错误：facts\/city24-hk-ai-2025-02-27\.yaml:\d+:\d+ /);
    expect(told).toMatch(/；factcite继续使用内置版本（\d+条事实，语料库.+版，来自内置版本）$/);
    expect(host.corpusState.failureMessage).toBe(told);
    // A front end that shows the state again after the setting changed shows it in the new language.
    host.configure({ trusted: true, folder: FOLDER, corpusPath: 'corpus', check: { lang: 'zh-Hant' } });
    expect(host.corpusState.failureMessage).toMatch(/；factcite繼續使用內置版本（\d+項事實，/);
    expect(host.corpusState.failureDetail?.id).toBe('corpus.keeps-bundled');
  });

  it('names a missing corpus folder in Traditional Chinese', () => {
    const { host } = start({ corpusPath: 'corpus', check: { lang: 'zh-Hant' } });
    expect(host.corpusState.failureMessage).toMatch(/^factcite無法使用所設的語料庫：找不到語料庫資料夾：corpus；factcite繼續使用內置版本/);
    // The failure itself stays English for logs and tools, beside its catalogue reference.
    expect(host.corpusState.failure!.message).toBe('factcite: corpus directory not found: corpus');
  });
});

describe('a missing, deleted or replaced corpus', () => {
  it('a missing folder keeps the bundled release, and is loaded once it appears', () => {
    const { disk, clock, host } = start({ corpusPath: 'corpus' });
    expect(host.corpus.origin.kind).toBe('bundled');
    expect(host.corpusState.failureMessage).toMatch(/corpus directory not found: corpus/);
    disk.put(CORPUS, fixture);
    clock.advance(CORPUS_RETRY_MS);
    expect(host.corpus.origin).toEqual({ kind: 'workspace', dir: CORPUS });
    expect(host.corpusState.failure).toBeUndefined();
  });

  it('a deleted folder keeps the last good corpus until it comes back', () => {
    const { disk, clock, host } = startWithCorpus();
    disk.remove(CORPUS);
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpusState.failureMessage).toMatch(/not found/);
    expect(host.corpus.origin.kind).toBe('workspace');
    expect(disk.openWatches(CORPUS)).toBe(0);

    const restored = new Map(fixture);
    restored.set('package.json', JSON.stringify({ name: 'fixture-corpus', version: '0.0.2-restored' }));
    disk.put(CORPUS, restored);
    clock.advance(CORPUS_RETRY_MS);
    expect(host.corpus.index.version).toBe('0.0.2-restored');
    expect(disk.openWatches(CORPUS)).toBe(1);
  });

  it('a folder replaced by another corpus is reloaded, and watched afresh', () => {
    const { disk, clock, host } = startWithCorpus();
    const first = host.corpus;
    const other = new Map(fixture);
    other.set('package.json', JSON.stringify({ name: 'fixture-corpus', version: '0.0.3-replaced' }));
    // Drop the last fact: the replacement is a different corpus, not a copy.
    const lastId = fixtureCorpus.facts.at(-1)!.id;
    other.set(FACTS_FILE, fixture.get(FACTS_FILE)!.slice(0, fixture.get(FACTS_FILE)!.lastIndexOf('\n- id:')));
    disk.put(CORPUS, other);
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpus).not.toBe(first);
    expect(host.corpus.index.version).toBe('0.0.3-replaced');
    expect(host.corpus.index.get(lastId)).toBeUndefined();
    expect(disk.openWatches(CORPUS)).toBe(1);
  });
});

describe('watching', () => {
  it('a file saved while the corpus is being read is not lost', () => {
    const { disk, clock, host } = startWithCorpus();
    disk.queueEvents = true;
    disk.duringRead = () => disk.write(CORPUS, 'package.json', JSON.stringify({ name: 'fixture-corpus', version: '0.0.4-saved-during-read' }));
    host.reload();
    // That read began before the save: it has the old version.
    expect(host.corpus.index.version).toBe(fixtureVersion);
    disk.deliver();
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpus.index.version).toBe('0.0.4-saved-during-read');
  });
});

describe('documents and diagnostics', () => {
  it('checks an opened document at once and an edited one after the debounce delay for its length', async () => {
    const { clock, host, published } = start();
    const text = `据报道[@fact:${cited.id}]。\n`;
    host.open('file:///r.md', 1, () => text, 2);
    clock.advance(0);
    await settled(host, 'file:///r.md');
    expect(published.map((p) => p.version)).toEqual([1]);

    const edited = `${text}未知[@fact:no-such-fact-anywhere]。\n`;
    host.change('file:///r.md', 2, () => edited, 3);
    clock.advance(diagnosticsDelay(3) - 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(published).toHaveLength(1);
    clock.advance(1);
    await settled(host, 'file:///r.md');
    expect(published.at(-1)!.version).toBe(2);
    expect(published.at(-1)!.diagnostics.map((d) => d.code)).toContain('unknown-fact');
  });

  it('cancels a running check when the document changes, and never publishes the stale findings', async () => {
    const { clock, host, published } = start();
    // Long enough that the check takes many slices.
    const paragraph = `政府预留20亿港元[@fact:${cited.id}]，另有[@fact:unknown-fact-id]。\n\n`;
    const long = paragraph.repeat(4000);
    host.open('file:///long.md', 1, () => long, 8000);
    clock.advance(0);
    // The first check is under way, between slices.
    await new Promise((r) => setTimeout(r, 1));
    expect(host.isChecking('file:///long.md')).toBe(true);
    host.change('file:///long.md', 2, () => `${long}尾声。\n`, 8001);
    clock.advance(diagnosticsDelay(8001));
    await settled(host, 'file:///long.md');
    expect(published.map((p) => p.version)).toEqual([2]);
    expect(published[0]!.diagnostics.filter((d) => d.code === 'unknown-fact')).toHaveLength(4000);
  });

  it('checks a long document in slices, so other work gets turns while the check runs', async () => {
    const { clock, host, published } = start();
    const uri = 'file:///sliced.md';
    const long = `政府预留20亿港元[@fact:${cited.id}]，另有[@fact:unknown-fact-id]。\n\n`.repeat(4000);
    host.open(uri, 1, () => long, 8000);
    let turns = 0;
    // Stands for a completion or hover request: it is answered between slices, not after the whole check.
    const request = () => {
      if (!host.isChecking(uri)) return;
      turns++;
      setTimeout(request, 0);
    };
    clock.advance(0);
    setTimeout(request, 0);
    await settled(host, uri);
    expect(published.map((p) => p.version)).toEqual([1]);
    expect(turns).toBeGreaterThan(1);
  });

  it('an edit racing a corpus reload is checked against the new corpus, and only its latest version is published', async () => {
    // The workspace corpus first lacks the fact the report cites; the reload brings it.
    const without = new Map(fixture);
    const lastFact = fixtureCorpus.facts.at(-1)!;
    without.set(FACTS_FILE, fixture.get(FACTS_FILE)!.slice(0, fixture.get(FACTS_FILE)!.lastIndexOf('\n- id:')));
    const { disk, clock, host, published } = startWithCorpus(without);
    const uri = 'file:///report.md';
    // Long enough that a check is still running when the corpus reloads.
    const v1 = `据报道[@fact:${lastFact.id}]。\n\n`.repeat(3000);
    host.open(uri, 1, () => v1, 6000);
    clock.advance(0);
    await settled(host, uri);
    expect(published).toHaveLength(1);
    expect(new Set(published[0]!.diagnostics.map((d) => d.code))).toEqual(new Set(['unknown-fact']));

    // The writer types; the check of the new version starts, and while it runs the corpus changes on disk and reloads.
    // Every paragraph reworded, so the new version's check has to go through all of them.
    const v2 = v1.replaceAll('据报道', '据悉');
    host.change(uri, 2, () => v2, 6001);
    clock.advance(diagnosticsDelay(6001));
    await new Promise((r) => setTimeout(r, 1));
    expect(host.isChecking(uri)).toBe(true);
    disk.write(CORPUS, FACTS_FILE, fixture.get(FACTS_FILE)!);
    clock.advance(CORPUS_RELOAD_DELAY_MS);
    expect(host.corpus.index.get(lastFact.id)).toBeDefined();
    await settled(host, uri);

    // The check against the old corpus never got out: every later finding is for version 2, against the new corpus.
    const after = published.slice(1);
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) {
      expect(p.version).toBe(2);
      expect(p.diagnostics.filter((d) => d.code === 'unknown-fact')).toEqual([]);
    }
  });

  it('drops a closed document and its pending check', async () => {
    const { clock, host, published } = start();
    host.open('file:///c.md', 1, () => '[@fact:nope]', 1);
    host.close('file:///c.md');
    clock.advance(1000);
    await new Promise((r) => setTimeout(r, 5));
    expect(published).toEqual([]);
    expect(host.document('file:///c.md')).toBeUndefined();
  });
});

describe('the files of a loaded corpus', () => {
  it("reads a cited source and finds a fact's record, and reads nothing a source id does not name plainly", () => {
    const { host } = startWithCorpus();
    const source = host.corpus.sourceFile(cited.citations[0]!.source);
    expect(source?.text).toContain(cited.citations[0]!.quote);
    expect(host.corpus.factLocation(cited.id)?.uri).toBe(`file://${CORPUS}/${FACTS_FILE}`);
    expect(host.corpus.sourceFile('../package')).toBeUndefined();
  });
});

describe('what a document is checked for besides its citations', () => {
  const FUNDING = 'hk-ai-rd-institute-funding';
  const uncitedText = '特区政府预留10亿港元，成立香港人工智能研发院。\n';
  const codes = (p: Published | undefined) => p?.diagnostics.map((d) => d.code) ?? [];
  const latest = (published: Published[], uri: string) => published.filter((p) => p.uri === uri).at(-1);

  /** The fixture corpus with a snapshot of an earlier release 0.0.0, in which the funding fact said 5亿港元. */
  function withSnapshot(): Map<string, string> {
    const facts = structuredClone(fixtureCorpus.facts);
    const funding = facts.find((f) => f.id === FUNDING)!;
    funding.value = { amount: 500000000, unit: 'HKD', qualifier: 'exact', text: '5亿港元' } as typeof funding.value;
    const files = new Map(fixture);
    files.set('releases/0.0.0.json', JSON.stringify({ format: 'factcite-release-snapshot/1', version: '0.0.0', facts }));
    // A release version, which a report can be upgraded (and its pin moved) to.
    files.set('package.json', JSON.stringify({ name: 'fixture-corpus', version: '0.0.1' }));
    return files;
  }

  it("hints at uncited claims in reports, not in the corpus's own articles, and checks again at once when the setting changes", async () => {
    const { clock, host, published } = startWithCorpus();
    const report = 'file:///ws/report.md';
    const article = `file://${CORPUS}/sources/city24-copy.md`;
    host.open(report, 1, () => uncitedText, 1);
    host.open(article, 1, () => uncitedText, 1);
    clock.advance(0);
    await settled(host, report);
    await settled(host, article);
    const hint = latest(published, report)!.diagnostics.find((d) => d.code === 'uncited-claim');
    expect(hint?.data.factId).toBe(FUNDING);
    expect(codes(latest(published, article))).toEqual([]);
    expect(host.checkOptions(report).uncited).toBe(true);
    expect(host.checkOptions(article).uncited).toBe(false);

    // Turned off: every open document is checked again without waiting for an edit.
    const before = published.length;
    host.configure({ trusted: true, folder: FOLDER, corpusPath: 'corpus', uncitedClaims: false });
    expect(host.isChecking(report)).toBe(true);
    clock.advance(0);
    await settled(host, report);
    expect(published.length).toBeGreaterThan(before);
    expect(codes(latest(published, report))).not.toContain('uncited-claim');
    expect(host.checkOptions(report).uncited).toBe(false);

    // The same settings again check nothing; turned back on, the hint is back.
    const quiet = published.length;
    host.configure({ trusted: true, folder: FOLDER, corpusPath: 'corpus', uncitedClaims: false });
    expect(host.isChecking(report)).toBe(false);
    expect(published.length).toBe(quiet);
    host.configure({ trusted: true, folder: FOLDER, corpusPath: 'corpus' });
    clock.advance(0);
    await settled(host, report);
    expect(codes(latest(published, report))).toContain('uncited-claim');
  });

  it("notes facts changed since the release a report pins, read once from the served corpus's releases/, and offers the upgrade", async () => {
    const { clock, disk, host, published } = startWithCorpus(withSnapshot());
    const uri = 'file:///ws/pinned.md';
    // Written against 0.0.0, whose fact said 5亿港元.
    const text = `---\nfactcite: 0.0.0\n---\n\n特区政府预留5亿港元[@fact:${FUNDING}]，成立香港人工智能研发院。\n`;
    host.open(uri, 1, () => text, 5);
    clock.advance(0);
    await settled(host, uri);
    const changed = latest(published, uri)!.diagnostics.find((d) => d.code === 'fact-changed');
    expect(changed).toMatchObject({ severity: 3, data: { factId: FUNDING } });
    expect(changed!.message).toContain('5亿港元');
    const check = host.checkOptions(uri);
    expect(check.pinned?.version).toBe('0.0.0');

    // Quick fixes get the same options from the host, so the upgrades are offered where the note is.
    const actions = codeActions(host.document(uri)!, changed!.range, [changed!], host.corpus.index, { uri, check });
    const edits = (title: string) => actions.find((a) => a.title.startsWith(title))?.edit?.changes?.[uri]?.map((e) => e.newText);
    expect(edits('Upgrade this citation')).toEqual(['10亿港元']);
    expect(edits('Upgrade the report to release 0.0.1')).toEqual(expect.arrayContaining(['10亿港元', '0.0.1']));

    // An edit checks again without reading the snapshot again.
    host.change(uri, 2, () => `${text}\n`, 6);
    clock.advance(diagnosticsDelay(6));
    await settled(host, uri);
    expect(codes(latest(published, uri))).toContain('fact-changed');
    expect(disk.reads.filter((r) => r.endsWith('releases/0.0.0.json'))).toHaveLength(1);
  });

  it('warns at a pin whose release the corpus keeps no snapshot of', async () => {
    const { clock, host, published } = startWithCorpus(withSnapshot());
    const uri = 'file:///ws/unknown-pin.md';
    host.open(uri, 1, () => '---\nfactcite: 0.0.9\n---\n\n正文。\n', 5);
    clock.advance(0);
    await settled(host, uri);
    const [warning] = latest(published, uri)!.diagnostics;
    expect(warning).toMatchObject({ code: 'unresolved-pin', severity: 2, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 15 } } });
    expect(warning!.message).toContain('no snapshot of release 0.0.9');
  });
});
