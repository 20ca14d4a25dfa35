/**
 * What a document is checked for besides its citations, decided once for
 * every front end: uncited-claim hints by the writer's setting, except in the
 * corpus's own articles; and the release the report pins in its front matter
 * (`factcite: 0.1.0`), read from the served corpus's `releases/` snapshots,
 * so that facts changed since then are noted where they are cited.
 */
import { createPinResolver, type PinResolution } from '@factcite/core';
import type { DiagnosticsOptions } from '@factcite/language-service';
import type { HostIO, LoadedCorpus } from './types.js';

/**
 * The corpus folders that hold its articles. Every number in a source article
 * is uncited by design (the facts quote it), so hints there would be noise on
 * the page a hover card's "open source" link shows.
 */
const ARTICLE_FOLDERS = ['sources/', 'raw/'];

/** Decides each document's check options; one pin resolver per served corpus, so each pinned snapshot is read once per load. */
export class CheckOptionsSource {
  private readonly resolvers = new WeakMap<LoadedCorpus, (text: string) => PinResolution>();

  constructor(private readonly io: Pick<HostIO, 'readReleaseSnapshot' | 'corpusPathOf'>) {}

  /** The options for the document at `uri` with `text`, checked against `corpus`; `uncitedClaims` is the writer's setting. */
  options(uri: string, text: string, corpus: LoadedCorpus, uncitedClaims: boolean): DiagnosticsOptions {
    const inCorpus = this.io.corpusPathOf(corpus.origin, uri);
    const article = inCorpus !== undefined && ARTICLE_FOLDERS.some((folder) => inCorpus.startsWith(folder));
    const out: DiagnosticsOptions = { uncited: uncitedClaims && !article };
    const pin = this.resolver(corpus)(text);
    if (pin.kind === 'pinned') out.pinned = pin.release;
    else if (pin.kind === 'problem') out.pinProblem = { start: pin.start, end: pin.end, message: pin.message, detail: pin.detail };
    return out;
  }

  private resolver(corpus: LoadedCorpus): (text: string) => PinResolution {
    let resolve = this.resolvers.get(corpus);
    if (!resolve) {
      resolve = createPinResolver((version) => this.io.readReleaseSnapshot(corpus.origin, version), corpus.index.version);
      this.resolvers.set(corpus, resolve);
    }
    return resolve;
  }
}
