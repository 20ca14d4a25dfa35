import { FactciteEngine } from './factcite.js';
import { FlexSearchTuned, FlexSearchTypical } from './flexsearch.js';
import { FuseTuned, FuseTypical } from './fuse.js';
import { LinearEngine } from './linear.js';
import { MiniSearchTuned, MiniSearchTypical } from './minisearch.js';
import { OramaTuned, OramaTypical } from './orama.js';
import type { Engine, Positions } from './types.js';

/**
 * Engine names as the command line takes them: each peer in its quick-start
 * set-up ("-typical") and as tuned for Chinese (the bare name).
 */
export const ENGINES = [
  'linear',
  'factcite',
  'minisearch-typical',
  'minisearch',
  'flexsearch-typical',
  'flexsearch',
  'orama-typical',
  'orama',
  'fuse-typical',
  'fuse',
] as const;
export type EngineName = (typeof ENGINES)[number];

/** The name each engine reports itself by, for an engine that could not be started. */
export const ENGINE_LABELS: Record<EngineName, string> = {
  linear: 'linear scan',
  factcite: 'factcite',
  'minisearch-typical': 'MiniSearch, typical',
  minisearch: 'MiniSearch, tuned',
  'flexsearch-typical': 'FlexSearch, typical',
  flexsearch: 'FlexSearch, tuned',
  'orama-typical': 'Orama, typical',
  orama: 'Orama, tuned',
  'fuse-typical': 'Fuse.js, typical',
  fuse: 'Fuse.js, tuned',
};

export function makeEngine(name: EngineName, positions: Positions): Engine {
  switch (name) {
    case 'linear':
      return new LinearEngine();
    case 'factcite':
      return new FactciteEngine(positions);
    case 'minisearch-typical':
      return new MiniSearchTypical();
    case 'minisearch':
      return new MiniSearchTuned();
    case 'flexsearch-typical':
      return new FlexSearchTypical();
    case 'flexsearch':
      return new FlexSearchTuned();
    case 'orama-typical':
      return new OramaTypical();
    case 'orama':
      return new OramaTuned();
    case 'fuse-typical':
      return new FuseTypical();
    case 'fuse':
      return new FuseTuned();
  }
}

export type { Engine, Positions } from './types.js';
