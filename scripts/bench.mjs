// `npm run bench` (after `vite build`): times every TF.js backend on the course's two small workloads in headless
// Chromium, each in a fresh page, and prints a table. Also asks the engine's own calibration what it would pick,
// and drills a GPU loss on the GPU backends. Then the training lab's page against TensorFlow Playground's figures
// (bench-lab.mjs), the CNN lessons against ConvNetJS (bench-cnn.mjs), the sequence lessons (bench-seq.mjs) and the
// attention lessons (bench-attention.mjs), and last the "Why GPUs" benchmark on its lesson page (bench-gpu.mjs).
//
// Exit code: non-zero only when a backend that started then crashed (an error or a crashed page while timing).
// A backend that does not start is reported, not failed: that is what the fallback ranking is for.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './serve.mjs';
import { ANCHORS, benchLabPage } from './bench-lab.mjs';
import { benchCnn, benchConvNetJs, printCnn } from './bench-cnn.mjs';
import { benchSeq, printSeq } from './bench-seq.mjs';
import { benchAttention, printAttention } from './bench-attention.mjs';
import { benchGpu, printGpu } from './bench-gpu.mjs';

const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
// Software WebGPU is ~100× slower than cpu here, software WebGL ~10×: fewer steps keep the bench to minutes.
const PLAN = {
  cpu: { neuron: 1000, mlp: 300, epochs: 10, timeoutMs: 120_000 },
  wasm: { neuron: 1000, mlp: 300, epochs: 10, timeoutMs: 120_000 },
  webgl: { neuron: 200, mlp: 100, epochs: 3, timeoutMs: 180_000 },
  webgpu: { neuron: 20, mlp: 10, epochs: 1, timeoutMs: 300_000 },
};

if (!existsSync(resolve(DIST, 'bench.html'))) {
  console.error(`No ${DIST}/bench.html: run \`npm run bench\` (it builds first) or \`npm run build\`.`);
  process.exit(2);
}

const server = await startServer({ dir: DIST });
const launch = chromiumLaunchOptions();
const browser = await chromium.launch({ ...launch, headless: true });
console.log(`Chromium ${browser.version()} (${launch.executablePath ?? "Playwright's own"}), serving ${DIST}\n`);

/** Opens bench.html with `query` in a fresh context (no shared localStorage), returns its result. */
async function runPage(query, timeoutMs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  let crashed = false;
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('crash', () => {
    crashed = true;
  });
  const t0 = Date.now();
  try {
    await page.goto(`${server.url}bench.html?${query}`);
    await page.waitForFunction(() => window.__benchResult !== undefined, null, { timeout: timeoutMs, polling: 250 });
    const result = await page.evaluate(() => window.__benchResult);
    return { ...result, problems, seconds: (Date.now() - t0) / 1000 };
  } catch (err) {
    return { ok: false, stage: crashed ? 'run' : 'unknown', crashed, error: String(err), problems, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await context.close().catch(() => undefined);
  }
}

const fmt = (ms) => (ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const rows = [];
const failures = [];

for (const backend of BACKENDS) {
  const plan = PLAN[backend];
  const row = { backend, detail: '', software: '', initMs: undefined, neuron: undefined, mlp: undefined, epoch: undefined, note: '' };
  for (const workload of ['neuron', 'mlp']) {
    const steps = workload === 'neuron' ? plan.neuron : plan.mlp;
    process.stdout.write(`  ${backend.padEnd(6)} ${workload.padEnd(6)} … `);
    const r = await runPage(`backend=${backend}&workload=${workload}&steps=${steps}&epochs=${plan.epochs}`, plan.timeoutMs);
    console.log(r.ok ? `${r.seconds.toFixed(1)} s` : `failed (${r.error?.split('\n')[0]})`);
    if (r.detail) row.detail = r.detail;
    if (r.software !== undefined && r.backend === backend) row.software = r.software ? 'yes' : 'no';
    if (r.initMs !== undefined && r.backend === backend) row.initMs = r.initMs;
    if (r.ok && r.initialised === false) {
      row.note = `did not start: ${r.choice?.skipped?.find((s) => s.name === backend)?.why ?? 'unknown'}`;
      break;
    }
    if (!r.ok) {
      row.note = `${workload} failed: ${(r.error ?? '').split('\n')[0]}`;
      if (r.stage === 'run') failures.push(`${backend}/${workload}: ${r.error}`);
      continue;
    }
    if (workload === 'neuron') row.neuron = r.neuronMsPerStep;
    else {
      row.mlp = r.mlpMsPerStep;
      row.epoch = r.mlpMsPerEpoch;
    }
    const serious = r.problems.filter((p) => !/WebGPU is experimental|powerPreference/i.test(p));
    if (serious.length) row.note = serious.join(' | ').slice(0, 160);
  }
  rows.push(row);
}

console.log('\nCalibration and GPU-loss drills:');
process.stdout.write('  engine calibration (no override) … ');
const calibration = await runPage('workload=calibrate', 120_000);
console.log(calibration.ok ? `${calibration.seconds.toFixed(1)} s` : `failed (${calibration.error})`);
const drills = [];
for (const backend of ['webgl', 'webgpu']) {
  process.stdout.write(`  lose the ${backend} device mid-training … `);
  const r = await runPage(`backend=${backend}&workload=loss`, 180_000);
  console.log(r.ok ? `${r.seconds.toFixed(1)} s` : `failed (${r.error?.split('\n')[0]})`);
  drills.push({ backend, r });
  if (!r.ok && r.stage === 'run') failures.push(`${backend}/loss drill: ${r.error}`);
}

console.log('\nThe training lab on TF.js ops (the design the lab does not use; kept for comparison):');
const labRows = [];
for (const backend of ['cpu', 'wasm']) {
  for (const workload of ['lab-spiral', 'lab-circle']) {
    process.stdout.write(`  ${backend.padEnd(6)} ${workload.padEnd(10)} … `);
    const r = await runPage(`backend=${backend}&workload=${workload}&seconds=5`, 120_000);
    console.log(r.ok && r.lab ? `${r.lab.epochsPerSecond.toFixed(1)} epochs/s` : `failed (${(r.error ?? 'did not start').split('\n')[0]})`);
    labRows.push({ backend, workload, r });
    if (!r.ok && r.stage === 'run') failures.push(`${backend}/${workload}: ${r.error}`);
  }
}

const labPage = await benchLabPage(browser, server.url);
for (const r of labPage) if (r.error) failures.push(`lab page ${r.config}: ${r.error}`);

const cnn = await benchCnn(browser, server.url);
const seq = await benchSeq(browser, server.url);
const attention = await benchAttention(browser, server.url);
const convnetjs = await benchConvNetJs(browser, server.url);
const gpu = await benchGpu(browser, server.url);

await browser.close();
await server.close();

// ── Report ────────────────────────────────────────────────────────────────────────────────────────────────────
const header = ['backend', 'adapter / renderer', 'software?', 'init ms', 'neuron ms/step', 'MLP ms/step', 'MLP ms/epoch', 'note'];
const table = rows.map((r) => [
  r.backend,
  r.detail.length > 48 ? `${r.detail.slice(0, 47)}…` : r.detail,
  r.software,
  fmt(r.initMs),
  fmt(r.neuron),
  fmt(r.mlp),
  fmt(r.epoch),
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
table.forEach((row) => console.log(line(row)));
console.log('\nNeuron: 1 sigmoid neuron, 200 blob points, batch 10, SGD. MLP: 2-8-8-1 tanh/sigmoid, BCE, 200 circle');
console.log('points, batch 10, Adam; an epoch is 20 steps and one read. Every timing ends with an awaited read.');

const measured = rows.filter((r) => r.mlp !== undefined).sort((a, b) => a.mlp - b.mlp);
if (measured.length) console.log(`\nFastest MLP step measured here: ${measured[0].backend} (${fmt(measured[0].mlp)} ms/step).`);
if (calibration.ok) {
  const c = calibration.choice;
  const timings = Object.entries(c.timings ?? {}).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ');
  console.log(`Engine calibration chooses: ${c.name} (${c.source}${timings ? `; timed ${timings}` : ''})`);
  console.log(`  reason: "${c.reason}"`);
} else {
  console.log(`Engine calibration failed: ${calibration.error}`);
}
for (const { backend, r } of drills) {
  if (!r.ok) console.log(`GPU loss on ${backend}: drill failed: ${(r.error ?? '').split('\n')[0]}`);
  else if (!r.initialised) console.log(`GPU loss on ${backend}: skipped (${backend} did not start)`);
  else {
    const l = r.loss;
    const verdict = l.switched && l.weightsKept && l.stepNow > l.stepBefore ? 'OK' : 'PROBLEM';
    console.log(
      `GPU loss on ${backend}: ${verdict}: switched to ${l.to}, weights kept: ${l.weightsKept}, ` +
        `step ${l.stepBefore} → ${l.stepNow}, events ${l.events.join(' → ')}; reason: "${l.reason}"`,
    );
    if (verdict !== 'OK') console.log(`  WARNING: the runtime fallback did not work as expected: ${JSON.stringify(l)}`);
  }
}

for (const { backend, workload, r } of labRows) {
  if (r.ok && r.lab) console.log(`Lab on TF.js ops, ${workload} on ${backend}: ${r.lab.epochsPerSecond.toFixed(1)} epochs/s.`);
}
for (const r of labPage.filter((r) => !r.error)) {
  const [lo, hi] = ANCHORS[r.config];
  console.log(
    `Lab ${r.config}: ${r.epochsPerSecond.toFixed(0)} epochs/s = ${(r.epochsPerSecond / hi).toFixed(1)}× to ${(r.epochsPerSecond / lo).toFixed(1)}× ` +
      `TensorFlow Playground (${lo}–${hi}); ${r.fps.toFixed(1)} frames/s; every neuron's map redrawn ${r.mapsPerSecond.toFixed(1)} times/s.`,
  );
}
console.log('spiral: 8-8 tanh, all 7 features, batch 10, 250 training points; circle: 4-2 tanh, X₁ and X₂, same.');

printCnn(cnn, convnetjs);
printSeq(seq);
printAttention(attention);
printGpu(gpu);

if (failures.length) {
  console.error(`\n${failures.length} backend(s) crashed after starting:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
