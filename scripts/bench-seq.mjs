// The sequence lessons' benchmark, in headless Chromium (part of `npm run bench`; alone: `node scripts/bench-seq.mjs`
// after `npx vite build`). For every backend: ms per training batch (batch 32, Adam) of the course's plain RNN and
// LSTM (32 units, sequences of 20), of TF.js's own tf.layers.lstm on the same data, and of the spelling lesson's
// LSTM (64 units, words of 10 characters). Then the recall race as a reader meets it (the sequence session in its
// Web Worker, backend chosen by the engine, distance 50): training seconds until the LSTM is 99% right on held-out
// sequences, the plain RNN's best accuracy, view refreshes and the longest main-thread task.
import { formatMs as f, printStepTable, runPage, runAlone, stepTable } from './bench-page.mjs';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
const MODELS = [
  ['rnn', 'course RNN 32, T 20'],
  ['lstm', 'course LSTM 32, T 20'],
  ['layers-lstm', 'tf.layers.lstm 32, T 20'],
  ['spell', 'spelling LSTM 64, T 10'],
];

/**
 * Runs every sequence measurement; prints progress as it goes.
 *
 * @example
 * const seq = await benchSeq(browser, server.url); // seq.rows[1].lstm, seq.race.lstmSecondsTo99
 */
export async function benchSeq(browser, base) {
  const rows = await stepTable(browser, base, BACKENDS, MODELS.map(([m]) => m), 8);
  process.stdout.write('  the recall race as a reader meets it (worker, engine picks the backend, distance 50) … ');
  const race = await runPage(browser, `${base}bench-seq.html?mode=race&length=50&seconds=150`, 300_000);
  console.log(race.ok ? 'done' : `failed (${race.error})`);
  return { rows, race };
}

/** Prints the table and the race's lines. */
export function printSeq({ rows, race }) {
  printStepTable(rows, MODELS);
  console.log('Anchor: TF.js 4.22 cpu, a 32-unit LSTM on sequences of 20, batch 32: 141 ms per batch (the issue’s figure).');
  if (race.ok) {
    const r = race;
    const to99 = r.lstmSecondsTo99 === null ? `not within ${r.wallSeconds.toFixed(0)} s (best ${(r.bestAccuracy.lstm * 100).toFixed(0)}%)` : `${r.lstmSecondsTo99.toFixed(1)} s of training (${r.lstmStepsTo99} batches; ${r.lstmWallSecondsTo99.toFixed(1)} s on the wall clock)`;
    console.log(
      `Recall race, distance 50 (engine chose ${r.choice.name}, both models in one worker): LSTM ≥ 99% held-out after ${to99} (bar: within 60 s); ` +
        `plain RNN best ${(r.bestAccuracy.rnn * 100).toFixed(0)}% in ${r.wallSeconds.toFixed(0)} s (chance 25%); ms per batch while racing: RNN ${f(r.msPerBatch.rnn)}, LSTM ${f(r.msPerBatch.lstm)}; ` +
        `${r.viewsPerSecond.toFixed(1)} views/s (both models); longest main-thread task ${r.longestTaskMs ? `${r.longestTaskMs.toFixed(0)} ms` : 'under 50 ms'}.`,
    );
  } else console.log(`The race failed: ${race.error}`);
}

await runAlone(import.meta.url, 'bench-seq.html', async (browser, base) => printSeq(await benchSeq(browser, base)));
