/**
 * "The limits of deep learning", figure 1: how much data. The same network (784 → 64 → 10) is trained from the
 * same seed on 10, 100, 1,000 and all 8,000 training digits (balanced subsets), and scored on the 2,000 test
 * digits; a nearest-centroid classifier (the mean image of each digit) is scored beside it. Points arrive one by
 * one on a log x-axis. Training runs on the page in slices of at most 20 ms (engine/limits/digitNet.ts).
 *
 *   Run ─▶ for n in sizes: subset(n, seed) ─▶ centroid point ─▶ train 300 steps (slices) ─▶ network point
 */
import { useEffect, useRef, useState } from 'react';
import { balancedSubset, perClassAccuracy } from '../../engine/limits/subsets';
import { createDigitNet, fitCentroids, modelRng, predictCentroids, predictClasses, subsetDataset, trainDigitNet } from '../../engine/limits/digitNet';
import { useFigureSettings } from '../../state/figures';
import { int, oneOf, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { MnistStatus } from '../digits/MnistStatus';
import { useMnist } from '../digits/useMnist';
import { afterFrame, digitsOf, ensureDigitBackend, NET, percent, type Digits } from './digitData';
import { LogChart, type Point } from './LogChart';
import './limits.css';

const LESSON = 'limits-of-deep-learning';
const schema = {
  /** 'all' runs 10, 100, 1,000 and every training digit; '1000' stops at 1,000 (a quicker run). */
  largest: oneOf(['1000', 'all'] as const, 'all'),
  seed: int(1, 999, 1),
};
type Settings = ValuesOf<typeof schema>;

interface Row {
  n: number;
  network: number | null;
  centroid: number | null;
}

const sizesFor = (largest: Settings['largest'], all: number) => (largest === 'all' ? [10, 100, 1000, all] : [10, 100, 1000]);

export default function DataSizeFigure() {
  const settings = useFigureSettings(LESSON, 'data-size', schema);
  const { largest, seed } = settings.values;
  const { load, retry } = useMnist();
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function run(digits: Digits) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    const sizes = sizesFor(largest, digits.trainCount);
    setRows(sizes.map((n) => ({ n, network: null, centroid: null })));
    setRunning(true);
    setError(null);
    const put = (n: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.n === n ? { ...r, ...patch } : r)));
    try {
      setStatus('Choosing where to run…');
      await ensureDigitBackend(digits);
      for (const n of sizes) {
        if (signal.aborted) return;
        const subset = n >= digits.trainCount ? Int32Array.from({ length: digits.trainCount }, (_, i) => i) : balancedSubset(digits.trainLabels, n, seed);
        const centroids = fitCentroids(digits.trainPixels, digits.trainLabels, subset);
        const predicted = new Uint8Array(digits.testCount);
        for (let from = 0; from < digits.testCount; from += 500) {
          predicted.set(predictCentroids(centroids, digits.testPixels, from, Math.min(digits.testCount, from + 500)), from);
          await afterFrame();
        }
        put(n, { centroid: perClassAccuracy(predicted, digits.testLabels).overall });
        const net = createDigitNet({ hidden: NET.hidden }, modelRng(seed, n));
        try {
          await trainDigitNet(net, subsetDataset(digits.trainPixels, digits.trainLabels, subset), {
            ...NET,
            seed,
            signal,
            pause: afterFrame,
            onProgress: (step) => setStatus(`Training the network on ${n.toLocaleString('en')} digits: step ${step} of ${NET.steps}`),
          });
          const classes = await predictClasses(net, digits.testPixels, digits.testCount, 784, 250, afterFrame);
          put(n, { network: perClassAccuracy(classes, digits.testLabels).overall });
        } finally {
          net.dispose();
        }
      }
      setStatus(`Done: ${sizes.length} training-set sizes, each scored on the same ${digits.testCount.toLocaleString('en')} test digits.`);
    } catch (e) {
      if (signal.aborted) setStatus('Stopped.');
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (abort.current === controller) setRunning(false);
    }
  }

  const stop = () => {
    abort.current?.abort();
    setRunning(false);
    setStatus('Stopped.');
  };

  if (load.status !== 'ready') return <MnistStatus load={load} onRetry={retry} className="limits-status" testId="data-size" />;
  const digits = digitsOf(load.mnist);
  const points = (key: 'network' | 'centroid'): Point[] => rows.flatMap((r) => (r[key] === null ? [] : [{ x: r.n, y: r[key] }]));
  const done = rows.filter((r) => r.network !== null);
  const describe =
    done.length === 0
      ? 'Test accuracy against the number of training digits, on a log scale. No points yet: press Run the sweep.'
      : `Test accuracy against the number of training digits, on a log scale. ${done
          .map((r) => `${r.n} digits: network ${percent(r.network!)}, nearest centroid ${percent(r.centroid ?? NaN)}`)
          .join('; ')}.`;

  return (
    <div className="limits-figure" data-testid="data-size-figure">
      <div className="limits-controls">
        <label>
          Sizes{' '}
          <select value={largest} onChange={(e) => settings.set({ largest: e.target.value as Settings['largest'] })} disabled={running} data-testid="sweep-sizes">
            <option value="all">10, 100, 1,000 and all {digits.trainCount.toLocaleString('en')}</option>
            <option value="1000">10, 100 and 1,000 (quicker)</option>
          </select>
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            min={1}
            max={999}
            value={seed}
            disabled={running}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= 999) settings.set({ seed: v });
            }}
            data-testid="sweep-seed"
          />
        </label>
        {running ? (
          <button type="button" onClick={stop} data-testid="sweep-stop">
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => void run(digits)} data-testid="sweep-run">
            Run the sweep
          </button>
        )}
      </div>
      <p className="limits-progress" aria-live="polite" data-testid="sweep-status">
        {status || `Each run trains the same network for ${NET.steps} steps of ${NET.batchSize} digits, from the same seed.`}
      </p>
      {error ? (
        <p role="alert" className="limits-error" data-testid="sweep-error">
          {error}
        </p>
      ) : null}
      <LogChart
        label={describe}
        xLabel="training digits (log scale)"
        xMax={largest === 'all' ? digits.trainCount : 1000}
        series={[
          { id: 'network', name: 'network (784 → 64 → 10)', points: points('network'), shape: 'circle' },
          { id: 'centroid', name: 'nearest centroid', points: points('centroid'), shape: 'square' },
        ]}
      />
      <table className="limits-table" data-testid="sweep-table">
        <caption>Accuracy on the {digits.testCount.toLocaleString('en')} test digits</caption>
        <thead>
          <tr>
            <th scope="col">training digits</th>
            <th scope="col">network</th>
            <th scope="col">nearest centroid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.n} data-testid="sweep-row" data-n={r.n}>
              <th scope="row">{r.n.toLocaleString('en')}</th>
              <td data-testid="sweep-network" data-value={r.network ?? ''}>
                {r.network === null ? '…' : percent(r.network)}
              </td>
              <td data-testid="sweep-centroid" data-value={r.centroid ?? ''}>
                {r.centroid === null ? '…' : percent(r.centroid)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
