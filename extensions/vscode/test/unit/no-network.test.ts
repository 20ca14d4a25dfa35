import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The bundle is everything the extension runs: its own code and every library inlined.
const bundle = readFileSync(path.resolve(__dirname, '../../dist/extension.js'), 'utf8');

describe('the bundled extension', () => {
  it('loads no module that can reach the network', () => {
    const modules = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, ''));
    expect(modules.length).toBeGreaterThan(0);
    const network = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'undici'];
    expect(modules.filter((m) => network.includes(m))).toEqual([]);
  });

  it('has no fetch, XMLHttpRequest or WebSocket, and no telemetry', () => {
    expect(bundle).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|TelemetryReporter|applicationinsights/);
  });
});
