import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  type CodeAction,
  CodeActionRequest,
  type Hover,
  HoverRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '@factcite/corpus';

const server = path.resolve(__dirname, '../dist/cli.js');
const unknown = '[@fact:no-such-fact-here]';
// The server serves the installed release; any deprecated fact of it gives a warning.
const deprecatedId = corpus.facts.find((f) => f.status === 'deprecated')!.id;

describe('factcite-language-server for a client in Traditional Chinese', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const uri = 'untitled:報告.md';
  let version = 0;

  /** Sends a new text and waits for its diagnostics. */
  async function check(text: string) {
    version++;
    if (version === 1) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    } else {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    return waitFor(version);
  }

  async function waitFor(v: number, test: (p: PublishDiagnosticsParams) => boolean = () => true) {
    for (let waited = 0; waited < 20_000; waited += 20) {
      const found = published.find((p) => p.uri === uri && p.version === v && test(p));
      if (found) return found.diagnostics;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no diagnostics for version ${v}`);
  }

  beforeAll(async () => {
    child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(child.stdout!, child.stdin!);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
    });
    connection.onNotification('window/logMessage', () => {});
    connection.listen();
    // What VS Code sends when its display language is Traditional Chinese.
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: 'zh-tw',
      capabilities: {},
      initializationOptions: { diagnosticsDelay: 10 },
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

  it('writes diagnostics in the client’s display language', async () => {
    const [d] = await check(`引用${unknown}。\n`);
    expect(d!.message).toBe('找不到事實「no-such-fact-here」');
    expect(d!.code).toBe('unknown-fact');
  });

  it('honours suppression comments, and a comment with no code never hides an unknown id', async () => {
    expect(await check(`<!-- factcite-disable-next-line unknown-fact -->\n引用${unknown}。\n`)).toEqual([]);
    const kept = await check(`<!-- factcite-disable -->\n\n引用${unknown}。\n`);
    expect(kept.map((d) => d.code)).toEqual(['unknown-fact']);
  });

  it('follows factcite.messagesLanguage over the locale, and can report unused suppressions', async () => {
    await connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { factcite: { messagesLanguage: 'zh-Hans', reportUnusedSuppressions: true } },
    });
    // The server re-checks open documents on the change: same version, new messages.
    const again = await waitFor(version, (p) => p.diagnostics.some((d) => String(d.message).startsWith('找不到事实“')));
    expect(again.map((d) => d.code)).toEqual(['unused-suppression', 'unknown-fact']);
    expect(again[0]!.message).toBe('多余的factcite-disable：这里没有需要忽略的警告');
  });

  it('offers "Ignore this warning here" in the chosen language for a warning, which hides it', async () => {
    await connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { factcite: { messagesLanguage: 'en', reportUnusedSuppressions: false } },
    });
    const text = `第一句。\r\n已弃用[@fact:${deprecatedId}]。\r\n`;
    const found = await check(text);
    const deprecated = found.find((d) => d.code === 'deprecated-fact')!;
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: deprecated.range,
      context: { diagnostics: [deprecated] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore this warning here')!;
    const [edit] = ignore.edit!.changes![uri]!;
    expect(edit!.newText).toBe('<!-- factcite-disable-next-line deprecated-fact -->\r\n');
    expect(edit!.range.start).toEqual({ line: 1, character: 0 });
  });

  it('labels hover cards in the client’s display language when the setting is auto', async () => {
    // Back to "auto": the client's locale, zh-tw, decides again.
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcite: { messagesLanguage: 'auto' } } });
    const text = `已弃用[@fact:${deprecatedId}]。\n`;
    await check(text);
    const found = (await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('@') + 2 },
    })) as Hover;
    const card = (found.contents as { value: string }).value;
    expect(card).toContain('狀態：**已棄用**');
    expect(card).toContain('來源：');
    expect(card).not.toContain('Source:');
  });
});
