import { createFactIndex } from '@factcite/core';
import { generateCorpus } from './generate.js';
const corpus = generateCorpus(100000, 1);
const index = createFactIndex(corpus, { validate: false });
index.search('港');
for (const q of ['platform-1', 'had-1', 'should-minimise-1z', 'report-str', 'kong-can-y', 'kong-is']) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    index.search(q, { limit: 10 });
    ts.push(performance.now() - t);
  }
  console.log(q, ts.map((t) => t.toFixed(1)).join(' '));
}
