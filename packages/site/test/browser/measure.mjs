// Measures taken in the page, shared by the browser test and the site bench:
// what the home page transfers, and how long a reader waits for results.

/** Everything the page has loaded so far: bytes on the wire (compressed) and decoded, by file. */
export async function pageWeight(page) {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      encoded: entries.reduce((n, e) => n + e.encodedBodySize, 0),
      decoded: entries.reduce((n, e) => n + e.decodedBodySize, 0),
      files: entries.map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
      indexReadyMs: performance.getEntriesByName('factcite:index-ready')[0]?.startTime,
    };
  });
}

/**
 * Types a query key by key and returns, for each keystroke, the time from
 * the key's input event to its results on the page (the site's own
 * `factcite:search` measure), once the whole query's results are shown.
 */
export async function typeQuery(page, query) {
  await page.fill('#q', '');
  await page.evaluate(() => performance.clearMeasures('factcite:search'));
  await page.locator('#q').pressSequentially(query);
  await page.waitForFunction((q) => document.querySelector('#results')?.dataset.query === q, query);
  return page.evaluate(() => performance.getEntriesByName('factcite:search').map((m) => m.duration));
}
