import { FactciteEngine } from './factcite.js';
import { FlexSearchEngine } from './flexsearch.js';
import { FuseEngine } from './fuse.js';
import { LinearEngine } from './linear.js';
import { MiniSearchEngine } from './minisearch.js';
import type { Engine, Positions } from './types.js';

/** Engine names as the command line takes them. */
export const ENGINES = ['linear', 'factcite', 'minisearch', 'flexsearch', 'fuse'] as const;
export type EngineName = (typeof ENGINES)[number];

export function makeEngine(name: EngineName, positions: Positions): Engine {
  switch (name) {
    case 'linear':
      return new LinearEngine();
    case 'factcite':
      return new FactciteEngine(positions);
    case 'minisearch':
      return new MiniSearchEngine();
    case 'flexsearch':
      return new FlexSearchEngine();
    case 'fuse':
      return new FuseEngine();
  }
}

export type { Engine, Positions } from './types.js';
