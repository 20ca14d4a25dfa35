import { createFactIndex } from '@factcite/core';
import { generateCorpus } from './generate.js';
import { makeQueries } from './queries.js';
const size = Number(process.argv[2] ?? 100000);
const corpus = generateCorpus(size, 1);
const queries = makeQueries(corpus, 40).filter((q) => q.kind === 'id-fragment');
const index = createFactIndex(corpus, { validate: false });
index.search('港');
for (let w = 0; w < 3; w++) for (const q of queries) index.search(q.text, { limit: 10 });
const times: [number, string, number][] = [];
for (const q of queries) {
  const t = performance.now();
  const hits = index.search(q.text, { limit: 10 });
  times.push([performance.now() - t, q.text, hits.filter((h) => h.fact.id.includes(q.text)).length]);
}
times.sort((a, b) => a[0] - b[0]);
console.log('p50', times[times.length >> 1]![0].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)]![0].toFixed(2));
console.log(times.slice(-6).map(([t, q, n]) => `${t.toFixed(2)} ${q} ${n}`).join('\n'));
