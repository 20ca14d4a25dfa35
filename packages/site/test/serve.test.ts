import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, serveSite, type SiteServer } from '../src/index.js';
import { fixtureCorpus, tempDir } from './fixture.js';

/** A GET with the path sent exactly as written (fetch would normalise the dots away). */
function get(port: number, rawPath: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serveSite', () => {
  const root = tempDir('serve');
  const site = path.join(root, 'site');
  const secret = path.join(root, 'secret.txt');
  let server: SiteServer;

  beforeAll(async () => {
    buildSite({ corpus: fixtureCorpus(), outDir: site });
    writeFileSync(secret, 'outside the site');
    mkdirSync(path.join(site, 'linked'));
    symlinkSync(secret, path.join(site, 'linked', 'secret.txt'));
    server = await serveSite({ dir: site });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only and serves the pages', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server.port, '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('<input type="search"');
  });

  it('sends a folder without its slash to the slash', async () => {
    const id = fixtureCorpus().facts[0]!.id;
    const response = await get(server.port, `/facts/${id}`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(`/facts/${id}/`);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/facts/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/assets/%00',
    '/linked/secret.txt',
    `/${encodeURIComponent(path.resolve(root, 'secret.txt'))}`,
    '/%E0%A4%A',
  ])('serves nothing outside the site for %s', async (rawPath) => {
    const response = await get(server.port, rawPath);
    expect(response.status).toBe(404);
    expect(response.body).toContain('No such page');
    expect(response.body).not.toContain('outside the site');
  });

  it('answers only GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end('x');
    });
    expect(status).toBe(405);
  });
});
