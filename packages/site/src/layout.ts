import { type Html, html } from './html.js';
import type { Links } from './links.js';
import { DISPLAY_SCRIPTS } from './scripts.js';

/**
 * Only this site's own files may load: no script, style, font or data from
 * elsewhere, no inline script. Charts are inline SVG whose styles the
 * stylesheet carries, so styles need no exception either.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

/** The sections in the header's navigation, by key. */
const NAV = [
  ['home', '', 'Search', '搜索'],
  ['charts', 'charts/', 'Charts', '图表'],
  ['sources', 'sources/', 'Sources', '来源'],
  ['entities', 'entities/', 'Entities', '实体'],
  ['topics', 'topics/', 'Topics', '主题'],
  ['releases', 'releases/', 'Releases', '版本'],
] as const;

type Section = (typeof NAV)[number][0];

export interface PageOptions {
  links: Links;
  /** The page title as text (the site's name is added). */
  title: string;
  section?: Section;
  description?: string;
  version: string | undefined;
  body: Html;
}

/** A whole page: the shell every page shares (landmarks, navigation, the display-script switch, the policy). */
export function page({ links, title, section, description, version, body }: PageOptions): string {
  const nav = NAV.map(
    ([key, href, label, zh]) =>
      html`<li><a href="${links.root(href)}"${key === section ? html` aria-current="page"` : ''}>${label} <span lang="zh-Hans">${zh}</span></a></li>`,
  );
  const options = DISPLAY_SCRIPTS.map(({ key, label, lang }) => html`<option value="${key}" lang="${lang}">${label}</option>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<title>${title} · factcite</title>
${description ? html`<meta name="description" content="${description}">` : ''}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${links.root('assets/site.css')}">
<script src="${links.root('assets/script-choice.js')}"></script>
<script src="${links.root('assets/site.js')}" defer></script>
</head>
<body data-base="${links.base}">
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="${links.root()}">factcite <span class="tagline" lang="zh-Hans">香港与大湾区人工智能事实库</span></a>
<nav aria-label="Site"><ul>${nav}</ul></nav>
<div class="script-switch" hidden>
<label for="script-switch">Script <span lang="zh-Hans">字体</span></label>
<select id="script-switch">${options}</select>
</div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
<p>Corpus ${version ?? '(unversioned)'} · Built by <code>factcite site</code> from the release · <a href="${links.root('releases/')}">Releases and how to verify them</a></p>
</footer>
<div class="toast" role="status" aria-live="polite"></div>
</body>
</html>
`.text;
}
