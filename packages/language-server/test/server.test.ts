import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  CompletionRequest,
  type CompletionList,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Location,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ReferencesRequest,
  ShowMessageNotification,
  type ShowMessageParams,
  ShutdownRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');
const server = path.resolve(__dirname, '../dist/cli.js');
const report = readFileSync(path.join(repoRoot, 'examples/report.md'), 'utf8');

/** A workspace with reports, and a copy of the real corpus the test may break. */
function makeWorkspace() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'factcite-lsp-'));
  const corpus = path.join(root, 'corpus');
  cpSync(path.join(repoRoot, 'corpus'), corpus, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|test|scripts)$/.test(src),
  });
  mkdirSync(path.join(root, 'reports'));
  writeFileSync(path.join(root, 'reports/other.md'), '# Other\n\nSee also [@fact:hk-ai-rd-institute-funding].\n');
  return { root, corpus, reportUri: pathToFileURL(path.join(root, 'reports/report.md')).href };
}

/** Offset of `needle` in `text` as an LSP position. */
function positionOf(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle) + shift;
  if (offset < shift) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** A one-line text with an edit applied, and the offset where the cursor ends (after the new text). */
function applyEdit(text: string, range: { start: { character: number }; end: { character: number } }, newText: string) {
  const result = text.slice(0, range.start.character) + newText + text.slice(range.end.character);
  return { result, after: result.slice(range.start.character + newText.length) };
}

function textOf(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

describe('factcite-language-server over stdio', () => {
  const ws = makeWorkspace();
  let child: ChildProcess;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const messages: ShowMessageParams[] = [];
  const corpusEvents: { facts: number; stale: boolean; error?: string }[] = [];
  let stderr = '';

  /** Resolves once a notification matching `test` has arrived (or already has). */
  async function waitFor<T>(list: () => T[], test: (item: T) => boolean, what: string): Promise<T> {
    for (let waited = 0; waited < 20_000; waited += 20) {
      const found = list().find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}; server stderr: ${stderr}`);
  }

  beforeAll(async () => {
    child = spawn(process.execPath, [server, '--stdio'], { cwd: ws.root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    connection = createProtocolConnection(child.stdout!, child.stdin!);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      messages.push(p);
    });
    connection.onNotification('factcite/corpusLoaded', (p: { facts: number; stale: boolean; error?: string }) => {
      corpusEvents.push(p);
    });
    connection.onNotification('window/logMessage', () => {});
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ws.root).href,
      workspaceFolders: [{ uri: pathToFileURL(ws.root).href, name: 'ws' }],
      capabilities: {},
      initializationOptions: { corpusPath: 'corpus', diagnosticsDelay: 20, commandLinks: true },
    });
    // Also what a Chinese input method types for `@` and `:`.
    expect(init.capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['@', ':', '＠', '：']));
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.serverInfo?.name).toBe('factcite-language-server');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report },
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('loads the corpus from initializationOptions.corpusPath', async () => {
    const loaded = await waitFor(
      () => corpusEvents,
      () => true,
      'corpusLoaded',
    );
    expect(loaded.stale).toBe(false);
    expect(loaded.facts).toBeGreaterThan(100);
  });

  it('publishes diagnostics for an opened report', async () => {
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === ws.reportUri && p.version === 1,
      'diagnostics',
    );
    const unknown = diagnostics.find((d) => d.code === 'unknown-fact')!;
    expect(textOf(report, unknown.range)).toBe('hk-ai-subsidy-scheme-3-billion');
    expect(unknown.severity).toBe(1);
    expect((unknown.data as { suggestions: string[] }).suggestions).toContain('hk-ai-subsidy-scheme-3bn');
    const deprecated = diagnostics.find((d) => d.code === 'deprecated-fact')!;
    expect(textOf(report, deprecated.range)).toBe('hk-ai-companies-800');
  });

  it('re-checks after an incremental change', async () => {
    const end = positionOf(report, '# 香港人工智能发展简报');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: ws.reportUri, version: 2 },
      contentChanges: [{ range: { start: end, end }, text: '引言[@fact:hkgai-v1-relased]\n\n' }],
    });
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === ws.reportUri && p.version === 2,
      'diagnostics of version 2',
    );
    const added = diagnostics.find((d) => d.range.start.line === 0)!;
    expect(added.code).toBe('unknown-fact');
    expect((added.data as { suggestions: string[] }).suggestions[0]).toBe('hkgai-v1-released');
    // Undo, so later positions match the report again.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: ws.reportUri, version: 3 },
      contentChanges: [{ text: report }],
    });
    await waitFor(
      () => published,
      (p) => p.uri === ws.reportUri && p.version === 3,
      'diagnostics of version 3',
    );
  });

  it('completes a citation filtered in any script', async () => {
    const uri = pathToFileURL(path.join(ws.root, 'reports/draft.md')).href;
    const text = '数码港的企业[@數碼港';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const list = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: text.length },
      context: { triggerKind: 1 },
    })) as CompletionList;
    expect(list.isIncomplete).toBe(true);
    expect(list.items.length).toBeGreaterThan(3);
    expect(list.items.every((i) => i.label.length > 0)).toBe(true);
    const edit = list.items[0]!.textEdit as { newText: string; range: { start: { character: number } } };
    expect(edit.newText).toBe(`fact:${list.items[0]!.label}]`);
    expect(edit.range.start.character).toBe('数码港的企业[@'.length);
  });

  it('keeps the text after the cursor for a client without insert/replace edits', async () => {
    const uri = pathToFileURL(path.join(ws.root, 'reports/mid.md')).href;
    const before = '政府预留10亿港元[@fact:成立研发院';
    const text = `${before}。`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const list = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: before.length },
      context: { triggerKind: 1 },
    })) as CompletionList;
    const item = list.items[0]!;
    const edit = item.textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
    expect(edit.range.end.character).toBe(before.length);
    const done = applyEdit(text, edit.range, edit.newText);
    expect(done.result).toBe(`政府预留10亿港元[@fact:${item.label}]。`);
    expect(done.after).toBe('。');
  });

  it('hovers a citation with its card', async () => {
    const hover = (await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: ws.reportUri },
      position: positionOf(report, 'hk-ai-companies-800', 4),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('deprecated');
    expect(value).toContain('hk-ai-companies-at-science-park-and-cyberport');
    expect(value).toContain('**800多家**');
    expect(value).toContain('command:factcite.openSource?');
  });

  it('offers the closest id as a quick fix', async () => {
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === ws.reportUri && p.version === 3,
      'diagnostics',
    );
    const unknown = diagnostics.find((d) => d.code === 'unknown-fact')!;
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: ws.reportUri },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.edit!.changes![ws.reportUri]).toEqual([{ range: unknown.range, newText: 'hk-ai-subsidy-scheme-3bn' }]);
  });

  it('goes to the quote in the cleaned source', async () => {
    const locations = (await connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: ws.reportUri },
      position: positionOf(report, 'hk-ai-rd-institute-funding', 2),
    })) as Location[];
    expect(locations.length).toBeGreaterThan(0);
    const file = new URL(locations[0]!.uri);
    expect(file.pathname.startsWith(pathToFileURL(ws.corpus).pathname)).toBe(true);
    expect(textOf(readFileSync(file, 'utf8'), locations[0]!.range)).toContain('10亿港元');
  });

  it('finds references in open reports and in the workspace', async () => {
    const locations = (await connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: ws.reportUri },
      position: positionOf(report, 'hk-ai-rd-institute-funding', 2),
      context: { includeDeclaration: false },
    })) as Location[];
    const uris = locations.map((l) => l.uri);
    expect(uris).toContain(ws.reportUri);
    expect(uris).toContain(pathToFileURL(path.join(ws.root, 'reports/other.md')).href);
    expect(textOf(report, locations.find((l) => l.uri === ws.reportUri)!.range)).toBe('@fact:hk-ai-rd-institute-funding');
  });

  it("lists each citation once when the client spells an open file's URI its own way", async () => {
    const file = path.join(ws.root, 'reports', 'notes (1).md');
    const text = '# Notes\n\n研发院[@fact:hk-ai-rd-institute-funding]。\n';
    writeFileSync(file, text);
    // As VS Code writes it: parentheses escaped, which Node's pathToFileURL leaves as they are.
    const uri = pathToFileURL(file).href.replace('(', '%28').replace(')', '%29');
    expect(uri).not.toBe(pathToFileURL(file).href);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const locations = (await connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'hk-ai-rd-institute-funding', 2),
      context: { includeDeclaration: false },
    })) as Location[];
    const inNotes = locations.filter((l) => decodeURIComponent(new URL(l.uri).pathname).endsWith('notes (1).md'));
    expect(inNotes).toHaveLength(1);
    const keys = locations.map((l) => `${decodeURIComponent(l.uri)}:${l.range.start.line}:${l.range.start.character}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the last good corpus when a reload fails, says so once, and recovers', async () => {
    const file = path.join(ws.corpus, 'facts/hk-ai-ecosystem.yaml');
    const good = readFileSync(file, 'utf8');
    const before = corpusEvents.length;
    writeFileSync(file, `${good}\n- id: [broken\n`);
    const stale = await waitFor(
      () => corpusEvents.slice(before),
      (e) => e.stale,
      'a stale corpus event',
    );
    expect(stale.error).toMatch(/hk-ai-ecosystem\.yaml:\d+:\d+/);
    const shown = messages.filter((m) => m.type === 1);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toContain('keeps using the last good version');
    // Hover still answers from the last good index.
    const hover = (await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: ws.reportUri },
      position: positionOf(report, 'hk-ai-rd-institute-funding', 2),
    })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('10亿港元');

    const count = corpusEvents.length;
    writeFileSync(file, good);
    const fresh = await waitFor(
      () => corpusEvents.slice(count),
      (e) => !e.stale,
      'a good corpus event',
    );
    expect(fresh.facts).toBeGreaterThan(100);
  });

  it('hints at an uncited claim with a fix that cites it, and stops when uncitedClaims is off', async () => {
    const uri = pathToFileURL(path.join(ws.root, 'reports/uncited.md')).href;
    const text = '香港科学园和数码港已集中800多家人工智能相关企业。\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === uri && p.version === 1,
      'uncited diagnostics',
    );
    const hint = diagnostics.find((d) => d.code === 'uncited-claim')!;
    expect(hint.severity).toBe(3);
    expect(textOf(text, hint.range)).toBe('800多家');
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint] },
    })) as CodeAction[];
    const cite = actions.find((a) => a.title.startsWith('Cite '))!;
    const edit = cite.edit!.changes![uri]![0]!;
    expect(applyEdit(text, edit.range, edit.newText).result).toBe(
      '香港科学园和数码港已集中800多家人工智能相关企业[@fact:hk-ai-companies-at-science-park-and-cyberport]。\n',
    );

    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcite: { corpusPath: 'corpus', uncitedClaims: 'off' } } });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const off = await waitFor(
      () => published,
      (p) => p.uri === uri && p.version === 2,
      'diagnostics with uncitedClaims off',
    );
    expect(off.diagnostics.some((d) => d.code === 'uncited-claim')).toBe(false);
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcite: { corpusPath: 'corpus', uncitedClaims: 'on' } } });
  });

  it("leaves the corpus's own source articles alone: they are sources, not reports", async () => {
    const uri = pathToFileURL(path.join(ws.corpus, 'sources', 'copy-of-an-article.md')).href;
    const text = '香港科学园和数码港已集中800多家人工智能相关企业。\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === uri && p.version === 1,
      'source diagnostics',
    );
    expect(diagnostics).toEqual([]);
  });

  it('warns at a pin that names a release the corpus keeps no snapshot of', async () => {
    const uri = pathToFileURL(path.join(ws.root, 'reports/pinned.md')).href;
    const text = '---\nfactcite: 0.0.1\n---\n\n正文。\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await waitFor(
      () => published,
      (p) => p.uri === uri && p.version === 1,
      'pinned diagnostics',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'unresolved-pin', severity: 2, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 15 } } }),
    ]);
    expect(diagnostics[0]!.message).toMatch(/no snapshot of release 0\.0\.1/);
  });

  it('shuts down and exits cleanly when asked', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  });
});

describe('factcite-language-server without settings', () => {
  it('serves the corpus release installed with it', async () => {
    const child = spawn(process.execPath, [server], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(child.stdout!, child.stdin!);
    const loaded = new Promise<{ dir: string; facts: number; stale: boolean }>((resolve) => connection.onNotification('factcite/corpusLoaded', resolve));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    const event = await loaded;
    expect(event.stale).toBe(false);
    expect(event.facts).toBeGreaterThan(100);
    expect(readFileSync(path.join(event.dir, 'package.json'), 'utf8')).toContain('"@factcite/corpus"');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  });
});

describe('factcite-language-server completion for a client with insert/replace edits (VS Code)', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let opened = 0;

  beforeAll(async () => {
    child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(child.stdout!, child.stdin!);
    connection.onNotification(PublishDiagnosticsNotification.type, () => {});
    connection.onNotification('window/logMessage', () => {});
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { insertReplaceSupport: true } } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  });

  type Range = { start: { character: number }; end: { character: number } };
  /** Completes at the end of `before` with `after` following, and accepts the item `pick` chooses in both insert modes. */
  async function accept(before: string, after: string, pick: (labels: string[]) => number = () => 0) {
    const uri = `untitled:draft-${++opened}.md`;
    const text = before + after;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const list = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: before.length },
      context: { triggerKind: 2, triggerCharacter: '@' },
    })) as CompletionList;
    const item = list.items[pick(list.items.map((i) => i.label))]!;
    const edit = item.textEdit as { newText: string; insert: Range; replace: Range };
    return { id: item.label, insert: applyEdit(text, edit.insert, edit.newText), replace: applyEdit(text, edit.replace, edit.newText) };
  }

  it.each([
    ['Simplified', '政府预留10亿港元[@fact:研发院', '成立香港人工智能研发院，由数字政策办公室负责。'],
    ['Traditional', '政府預留10億港元[@fact:研發院', '成立香港人工智能研發院，由數字政策辦公室負責。'],
  ])('keeps every character after the cursor mid-sentence in %s, in both modes', async (_, before, after) => {
    const done = await accept(before, after);
    for (const mode of [done.insert, done.replace]) {
      expect(mode.result).toBe(`${before.slice(0, before.indexOf('[@'))}[@fact:${done.id}]${after}`);
      expect(mode.after).toBe(after);
    }
  });

  it('writes the auto-closed ] once and leaves the cursor after it', async () => {
    const done = await accept('数码港的算力[@', ']');
    for (const mode of [done.insert, done.replace]) {
      expect(mode.result).toBe(`数码港的算力[@fact:${done.id}]`);
      expect(mode.after).toBe('');
    }
  });

  it('adds no ] inside a group before ";"', async () => {
    const done = await accept('见[@fact:研发院', '; @fact:hkgai-v1-released]。');
    expect(done.insert.result).toBe(`见[@fact:${done.id}; @fact:hkgai-v1-released]。`);
    expect(done.insert.after).toBe('; @fact:hkgai-v1-released]。');
  });

  it.each([['【@'], ['［@'], ['[＠'], ['【＠fact：'], ['[@fact：']])('completes after %s and writes [@fact:id]', async (typed) => {
    const done = await accept(`政府预留10亿港元${typed}10亿`, '，由数字政策办公室负责。', (labels) => labels.indexOf('hk-ai-rd-institute-funding'));
    for (const mode of [done.insert, done.replace]) {
      expect(mode.result).toBe('政府预留10亿港元[@fact:hk-ai-rd-institute-funding]，由数字政策办公室负责。');
    }
  });

  it('ranks facts about the sentence first before a query is typed', async () => {
    const done = await accept('港投公司与思谋集团签订战略合作协议[@', ']。');
    expect(done.id).toBe('hkic-smartmore-strategic-agreement');
  });
});
