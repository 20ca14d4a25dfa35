// Measures the two ways the extension could serve its features: calling
// @factcite/language-service in the extension host (what it does), or
// talking to @factcite/language-server over stdio (LSP). The numbers in
// README.md come from here: node scripts/measure.mjs (after `pnpm build`).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFactIndex } from '@factcite/core/search';
import { completions, FactDocument, hover } from '@factcite/language-service';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.resolve(root, '..', '..');
const serverCli = path.join(repo, 'packages', 'language-server', 'dist', 'cli.js');
const RUNS = 200;

const report = `${readFileSync(path.join(repo, 'examples', 'report.md'), 'utf8')}\n数码港的算力[@fact:数码港]\n`;
const completionOffset = report.lastIndexOf(']');
const hoverOffset = report.indexOf('hk-ai-rd-institute-funding') + 5;
function position(offset) {
  const before = report.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const ms = (x) => `${x.toFixed(2)} ms`;

// --- Activation: a fresh Node process loading the bundle as VS Code would, with a stub `vscode`.
function activationInProcess() {
  const script = `
    const { installVscodeStub, fakeContext } = require(${JSON.stringify(path.join(root, 'test', 'support', 'vscode-stub.cjs'))});
    installVscodeStub();
    const t0 = performance.now();
    const ext = require(${JSON.stringify(path.join(root, 'dist', 'extension.js'))});
    const t1 = performance.now();
    // Reads the release and its prebuilt search index, and registers every feature.
    ext.activate(fakeContext(${JSON.stringify(root)}));
    const t2 = performance.now();
    console.log(JSON.stringify({ load: t1 - t0, activate: t2 - t1 }));`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

// --- In-process requests, as the extension's providers make them.
function inProcess() {
  // As the extension loads it: the bundled release with its prebuilt search index.
  const corpus = JSON.parse(readFileSync(path.join(root, 'dist', 'corpus.json'), 'utf8'));
  const index = createFactIndex(corpus, { searchIndex: new Uint8Array(readFileSync(path.join(root, 'dist', 'search-index.bin'))) });
  let t = performance.now();
  let doc = FactDocument.create(report);
  completions(doc, completionOffset, index);
  const firstCompletion = performance.now() - t;
  t = performance.now();
  hover(doc, hoverOffset, index, { commandLinks: true });
  const firstHover = performance.now() - t;
  const comp = [];
  const hov = [];
  for (let i = 0; i < RUNS; i++) {
    // A new version each time, as after a keystroke.
    doc = FactDocument.create(`${report}${' '.repeat(i % 2)}`, doc);
    t = performance.now();
    completions(doc, completionOffset, index);
    comp.push(performance.now() - t);
    t = performance.now();
    hover(doc, hoverOffset, index, { commandLinks: true });
    hov.push(performance.now() - t);
  }
  return { firstCompletion, firstHover, comp, hov };
}

// --- The language server over stdio, with a minimal LSP client.
function lspClient(child) {
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const waiting = new Map();
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && waiting.has(message.id)) {
        waiting.get(message.id)(message);
        waiting.delete(message.id);
      } else if (message.id !== undefined && message.method) {
        // A request from the server (configuration, registration): answer with nothing.
        send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [null] : null });
      }
    }
  });
  function send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
  };
}

async function overLsp() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverCli, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const client = lspClient(child);
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { commandLinks: true } });
  client.notify('initialized', {});
  const initialized = performance.now() - t0;
  const uri = 'file:///tmp/report.md';
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: report } });
  let t = performance.now();
  const first = await client.request('textDocument/completion', { textDocument: { uri }, position: position(completionOffset) });
  const firstCompletion = performance.now() - t;
  if (!first.result?.items?.length) throw new Error(`no completion items over LSP: ${JSON.stringify(first).slice(0, 300)}`);
  t = performance.now();
  await client.request('textDocument/hover', { textDocument: { uri }, position: position(hoverOffset) });
  const firstHover = performance.now() - t;
  const comp = [];
  const hov = [];
  for (let i = 0; i < RUNS; i++) {
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ text: `${report}${' '.repeat(i % 2)}` }],
    });
    t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: position(completionOffset) });
    comp.push(performance.now() - t);
    t = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: position(hoverOffset) });
    hov.push(performance.now() - t);
  }
  await client.request('shutdown', null);
  client.notify('exit', null);
  return { initialized, firstCompletion, firstHover, comp, hov };
}

const act = activationInProcess();
const local = inProcess();
const lsp = await overLsp();
console.log(`Node ${process.version}, ${RUNS} requests each, medians (p95)`);
console.log(`| | in-process (extension host) | language server over stdio |`);
console.log(`| --- | --- | --- |`);
console.log(
  `| ready to answer | ${ms(act.load + act.activate)} (load bundle ${ms(act.load)}, activate ${ms(act.activate)}) | ${ms(lsp.initialized)} (spawn Node, load server, initialize) |`,
);
console.log(`| first completion | ${ms(local.firstCompletion)} | ${ms(lsp.firstCompletion)} |`);
console.log(`| first hover | ${ms(local.firstHover)} | ${ms(lsp.firstHover)} |`);
console.log(`| completion after an edit | ${ms(median(local.comp))} (${ms(p95(local.comp))}) | ${ms(median(lsp.comp))} (${ms(p95(lsp.comp))}) |`);
console.log(`| hover after an edit | ${ms(median(local.hov))} (${ms(p95(local.hov))}) | ${ms(median(lsp.hov))} (${ms(p95(lsp.hov))}) |`);
