/**
 * "The limits of deep learning", figure 3: a first look inside the black box. A network trained here (the same
 * 784 → 64 → 10 recipe, on all 8,000 training digits) classifies a test digit; the saliency map is the size of
 * the gradient of one class's logit with respect to each pixel, |∂z_c/∂xᵢ| (engine/limits/saliency.ts), and
 * gradient × input keeps only the pixels that have ink. Three small canvases scaled by CSS.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createDigitNet, modelRng, predictClasses, subsetDataset, trainDigitNet, type DigitNet } from '../../engine/limits/digitNet';
import { classProbabilities, gradientTimesInput, saliency } from '../../engine/limits/saliency';
import { perClassAccuracy } from '../../engine/limits/subsets';
import { useFigureSettings } from '../../state/figures';
import { int, oneOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { drawGrid, gray } from '../digits/gridCanvas';
import { MnistStatus } from '../digits/MnistStatus';
import { useMnist } from '../digits/useMnist';
import { afterFrame, digitsOf, ensureDigitBackend, NET, percent, type Digits } from './digitData';
import './limits.css';

const LESSON = 'limits-of-deep-learning';
const SEED = 1;
const CLASS_CHOICES = ['predicted', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const schema = { digit: int(0, 1999, 0), cls: oneOf(CLASS_CHOICES, 'predicted') };

/** Paper white to deep blue, by size. */
const magnitude = (v: number): [number, number, number] => {
  const t = Math.min(1, Math.max(0, v));
  return [Math.round(255 - t * 255), Math.round(255 - t * 165), Math.round(255 - t * 77)];
};
/** Orange below zero, white at zero, blue above (the course's Okabe–Ito pair), for values in −1 … 1. */
const diverging = (v: number): [number, number, number] => {
  const t = Math.min(1, Math.abs(v));
  const [r, g, b] = v < 0 ? [213, 94, 0] : [0, 114, 178];
  return [Math.round(255 + (r - 255) * t), Math.round(255 + (g - 255) * t), Math.round(255 + (b - 255) * t)];
};
const scaled = (values: Float32Array, abs: boolean) => {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return values.map((v) => (max > 0 ? (abs ? Math.abs(v) : v) / max : 0));
};

interface Explained {
  probabilities: Float32Array;
  predicted: number;
  cls: number;
  gradient: Float32Array;
}

export default function SaliencyFigure() {
  const settings = useFigureSettings(LESSON, 'saliency', schema);
  const { digit, cls } = settings.values;
  const { load, retry } = useMnist();
  const net = useRef<DigitNet | null>(null);
  const [trained, setTrained] = useState<{ accuracy: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [explained, setExplained] = useState<Explained | null>(null);
  const canvases = { digit: useRef<HTMLCanvasElement>(null), saliency: useRef<HTMLCanvasElement>(null), times: useRef<HTMLCanvasElement>(null) };
  const digits = load.status === 'ready' ? digitsOf(load.mnist) : null;
  const input = useMemo(() => (digits ? digits.testPixels.subarray(digit * 784, (digit + 1) * 784) : null), [digits, digit]);

  useEffect(
    () => () => {
      net.current?.dispose();
      net.current = null;
    },
    [],
  );

  async function train(d: Digits) {
    setRunning(true);
    setError(null);
    try {
      setStatus('Choosing where to run…');
      await ensureDigitBackend(d);
      const model = createDigitNet({ hidden: NET.hidden }, modelRng(SEED, 300));
      const all = Int32Array.from({ length: d.trainCount }, (_, i) => i);
      await trainDigitNet(model, subsetDataset(d.trainPixels, d.trainLabels, all), {
        ...NET,
        seed: SEED,
        pause: afterFrame,
        onProgress: (s) => setStatus(`Training on all ${d.trainCount.toLocaleString('en')} digits: step ${s} of ${NET.steps}`),
      });
      const predicted = await predictClasses(model, d.testPixels, d.testCount, 784, 250, afterFrame);
      net.current?.dispose();
      net.current = model;
      setTrained({ accuracy: perClassAccuracy(predicted, d.testLabels).overall });
      setStatus('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }

  // A new digit, class or model: explain again (one gradient, a few milliseconds).
  useEffect(() => {
    const model = net.current;
    if (!trained || !model || !input) return;
    let live = true;
    void (async () => {
      const probabilities = await classProbabilities(model, input);
      const predicted = probabilities.indexOf(Math.max(...probabilities));
      const c = cls === 'predicted' ? predicted : Number(cls);
      const gradient = await saliency(model, input, c, 'logit');
      if (live) setExplained({ probabilities, predicted, cls: c, gradient });
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [trained, input, cls]);

  useEffect(() => {
    if (!input) return;
    const grid = (values: Float32Array) => ({ rows: 28, cols: 28, values });
    if (canvases.digit.current) drawGrid(canvases.digit.current, grid(input.map((v) => 1 - v)), gray, 4, null);
    if (!explained) return;
    if (canvases.saliency.current) drawGrid(canvases.saliency.current, grid(scaled(explained.gradient, true)), magnitude, 4, null);
    if (canvases.times.current) drawGrid(canvases.times.current, grid(scaled(gradientTimesInput(explained.gradient, input), false)), diverging, 4, null);
  }, [input, explained, canvases.digit, canvases.saliency, canvases.times]);

  if (load.status !== 'ready' || !digits || !input) return <MnistStatus load={load as Exclude<typeof load, { status: 'ready' }>} onRetry={retry} className="limits-status" testId="saliency" />;

  const label = digits.testLabels[digit]!;
  const pick = (n: number) => {
    setTyped(null);
    settings.set({ digit: (n + digits.testCount) % digits.testCount });
  };
  const onType = (text: string) => {
    setTyped(text);
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n >= 0 && n < digits.testCount) settings.set({ digit: n });
  };
  const typedProblem = typed !== null && typed !== String(digit) ? `Type a whole number from 0 to ${(digits.testCount - 1).toLocaleString('en')}; the figure keeps digit ${digit}.` : null;
  const shown = explained && trained;

  return (
    <div className="limits-figure" data-testid="saliency-figure">
      <div className="limits-controls">
        {trained ? (
          <p className="limits-progress" data-testid="saliency-model">
            Network trained here on all {digits.trainCount.toLocaleString('en')} training digits ({NET.steps} steps): {percent(trained.accuracy)} of the test digits right.
          </p>
        ) : (
          <button type="button" onClick={() => void train(digits)} disabled={running} data-testid="saliency-train">
            {running ? 'Training…' : 'Train the network (a few seconds)'}
          </button>
        )}
      </div>
      <div className="limits-controls" role="group" aria-label="Which digit and class">
        <button type="button" className="secondary" onClick={() => pick(digit - 1)} data-testid="saliency-prev">
          Previous digit
        </button>
        <label>
          Test digit no.{' '}
          <input type="number" min={0} max={digits.testCount - 1} value={typed ?? digit} onChange={(e) => onType(e.target.value)} aria-invalid={typedProblem ? true : undefined} data-testid="saliency-index" />
        </label>
        <button type="button" className="secondary" onClick={() => pick(digit + 1)} data-testid="saliency-next">
          Next digit
        </button>
        <label>
          Class to explain{' '}
          <select value={cls} onChange={(e) => settings.set({ cls: e.target.value as (typeof CLASS_CHOICES)[number] })} data-testid="saliency-class">
            {CLASS_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c === 'predicted' ? `the predicted one${explained ? ` (${explained.predicted})` : ''}` : c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {typedProblem ? (
        <p role="alert" className="limits-error">
          {typedProblem}
        </p>
      ) : null}
      <p className="limits-progress" aria-live="polite" data-testid="saliency-status">
        {status ||
          (shown
            ? `Digit ${digit} is a ${label}. The network says ${explained.predicted} (${percent(explained.probabilities[explained.predicted]!)}); the maps explain class ${explained.cls} (${percent(explained.probabilities[explained.cls]!)}).`
            : `Digit ${digit} is a ${label}. Train the network to see what its answer depends on.`)}
      </p>
      {error ? (
        <p role="alert" className="limits-error">
          {error}
        </p>
      ) : null}
      <div className="limits-maps">
        <figure>
          <canvas ref={canvases.digit} className="limits-map" role="img" aria-label={`Test digit ${digit}, a handwritten ${label}`} data-testid="saliency-digit" />
          <figcaption>the digit</figcaption>
        </figure>
        <figure hidden={!shown}>
          <canvas ref={canvases.saliency} className="limits-map" role="img" aria-label={shown ? `Saliency for class ${explained.cls}: dark blue where a change of the pixel moves the class score most` : 'Saliency map'} data-testid="saliency-map" data-digit={digit} />
          <figcaption>|∂z/∂x|: saliency</figcaption>
        </figure>
        <figure hidden={!shown}>
          <canvas ref={canvases.times} className="limits-map" role="img" aria-label={shown ? `Gradient times input for class ${explained.cls}: blue ink raises the score, orange ink lowers it` : 'Gradient times input'} data-testid="saliency-times" />
          <figcaption>gradient × input (blue raises, orange lowers)</figcaption>
        </figure>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
