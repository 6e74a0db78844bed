// What the benchmark scripts share: opening one benchmark page in a fresh browser context and waiting for the
// result it puts in `window.__benchResult` (with any page errors it logged), the step-time tables, and running one
// part of the bench alone.

import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './serve.mjs';

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

/**
 * ms per training batch of each model on each backend (bench-seq.html's step mode), printing progress; a backend
 * that does not start gets a note and no numbers.
 *
 * @example
 * const rows = await stepTable(browser, base, ['cpu', 'wasm'], ['rnn', 'lstm'], 8); // rows[0].lstm
 */
export async function stepTable(browser, base, backends, models, seconds) {
  const rows = [];
  for (const backend of backends) {
    const row = { backend };
    for (const model of models) {
      process.stdout.write(`  ${backend.padEnd(6)} ${model.padEnd(20)} … `);
      const r = await runPage(browser, `${base}bench-seq.html?mode=step&backend=${backend}&model=${model}&seconds=${seconds}`, 300_000);
      if (r.ok && r.initialised === false) {
        row.note = `did not start: ${r.choice?.skipped?.find((s) => s.name === backend)?.why ?? 'unknown'}`;
        console.log(row.note);
        break;
      }
      row[model] = r.ok ? r.msPerBatch : undefined;
      if (!r.ok) row.note = `${model}: ${r.error}`;
      console.log(r.ok ? `${r.msPerBatch.toFixed(1)} ms (${r.steps} batches)` : `failed (${r.error})`);
    }
    rows.push(row);
  }
  return rows;
}

/** A millisecond figure for the tables: three significant digits at most. */
export const formatMs = (v) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Prints `stepTable`'s rows as a Markdown table, one column per [model, heading]. */
export function printStepTable(rows, models) {
  const f = formatMs;
  const header = ['backend', ...models.map(([, name]) => name), 'note'];
  const table = rows.map((r) => [r.backend, ...models.map(([m]) => f(r[m])), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nms per training batch (batch 32, Adam, forward + backward + update, in the page):`);
  console.log(`${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((row) => console.log(line(row)));
}

/**
 * When the module at `moduleUrl` is the script node was started with: serves the built site, opens headless
 * Chromium and runs `run(browser, baseUrl)` (after checking that `page` was built).
 *
 * @example
 * await runAlone(import.meta.url, 'bench-seq.html', async (browser, base) => printSeq(await benchSeq(browser, base)));
 */
export async function runAlone(moduleUrl, page, run) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const dist = resolve(process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(resolve(dist, page))) {
    console.error(`No ${dist}/${page}: run \`npx vite build\` first.`);
    process.exit(2);
  }
  const server = await startServer({ dir: dist });
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    await run(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}
