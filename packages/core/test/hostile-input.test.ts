import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFactIndex, InvalidArgumentError, parseCorpus, printable, printableLines } from '../src/index.js';
import { expectKebabId, expectWritableFile, readableReleaseDir, readRegularFile, resolveInside, writeDirectoryAtomically } from '../src/node.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcite-hostile-'));
  temporary.push(dir);
  return dir;
}

describe('resolveInside keeps a path from data inside its root', () => {
  const root = tempDir();
  mkdirSync(path.join(root, 'sources'));

  it('accepts a plain relative path', () => {
    expect(resolveInside(root, 'sources/a-b.md', 'source file')).toBe(path.join(root, 'sources', 'a-b.md'));
  });

  it.each([
    ['../victim/notes.md', 'must not climb out'],
    ['sources/../../x', 'must not climb out'],
    ['/etc/passwd', 'must be a relative path'],
    ['C:\\Windows\\x', 'must be a relative path'],
    ['sources\\..\\..\\x', 'must use "/"'],
    ['a\0b', 'NUL'],
    ['', 'is empty'],
  ])('refuses %j', (relative, message) => {
    expect(() => resolveInside(root, relative, 'path')).toThrow(message);
  });

  it('refuses a path that a symbolic link leads out of the root, existing target or not', () => {
    const outside = tempDir();
    symlinkSync(outside, path.join(root, 'escape'));
    expect(() => resolveInside(root, 'escape/new.yaml', 'path')).toThrow('through a symbolic link');
    writeFileSync(path.join(outside, 'there.yaml'), 'x');
    symlinkSync(path.join(outside, 'there.yaml'), path.join(root, 'file-link.yaml'));
    expect(() => resolveInside(root, 'file-link.yaml', 'path')).toThrow('through a symbolic link');
  });

  it('expectKebabId refuses what is not kebab-case and escapes it in the message', () => {
    expect(expectKebabId('hk01-ai-2025', 'id')).toBe('hk01-ai-2025');
    for (const id of ['../x', 'A', 'a--b', 'a/b', '-a', `x\u001b[2J`]) expect(() => expectKebabId(id, 'id')).toThrow('kebab-case');
    expect(() => expectKebabId('x\u001b[2J', 'id')).toThrow('x\\u001b[2J');
  });

  it('expectWritableFile refuses a link, a directory and a FIFO', () => {
    const dir = tempDir();
    symlinkSync('/etc/hostname', path.join(dir, 'link'));
    expect(() => expectWritableFile(path.join(dir, 'link'), '--out')).toThrow('symbolic link');
    expect(() => expectWritableFile(dir, '--out')).toThrow('not a regular file');
    expect(expectWritableFile(path.join(dir, 'new.txt'), '--out')).toBe(path.join(dir, 'new.txt'));
  });
});

describe('readRegularFile reads regular files only, within a cap', () => {
  it('refuses a FIFO at once', () => {
    const fifo = path.join(tempDir(), 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expect(() => readRegularFile(fifo, 1024)).toThrow('is a FIFO');
  });

  it('refuses a device, followed through a link', () => {
    if (!existsSync('/dev/zero')) return;
    const link = path.join(tempDir(), 'zero.yaml');
    symlinkSync('/dev/zero', link);
    expect(() => readRegularFile(link, 1024)).toThrow('is a device');
  });

  it('counts the bytes it reads instead of trusting stat, which says 0 for /proc files', () => {
    if (!existsSync('/proc/self/status')) return;
    expect(() => readRegularFile('/proc/self/status', 16)).toThrow('over');
    expect(readRegularFile('/proc/self/status', 1024 * 1024).length).toBeGreaterThan(16);
  });

  it('reads a file exactly at the cap', () => {
    const file = path.join(tempDir(), 'f');
    writeFileSync(file, 'x'.repeat(100));
    expect(readRegularFile(file, 100).length).toBe(100);
    expect(() => readRegularFile(file, 99)).toThrow('file is');
  });
});

describe('printable', () => {
  it('escapes controls and bidi characters, keeping Chinese and, in lines, newlines', () => {
    expect(printable('香港\u001b]0;x\u0007\u202e\u2066\u0085\n')).toBe('香港\\u001b]0;x\\u0007\\u202e\\u2066\\u0085\\u000a');
    expect(printableLines('一\n二\t三\u009b')).toBe('一\n二\t三\\u009b');
  });
});

describe('corpus strings', () => {
  const fact = (extra: string) => ({
    path: 'facts/a.yaml',
    text: `- id: a-fact\n  statement:\n    zh-Hans: 一\n    en: "${extra}"\n  kind: event\n  topics: []\n  entities: []\n  citations: []\n`,
  });

  it.each([
    ['\\e]0;PWNED\\a', 'U+001B'],
    ['\\u202e', 'U+202E'],
    ['\\x85', 'U+0085'],
    ['\\r', 'U+000D'],
  ])('refuses %s in a parsed string, located at the field', (yamlEscape, code) => {
    const { errors } = parseCorpus({ facts: [fact(`a${yamlEscape}b`)], sources: [] });
    const problem = errors.find((e) => e.code === 'control-character');
    expect(problem).toMatchObject({ file: 'facts/a.yaml', line: 4 });
    expect(problem?.message).toContain(code);
  });

  it('refuses a control character in a key', () => {
    const { errors } = parseCorpus({ facts: [{ path: 'facts/a.yaml', text: '- id: a-fact\n  "x\\u202ey": 1\n' }], sources: [] });
    expect(errors.map((e) => e.code)).toContain('control-character');
  });
});

describe('SDK arguments', () => {
  const index = createFactIndex({ facts: [], sources: [], entities: [] });

  it.each([
    ['search(42)', () => index.search(42 as unknown as string)],
    ['search(q, { limit: "5" })', () => index.search('香港', { limit: '5' as unknown as number })],
    ['search(q, { limit: -1 })', () => index.search('香港', { limit: -1 })],
    ['search(q, { lmit: 5 })', () => index.search('香港', { lmit: 5 } as never)],
    ['suggest(null)', () => index.suggest(null as unknown as string)],
    ['withIdPrefix(1)', () => [...index.withIdPrefix(1 as unknown as string)]],
  ])('%s throws InvalidArgumentError naming the argument', (_name, call) => {
    expect(call).toThrow(InvalidArgumentError);
  });
});

describe('writeDirectoryAtomically under faults', () => {
  const node = path.resolve(__dirname, '../dist/node.js');
  const files = (tag: string) => ({ 'manifest.json': `{"tag":"${tag}"}`, 'sub/data.json': tag });

  /** Writes the release in a child process that kills itself (SIGKILL: no cleanup runs) right after `step`. */
  function buildAndDie(dir: string, tag: string, step: string) {
    const script = `
      import { writeDirectoryAtomically } from ${JSON.stringify(node)};
      writeDirectoryAtomically(${JSON.stringify(dir)}, new Map(Object.entries(${JSON.stringify(files(tag))})), {
        onStep: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); },
      });`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  }

  const read = (dir: string) => readFileSync(path.join(dir, 'manifest.json'), 'utf8');

  it.each(['locked', 'staged', 'moved-old', 'moved-new'])('a build killed after "%s" leaves a readable release, and the next build recovers', (step) => {
    const parent = tempDir();
    const dir = path.join(parent, 'dist');
    writeDirectoryAtomically(dir, new Map(Object.entries(files('old'))));
    expect(buildAndDie(dir, 'new', step).signal).toBe('SIGKILL');
    // A reader still finds a whole release: the old one, or the new one once it was moved in.
    const readable = readableReleaseDir(dir);
    expect(readable).toBeDefined();
    expect(read(readable!)).toBe(step === 'moved-new' ? '{"tag":"new"}' : '{"tag":"old"}');
    // The dead build's lock and leftovers do not stop the next one, which cleans them up.
    writeDirectoryAtomically(dir, new Map(Object.entries(files('next'))), { lockTimeoutMs: 5_000 });
    expect(read(dir)).toBe('{"tag":"next"}');
    expect(readFileSync(path.join(dir, 'sub', 'data.json'), 'utf8')).toBe('next');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('a build waits for a live lock holder instead of racing it', () => {
    const parent = tempDir();
    const dir = path.join(parent, 'dist');
    mkdirSync(path.join(parent, '.dist.lock'));
    writeFileSync(path.join(parent, '.dist.lock', 'pid'), String(process.pid));
    expect(() => writeDirectoryAtomically(dir, new Map([['a', 'b']]), { lockTimeoutMs: 200 })).toThrow('another build holds');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a release file name that climbs out of the release', () => {
    const parent = tempDir();
    expect(() => writeDirectoryAtomically(path.join(parent, 'dist'), new Map([['../escaped', 'x']]))).toThrow('must not climb out');
    expect(existsSync(path.join(parent, 'escaped'))).toBe(false);
  });
});
