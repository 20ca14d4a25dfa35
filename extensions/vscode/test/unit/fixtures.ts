import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Corpus, createFactIndex } from '@factcite/core';

const require = createRequire(import.meta.url);

/** The corpus package's directory: the real corpus files. */
export const corpusDir = path.dirname(require.resolve('@factcite/corpus/package.json'));

/** The built release, as the extension bundles it. */
export const corpus = JSON.parse(readFileSync(path.join(corpusDir, 'dist', 'corpus.json'), 'utf8')) as Corpus;
export const index = createFactIndex(corpus);
