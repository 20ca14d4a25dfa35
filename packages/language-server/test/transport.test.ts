import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { contentLength, guardFraming } from '../src/framing.js';

const server = path.resolve(__dirname, '../dist/cli.js');

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Runs the server, writes `input` to it, and waits for it to exit (or gives up after 10 s). */
function runWith(input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [server], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.write(input);
  });
}

describe('the language server on a broken transport', () => {
  it.each([
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}', 'has no Content-Length'],
    ['an absurd Content-Length', 'Content-Length: 99999999999999\r\n\r\n{}', 'over the'],
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', 'not a byte count'],
    ['a header that never ends', 'X'.repeat(20_000), 'without ending'],
  ])('exits with a logged reason on %s, instead of going silent', async (_name, input, reason) => {
    const { code, stderr } = await runWith(input);
    expect(code).toBe(1);
    expect(stderr).toContain(reason);
  });
});

describe('guardFraming', () => {
  it('passes well-framed messages through unchanged, even one byte at a time', async () => {
    const input = frame('{"a":1}') + frame('{"香港":"人工智能"}');
    const bytes = Buffer.from(input);
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const reasons: string[] = [];
    const out: Buffer[] = [];
    const guard = Readable.from(chunks).pipe(guardFraming((r) => reasons.push(r)));
    for await (const chunk of guard) out.push(chunk as Buffer);
    expect(reasons).toEqual([]);
    expect(Buffer.concat(out).toString()).toBe(input);
  });

  it('reads Content-Length case-insensitively beside other headers', () => {
    expect(contentLength('Content-Type: x\r\ncontent-length: 12')).toBe(12);
    expect(contentLength('Content-Length: 12', 10)).toMatch(/over the 10 byte limit/);
  });
});
