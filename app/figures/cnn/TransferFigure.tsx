/**
 * "Transfer learning": the digit CNN's convolution layers, frozen, with a new head trained on a few photos of
 * clothes per class, against the same network trained from scratch on the same photos; accuracy on 1,000 held-out
 * photos for each number of examples per class. The digit CNN is the one the reader trained (or trains here).
 */
import { useRef, useState } from 'react';
import { FASHION_CLASS_NAMES } from '../../engine/data/mnist';
import { useFigureSettings } from '../../state/figures';
import { int, oneOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { CNN_ID } from './CnnTrainerFigure';
import { DigitCnnSource, useDigitCnn } from './DigitCnnSource';
import { DigitLoader } from './DigitLoader';
import { runTransfer, useImageSession } from './imageModels';
import { Thumbnail } from './Mistakes';
import { count, pct } from './format';
import './cnn.css';

const SETS = { quick: [1, 5, 20, 100], full: [1, 2, 5, 10, 20, 50, 100, 150] } as const;
const TASKS = {
  'new-digits': { label: 'Digits 5–9, from a CNN trained only on 0–4', noun: 'digits 5–9', names: (k: number) => String(k) },
  clothes: { label: 'Clothes (Fashion-MNIST), from your digit CNN', noun: 'photos of clothes', names: (k: number) => FASHION_CLASS_NAMES[k]! },
} as const;
type Task = keyof typeof TASKS;
const schema = {
  task: oneOf(Object.keys(TASKS) as Task[], 'new-digits'),
  counts: oneOf(['quick', 'full'] as const, 'quick'),
  seed: int(1, 99999, 1),
};
const STEPS = 150;
const pctOrWait = (v: number | undefined) => (v === undefined ? '…' : pct(v));

type Row = { perClass: number; frozen?: number; random?: number; scratch?: number };

export default function TransferFigure() {
  const settings = useFigureSettings('transfer-learning', 'transfer', schema);
  const v = settings.values;
  const phase = useImageSession((s) => s.phase);
  const cnn = useDigitCnn();
  const digitAccuracy = cnn.accuracy;
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [samples, setSamples] = useState<{ pixels: Uint8Array; labels: Uint8Array; testCount: number } | null>(null);
  const generation = useRef(0);
  const [source, setSource] = useState<number | null>(null);
  const task = TASKS[v.task];
  const needsDigitCnn = v.task === 'clothes';
  const run = () => {
    const counts = [...SETS[v.counts]];
    const gen = ++generation.current;
    setRows(counts.map((perClass) => ({ perClass })));
    setError(null);
    setRunning(true);
    setSource(null);
    runTransfer(v.task, CNN_ID, counts, STEPS, v.seed, (e) => {
      if (gen !== generation.current) return;
      if (e.type === 'transferSource') setSource(e.testAccuracy);
      else if (e.type === 'transferData') setSamples({ pixels: e.samplePixels, labels: e.sampleLabels, testCount: e.testCount });
      else if (e.type === 'transferResult') setRows((rs) => rs.map((r) => (r.perClass === e.perClass ? { ...r, [e.mode]: e.accuracy } : r)));
      else {
        setRunning(false);
        if (e.type === 'transferError') setError(e.message);
      }
    });
  };

  if (phase !== 'ready') return <DigitLoader what="the digit CNN" />;
  return (
    <div className="cnn-figure transfer-figure" data-testid="transfer-figure">
      <label className="select">
        new task
        <select
          value={v.task}
          onChange={(e) => {
            settings.set({ task: e.target.value as Task });
            setRows([]);
            setSamples(null);
          }}
          disabled={running}
          data-testid="task"
        >
          {(Object.keys(TASKS) as Task[]).map((t) => (
            <option key={t} value={t}>
              {TASKS[t].label}
            </option>
          ))}
        </select>
      </label>
      {needsDigitCnn ? (
        <DigitCnnSource cnn={cnn} purpose="as the feature extractor" />
      ) : (
        <p className="transfer-source" data-testid="low-digit-source">
          {source === null
            ? 'The source network is a CNN of the same shape trained for two epochs on the digits 0–4 only: it has never seen a 5, 6, 7, 8 or 9. It is trained when you first run the comparison (a few seconds).'
            : `The source CNN, trained on the digits 0–4 only, reads ${(source * 100).toFixed(1)}% of held-out 0–4s. It has never seen a 5, 6, 7, 8 or 9.`}
        </p>
      )}
      <div className="trainer-buttons" role="group" aria-label="Comparison">
        <label className="select">
          examples per class
          <select value={v.counts} onChange={(e) => settings.set({ counts: e.target.value as 'quick' | 'full' })} data-testid="counts">
            <option value="quick">1, 5, 20, 100 (quick)</option>
            <option value="full">1, 2, 5 … 150 (eight runs)</option>
          </select>
        </label>
        <button type="button" onClick={run} disabled={running || (needsDigitCnn && (cnn.training || digitAccuracy === null))} data-testid="run-transfer">
          {running ? 'Training…' : 'Run the comparison'}
        </button>
        <button type="button" className="secondary" onClick={() => settings.set({ seed: (v.seed % 99999) + 1 })} disabled={running}>
          Other examples (seed {v.seed})
        </button>
      </div>
      {error ? (
        <p className="notice" role="alert" data-testid="transfer-error">
          {error}
        </p>
      ) : null}
      {/* On a phone the table scrolls sideways; the wrapper is focusable so the keyboard can scroll it too. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Results table">
      <table className="transfer-table" data-testid="transfer-table" aria-busy={running}>
        <caption>
          Accuracy on {samples ? count(samples.testCount) : 'the'} held-out {task.noun} (chance: {v.task === 'clothes' ? '10%' : '20%'})
        </caption>
        <thead>
          <tr>
            <th scope="col">examples per class</th>
            <th scope="col">reused layers, frozen</th>
            <th scope="col">random layers, frozen</th>
            <th scope="col">from scratch</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                Press “Run the comparison”: each row trains three networks for {STEPS} steps on N examples of each new class.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.perClass}>
                <th scope="row">{r.perClass}</th>
                {(['frozen', 'random', 'scratch'] as const).map((mode) => (
                  <td key={mode} data-testid={`${mode}-${r.perClass}`} data-value={r[mode] ?? ''}>
                    <span className={`transfer-bar transfer-${mode}`} style={{ ['--p' as string]: String(r[mode] ?? 0) }} aria-hidden="true" />
                    {pctOrWait(r[mode])}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      </div>
      {samples ? (
        <>
          <h4 className="cnn-heading">Some of the held-out {task.noun}</h4>
          <div className="cnn-thumbs" data-testid="fashion-samples">
            {Array.from({ length: 20 }, (_, i) => (
              <Thumbnail
                key={i}
                pixels={samples.pixels.subarray(i * 784, (i + 1) * 784)}
                label={`Held out: ${task.names(samples.labels[i]!)}`}
              />
            ))}
          </div>
        </>
      ) : null}
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
