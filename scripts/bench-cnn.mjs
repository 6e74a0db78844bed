// The CNN lessons' benchmark, in headless Chromium (part of `npm run bench`; alone: `node scripts/bench-cnn.mjs`
// after `npx vite build`). For every backend: training examples/s of the course's CNN and of the MLP through the
// lessons' own path (the image-model session in its Web Worker, batch 64), and of ConvNetJS's MNIST network shape
// on TF.js (24 × 24, batch 20). Then the lesson as a reader meets it (backend chosen by the engine, batch 32):
// training seconds to 97% test accuracy, view refreshes per second, and the longest main-thread task. And the
// anchor: ConvNetJS (2014, plain JavaScript) training its own MNIST demo network for one epoch (bench-convnetjs.html).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runPage } from './bench-page.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './serve.mjs';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
// Seconds of training per measurement: the software GPUs and cpu are slow here, so they get longer.
const SECONDS = { cpu: 25, wasm: 15, webgl: 30, webgpu: 40 };
const SHAPE_STEPS = { cpu: 10, wasm: 100, webgl: 20, webgpu: 5 };

/**
 * Runs every CNN measurement and returns the rows and the headline; prints progress as it goes.
 *
 * @example
 * const cnn = await benchCnn(browser, server.url); // cnn.lesson.secondsTo97, cnn.rows[0].cnn …
 */
export async function benchCnn(browser, base) {
  const rows = [];
  console.log('\nCNN lessons (training examples per second; the session runs in a Web Worker):');
  for (const backend of BACKENDS) {
    const row = { backend };
    for (const [key, query, timeout] of [
      ['cnn', `mode=session&arch=cnn&batch=64&seconds=${SECONDS[backend]}`, 300_000],
      ['mlp', `mode=session&arch=mlp&batch=64&seconds=${Math.min(15, SECONDS[backend])}`, 300_000],
      ['shape', `mode=shape&steps=${SHAPE_STEPS[backend]}`, 300_000],
    ]) {
      process.stdout.write(`  ${backend.padEnd(6)} ${key.padEnd(5)} … `);
      const r = await runPage(browser, `${base}bench-cnn.html?backend=${backend}&${query}`, timeout);
      if (r.ok && r.initialised === false) {
        row.note = `did not start: ${r.choice?.skipped?.find((s) => s.name === backend)?.why ?? 'unknown'}`;
        console.log(row.note);
        break;
      }
      row[key] = r.ok ? r.examplesPerSecond : undefined;
      if (!r.ok) row.note = `${key}: ${r.error}`;
      console.log(r.ok ? `${r.examplesPerSecond.toFixed(0)} examples/s` : `failed (${r.error})`);
    }
    rows.push(row);
  }
  process.stdout.write('  the lesson as a reader meets it (engine picks the backend, batch 32, until 97%) … ');
  const lesson = await runPage(browser, `${base}bench-cnn.html?mode=session&arch=cnn&batch=32&seconds=30&until97=1`, 400_000);
  console.log(lesson.ok ? 'done' : `failed (${lesson.error})`);
  return { rows, lesson };
}

/**
 * ConvNetJS's MNIST demo network, one epoch of the 8,000 training digits in headless Chromium: examples/s and the
 * test accuracy along the way. Measured here: 144 examples/s, 86% after 2,000 examples.
 *
 * @example
 * const anchor = await benchConvNetJs(browser, server.url); // anchor.examplesPerSecond
 */
export async function benchConvNetJs(browser, base) {
  process.stdout.write('  ConvNetJS, its MNIST demo network, one epoch of 8,000 digits … ');
  const r = await runPage(browser, `${base}bench-convnetjs.html`, 600_000);
  console.log(r.ok ? `${r.examplesPerSecond.toFixed(0)} examples/s, ${(r.curve.at(-1).testAccuracy * 100).toFixed(1)}% test accuracy` : `failed (${r.error})`);
  return r;
}

/** Prints the table and the comparison lines; `anchor` is the ConvNetJS result (or a number of examples/s). */
export function printCnn({ rows, lesson }, anchor) {
  const convnetjs = typeof anchor === 'number' ? anchor : anchor?.ok ? anchor.examplesPerSecond : undefined;
  if (anchor?.ok) {
    const last = anchor.curve.at(-1);
    console.log(
      `\nConvNetJS (anchor): ${anchor.examplesPerSecond.toFixed(0)} examples/s; one epoch in ${anchor.seconds.toFixed(1)} s; ` +
        `test accuracy ${anchor.curve.map((p) => `${(p.testAccuracy * 100).toFixed(1)}% after ${p.examples}`).join(', ')} (final ${(last.testAccuracy * 100).toFixed(1)}%).`,
    );
  }
  const f = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const header = ['backend', 'CNN b64 ex/s', 'MLP b64 ex/s', 'ConvNetJS shape b20 ex/s', 'note'];
  const table = rows.map((r) => [r.backend, f(r.cnn), f(r.mlp), f(r.shape), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((row) => console.log(line(row)));
  console.log('CNN: conv 8@5×5 → pool 2 → conv 16@5×5 → pool 2 → dense 10 on 28 × 28, Adam, in the worker, as the lesson runs');
  console.log('it (evaluation time excluded). MLP: 784-128-64-10. ConvNetJS shape: 24 × 24, pool 2 then 3, Adadelta, batch 20.');
  const best = rows.filter((r) => r.shape !== undefined).sort((a, b) => b.shape - a.shape)[0];
  if (best && convnetjs) {
    console.log(
      `ConvNetJS's network, same shape and batch: TF.js on ${best.backend} ${f(best.shape)} examples/s vs ConvNetJS ${f(convnetjs)} ` +
        `= ${(best.shape / convnetjs).toFixed(1)}× (bar: ≥ 2×).`,
    );
  }
  if (lesson.ok) {
    const l = lesson;
    console.log(
      `The lesson (engine chose ${l.choice.name}, batch 32): ${f(l.examplesPerSecond)} examples/s; test accuracy ≥ 97% after ` +
        `${l.secondsTo97 === null ? `— (best ${(l.bestTestAccuracy * 100).toFixed(1)}%)` : `${l.secondsTo97.toFixed(1)} s of training (${l.examplesTo97} examples, ${(l.examplesTo97 / 8000).toFixed(2)} epochs)`}; ` +
        `${l.viewsPerSecond.toFixed(1)} view refreshes/s; longest main-thread task ${l.longestTaskMs ? `${l.longestTaskMs.toFixed(0)} ms` : 'under 50 ms'}.`,
    );
    if (convnetjs) console.log(`  = ${(l.examplesPerSecond / convnetjs).toFixed(1)}× ConvNetJS's ${f(convnetjs)} examples/s on its own (smaller) network.`);
  } else console.log(`The lesson run failed: ${lesson.error}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'bench-cnn.html'))) {
    console.error(`No ${dist}/bench-cnn.html: run \`npx vite build\` first.`);
    process.exit(2);
  }
  const server = await startServer({ dir: dist });
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const cnn = await benchCnn(browser, server.url);
    printCnn(cnn, await benchConvNetJs(browser, server.url));
  } finally {
    await browser.close();
    await server.close();
  }
}
