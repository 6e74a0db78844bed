/**
 * "MLP vs CNN": the beginner tutorials' first model (Flatten → Dense 128 → Dense 64 → Dense 10) and the course's
 * CNN train side by side on the same digits, in the same worker, each with the classic settings for it. The figure
 * shows their sizes, their test accuracy against examples seen, what each first layer learned, and the TF.js code
 * each one runs (printed from the same description that builds it).
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CNN, countParams, MLP, modelCode } from '../../engine/cnn/architectures';
import type { TrainerStatus } from '../../engine/types';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureSettings } from '../../state/figures';
import { int } from '../../state/schema';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { useOffscreenPause } from '../useOffscreenPause';
import { createLineChart } from '../../viz/createLineChart';
import { createMapGrid } from '../../viz/createMapGrid';
import { DigitLoader } from './DigitLoader';
import { liveModel, modelCommands, subscribeModel, useImageSession, type LiveModel } from './imageModels';
import { count, pct } from './format';
import './cnn.css';

const SIDES = [
  { id: 'race-cnn', spec: CNN, lr: 0.005, name: 'CNN' },
  { id: 'race-mlp', spec: MLP, lr: 0.001, name: 'MLP' },
] as const;
const BATCH = 32;
const schema = { seed: int(1, 99999, 1) };

export default function MlpVsCnnFigure() {
  const settings = useFigureSettings('mlp-vs-cnn', 'race', schema);
  const seed = settings.values.seed;
  const frame = useFigureFrame();
  const phase = useImageSession((s) => s.phase);
  const statuses = useImageSession(useShallow((s) => SIDES.map((side) => s.models[side.id]?.status ?? ('idle' as TrainerStatus))));
  const created = useImageSession((s) => SIDES.every((side) => s.models[side.id]?.created));
  const [models, setModels] = useState<LiveModel[] | null>(null);
  const chartEl = useRef<HTMLDivElement>(null);
  const tableEl = useRef<HTMLTableElement>(null);
  const firstEls = useRef<(HTMLDivElement | null)[]>([]);
  const initialSeed = useRef(seed);

  useEffect(() => {
    if (phase === 'ready' && !models) {
      setModels(
        SIDES.map((s) =>
          liveModel(s.id, { arch: s.spec.id, hyper: { learningRate: s.lr, batchSize: BATCH, optimizer: 'adam' }, seed: initialSeed.current, probe: 0 }),
        ),
      );
    }
  }, [phase, models]);

  useEffect(() => {
    if (!models) return;
    const chart = createLineChart(chartEl.current!, {
      label: 'Test accuracy of the CNN (solid) and the MLP (dashed) against training examples seen',
      yLabel: 'test accuracy',
      xLabel: 'examples seen',
      height: 190,
      x: { min: 0, atLeast: 1000 },
      empty: 'Press Train both to start the race',
      format: pct,
      series: [
        { id: 'race-cnn', name: 'CNN', color: 'class-b', dash: '', width: 2.5 },
        { id: 'race-mlp', name: 'MLP', color: 'class-a', dash: '7 4', width: 2.5 },
      ],
    });
    const firsts = [
      createMapGrid(firstEls.current[0]!, { label: 'The CNN’s first layer: 8 filters of 5 × 5', diverging: true, cell: 8 }),
      createMapGrid(firstEls.current[1]!, { label: 'The MLP’s first layer: the weights of its first 32 of 128 neurons, one 28 × 28 image each', diverging: true, columns: 8, cell: 2 }),
    ];
    const draw = () => {
      // One x axis (examples seen) for both: each side's own points, resampled at the CNN's x values is not
      // needed, the chart takes a separate x per series.
      chart.update({
        series: Object.fromEntries(
          models.map((m) => [m.id, { x: m.evaluations.map((e) => e.examples), y: m.evaluations.map((e) => e.testAccuracy) }]),
        ),
      });
      models.forEach((m, i) => {
        const view = m.view;
        const row = tableEl.current?.querySelectorAll('tbody tr');
        const last = m.evaluations[m.evaluations.length - 1];
        const cells = (name: string) => row?.[['examples', 'rate', 'time', 'test'].indexOf(name)]?.querySelectorAll('td')[i];
        const set = (name: string, text: string) => {
          const c = cells(name);
          if (c) c.textContent = text;
        };
        set('examples', view ? count(view.examples) : '0');
        set('rate', view && view.examplesPerSecond > 0 ? `${count(view.examplesPerSecond)} / s` : '—');
        set('time', view ? `${view.seconds.toFixed(1)} s` : '0 s');
        set('test', last ? pct(last.testAccuracy) : '—');
        cells('test')?.setAttribute('data-value', String(last?.testAccuracy ?? ''));
        if (!view) return;
        if (i === 0) firsts[0]!.update({ values: view.weights[0]!, height: 5, width: 5, channels: 8 });
        else {
          // The first Dense kernel is [784, 128]: pixel-major, so it reads as 128 channels of a 28 × 28 image.
          const w = view.weights[0]!;
          const first32 = new Float32Array(784 * 32);
          for (let p = 0; p < 784; p++) for (let j = 0; j < 32; j++) first32[p * 32 + j] = w[p * 128 + j]!;
          firsts[1]!.update({ values: first32, height: 28, width: 28, channels: 32 });
        }
      });
    };
    draw();
    const offs = models.map((m) => subscribeModel(m.id, draw));
    return () => {
      offs.forEach((off) => off());
      chart.destroy();
      firsts.forEach((g) => g.destroy());
    };
  }, [models]);

  const playing = statuses.some((s) => s === 'playing');
  const all = (fn: (c: ReturnType<typeof modelCommands>) => void) => SIDES.forEach((s) => fn(modelCommands(s.id)));
  const applied = useRef(seed);
  useEffect(() => {
    if (!created || applied.current === seed) return;
    applied.current = seed;
    all((c) => c.reset(seed));
  }, [seed, created]);
  useOffscreenPause({
    visible: frame.visible,
    pinned: frame.pinned,
    status: playing ? 'playing' : 'paused',
    pause: () => all((c) => c.pause()),
    play: () => all((c) => c.play()),
  });
  useEffect(() => () => all((c) => c.pause()), []);

  if (phase !== 'ready' || !models) return <DigitLoader what="both networks" />;
  return (
    <div className="cnn-figure race-figure" data-testid="race-figure">
      <div className="trainer-buttons" role="group" aria-label="Training">
        <button type="button" onClick={() => all((c) => (playing ? c.pause() : c.play()))} disabled={!created} aria-pressed={playing} data-testid="train">
          {playing ? 'Pause' : 'Train both'}
        </button>
        <button type="button" className="secondary" onClick={() => all((c) => c.step('batch'))} disabled={!created || playing} data-testid="step">
          Step one batch each
        </button>
        <button type="button" className="secondary" onClick={() => all((c) => c.reset(seed))} disabled={!created}>
          Reset
        </button>
        <button type="button" className="secondary" onClick={() => settings.set({ seed: (seed % 99999) + 1 })} disabled={!created}>
          New start (seed {seed})
        </button>
      </div>
      <table ref={tableEl} className="race-table" data-testid="race-table">
        <thead>
          <tr>
            <th scope="col" />
            {SIDES.map((s) => (
              <th key={s.id} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['examples seen', 'speed', 'training time', 'test accuracy'] as const).map((name) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {SIDES.map((s) => (
                <td key={s.id} data-testid={`${s.id}-${name.split(' ')[0]}`}>
                  —
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">weights and biases</th>
            {SIDES.map((s) => (
              <td key={s.id} data-testid={`${s.id}-params`}>
                {count(countParams(s.spec))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <div ref={chartEl} data-testid="race-chart" />
      <h4 className="cnn-heading">What each first layer learned</h4>
      <div className="cnn-filters">
        {SIDES.map((s, i) => (
          <figure key={s.id}>
            <div
              ref={(el) => {
                firstEls.current[i] = el;
              }}
              className="cnn-map"
              data-testid={`${s.id}-first`}
            />
            <figcaption>
              {i === 0
                ? 'CNN: 8 filters of 5 × 5, each slid over the whole digit'
                : 'MLP: 32 of its 128 first-layer neurons, each one weight per pixel (blue positive, orange negative)'}
            </figcaption>
          </figure>
        ))}
      </div>
      <h4 className="cnn-heading">The code each one runs</h4>
      <div className="race-code">
        {SIDES.map((s) => (
          <figure key={s.id}>
            <figcaption>{s.name}</figcaption>
            <pre tabIndex={0} data-testid={`${s.id}-code`}>
              <code>{modelCode(s.spec, 'adam', s.lr)}</code>
            </pre>
          </figure>
        ))}
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
