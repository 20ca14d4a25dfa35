import { InvalidArgumentError } from '@factcite/core';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where the site is served from, as a URL path (`/`, `/factcite/`): every
 * link starts with it, so the same files work at a host's root or below it.
 */
export function normaliseBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '/') return '/';
  const withSlashes = `/${base.replace(/^\/+|\/+$/g, '')}/`;
  // Letters, digits and the few punctuation marks a path segment needs: the base is written into every page.
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)+$/.test(withSlashes) || withSlashes.split('/').some((part) => part === '..' || part === '.')) {
    throw new InvalidArgumentError('buildSite', [{ path: 'base', message: `must be a URL path such as /factcite/ (letters, digits, . _ ~ -), not "${base}"` }]);
  }
  return withSlashes;
}

/** The kinds of record with a page of their own, and their folders. */
export type PageKind = 'facts' | 'sources' | 'entities' | 'topics';

/** Links inside the site, all under one base path. */
export class Links {
  constructor(readonly base: string) {}

  /** A page of a record; the id is checked, since it becomes a folder name and a URL. */
  record(kind: PageKind, id: string): string {
    if (!KEBAB.test(id)) throw new InvalidArgumentError('buildSite', [{ path: `${kind}`, message: `id must be kebab-case to become a page: "${id}"` }]);
    return `${this.base}${kind}/${id}/`;
  }

  fact(id: string): string {
    return this.record('facts', id);
  }
  source(id: string): string {
    return this.record('sources', id);
  }
  entity(id: string): string {
    return this.record('entities', id);
  }
  topic(id: string): string {
    return this.record('topics', id);
  }
  /** A file or page at the site's root: `''` is the home page. */
  root(relative = ''): string {
    return `${this.base}${relative}`;
  }
}
