import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveInside } from '@factcite/core/node';
import { normaliseBase } from './links.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** The site directory; nothing outside it is ever read. */
  dir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The base path the site was built with. */
  base?: string;
}

export interface SiteServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The file a request path names inside the site, or undefined. The path is
 * hostile: it is decoded once, and an encoded or plain `..`, a backslash, a
 * NUL byte or a symbolic link out of the directory names nothing.
 */
function fileForRequest(dir: string, base: string, rawPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawPath, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  let relative = pathname.slice(base.length);
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  let file: string;
  try {
    file = resolveInside(dir, relative, 'request path');
  } catch {
    return undefined;
  }
  if (!existsSync(file)) return undefined;
  const stats = statSync(file);
  if (stats.isDirectory()) return existsSync(path.join(file, 'index.html')) ? `${file}${path.sep}` : undefined;
  return stats.isFile() ? file : undefined;
}

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...extra });
  response.end(body);
}

/** Serves a built site on 127.0.0.1 only, compressing text as a static host would. */
export function serveSite(options: ServeOptions): Promise<SiteServer> {
  const dir = path.resolve(options.dir);
  const base = normaliseBase(options.base);
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} holds no site (no index.html): build it first with factcite site`);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed\n', undefined, { Allow: 'GET, HEAD' });
    const url = request.url ?? '/';
    const found = fileForRequest(dir, base, url);
    if (!found) {
      // The site's own 404 page, as a static host would serve it.
      const notFound = path.join(dir, '404.html');
      return existsSync(notFound) ? send(response, 404, readFileSync(notFound), TYPES['.html']) : send(response, 404, 'Not found\n');
    }
    // A folder without its slash: send the reader to the slash, so relative links inside resolve.
    if (found.endsWith(path.sep)) {
      const target = new URL(url, 'http://localhost');
      return send(response, 301, '', undefined, { Location: `${target.pathname}/${target.search}` });
    }
    const type = TYPES[path.extname(found)] ?? 'application/octet-stream';
    let body = readFileSync(found);
    const headers: Record<string, string> = { Vary: 'Accept-Encoding' };
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && !type.startsWith('image/png')) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server: Server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
