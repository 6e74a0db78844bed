// What the benchmark scripts share: opening one benchmark page in a fresh browser context and waiting for the
// result it puts in `window.__benchResult` (with any page errors it logged).

/**
 * @example
 * const r = await runPage(browser, `${base}bench-seq.html?mode=step&backend=wasm`, 120_000); // r.ok, r.problems
 */
export async function runPage(browser, url, timeoutMs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__benchResult !== undefined, null, { timeout: timeoutMs, polling: 500 });
    return { ...(await page.evaluate(() => window.__benchResult)), problems };
  } catch (err) {
    return { ok: false, error: String(err).split('\n')[0], problems };
  } finally {
    await context.close().catch(() => undefined);
  }
}
