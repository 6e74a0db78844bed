/**
 * "The limits of deep learning", figure 2: bias in, bias out. The reader keeps only a share of one digit in the
 * training set and retrains the same network; per-class test accuracy bars show that digit failing while overall
 * accuracy moves far less. A reference network trained once on every digit gives each bar a "before" tick.
 *
 *   Retrain ─▶ (first time) reference: all 8,000 digits ─▶ skewed: all but (1 − keep) of one digit ─▶ bars
 */
import { useEffect, useRef, useState } from 'react';
import { createDigitNet, modelRng, predictClasses, subsetDataset, trainDigitNet } from '../../engine/limits/digitNet';
import { classCounts, perClassAccuracy, skewedSubset, type ClassAccuracy } from '../../engine/limits/subsets';
import { useFigureSettings } from '../../state/figures';
import { int } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { MnistStatus } from '../digits/MnistStatus';
import { useMnist } from '../digits/useMnist';
import { ClassBars } from './ClassBars';
import { afterFrame, digitsOf, ensureDigitBackend, NET, percent, type Digits } from './digitData';
import './limits.css';

const LESSON = 'limits-of-deep-learning';
const SEED = 1;
const schema = { digit: int(0, 9, 3), keep: int(0, 100, 2) };

interface Result {
  digit: number;
  keep: number;
  seen: number;
  total: number;
  accuracy: ClassAccuracy;
}

async function trainAndScore(digits: Digits, rows: Int32Array, salt: number, signal: AbortSignal, onStep: (step: number) => void): Promise<ClassAccuracy> {
  const net = createDigitNet({ hidden: NET.hidden }, modelRng(SEED, salt));
  try {
    await trainDigitNet(net, subsetDataset(digits.trainPixels, digits.trainLabels, rows), { ...NET, seed: SEED, signal, pause: afterFrame, onProgress: onStep });
    return perClassAccuracy(await predictClasses(net, digits.testPixels, digits.testCount, 784, 250, afterFrame), digits.testLabels);
  } finally {
    net.dispose();
  }
}

export default function BiasFigure() {
  const settings = useFigureSettings(LESSON, 'bias', schema);
  const { digit, keep } = settings.values;
  const { load, retry } = useMnist();
  const [reference, setReference] = useState<ClassAccuracy | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function retrain(digits: Digits) {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(null);
    try {
      setStatus('Choosing where to run…');
      await ensureDigitBackend(digits);
      let ref = reference;
      if (!ref) {
        const all = Int32Array.from({ length: digits.trainCount }, (_, i) => i);
        ref = await trainAndScore(digits, all, 100, controller.signal, (s) => setStatus(`Training the reference network on every digit: step ${s} of ${NET.steps}`));
        setReference(ref);
      }
      const rows = skewedSubset(digits.trainLabels, { cls: digit, keep: keep / 100 }, SEED);
      const seen = classCounts(digits.trainLabels, rows)[digit]!;
      const accuracy =
        keep === 100 ? ref : await trainAndScore(digits, rows, 200, controller.signal, (s) => setStatus(`Training on ${keep}% of the ${digit}s: step ${s} of ${NET.steps}`));
      setResult({ digit, keep, seen, total: rows.length, accuracy });
      setStatus('');
    } catch (e) {
      if (controller.signal.aborted) setStatus('Stopped.');
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (abort.current === controller) setRunning(false);
    }
  }

  if (load.status !== 'ready') return <MnistStatus load={load} onRetry={retry} className="limits-status" testId="bias" />;
  const digits = digitsOf(load.mnist);
  const inTraining = classCounts(digits.trainLabels)[digit]!;
  const kept = Math.round((keep / 100) * inTraining);
  const stale = result !== null && (result.digit !== digit || result.keep !== keep);

  return (
    <div className="limits-figure" data-testid="bias-figure">
      <div className="limits-controls">
        <label>
          Digit to make rare{' '}
          <select value={digit} onChange={(e) => settings.set({ digit: Number(e.target.value) })} disabled={running} data-testid="bias-digit">
            {Array.from({ length: 10 }, (_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <Slider label={`Share of the ${digit}s kept in training`} value={keep} min={0} max={100} step={1} format={(v) => `${v}%`} onChange={(v) => settings.set({ keep: v })} testId="bias-keep" />
        <button type="button" onClick={() => void retrain(digits)} disabled={running} data-testid="bias-retrain">
          {running ? 'Training…' : 'Retrain'}
        </button>
      </div>
      <p className="limits-progress" aria-live="polite" data-testid="bias-status">
        {status ||
          `The network would see ${kept.toLocaleString('en')} of the ${inTraining.toLocaleString('en')} ${digit}s, and all the other digits.` +
            (stale ? ' The bars show the last run: press Retrain for this setting.' : '')}
      </p>
      {error ? (
        <p role="alert" className="limits-error">
          {error}
        </p>
      ) : null}
      <ClassBars accuracy={result?.accuracy ?? null} reference={reference} highlight={result?.digit ?? digit} />
      <dl className="limits-summary" data-testid="bias-summary">
        <div>
          <dt>overall test accuracy</dt>
          <dd data-testid="bias-overall" data-value={result?.accuracy.overall ?? ''}>
            {result ? percent(result.accuracy.overall) : '–'}
            {reference ? <span className="limits-ref"> (every digit: {percent(reference.overall)})</span> : null}
          </dd>
        </div>
        <div>
          <dt>on the {result?.digit ?? digit}s</dt>
          <dd data-testid="bias-rare" data-value={result?.accuracy.perClass[result.digit] ?? ''}>
            {result ? percent(result.accuracy.perClass[result.digit]!) : '–'}
            {reference ? <span className="limits-ref"> (every digit: {percent(reference.perClass[result?.digit ?? digit]!)})</span> : null}
          </dd>
        </div>
        <div>
          <dt>{result?.digit ?? digit}s in training</dt>
          <dd data-testid="bias-seen">{result ? `${result.seen.toLocaleString('en')} of ${result.total.toLocaleString('en')} digits` : '–'}</dd>
        </div>
      </dl>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
