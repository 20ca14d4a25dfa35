// The fact browser as a reader uses it, in Debian's real Chromium driven by
// playwright-core: build the site from the real corpus with `factcite site`,
// serve it, search in both scripts and English and get the CLI's first
// results, read a fact's quote, copy a citation and a footnote, switch the
// display script (and find it remembered), follow a deprecated fact to its
// successor, find a quote highlighted on its source page, use the keyboard
// and a phone-sized screen, and check every page with axe-core. Any request
// that leaves the site, any page error and any CSP violation fails the run.
// Measures (first-result latency, compressed weight) go to
// test-results/site-measures.json; screenshots to test-results/screenshots/
// (docs/images/ with FACTCITE_SITE_SCREENSHOTS=1).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFactIndex, resolveSuccessor } from '@factcite/core';
import { footnote, noteIn, statementIn } from '@factcite/language-service';
import { chromium } from 'playwright-core';
import { serveSite } from '../../dist/index.js';
import { pageWeight, typeQuery } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..');
const repoRoot = path.resolve(packageRoot, '..', '..');
const cli = path.join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const shots = process.env.FACTCITE_SITE_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : path.join(packageRoot, 'test-results', 'screenshots');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const started = Date.now();

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function factcite(...args) {
  return execFileSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'factcite-site-'));
const out = path.join(tmp, 'site');
console.log('Building the site from the real corpus with factcite site…');
execFileSync(process.execPath, [cli, 'site', '--out', out], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
// Expectations come from the corpus the site was built from, not from the site.
const corpus = JSON.parse(readFileSync(path.join(out, 'assets', 'search-data.json'), 'utf8')).corpus;
const full = JSON.parse(factcite('sources', '--json'));
const index = createFactIndex({ ...corpus, sources: full }, { validate: false });

const server = await serveSite({ dir: out });
const origin = new URL(server.url).origin;
const results = [];
const problems = [];
const measures = { searches: [] };
let browser;
let page;

async function step(name, body) {
  const t0 = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n      ${String(error?.message ?? error)
        .split('\n')
        .join('\n      ')}`,
    );
    await page?.screenshot({ path: path.join(tmp, `failed-${results.length}.png`) }).catch(() => {});
  }
}

/** Runs axe-core in the page (evaluated through the protocol, so the page's CSP stays on) and returns serious and critical violations. */
async function axe(label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

async function visibleText(selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

/** Types a query as a reader does, key by key, and waits for the results of the whole of it. */
async function search(query) {
  const latencies = await typeQuery(page, query);
  measures.searches.push({ query, keystrokes: latencies.length, max_ms: Math.max(...latencies), first_ms: latencies[0] });
  return page.$$eval('#results li a', (links) => links.map((a) => decodeURIComponent(new URL(a.href).pathname.split('/').filter(Boolean).pop())));
}

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-HK' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // Every request is looked at: one that leaves the site is refused and fails the run.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    problems.push(`request outside the site: ${url}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
  });
  console.log(`Chromium ${browser.version()}; site on ${server.url}`);

  await step('home page loads its index and weighs under 300 KB compressed', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-search-ready="true"]', { timeout: 20_000 });
    const weight = await pageWeight(page);
    measures.home = weight;
    assert(
      weight.files.some((f) => f.path.endsWith('search-index.bin')),
      `the index was not loaded: ${weight.files.map((f) => f.path).join(', ')}`,
    );
    assert(weight.encoded < 300 * 1024, `home page with its index weighs ${(weight.encoded / 1024).toFixed(0)} KB compressed`);
    assert((await page.getAttribute('input#q', 'type')) === 'search', 'the search box is not an <input type="search">');
  });

  await step('search in Simplified, Traditional and English gives the first results of factcite search', async () => {
    for (const query of ['数码港', '數碼港', 'cyberport', '人工智能 超算', '十億港元', 'AI companies Science Park', 'hk-ai-rd']) {
      const expected = JSON.parse(factcite('search', '--json', '--limit', '10', query)).map((f) => f.id);
      const got = await search(query);
      assert(expected.length > 0, `the CLI finds nothing for "${query}": pick a query the corpus answers`);
      assert(
        JSON.stringify(got) === JSON.stringify(expected),
        `"${query}": the browser shows ${got.slice(0, 5).join(', ')}; factcite search gives ${expected.slice(0, 5).join(', ')}`,
      );
    }
    const [hans, hant] = [await search('数码港'), await search('數碼港')];
    assert(JSON.stringify(hans) === JSON.stringify(hant), '数码港 and 數碼港 find different facts');
    const first = await page.locator('#results li').first();
    assert((await first.locator('.meta').innerText()).includes('·'), 'a result shows no value, date or source');
  });

  let factId;
  await step('a result opens its fact page, with the quote inside its paragraph', async () => {
    await search('研发院');
    await page.locator('#q').press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('#results') !== null && document.activeElement?.tagName);
    assert(focused === 'A', 'ArrowDown from the search box does not reach the first result');
    await Promise.all([page.waitForURL(/\/facts\/[^/]+\/$/), page.keyboard.press('Enter')]);
    factId = decodeURIComponent(new URL(page.url()).pathname.split('/').filter(Boolean).pop());
    const fact = index.get(factId);
    assert(fact, `opened ${page.url()}, which is no fact`);
    const marks = await page.locator('figure.citation mark').allInnerTexts();
    for (const c of fact.citations) assert(marks.includes(c.quote), `the quote "${c.quote}" is not highlighted on the page (marks: ${marks.join(' | ')})`);
    const paragraph = await visibleText('figure.citation blockquote p');
    assert(paragraph.length > fact.citations[0].quote.length || paragraph === fact.citations[0].quote, 'the quote is not shown inside its paragraph');
    assert((await page.locator('dd[lang="en"]').first().innerText()).trim() === fact.statement.en, 'the English statement is missing');
    await page.screenshot({ path: path.join(shots, 'site-fact.png'), fullPage: true });
  });

  await step('copy the citation and a footnote in the chosen script', async () => {
    await page.click('button[data-copy="cite-key"]');
    assert((await page.evaluate(() => navigator.clipboard.readText())) === `[@fact:${factId}]`, 'the clipboard does not hold the citation');
    await page.selectOption('#script-switch', 'tw');
    await page.click('button[data-copy="cite-footnote"]');
    const expected = footnote(index.get(factId), index, 'zh-Hant-TW');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied === expected, `the footnote copied in 繁體（台灣） is\n${copied}\nnot\n${expected}`);
    assert((await visibleText('.toast')).startsWith('Copied'), 'copying is not announced');
  });

  await step('the display-script switch changes statements and is remembered', async () => {
    const fact = index.get(factId);
    await page.selectOption('#script-switch', 'en');
    assert((await visibleText('h1')) === fact.statement.en, 'the heading is not in English after choosing English');
    await page.reload();
    assert(
      (await page.inputValue('#script-switch')) === 'en' && (await visibleText('h1')) === fact.statement.en,
      'the choice of English is forgotten on reload',
    );
    await page.selectOption('#script-switch', 'hk');
    await page.goto(server.url);
    await page.waitForSelector('body[data-search-ready="true"]');
    await search('研发院');
    const firstId = (await search('研发院'))[0];
    assert((await visibleText('#results li a')) === statementIn(index.get(firstId), 'zh-Hant-HK', index), 'search results do not follow 繁體（香港）');
    assert((await page.getAttribute('#results li a span', 'lang')) === 'zh-Hant-HK', 'a result in 繁體（香港） is not marked lang="zh-Hant-HK"');
    await page.selectOption('#script-switch', 'o');
  });

  // Notes arrived with corpus 0.2.0; until a fact has some, this step says it had nothing to check.
  const noted = index.all().find((f) => f.notes?.length);
  if (noted) {
    await step("a fact's notes are shown before its citation", async () => {
      await page.goto(`${server.url}facts/${noted.id}/`);
      const shown = await page.locator('.notes li').allInnerTexts();
      const expected = noted.notes.map((note) => noteIn(note, noted, 'original', index));
      assert(
        JSON.stringify(shown.map((t) => t.trim())) === JSON.stringify(expected),
        `${noted.id}: the page shows notes ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`,
      );
    });
  } else console.log('  – no fact of this corpus has notes: the notes step has nothing to check');

  await step('a deprecated fact says so and leads to its successor', async () => {
    const deprecated = index.all().find((f) => f.status === 'deprecated');
    assert(deprecated, 'the corpus has no deprecated fact to follow');
    const successor = resolveSuccessor(index, deprecated.id);
    await page.goto(`${server.url}facts/${deprecated.id}/`);
    assert((await visibleText('.notice')).includes('Deprecated'), 'no deprecation notice');
    await Promise.all([page.waitForURL(`${server.url}facts/${successor}/`), page.click('.notice a.successor')]);
    assert((await visibleText('h1')).length > 0 && (await visibleText('.kicker')).includes(successor), 'the successor page does not show the successor');
  });

  await step('a source page highlights each quote and links it to its fact', async () => {
    const source = index.sources()[0];
    const fact = index.bySource(source.id)[0];
    const quote = fact.citations.find((c) => c.source === source.id).quote;
    await page.goto(`${server.url}sources/${source.id}/`);
    const marked = await page.$$eval('.source-text mark a', (links) => links.map((a) => ({ text: a.textContent, href: new URL(a.href).pathname })));
    const text = marked.map((m) => m.text).join('');
    assert(text.includes(quote.slice(0, 6)), `the quote of ${fact.id} is not marked`);
    assert(
      marked.every((m) => m.href.startsWith('/facts/')),
      'a marked span links elsewhere than a fact',
    );
    const link = marked.find((m) => m.href === `/facts/${fact.id}/`);
    assert(link, `no marked span links to ${fact.id}`);
  });

  await step('charts draw each mark as a link to its fact, without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    await noScript.route('**/*', (route) => {
      if (route.request().url().startsWith(`${origin}/`)) return route.continue();
      problems.push(`request outside the site: ${route.request().url()}`);
      return route.abort();
    });
    const plain = await noScript.newPage();
    await plain.goto(`${server.url}charts/`);
    const hrefs = await plain.$$eval('svg.chart a', (links) => links.map((a) => a.getAttribute('href')));
    assert(hrefs.length > 0, 'no chart marks are links');
    for (const href of hrefs) assert(/^\/facts\/[a-z0-9-]+\/$/.test(href) && index.get(href.split('/')[2]), `a mark links to ${href}`);
    assert((await plain.locator('h1').innerText()) === 'Charts', 'the charts page does not render without JavaScript');
    await noScript.close();
    await page.goto(`${server.url}charts/`);
    await page
      .locator('svg.chart')
      .first()
      .screenshot({ path: path.join(shots, 'site-chart.png') });
  });

  await step('keyboard: the skip link and the script switch', async () => {
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    assert((await page.evaluate(() => document.activeElement?.className)) === 'skip', 'the first Tab does not reach the skip link');
    await page.keyboard.press('Enter');
    assert((await page.evaluate(() => document.activeElement?.id)) === 'main', 'the skip link does not move focus to the content');
    await page.focus('#script-switch');
    await page.keyboard.press('ArrowDown');
    assert((await page.evaluate(() => document.documentElement.dataset.script)) === 'hans', 'the script switch does not answer the keyboard');
    await page.selectOption('#script-switch', 'o');
  });

  await step('readable on a phone: no page scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['', `facts/${factId}/`, `sources/${index.sources()[0].id}/`, 'charts/', 'releases/']) {
      await page.goto(server.url + url);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert(scroll <= width, `${url || 'home'} is ${scroll}px wide on a ${width}px screen`);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  await step('axe-core: no serious or critical violations', async () => {
    const found = [];
    await page.goto(server.url);
    await page.waitForSelector('body[data-search-ready="true"]');
    await search('數碼港');
    await page.screenshot({ path: path.join(shots, 'site-home.png') });
    found.push(...(await axe('home with results')));
    const entity = index.entities()[0];
    const deprecated = index.all().find((f) => f.status === 'deprecated');
    for (const url of [
      `facts/${factId}/`,
      `facts/${deprecated.id}/`,
      `sources/${index.sources()[0].id}/`,
      `entities/${entity.id}/`,
      'entities/',
      `topics/${index.topics()[0]}/`,
      'charts/',
      'releases/',
      'sources/',
      'facts/',
      '404.html',
    ]) {
      await page.goto(server.url + url);
      found.push(...(await axe(url)));
    }
    assert(found.length === 0, found.join('\n'));
  });

  await step('no request left the site, no page error, no CSP violation', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
} finally {
  await browser?.close().catch(() => {});
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
const passed = results.length - failed;
mkdirSync(path.join(packageRoot, 'test-results'), { recursive: true });
writeFileSync(
  path.join(packageRoot, 'test-results', 'site-measures.json'),
  `${JSON.stringify({ date: new Date().toISOString(), facts: index.size, ...measures }, null, 2)}\n`,
);
const searches = measures.searches;
if (searches.length) {
  const worst = Math.max(...searches.map((s) => s.max_ms));
  console.log(
    `first result after a keystroke: worst ${worst.toFixed(1)} ms over ${searches.reduce((n, s) => n + s.keystrokes, 0)} keystrokes; home page ${((measures.home?.encoded ?? 0) / 1024).toFixed(0)} KB compressed`,
  );
}
console.log(`${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);
