// The training lab as a reader runs it: the lesson page in a 1280 × 900 window, Train pressed, measured while
// playing: epochs per second (the readout), frames per second (requestAnimationFrame), how often every neuron's
// map is redrawn (the figure counts its map redraws on the network element), and main-thread tasks over 50 ms.
//   node scripts/bench-lab.mjs          (after `vite build`; `npm run bench` runs it too)
import { chromium } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './serve.mjs';

/** TensorFlow Playground's own figures, measured in this headless Chromium (issue 3), epochs/s. */
export const ANCHORS = { spiral: [11.8, 18.6], circle: [34, 45] };

const ALL_FEATURES = 'x1=1&x2=1&x1sq=1&x2sq=1&x1x2=1&sin1=1&sin2=1';
/** Playground's two configurations: 500 points, half for training (250), batch 10. */
export const LAB_CONFIGS = {
  spiral: `data=spiral&layers=2&n1=8&n2=8&act=tanh&batch=10&split=50&lr=0.03&${ALL_FEATURES}`,
  circle: 'data=circle&layers=2&n1=4&n2=2&act=tanh&batch=10&split=50&lr=0.03',
};

export async function benchLabPage(browser, serverUrl, seconds = Number(process.env.LAB_SECONDS ?? 5)) {
  console.log(`\nThe lab page (fused kernel), playing for ${seconds} s after a 1 s warm-up:`);
  const rows = [];
  for (const [config, query] of Object.entries(LAB_CONFIGS)) {
    process.stdout.write(`  ${config.padEnd(7)} … `);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    try {
      await page.goto(`${serverUrl}#/training-a-network/lab?${query}`);
      const train = page.getByTestId('train');
      await train.waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="train"]')?.hasAttribute('disabled'), null, { timeout: 60_000 });
      await page.getByTestId('playground').scrollIntoViewIfNeeded();
      await page.evaluate(() => {
        const m = { frames: 0, longest: 0, longTasks: 0 };
        window.__labMeter = m;
        const tick = () => {
          m.frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            m.longest = Math.max(m.longest, e.duration);
            m.longTasks++;
          }
        }).observe({ type: 'longtask' });
      });
      await train.click();
      await page.waitForTimeout(1000);
      const read = () =>
        page.evaluate(() => ({
          t: performance.now(),
          epoch: Number(document.querySelector('[data-testid="epoch"]')?.textContent ?? 0),
          draws: Number(document.querySelector('[data-testid="network"]')?.dataset.draws ?? 0),
          frames: window.__labMeter.frames,
          longest: window.__labMeter.longest,
          longTasks: window.__labMeter.longTasks,
        }));
      const a = await read();
      await page.waitForTimeout(seconds * 1000);
      const b = await read();
      const s = (b.t - a.t) / 1000;
      const r = {
        config,
        epochsPerSecond: (b.epoch - a.epoch) / s,
        fps: (b.frames - a.frames) / s,
        mapsPerSecond: (b.draws - a.draws) / s,
        longest: b.longest,
        longTasks: b.longTasks,
        problems,
      };
      rows.push(r);
      const task = r.longTasks ? `${r.longTasks} tasks over 50 ms, longest ${r.longest.toFixed(0)} ms` : 'no task over 50 ms';
      console.log(
        `${r.epochsPerSecond.toFixed(0)} epochs/s, ${r.fps.toFixed(1)} frames/s, maps redrawn ${r.mapsPerSecond.toFixed(1)}/s, ${task}` +
          (problems.length ? `; console: ${problems.join(' | ')}` : ''),
      );
    } catch (err) {
      console.log(`failed (${String(err).split('\n')[0]})`);
      rows.push({ config, error: String(err) });
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startServer({ dir: process.env.BENCH_DIST ?? 'dist' });
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const rows = await benchLabPage(browser, server.url);
  for (const r of rows.filter((r) => !r.error)) {
    const [lo, hi] = ANCHORS[r.config];
    console.log(`Lab ${r.config}: ${(r.epochsPerSecond / hi).toFixed(1)}× to ${(r.epochsPerSecond / lo).toFixed(1)}× TensorFlow Playground (${lo}–${hi} epochs/s).`);
  }
  await browser.close();
  await server.close();
  process.exit(rows.some((r) => r.error) ? 1 : 0);
}
