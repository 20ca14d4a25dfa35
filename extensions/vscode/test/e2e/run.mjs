// End-to-end test: the packaged .vsix in a real VS Code (code-server),
// driven through Debian's Chromium as a writer would use it. Run by
// `pnpm test:e2e` from the repository root, which packages the extension first.
//
// It opens a copy of examples/report.md, completes a citation after `[@fact:`
// in Simplified, Traditional and English, reads a hover card, reads the
// unknown-id error in Problems and applies the did-you-mean fix, replaces
// a deprecated fact with its successor, and fixes a number that contradicts
// the fact it cites. Then, with Workspace Trust on, it opens
// an untrusted folder whose settings name a corpus of its own, checks that the
// corpus is not loaded until the folder is trusted. Last, with VS Code's display
// language set to Simplified Chinese, it checks the extension's UI and messages
// are in Chinese and silences a warning with "Ignore this warning here". Screenshots go to test-results/screenshots/
// (media/screenshots/ with FACTCITE_E2E_UPDATE_SCREENSHOTS=1).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, installExtension, startServer, stopServer, writeUserSettings } from './code-server.mjs';
import { until, Workbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionRoot = path.resolve(here, '..', '..');
const repoRoot = path.resolve(extensionRoot, '..', '..');
// A test run must not dirty the tree: screenshots go to test-results/ unless
// FACTCITE_E2E_UPDATE_SCREENSHOTS=1 asks to refresh the marketplace ones in media/.
const shots = process.env.FACTCITE_E2E_UPDATE_SCREENSHOTS
  ? path.join(extensionRoot, 'media', 'screenshots')
  : path.join(extensionRoot, 'test-results', 'screenshots');
const started = Date.now();

const { version } = JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
const vsix = path.join(extensionRoot, `factcite-${version}.vsix`);
if (!existsSync(vsix)) {
  console.error(`${path.relative(repoRoot, vsix)} is missing: run \`pnpm package:vscode\` first (\`pnpm test:e2e\` does).`);
  process.exit(1);
}
// Expectations come from the corpus the package ships, not from the extension's answers.
const corpus = JSON.parse(readFileSync(path.join(extensionRoot, 'dist', 'corpus.json'), 'utf8'));
const facts = new Map(corpus.facts.map((f) => [f.id, f]));
const report = readFileSync(path.join(repoRoot, 'examples', 'report.md'), 'utf8');

console.log('Setting up code-server (cached after the first run)…');
const serverDir = execFileSync('bash', [path.join(extensionRoot, 'scripts', 'setup-code-server.sh')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
  .trim()
  .split('\n')
  .pop();

const tmp = mkdtempSync(path.join(os.tmpdir(), 'factcite-e2e-'));
const dirs = {
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  config: path.join(tmp, 'config.yaml'),
  workspace: path.join(tmp, 'reports'),
  browser: path.join(tmp, 'chromium'),
};
mkdirSync(dirs.workspace, { recursive: true });
mkdirSync(shots, { recursive: true });
writeFileSync(dirs.config, 'auth: none\n');
const reportFile = path.join(dirs.workspace, 'report.md');
writeFileSync(reportFile, report);
// A second report, for Find All References across the workspace.
writeFileSync(path.join(dirs.workspace, 'appendix.md'), '# 附录\n\n研发院的拨款见[@fact:hk-ai-rd-institute-funding]。\n');
// A right citation next to a wrong number (the source says 10亿港元), for the value check.
const numbersFile = path.join(dirs.workspace, 'numbers.md');
writeFileSync(numbersFile, '# 数字\n\n政府预留20亿港元成立研发院[@fact:hk-ai-rd-institute-funding]。\n');
// Reports for the completion steps: a citation being typed mid-sentence in each script, and an empty one.
const midSentences = [
  ['Simplified', 'mid-hans.md', '政府预留10亿港元[@fact:研发院', '成立香港人工智能研发院，由数字政策办公室负责。'],
  ['Traditional', 'mid-hant.md', '政府預留10億港元[@fact:研發院', '成立香港人工智能研發院，由數字政策辦公室負責。'],
];
for (const [script, file, before, after] of midSentences) writeFileSync(path.join(dirs.workspace, file), `# ${script}\n\n${before}${after}\n`);
writeFileSync(path.join(dirs.workspace, 'sentence.md'), '# Sentence\n\n');
writeFileSync(path.join(dirs.workspace, 'ime.md'), '# 输入法\n\n');
// A citation typed whole with a Chinese input method on: full-width brackets around it.
// For the Chinese session: a wrong number (a value-mismatch warning, to ignore) and an unknown id (an error, kept).
const zhFile = path.join(dirs.workspace, 'zh.md');
writeFileSync(zhFile, '# 中文\n\n政府预留20亿港元成立研发院[@fact:hk-ai-rd-institute-funding]。\n见[@fact:no-such-fact-zh]。\n');
const imeFixFile = path.join(dirs.workspace, 'ime-fix.md');
writeFileSync(imeFixFile, '# 全角\n\n政府预留10亿港元【@fact:hk-ai-rd-institute-funding】。\n');
// The fact with the most quotes, for a hover that must show them all without scrolling.
const corroborated = corpus.facts.filter((f) => f.status === 'active').toSorted((a, b) => b.citations.length - a.citations.length)[0];
writeFileSync(path.join(dirs.workspace, 'corroborated.md'), `# 多源\n\n见[@fact:${corroborated.id}]。\n`);
// A claim stated without its citation, and a report pinned to the first release (issue 17).
const uncitedFile = path.join(dirs.workspace, 'uncited.md');
writeFileSync(uncitedFile, '# 企业\n\n目前香港科学园和数码港已集中800多家人工智能相关企业，2024年还吸引了更多企业落户。\n');
const pinnedFile = path.join(dirs.workspace, 'pinned.md');
writeFileSync(pinnedFile, '---\ntitle: 简报\nfactcite: 0.1.0\n---\n\n# 资助\n\n特区政府推出30亿港元的人工智能资助计划[@fact:hk-ai-subsidy-scheme-3bn]。\n');
writeUserSettings(dirs, { 'factcite.inlineValues': true });

/** One-based line and column of the first occurrence of `needle` in `text` (column in UTF-16 units). */
function locate(text, needle, from = 0) {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in the report`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Points the mouse at a citation in the report and returns its hover card's text. */
async function showCard(id) {
  await wb.openFile('report.md');
  const { line, column } = locate(readFileSync(reportFile, 'utf8'), `@fact:${id}`);
  await wb.goTo(line, column + 8);
  await wb.hoverAtCursor();
  return wb.hoverText();
}

function mentionsCyberport(fact) {
  const text = JSON.stringify(fact.statement).toLowerCase();
  return fact.entities.includes('cyberport') || fact.attributedTo === 'cyberport' || /数码港|數碼港|cyberport/.test(text);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const results = [];
let server;
let browser;
let wb;

// FACTCITE_E2E_ONLY=text runs only the steps whose names contain it (for debugging a step).
const only = process.env.FACTCITE_E2E_ONLY;

async function step(name, body) {
  if (only && !name.includes(only)) return;
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
    if (wb) await wb.screenshot(path.join(tmp, `failed-${results.length}.png`)).catch(() => {});
    await wb?.keyboard.press('Escape').catch(() => {});
  }
}

try {
  installExtension(serverDir, dirs, vsix);
  const port = await freePort();
  server = await startServer(serverDir, dirs, port, path.join(tmp, 'code-server.log'));
  browser = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1360, height: 820 },
  });
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
  const page = browser.pages()[0] ?? (await browser.newPage());
  wb = new Workbench(page);
  console.log(`code-server ${path.basename(path.dirname(path.dirname(serverDir)))} on 127.0.0.1:${port}; workspace ${dirs.workspace}`);
  await wb.open(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await wb.openFile('report.md');

  await step('the status bar shows the corpus version and fact count', async () => {
    const expected = `factcite ${corpus.version} · ${corpus.facts.length} facts`;
    await until(
      `"${expected}" in the status bar`,
      async () => (await page.locator('#status\\.extensionMessage, .statusbar-item').allInnerTexts()).some((t) => t.includes(expected)),
      30_000,
    );
  });

  const queries = [
    ['Simplified', '数码港'],
    ['Traditional', '數碼港'],
    ['English', 'cyberport'],
  ];
  const lists = {};
  for (const [script, query] of queries) {
    await step(`completion after [@fact: filters in ${script} (${query})`, async () => {
      await page.keyboard.press('Control+End');
      await wb.type('\n\n数码港的算力[@fact:');
      const unfiltered = await wb.settledSuggestions('suggestions after [@fact:');
      await wb.type(query);
      const rows = await wb.settledSuggestions(`suggestions for ${query}`, unfiltered);
      const ids = rows.map((r) => r.label);
      const strangers = ids.filter((id) => !facts.has(id));
      assert(strangers.length === 0, `offered ids that are not in the corpus: ${strangers.join(', ')}`);
      const unrelated = ids.filter((id) => !mentionsCyberport(facts.get(id)));
      assert(unrelated.length === 0, `${query} offered facts that do not mention Cyberport: ${unrelated.join(', ')}`);
      lists[script] = ids;
      if (script === 'Simplified') {
        // Open the details pane (statement, value, source, quote) for the screenshot.
        await until(
          'the details pane',
          async () => {
            if ((await page.locator('.suggest-widget.visible.shows-details').count()) > 0) return true;
            await page.keyboard.press('Control+Space');
            return false;
          },
          10_000,
          1000,
        );
        await page.waitForTimeout(500);
        await wb.screenshot(path.join(shots, 'completion.png'));
      }
      if (script !== 'English') {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+K');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        return;
      }
      // Accept the first item: the id goes in and the bracket is closed.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+S');
      const saved = await until(
        'the report saved with the accepted citation',
        () => readFileSync(reportFile, 'utf8').includes(`数码港的算力[@fact:${ids[0]}]`) && readFileSync(reportFile, 'utf8'),
      );
      assert(!saved.includes('[@fact:数码港') && !saved.includes(`${ids[0]}]]`), 'the accepted item left stray text behind');
    });
  }
  await step('Simplified and Traditional queries list the same facts', async () => {
    assert(lists.Simplified && lists.Traditional, 'a completion step failed');
    assert(
      JSON.stringify(lists.Simplified) === JSON.stringify(lists.Traditional),
      `数码港 gave ${lists.Simplified.join(', ')}\n數碼港 gave ${lists.Traditional.join(', ')}`,
    );
    const shared = lists.English.filter((id) => lists.Simplified.includes(id));
    assert(shared.length > 0, 'cyberport and 数码港 share no fact');
  });

  await step('hovering a citation shows its card with the verbatim quote', async () => {
    const id = 'hk-ai-rd-institute-funding';
    const fact = facts.get(id);
    const card = await showCard(id);
    const quote = fact.citations[0].quote;
    assert(card.includes(quote), `the card lacks the quote "${quote}":\n${card}`);
    assert(card.includes(fact.statement['zh-Hans'] ?? fact.statement['zh-Hant']), 'the card lacks the statement');
    assert(card.includes(fact.statement.en), 'the card lacks the English statement');
    const source = corpus.sources.find((s) => s.id === fact.citations[0].source);
    assert(card.includes(source.publisher), `the card lacks the publisher ${source.publisher}`);
    assert(/Open at quote/.test(card) && /Copy as footnote/.test(card), 'the card lacks its links');
    const bold = await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content strong').allInnerTexts();
    assert(
      bold.some((b) => fact.value.text.includes(b) && b.length > 0),
      `the cited value is not emphasised (bold: ${bold.join(' | ')})`,
    );
    // Let the hover finish fading in.
    await page.waitForTimeout(500);
    await wb.screenshot(path.join(shots, 'hover.png'));
    // The card alone (with the citation above it), for the README.
    const box = await page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
    if (box)
      await page.screenshot({
        path: path.join(shots, 'hover-card.png'),
        clip: { x: box.x - 24, y: box.y - 34, width: box.width + 48, height: box.height + 44 },
      });
  });

  await step('the card copies a footnote', async () => {
    await showCard('hk-ai-rd-institute-funding');
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Copy as footnote' }).first().click();
    const fact = facts.get('hk-ai-rd-institute-funding');
    const copied = await until('a footnote on the clipboard', async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text.startsWith('[^') && text;
    });
    assert(
      copied.startsWith(`[^${fact.id}]: `) && copied.includes(corpus.sources.find((s) => s.id === fact.citations[0].source).publisher),
      `not a footnote for ${fact.id}: ${copied}`,
    );
  });

  await step('the card link opens the source at the quote', async () => {
    await showCard('hk-ai-rd-institute-funding');
    const fact = facts.get('hk-ai-rd-institute-funding');
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open at quote' }).first().click();
    const source = fact.citations[0].source;
    await until(`a tab for ${source}.md`, async () => (await page.locator('.tab.active').innerText()).includes(source));
    const selected = await until('the quote selected', async () => {
      const lines = await page.locator('.editor-instance .monaco-editor .view-line').allInnerTexts();
      return lines.join('\n').includes(fact.citations[0].quote.slice(0, 12)) && (await page.locator('.editor-instance .selected-text').count()) > 0;
    });
    assert(selected, 'the quote is not shown selected');
    await page.keyboard.press('Control+W');
    await wb.openFile('report.md');
  });

  await step('Problems lists the unknown id with a did-you-mean', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = await until('the unknown-fact problem', async () => {
      const all = await wb.problems();
      return all.some((r) => r.includes('Unknown fact "hk-ai-subsidy-scheme-3-billion"') && r.includes('hk-ai-subsidy-scheme-3bn')) && all;
    });
    assert(
      rows.some((r) => r.includes('"hk-ai-companies-800" is deprecated')),
      `no deprecated-fact warning in Problems:\n${rows.join('\n')}`,
    );
  });

  await step('the did-you-mean quick fix replaces the unknown id', async () => {
    await wb.openFile('report.md');
    const { line, column } = locate(readFileSync(reportFile, 'utf8'), 'hk-ai-subsidy-scheme-3-billion');
    await wb.goTo(line, column + 3);
    await wb.quickFix('Replace with "hk-ai-subsidy-scheme-3bn"');
    await wb.screenshot(path.join(shots, 'quick-fix.png'));
    await wb.chooseAction('Replace with "hk-ai-subsidy-scheme-3bn"');
    await page.keyboard.press('Control+S');
    await until('the fixed report on disk', () => readFileSync(reportFile, 'utf8').includes('[@fact:hk-ai-subsidy-scheme-3bn]'));
    assert(!readFileSync(reportFile, 'utf8').includes('hk-ai-subsidy-scheme-3-billion'), 'the unknown id is still there');
    await until('the error gone from Problems', async () => !(await wb.problems()).some((r) => r.includes('hk-ai-subsidy-scheme-3-billion')));
  });

  await step('the deprecated fact is replaced with its successor', async () => {
    await wb.openFile('report.md');
    const successor = facts.get('hk-ai-companies-800').supersededBy;
    const { line, column } = locate(readFileSync(reportFile, 'utf8'), 'hk-ai-companies-800');
    await wb.goTo(line, column + 3);
    await wb.quickFix(`with "${successor}"`);
    await wb.chooseAction(`with "${successor}"`);
    await page.keyboard.press('Control+S');
    await until('the successor on disk', () => readFileSync(reportFile, 'utf8').includes(`[@fact:${successor}]`));
    await until('Problems clear of factcite problems', async () => (await wb.problems()).every((r) => !/Unknown fact|deprecated/.test(r)));
    await wb.screenshot(path.join(shots, 'problems-fixed.png'));
  });

  await step('Go to Definition opens the cleaned source at the quote', async () => {
    await wb.openFile('report.md');
    const fact = facts.get('hk-ai-rd-institute-funding');
    const { line, column } = locate(readFileSync(reportFile, 'utf8'), '@fact:hk-ai-rd-institute-funding');
    await wb.goTo(line, column + 8);
    await page.keyboard.press('F12');
    const source = fact.citations[0].source;
    await until(`a tab for ${source}.md`, async () => (await page.locator('.tab.active').innerText()).includes(source));
    // The cursor lands on the quote in the source as stored (front matter included).
    const sourceText = readFileSync(path.join(extensionRoot, 'dist', 'corpus', 'sources', `${source}.md`), 'utf8');
    const at = locate(sourceText, fact.citations[0].quote);
    await until(`the cursor at Ln ${at.line}, Col ${at.column}`, async () =>
      (await page.locator('.statusbar-item').allInnerTexts()).some((t) => t.includes(`Ln ${at.line}, Col ${at.column}`)),
    );
    const shown = (await page.locator('.editor-instance .monaco-editor .view-line').allInnerTexts()).join('\n');
    assert(shown.includes(fact.citations[0].quote), 'the quote is not on screen');
    await page.keyboard.press('Control+W');
    await wb.openFile('report.md');
  });

  await step('Find All References lists the citations across the workspace', async () => {
    await wb.openFile('report.md');
    const { line, column } = locate(readFileSync(reportFile, 'utf8'), '@fact:hk-ai-rd-institute-funding');
    await wb.goTo(line, column + 8);
    await page.keyboard.press('Shift+F12');
    const title = await until('the references peek', async () => {
      const head = page.locator('.peekview-widget .peekview-title').first();
      return (await head.count()) && (await head.innerText());
    });
    const files = await page.locator('.peekview-widget .monaco-list-row').allInnerTexts();
    // VS Code's Markdown extension reads [@fact:ID] as a link label and reports the same key: each citation must still be listed once.
    const ours = files.filter((f) => f.includes('[@fact:hk-ai-rd-institute-funding]'));
    // Only the current file's group is expanded: its rows are report.md's citations.
    const cited = readFileSync(reportFile, 'utf8').split('[@fact:hk-ai-rd-institute-funding]').length - 1;
    assert(files.some((f) => f.includes('appendix.md')) && files.some((f) => f.includes('report.md')), `references to ${title}:\n${files.join('\n')}`);
    assert(ours.length === cited, `expected each of the ${cited} citations of report.md once:\n${files.join('\n')}`);
    assert(files.some((f) => f.includes('appendix.md')) && files.some((f) => f.includes('report.md')), `reference files: ${files.join(', ')}`);
    await page.keyboard.press('Escape');
  });

  // Accepting a completion mid-sentence: Chinese has no spaces, so nothing after the cursor may be taken for the query.
  for (const [script, file, before, after] of midSentences) {
    await step(`accepting mid-sentence in ${script} keeps every character after the cursor, and the cursor ends after ]`, async () => {
      const full = path.join(dirs.workspace, file);
      await wb.openFile(file);
      await wb.goTo(3, before.length + 1);
      await page.keyboard.press('Control+Space');
      const rows = await wb.settledSuggestions(`suggestions mid-sentence in ${script}`);
      assert(facts.has(rows[0].label), `the first row ${rows[0].label} is not a fact`);
      await page.keyboard.press('Enter');
      // Where the cursor is: type a mark there.
      await wb.type('X');
      await page.keyboard.press('Control+S');
      const prefix = before.slice(0, before.indexOf('[@'));
      const expected = `${prefix}[@fact:${rows[0].label}]X${after}`;
      const saved = await until(`${file} saved with the accepted citation`, () => {
        const text = readFileSync(full, 'utf8');
        return text.split('\n')[2] !== `${before}${after}` && text;
      });
      assert(saved.split('\n')[2] === expected, `expected\n  ${expected}\ngot\n  ${saved.split('\n')[2]}`);
    });
  }

  await step('with no query typed, the first rows are facts about the sentence; ] auto-closed by VS Code is written once', async () => {
    const file = path.join(dirs.workspace, 'sentence.md');
    const sentence = '2025年2月，财政司司长宣布政府预留10亿港元成立香港人工智能研发院';
    await wb.openFile('sentence.md');
    await page.keyboard.press('Control+End');
    await wb.type(`${sentence}[`);
    // VS Code closes the bracket itself at the end of a line.
    await wb.type('@');
    const rows = await wb.settledSuggestions('suggestions with no query');
    // Facts whose value is the amount the sentence states, read from the corpus the package ships.
    const stated = corpus.facts.filter((f) => f.value?.text === '10亿港元' && f.status === 'active').map((f) => f.id);
    assert(stated.length > 0, 'the corpus has no fact of 10亿港元');
    assert(stated.includes(rows[0].label), `the first row ${rows[0].label} is not about the sentence (facts of 10亿港元: ${stated.join(', ')})`);
    const alphabetical = corpus.facts
      .filter((f) => f.status === 'active')
      .map((f) => f.id)
      .sort();
    assert(rows[0].label !== alphabetical[0], 'the rows are in id order');
    await page.waitForTimeout(300);
    await wb.screenshot(path.join(shots, 'completion-sentence.png'));
    await page.keyboard.press('Enter');
    await wb.type('。');
    await page.keyboard.press('Control+S');
    const line = await until('sentence.md saved', () => {
      const last = readFileSync(file, 'utf8').trimEnd().split('\n').pop();
      return last.includes('@fact:') && last.endsWith('。') && last;
    });
    assert(line === `${sentence}[@fact:${rows[0].label}]。`, `expected one ] and the cursor after it, got\n  ${line}`);
  });

  await step('completion after 【@ (a Chinese input method) writes the canonical [@fact:id]', async () => {
    const file = path.join(dirs.workspace, 'ime.md');
    await wb.openFile('ime.md');
    await page.keyboard.press('Control+End');
    await wb.type('政府预留10亿港元【@研发院');
    const rows = await wb.settledSuggestions('suggestions after 【@');
    assert(facts.has(rows[0].label), `the first row ${rows[0].label} is not a fact`);
    await page.keyboard.press('Enter');
    await wb.type('，');
    await page.keyboard.press('Control+S');
    const line = await until('ime.md saved', () => {
      const last = readFileSync(file, 'utf8').trimEnd().split('\n').pop();
      return last.endsWith('，') && last;
    });
    assert(line === `政府预留10亿港元[@fact:${rows[0].label}]，`, `expected the canonical citation, got\n  ${line}`);
  });

  await step('a citation typed with full-width 【】 is flagged and rewritten canonically by its quick fix', async () => {
    const canonical = '[@fact:hk-ai-rd-institute-funding]';
    await wb.openFile('ime-fix.md');
    await page.keyboard.press('Control+Shift+M');
    await until('the malformed-citation error for 【】', async () => (await wb.problems()).some((r) => r.includes('full-width') && r.includes(canonical)));
    await wb.openFile('ime-fix.md');
    const { line, column } = locate(readFileSync(imeFixFile, 'utf8'), '【@fact:');
    await wb.goTo(line, column + 3);
    const title = `Rewrite as ${canonical}`;
    await wb.quickFix(title);
    await wb.chooseAction(title);
    await page.keyboard.press('Control+S');
    await until('the canonical citation on disk', () => readFileSync(imeFixFile, 'utf8').includes(`政府预留10亿港元${canonical}。`));
    assert(!/[【】]/.test(readFileSync(imeFixFile, 'utf8')), 'a full-width bracket is still there');
    await until('the error gone from Problems', async () => !(await wb.problems()).some((r) => r.includes('full-width')));
  });

  await step('the hover shows every corroborating source without scrolling', async () => {
    assert(corroborated.citations.length > 1, 'no fact in the corpus has more than one quote');
    await wb.openFile('corroborated.md');
    await wb.goTo(3, 3 + 8);
    await wb.hoverAtCursor();
    const card = await wb.hoverText();
    assert(card.includes('Corroborated by'), `no corroborating sources in the card:\n${card}`);
    const links = await page.locator('.monaco-hover:not(.hidden) a', { hasText: /^(Open at quote|quote \d+)$/ }).count();
    assert(links === corroborated.citations.length, `expected a link to each of the ${corroborated.citations.length} quotes, saw ${links}`);
    // Every line of the card inside the part of it the hover shows: the last line's bottom against the frame's.
    const hidden = await page
      .locator('.monaco-hover:not(.hidden) .monaco-hover-content')
      .first()
      .evaluate((el) => {
        const frame = (el.closest('.monaco-scrollable-element') ?? el.parentElement).getBoundingClientRect();
        const blocks = [...el.querySelectorAll('p')];
        const last = blocks[blocks.length - 1].getBoundingClientRect();
        const corroborated = blocks.find((p) => p.textContent.includes('Corroborated by')).getBoundingClientRect();
        return {
          last: Math.round(last.bottom - frame.bottom),
          corroborated: Math.round(corroborated.bottom - frame.bottom),
          scroll: el.scrollHeight - frame.height,
        };
      });
    await wb.screenshot(path.join(shots, 'hover-corroborated.png'));
    console.log(
      `      hover: last line ${-hidden.last} px above the hover's bottom; content taller than the hover by ${Math.round(hidden.scroll)} px (trailing margin)`,
    );
    assert(hidden.corroborated <= 0, `the corroborating sources are ${hidden.corroborated} px below the hover's edge`);
    assert(hidden.last <= 0, `the card's last line is ${hidden.last} px below the hover's edge`);
    await page.keyboard.press('Escape');
  });

  await step('"Insert fact citation…" searches the corpus and inserts the pick', async () => {
    await wb.openFile('report.md');
    await page.keyboard.press('Control+End');
    await wb.type('\n\n研发院预算');
    await wb.command('factcite: Insert fact citation…');
    const input = page.locator('.quick-input-widget input');
    const firstId = async () => {
      const row = page.locator('.quick-input-widget .monaco-list-row').first();
      return (await row.count()) ? (await row.locator('.label-description').first().innerText()).trim() : '';
    };
    const unfiltered = await until('the unfiltered list', firstId);
    await input.fill('10亿 研发院');
    const first = await until('search results', async () => {
      const id = await firstId();
      return id !== unfiltered && facts.has(id) && id;
    });
    assert(facts.get(first).value?.text?.includes('10亿'), `the first result ${first} is not about 10亿`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    await until('the inserted citation on disk', () => readFileSync(reportFile, 'utf8').includes(`研发院预算[@fact:${first}]`));
  });

  await step('the Facts view lists the corpus by source and by topic', async () => {
    await page
      .locator('.statusbar-item', { hasText: `factcite ${corpus.version}` })
      .first()
      .click();
    const view = page.locator('.pane', { hasText: 'By source' }).first();
    await view.waitFor({ timeout: 10_000 });
    const rows = await until('source rows', async () => {
      const texts = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
      return texts.some((t) => t.includes('By topic')) && texts;
    });
    for (const source of corpus.sources)
      assert(
        rows.some((r) => r.includes(source.title)),
        `no row for ${source.title}`,
      );
    // Open the newest source to show its facts.
    await page
      .locator('.pane-body .monaco-list-row', { hasText: corpus.sources.toSorted((a, b) => b.published.localeCompare(a.published))[0].title })
      .first()
      .click();
    await page.waitForTimeout(500);
    await wb.screenshot(path.join(shots, 'facts-view.png'));
  });

  await step('a broken workspace corpus keeps the last good one and says so once', async () => {
    const local = path.join(dirs.workspace, 'corpus');
    for (const part of ['facts', 'sources', 'raw', 'entities.yaml']) cpSync(path.join(repoRoot, 'corpus', part), path.join(local, part), { recursive: true });
    writeFileSync(path.join(local, 'package.json'), JSON.stringify({ name: 'local-corpus', version: '0.1.0-local' }));
    mkdirSync(path.join(dirs.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(dirs.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'factcite.corpusPath': 'corpus' }));
    const status = page.locator('.statusbar-item', { hasText: 'factcite 0.1.0-local' }).first();
    await status.waitFor({ timeout: 20_000 });

    const broken = path.join(local, 'facts', 'hk-ai-ecosystem.yaml');
    const good = readFileSync(broken, 'utf8');
    const toast = page.locator('.notification-toast', { hasText: 'keeps using the last good version' });
    // The file watcher starts a moment after the corpus loads; save the broken file again until it is seen.
    let saves = 0;
    await until(
      'the corpus error notification',
      async () => {
        if ((await toast.count()) > 0) return true;
        writeFileSync(broken, good.replace(/^(- id: .*)$/m, `$1\n  kind: [unclosed${' '.repeat(saves++)}`));
        return false;
      },
      30_000,
      2000,
    );
    const message = await toast.first().innerText();
    assert(/\d+ errors?: facts\/hk-ai-ecosystem\.yaml:\d+:\d+/.test(message), `the error does not locate the problem: ${message}`);
    await until('a warning in the status bar', async () => /warning/.test((await status.getAttribute('class')) ?? ''));
    await wb.screenshot(path.join(shots, 'broken-corpus.png'));

    // Still breaking it must not pile up notifications; citations still resolve with the last good corpus.
    writeFileSync(broken, good.replace(/^(- id: .*)$/m, '$1\n  kind: [unclosed again'));
    await page.waitForTimeout(1500);
    assert((await toast.count()) === 1, `expected one notification, saw ${await toast.count()}`);
    const card = await showCard('hk-ai-rd-institute-funding');
    assert(card.includes(facts.get('hk-ai-rd-institute-funding').citations[0].quote), 'no card while the corpus is broken');
    await page.keyboard.press('Escape');

    writeFileSync(broken, good);
    await until('the warning cleared', async () => !/warning/.test((await status.getAttribute('class')) ?? ''), 20_000);
    // Clean up: back to the bundled corpus.
    rmSync(path.join(dirs.workspace, '.vscode'), { recursive: true, force: true });
    await page
      .locator('.statusbar-item', { hasText: `factcite ${corpus.version} ·` })
      .first()
      .waitFor({ timeout: 20_000 });
  });

  await step('a number that contradicts the cited fact is flagged and fixed from the source', async () => {
    const fact = facts.get('hk-ai-rd-institute-funding');
    await wb.openFile('numbers.md');
    await page.keyboard.press('Control+Shift+M');
    await until('the value-mismatch warning', async () =>
      (await wb.problems()).some((r) => r.includes(`Text says 20亿港元 but fact "${fact.id}" says ${fact.value.text}`)),
    );
    await wb.openFile('numbers.md');
    const { line, column } = locate(readFileSync(numbersFile, 'utf8'), '20亿港元');
    await wb.goTo(line, column + 1);
    const title = `Replace 20亿港元 with ${fact.value.text}`;
    await wb.quickFix(title);
    await wb.screenshot(path.join(shots, 'value-mismatch.png'));
    await wb.chooseAction(title);
    await page.keyboard.press('Control+S');
    await until("the source's value on disk", () => readFileSync(numbersFile, 'utf8').includes(`政府预留${fact.value.text}成立研发院`));
    await until('the warning gone', async () => !(await wb.problems()).some((r) => r.includes('Text says')));
  });

  await step('an uncited claim is hinted and its quick fix inserts the citation at the end of the clause', async () => {
    const fact = facts.get('hk-ai-companies-at-science-park-and-cyberport');
    await wb.openFile('uncited.md');
    await page.keyboard.press('Control+Shift+M');
    await until('the uncited-claim hint', async () => (await wb.problems()).some((r) => r.includes(`Uncited claim: 800多家 matches [@fact:${fact.id}]`)));
    await wb.openFile('uncited.md');
    const { line, column } = locate(readFileSync(uncitedFile, 'utf8'), '800多家');
    await wb.goTo(line, column + 1);
    const title = `Cite ${fact.id}`;
    await wb.quickFix(title);
    await wb.screenshot(path.join(shots, 'uncited-claim.png'));
    await wb.chooseAction(title);
    await page.keyboard.press('Control+S');
    await until('the citation on disk', () => readFileSync(uncitedFile, 'utf8').includes(`人工智能相关企业[@fact:${fact.id}]，`));
    await until('the hint gone', async () => !(await wb.problems()).some((r) => r.includes('Uncited claim: 800多家')));
  });

  await step('a pinned report shows the facts changed since its release, and the upgrade fix applies them', async () => {
    // A workspace corpus of two releases: the real 0.1.0 snapshot, and 0.99.0 made from it by correcting a value.
    const local = path.join(dirs.workspace, 'corpus');
    rmSync(local, { recursive: true, force: true });
    for (const part of ['sources', 'entities.yaml']) cpSync(path.join(repoRoot, 'corpus', part), path.join(local, part), { recursive: true });
    const snapshot = path.join(repoRoot, 'corpus', 'releases', '0.1.0.json');
    mkdirSync(path.join(local, 'releases'), { recursive: true });
    cpSync(snapshot, path.join(local, 'releases', '0.1.0.json'));
    const released = JSON.parse(readFileSync(snapshot, 'utf8')).facts;
    const scheme = released.find((f) => f.id === 'hk-ai-subsidy-scheme-3bn');
    scheme.value = { amount: 3.5e9, unit: 'HKD', qualifier: 'exact', text: '35亿港元' };
    mkdirSync(path.join(local, 'facts'), { recursive: true });
    writeFileSync(path.join(local, 'facts', 'facts.yaml'), JSON.stringify(released));
    writeFileSync(path.join(local, 'package.json'), JSON.stringify({ name: 'local-corpus', version: '0.99.0' }));
    mkdirSync(path.join(dirs.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(dirs.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'factcite.corpusPath': 'corpus' }));
    await page.locator('.statusbar-item', { hasText: 'factcite 0.99.0' }).first().waitFor({ timeout: 30_000 });

    await wb.openFile('pinned.md');
    await page.keyboard.press('Control+Shift+M');
    await until('the fact-changed note', async () =>
      (await wb.problems()).some((r) => r.includes('Fact "hk-ai-subsidy-scheme-3bn" changed since 0.1.0: value 30亿港元 → 35亿港元')),
    );
    await wb.openFile('pinned.md');
    const { line, column } = locate(readFileSync(pinnedFile, 'utf8'), 'hk-ai-subsidy-scheme-3bn');
    await wb.goTo(line, column + 2);
    const title = 'Upgrade the report to release 0.99.0';
    await wb.quickFix(title);
    await wb.screenshot(path.join(shots, 'fact-upgrade.png'));
    await wb.chooseAction(title);
    await page.keyboard.press('Control+S');
    await until('the upgraded report on disk', () => {
      const text = readFileSync(pinnedFile, 'utf8');
      return text.includes('factcite: 0.99.0') && text.includes('特区政府推出35亿港元的人工智能资助计划');
    });
    await until('the note gone', async () => !(await wb.problems()).some((r) => r.includes('changed since 0.1.0')), 20_000);
    // Back to the bundled corpus for the steps after this one.
    rmSync(path.join(dirs.workspace, '.vscode'), { recursive: true, force: true });
    rmSync(local, { recursive: true, force: true });
    await page
      .locator('.statusbar-item', { hasText: `factcite ${corpus.version} ·` })
      .first()
      .waitFor({ timeout: 20_000 });
  });

  // Restricted Mode: the writer opens a stranger's folder whose settings point at a corpus of
  // its own, holding a fact the bundled release lacks. A second code-server, with Workspace
  // Trust on, serves it.
  const strangers = path.join(tmp, 'strangers');
  const strangersCorpus = path.join(strangers, 'corpus');
  for (const part of ['facts', 'sources', 'raw', 'entities.yaml'])
    cpSync(path.join(repoRoot, 'corpus', part), path.join(strangersCorpus, part), { recursive: true });
  writeFileSync(path.join(strangersCorpus, 'package.json'), JSON.stringify({ name: 'strangers-corpus', version: '0.1.0-strangers' }));
  const borrowed = facts.get('hk-ai-rd-institute-funding');
  // YAML reads JSON; the record is valid, so a trusted workspace loads it.
  writeFileSync(path.join(strangersCorpus, 'facts', 'strangers.yaml'), `- ${JSON.stringify({ ...borrowed, id: 'strangers-only-fact' })}\n`);
  mkdirSync(path.join(strangers, '.vscode'), { recursive: true });
  writeFileSync(path.join(strangers, '.vscode', 'settings.json'), JSON.stringify({ 'factcite.corpusPath': 'corpus' }));
  writeFileSync(path.join(strangers, 'notes.md'), '# Notes\n\n研发院获拨款[@fact:strangers-only-fact]。\n');
  const restrictedStatus = () => page.locator('.statusbar-item', { hasText: `factcite ${corpus.version} · ${corpus.facts.length} facts` }).first();

  await step('Restricted Mode: an untrusted workspace corpus is not loaded, and a notice says so', async () => {
    await stopServer(server);
    const port2 = await freePort();
    server = await startServer(serverDir, dirs, port2, path.join(tmp, 'code-server-trust.log'), { workspaceTrust: true });
    await page.goto(`http://127.0.0.1:${port2}/?folder=${encodeURIComponent(strangers)}`);
    // VS Code asks whether to trust the folder's authors; the writer says no.
    const refuse = page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" });
    await refuse.waitFor({ timeout: 60_000 });
    await refuse.click();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await wb.openFile('notes.md');
    const toast = page.locator('.notification-toast', { hasText: 'This workspace is not trusted' });
    await toast.first().waitFor({ timeout: 30_000 });
    const message = await toast.first().innerText();
    assert(
      message.includes('factcite.corpusPath: corpus') && message.includes(`${corpus.facts.length} facts`),
      `the notice does not say what was ignored: ${message}`,
    );
    await restrictedStatus().waitFor({ timeout: 20_000 });
    assert((await restrictedStatus().locator('.codicon-shield').count()) === 1, 'the status bar does not show the Restricted Mode shield');
    await page.keyboard.press('Control+Shift+M');
    await until("the stranger's fact reported unknown", async () => (await wb.problems()).some((r) => r.includes('Unknown fact "strangers-only-fact"')));
    const statuses = await page.locator('.statusbar-item').allInnerTexts();
    assert(!statuses.some((t) => t.includes('0.1.0-strangers')), 'the untrusted corpus was loaded');
    await wb.screenshot(path.join(shots, 'restricted-mode.png'));
  });

  await step('Restricted Mode: trusting the workspace loads its corpus', async () => {
    await page.keyboard.press('Escape');
    await wb.command('Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust( Folder)?$/ }).first();
    await trust.waitFor({ timeout: 20_000 });
    await trust.click();
    await page.locator('.statusbar-item', { hasText: 'factcite 0.1.0-strangers' }).first().waitFor({ timeout: 30_000 });
    await wb.openFile('notes.md');
    await until("the stranger's fact resolved", async () => !(await wb.problems()).some((r) => r.includes('strangers-only-fact')), 20_000);
  });

  // code-server reaches no marketplace here, so no real language pack can be installed. VS Code picks its
  // display language from languagepacks.json in the user data directory; one naming zh-cn with an empty
  // translation of VS Code itself makes a Chinese-language VS Code whose own menus stay English (nothing
  // translates them) while every extension is asked for zh-cn: its package.nls.zh-cn.json, its l10n bundle,
  // and vscode.env.language === 'zh-cn'.
  await step('a Chinese-language VS Code shows factcite in Chinese, and "Ignore this warning here" hides a warning', async () => {
    await stopServer(server);
    const translations = path.join(tmp, 'zh-cn.i18n.json');
    writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    const pack = {
      hash: 'factcite-e2e-zh-cn',
      extensions: [{ extensionIdentifier: { id: 'factcite-e2e.zh-cn' }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    };
    writeFileSync(path.join(dirs.userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': pack }));
    const port3 = await freePort();
    server = await startServer(serverDir, dirs, port3, path.join(tmp, 'code-server-zh.log'), { args: ['--locale', 'zh-cn'] });
    await wb.open(`http://127.0.0.1:${port3}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await wb.openFile('zh.md');
    // The status bar (an l10n bundle string) and the command palette (package.nls.zh-cn.json).
    await page
      .locator('.statusbar-item', { hasText: `${corpus.facts.length} 条事实` })
      .first()
      .waitFor({ timeout: 30_000 });
    await wb.command('插入事实引用…');
    // The quick pick it opens is titled from the l10n bundle; close it before going on.
    const pick = page.locator('.quick-input-widget', { hasText: '插入事实引用' });
    await pick.waitFor({ timeout: 20_000 });
    await until('the placeholder in Chinese', async () =>
      ((await page.locator('.quick-input-widget input').getAttribute('placeholder')) ?? '').startsWith('搜索事实'),
    );
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'hidden', timeout: 10_000 });
    // Diagnostics from core's catalogue, in Simplified Chinese.
    await page.keyboard.press('Control+Shift+M');
    await until('the value-mismatch warning in Chinese', async () => (await wb.problems()).some((r) => r.includes('正文写的是20亿港元')));
    assert(
      (await wb.problems()).some((r) => r.includes('找不到事实“no-such-fact-zh”')),
      'the unknown id is not reported in Chinese',
    );
    await wb.openFile('zh.md');
    const { line, column } = locate(readFileSync(zhFile, 'utf8'), '20亿港元');
    await wb.goTo(line, column + 1);
    await wb.quickFix('在此处忽略这条警告');
    await wb.chooseAction('在此处忽略这条警告');
    await page.keyboard.press('Control+S');
    await until('the suppression comment on disk', () =>
      readFileSync(zhFile, 'utf8').includes('\n<!-- factcite-disable-next-line value-mismatch -->\n政府预留20亿港元'),
    );
    await until('the warning gone and the error kept', async () => {
      const rows = await wb.problems();
      return !rows.some((r) => r.includes('正文写的是')) && rows.some((r) => r.includes('找不到事实'));
    });
    await wb.screenshot(path.join(shots, 'chinese-ui.png'));
  });
} catch (error) {
  console.error(`e2e setup failed: ${error?.stack ?? error}`);
  results.push({ name: 'setup', ok: false });
} finally {
  await browser?.close().catch(() => {});
  await stopServer(server);
}

// The extension logs its own activation time; show it with the results.
try {
  const logs = execFileSync('find', [path.join(dirs.userData, 'logs'), '-name', 'factcite.log'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  const activated = logs.flatMap((f) => readFileSync(f, 'utf8').split('\n')).find((l) => l.includes('Activated in'));
  if (activated) console.log(`factcite log: ${activated.replace(/^.*\[info\] /, '')}`);
} catch {
  // no log, nothing to show
}

const failed = results.filter((r) => !r.ok).length;
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failed) console.log(`Logs and failure screenshots kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
console.log(`e2e finished in ${seconds} s; screenshots in ${path.relative(repoRoot, shots)}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
