/**
 * @factcite/site: the fact browser. Builds a static website from a factcite
 * release (a page per fact, source, entity and topic, charts of the amounts,
 * the releases) whose home page searches in the browser with the release's
 * prebuilt index, and serves it for a preview on 127.0.0.1.
 */
export { buildSite, buildSearchAssets, NotASiteError, SITE_MARKER, type BuildSiteOptions, type BuildSiteResult } from './build.js';
export { readReleaseInfo, changelogSections, type ReleaseInfo } from './release-info.js';
export { serveSite, type ServeOptions, type SiteServer } from './serve.js';
export type { ReleaseEntry } from './context.js';
export { escapeHtml, html } from './html.js';
export { CONTENT_SECURITY_POLICY } from './layout.js';
