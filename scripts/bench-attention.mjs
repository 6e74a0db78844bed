// The attention lessons' benchmark, in headless Chromium (part of `npm run bench`; alone:
// `node scripts/bench-attention.mjs` after `npx vite build`).
//
// 1. For every backend, ms per training batch (batch 32, Adam, forward + backward + update, in the page) of the
//    reversal transformer (seq-to-seq toy task), one block and the whole of the tiny GPT, and the transformer and
//    LSTM of "Why transformers won" at distance 50 (bench-seq.html?mode=step).
// 2. The lessons as a reader meets them, on the built app's own pages (the sequence worker, the engine's backend):
//    "Attention": seconds of training until the reversal model reverses ≥ 95% of its held-out sequences without a
//    mistake (bar: within 60 s), attention-heatmap refreshes per second while it trains (bar: ≥ 5) and the longest
//    main-thread task (bar: none over 50 ms). "The transformer block and a tiny GPT": 20 s of training on its page,
//    its held-out loss, attention-map refreshes per second and the longest main-thread task.
import { printStepTable, runAlone, stepTable } from './bench-page.mjs';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
const MODELS = [
  ['attention-block', 'one block d32, 2 heads, T 10'],
  ['reverse', 'reversal 1×d32, 2 heads, T 8'],
  ['gpt-block', 'GPT block d32, 2 heads, T 10'],
  ['gpt', 'tiny GPT 2 blocks, T 10'],
  ['recall50-transformer', 'transformer, recall T 50'],
  ['recall50-lstm', 'LSTM 32, recall T 50'],
];

/**
 * Trains a lesson's live figure on its real page and watches it: heatmap refreshes (mutation batches of the map's
 * SVG), long tasks, and the figure's own read-outs.
 */
async function lessonRun(browser, url, { figure, map, done, seconds = 90, watchAfterDone = 6 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => ['error', 'warning'].includes(msg.type()) && problems.push(`${msg.type()}: ${msg.text()}`));
  try {
    await page.goto(url);
    const fig = page.getByTestId(figure);
    await fig.waitFor({ timeout: 120_000 });
    await fig.getByTestId('train').waitFor({ state: 'visible' });
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"] [data-testid="train"]`)?.disabled, figure, { timeout: 120_000 });
    const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
    await page.waitForTimeout(2000);
    await page.evaluate((selector) => {
      const w = window;
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
      w.__refreshes = [];
      new MutationObserver(() => w.__refreshes.push(performance.now())).observe(document.querySelector(selector), { attributes: true, subtree: true, attributeFilter: ['fill'] });
    }, map);
    const t0 = Date.now();
    await fig.getByTestId('train').click();
    let reached = null;
    let last = null;
    while ((Date.now() - t0) / 1000 < seconds) {
      await page.waitForTimeout(100);
      const state = await page.evaluate(done);
      last = state;
      if (state.reached && !reached) reached = { ...state, wall: (Date.now() - t0) / 1000 };
      if (reached && (Date.now() - t0) / 1000 > reached.wall + watchAfterDone) break;
    }
    const { refreshes, longest } = await page.evaluate(() => ({ refreshes: window.__refreshes, longest: window.__long.length ? Math.max(...window.__long) : 0 }));
    await fig.getByTestId('train').click();
    const wall = (Date.now() - t0) / 1000;
    // Refreshes while training: from the first to the last seen.
    const span = refreshes.length > 1 ? (refreshes[refreshes.length - 1] - refreshes[0]) / 1000 : 0;
    return { ok: true, backend, reached, last, refreshesPerSecond: span > 0 ? (refreshes.length - 1) / span : 0, longestTaskMs: longest, wall, problems };
  } catch (err) {
    return { ok: false, error: String(err).split('\n')[0], problems };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Runs every attention measurement; prints progress as it goes.
 *
 * @example
 * const attention = await benchAttention(browser, server.url); // attention.rows[1].gpt, attention.reverse.reached
 */
export async function benchAttention(browser, base) {
  // BENCH_STEPS=0 skips the table (the lesson runs only).
  const rows = await stepTable(browser, base, process.env.BENCH_STEPS === '0' ? [] : BACKENDS, MODELS.map(([m]) => m), 6);
  process.stdout.write('  "Attention" as a reader meets it (the reversal model in the worker, on its lesson page) … ');
  const reverse = await lessonRun(browser, `${base}#/attention/reverse`, {
    figure: 'reverse-figure',
    map: '[data-testid="reverse-head-1"] svg',
    done: () => {
      const exact = Number(document.querySelector('[data-testid="reverse-exact"]')?.getAttribute('data-value') ?? -1);
      const seconds = Number(document.querySelector('[data-testid="reverse-figure"] [data-seconds]')?.getAttribute('data-value') ?? 0);
      const step = Number(document.querySelector('[data-testid="reverse-figure"] [data-step]')?.textContent ?? 0);
      return { reached: exact >= 0.95, exact, seconds, step };
    },
  });
  console.log(reverse.ok ? 'done' : `failed (${reverse.error})`);
  process.stdout.write('  "The transformer block and a tiny GPT" as a reader meets it (20 s of training on its page) … ');
  const gpt = await lessonRun(browser, `${base}#/transformer-block/gpt`, {
    figure: 'gpt-figure',
    map: '[data-testid="gpt-attention"] svg',
    seconds: 20,
    done: () => ({
      reached: false,
      step: Number(document.querySelector('[data-testid="step-count"]')?.textContent ?? 0),
      heldOut: Number(document.querySelector('[data-testid="held-loss"]')?.textContent),
      ms: document.querySelector('[data-testid="ms-per-batch"]')?.textContent ?? '',
    }),
  });
  console.log(gpt.ok ? 'done' : `failed (${gpt.error})`);
  return { rows, reverse, gpt };
}

/** Prints the table and the lesson lines. */
export function printAttention({ rows, reverse, gpt }) {
  printStepTable(rows, MODELS);
  console.log('Anchor: TF.js 4.22 cpu, a 2-head d32 attention block forward + backward + Adam: 19 ms per step (the issue’s figure; compare “one block”).');
  if (reverse.ok) {
    const r = reverse;
    const reached = r.reached
      ? `≥ 95% of held-out sequences reversed exactly after ${r.reached.seconds.toFixed(1)} s of training (${r.reached.step} batches; ${r.reached.wall.toFixed(1)} s on the wall clock)`
      : `did not reach 95% within ${r.wall.toFixed(0)} s`;
    console.log(
      `"Attention" on its page (engine chose ${r.backend}): ${reached} (bar: within 60 s); heatmap refreshes while training ${r.refreshesPerSecond.toFixed(1)}/s (bar: ≥ 5); ` +
        `longest main-thread task ${r.longestTaskMs ? `${r.longestTaskMs.toFixed(0)} ms` : 'under 50 ms'} (bar: none over 50 ms)${r.problems.length ? `; console: ${r.problems.join(' | ')}` : ''}.`,
    );
  } else console.log(`The reversal run failed: ${reverse.error}`);
  if (gpt.ok) {
    const g = gpt;
    console.log(
      `Tiny GPT on its page (engine chose ${g.backend}, 2 blocks, 4 heads): after ${g.wall.toFixed(0)} s, step ${g.last?.step}, held-out loss ${g.last?.heldOut} (ln 27 = 3.30 at the start), ${g.last?.ms} per batch; ` +
        `attention-map refreshes while training ${g.refreshesPerSecond.toFixed(1)}/s; longest main-thread task ${g.longestTaskMs ? `${g.longestTaskMs.toFixed(0)} ms` : 'under 50 ms'}${g.problems.length ? `; console: ${g.problems.join(' | ')}` : ''}.`,
    );
  } else console.log(`The GPT run failed: ${gpt.error}`);
}

await runAlone(import.meta.url, 'bench-seq.html', async (browser, base) => printAttention(await benchAttention(browser, base)));
