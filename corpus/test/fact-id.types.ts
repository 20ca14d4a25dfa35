// Type-level test, checked by `tsc` in this package's typecheck task: the
// generated FactId union must reject an id the release does not hold.
import { type FactId, getFact, isFactId } from '../dist/index.js';

const known: FactId = 'hk-ai-rd-institute-funding';
getFact(known);

// @ts-expect-error: 'typo' is not a fact id of this release.
getFact('typo');

const input: string = 'hkgai-v1-launch';
if (isFactId(input)) getFact(input);
