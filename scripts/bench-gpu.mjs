// "Why GPUs": the lesson's benchmark, headless, on its own page (part of `npm run bench`; alone:
// `node scripts/bench-gpu.mjs` after `npx vite build`). Opens #/why-gpus/bench, runs the figure's benchmark (the
// same worker a reader uses) and prints, per backend, ms and GFLOP/s per n × n product, the training-step ms and
// the figure's own reading. Software GPUs are slow here: each backend gets a 12 s budget, sizes up to 1024.
import { runAlone } from './bench-page.mjs';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
const MAX_N = Number(process.env.BENCH_GPU_MAX ?? 1024);
const BUDGET_S = Number(process.env.BENCH_GPU_BUDGET ?? 12);

/**
 * @example
 * const gpu = await benchGpu(browser, server.url); // gpu.rows[0].points, gpu.reading
 */
export async function benchGpu(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => ['error', 'warning'].includes(msg.type()) && problems.push(`${msg.type()}: ${msg.text()}`));
  process.stdout.write(`  "Why GPUs" benchmark (n ≤ ${MAX_N}, ${BUDGET_S} s per backend, in its worker) … `);
  const t0 = Date.now();
  try {
    await page.goto(`${base}#/why-gpus/bench?max=${MAX_N}&budget=${BUDGET_S}`);
    await page.getByTestId('bench-run').click({ timeout: 120_000 });
    await page.waitForSelector('[data-testid="gpu-bench-figure"]:is([data-status="done"], [data-status="error"])', { timeout: 170_000 });
    const result = await page.evaluate((backends) => {
      const num = (el, attr) => (el?.getAttribute(attr) ? Number(el.getAttribute(attr)) : undefined);
      const rows = backends.map((b) => {
        const row = document.querySelector(`[data-testid="bench-row-${b}"]`);
        const points = [...document.querySelectorAll(`[data-testid^="cell-${b}-"]`)].map((td) => ({
          n: Number(td.getAttribute('data-testid').split('-').pop()),
          gflops: num(td, 'data-gflops'),
          text: td.textContent,
        }));
        return { backend: b, status: row?.getAttribute('data-status'), text: row?.textContent ?? '', trainMs: num(document.querySelector(`[data-testid="train-ms-${b}"]`), 'data-value'), points };
      });
      return {
        status: document.querySelector('[data-testid="gpu-bench-figure"]').getAttribute('data-status'),
        rows,
        reading: [...document.querySelectorAll('[data-testid="bench-reading"] p')].map((p) => p.textContent),
        progress: document.querySelector('[data-testid="bench-progress"]')?.textContent,
      };
    }, BACKENDS);
    const seconds = (Date.now() - t0) / 1000;
    console.log(`${seconds.toFixed(1)} s`);
    return { ok: result.status === 'done', ...result, seconds, problems };
  } catch (err) {
    console.log(`failed (${String(err).split('\n')[0]})`);
    return { ok: false, error: String(err).split('\n')[0], problems, rows: [], reading: [] };
  } finally {
    await context.close().catch(() => undefined);
  }
}

const fmtG = (g) => (g === undefined || Number.isNaN(g) ? '—' : g >= 100 ? g.toFixed(0) : g >= 1 ? g.toFixed(1) : g.toPrecision(2));
const msOf = (n, g) => (g ? (2 * n ** 3) / (g * 1e6) : undefined);
const fmtMs = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2));

/** Prints one table per backend (n → ms, GFLOP/s), the training-step line and the reading. */
export function printGpu(gpu) {
  console.log('\n"Why GPUs": one n × n by n × n product (2n³ flops), median of 3 timed batches, each ended by an awaited read:');
  if (!gpu.ok) console.log(`  the run did not finish: ${gpu.error ?? gpu.progress ?? 'unknown'}`);
  for (const r of gpu.rows) {
    if (r.status !== 'done') {
      console.log(`\n${r.backend}: ${r.status ?? 'not run'} ${r.text.replace(/^\S+\s*/, '')}`);
      continue;
    }
    console.log(`\n${r.backend} (${r.text.replace(/^\s*\S+\s*done/, '').replace(/^[\d.]+ ms/, '').trim().slice(0, 80)}):`);
    console.log('| n    | ms per product | GFLOP/s |');
    console.log('|------|----------------|---------|');
    for (const p of r.points) {
      const cell = p.gflops === undefined ? (/over budget/.test(p.text) ? 'over budget' : '—') : fmtMs(msOf(p.n, p.gflops));
      console.log(`| ${String(p.n).padEnd(4)} | ${cell.padEnd(14)} | ${fmtG(p.gflops).padEnd(7)} |`);
    }
    console.log(`training step (784→128→10, batch 64, SGD): ${fmtMs(r.trainMs)} ms`);
  }
  if (gpu.reading?.length) console.log(`\nThe lesson's reading:\n  ${gpu.reading.join('\n  ')}`);
  if (gpu.problems?.length) console.log(`Console: ${gpu.problems.join(' | ')}`);
  if (gpu.seconds) console.log(`(${gpu.seconds.toFixed(0)} s in all)`);
}

await runAlone(import.meta.url, 'index.html', async (browser, base) => printGpu(await benchGpu(browser, base)));
