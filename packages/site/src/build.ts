import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Corpus, createFactIndex, FactciteError, type FactIndex } from '@factcite/core';
import { writeDirectoryAtomically } from '@factcite/core/node';
import { createContext, type ReleaseEntry, type SiteContext } from './context.js';
import { jsonForScript } from './html.js';
import { Links, normaliseBase } from './links.js';
import { chartsPage } from './pages/charts.js';
import { entitiesIndexPage, entityPage, topicPage, topicsIndexPage } from './pages/entity.js';
import { factPage } from './pages/fact.js';
import { homePage } from './pages/home.js';
import { factsIndexPage, notFoundPage } from './pages/misc.js';
import { releasesPage } from './pages/releases.js';
import { sourcePage, sourcesIndexPage } from './pages/source.js';
import { searchData } from './search-data.js';

/** The file that marks a directory as a site this command wrote, and so one it may replace. */
export const SITE_MARKER = '.factcite-site';

/** A directory the build refuses to replace: it holds files and is not a site built here before. */
export class NotASiteError extends FactciteError {
  constructor(dir: string) {
    super('not-a-site', `${dir} exists, is not empty and is not a site factcite built (no ${SITE_MARKER} inside); choose another --out or empty it`);
  }
}

export interface BuildSiteOptions {
  corpus: Corpus;
  /** Where the site goes; replaced whole, atomically, if it is a site built before. */
  outDir: string;
  /** The URL path the site is served under (default `/`). */
  base?: string;
  /** The release's prebuilt search index; used when it fits the corpus, else one is exported. */
  searchIndex?: Uint8Array;
  /** The releases to list, newest first (default: only the corpus shown). */
  releases?: ReleaseEntry[];
  /** The hash of the release shown, for the releases page when `releases` does not list it. */
  releaseHash?: string;
}

export interface BuildSiteResult {
  outDir: string;
  pages: number;
  files: number;
  bytes: number;
  /** Whether the release's prebuilt index was used (false: exported from the corpus). */
  usedPrebuiltIndex: boolean;
}

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A file of this package, shipped beside dist/ (the stylesheet, the built browser script). */
function packageFile(relative: string): Buffer {
  return readFileSync(path.join(packageRoot, relative));
}

/** The prebuilt index when createFactIndex accepts it for these facts, else an index built and exported now. */
function indexFor(corpus: Corpus, prebuilt: Uint8Array | undefined): { index: FactIndex; bytes: Uint8Array; prebuilt: boolean } {
  if (prebuilt) {
    try {
      return { index: createFactIndex(corpus, { searchIndex: prebuilt, validate: false }), bytes: prebuilt, prebuilt: true };
    } catch {
      // An index of another version of the corpus or of core: build one that fits.
    }
  }
  const index = createFactIndex(corpus, { validate: false });
  return { index, bytes: index.exportSearchIndex(), prebuilt: false };
}

/** The two files the home page loads to search: the records and display texts, and the index. */
function searchAssets(ctx: SiteContext, indexBytes: Uint8Array): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['assets/search-data.json', jsonForScript(searchData(ctx))],
    ['assets/search-index.bin', indexBytes],
  ]);
}

/**
 * Only the search assets of a corpus, as buildSite writes them: for
 * measuring what the home page loads at a size no one would build every
 * page of (the site bench's 100k facts).
 */
export function buildSearchAssets(corpus: Corpus, searchIndex?: Uint8Array): Map<string, string | Uint8Array> {
  const { index, bytes } = indexFor(corpus, searchIndex);
  return searchAssets(createContext(corpus, index, new Links('/'), []), bytes);
}

function expectReplaceable(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory() || (readdirSync(outDir).length > 0 && !existsSync(path.join(outDir, SITE_MARKER)))) {
    throw new NotASiteError(outDir);
  }
}

/**
 * Writes the static site of a corpus: the home and search page, a page per
 * fact, source, entity and topic, the charts and the releases. Pages link
 * under `base`; the directory is written whole and swapped in at once.
 */
export function buildSite(options: BuildSiteOptions): BuildSiteResult {
  const outDir = path.resolve(options.outDir);
  const links = new Links(normaliseBase(options.base));
  expectReplaceable(outDir);
  const { corpus } = options;
  const { index, bytes, prebuilt } = indexFor(corpus, options.searchIndex);
  const releases = options.releases?.length
    ? options.releases
    : [
        {
          version: corpus.version ?? 'unversioned',
          hash: options.releaseHash ?? '',
          counts: { facts: corpus.facts.length, sources: corpus.sources.length, entities: corpus.entities.length },
        },
      ];
  const ctx = createContext(corpus, index, links, releases);
  const files = new Map<string, string | Uint8Array>();
  const pageAt = (dir: string, html: string) => files.set(dir ? `${dir}/index.html` : 'index.html', html);

  pageAt('', homePage(ctx));
  pageAt('facts', factsIndexPage(ctx));
  for (const fact of index.all()) pageAt(`facts/${fact.id}`, factPage(ctx, fact));
  pageAt('sources', sourcesIndexPage(ctx));
  for (const source of index.sources()) pageAt(`sources/${source.id}`, sourcePage(ctx, source));
  pageAt('entities', entitiesIndexPage(ctx));
  for (const entity of index.entities()) pageAt(`entities/${entity.id}`, entityPage(ctx, entity));
  pageAt('topics', topicsIndexPage(ctx));
  for (const topic of index.topics()) pageAt(`topics/${topic}`, topicPage(ctx, topic));
  pageAt('charts', chartsPage(ctx));
  pageAt('releases', releasesPage(ctx));
  files.set('404.html', notFoundPage(ctx));
  const pages = files.size;

  for (const [file, content] of searchAssets(ctx, bytes)) files.set(file, content);
  files.set('assets/site.js', packageFile('dist/client/site.global.js'));
  files.set('assets/script-choice.js', packageFile('dist/client/script-choice.global.js'));
  files.set('assets/site.css', packageFile('assets/site.css'));
  files.set(SITE_MARKER, `Written by factcite site from corpus ${corpus.version ?? '(unversioned)'}; the next build replaces this directory whole.\n`);

  writeDirectoryAtomically(outDir, files);
  let total = 0;
  for (const content of files.values()) total += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { outDir, pages, files: files.size, bytes: total, usedPrebuiltIndex: prebuilt };
}
