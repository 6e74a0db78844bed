/**
 * "Train a CNN live": the course's CNN learns to read handwritten digits in a background thread (the image-model
 * worker), and everything it does is on screen: loss and accuracy curves, every layer's feature maps for one test
 * digit, the learned filters, any unit opened down to its arithmetic, and a confusion matrix whose cells open the
 * digits it got wrong. Views arrive ≤ 10 times a second and go straight into the canvases and charts; React renders
 * only on slow state (loading, status, the chosen unit).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { useOffscreenPause } from '../useOffscreenPause';
import { createLineChart, lossChartOptions, TRAIN_TEST_SERIES, type LineChart } from '../../viz/createLineChart';
import { createMapGrid, type MapGrid } from '../../viz/createMapGrid';
import { DigitLoader } from './DigitLoader';
import { existingModel, liveModel, modelCommands, subscribeModel, useImageSession, type LiveModel } from './imageModels';
import { MAP_LAYERS, SHAPES } from './layers';
import { LiveUnit, type Pick } from './LiveUnit';
import { Mistakes } from './Mistakes';
import { BATCH_SIZES, cnnSchema, OPTIMIZER_LABELS, OPTIMIZERS, type CnnSettings } from './schema';
import { count, pct } from './format';
import './cnn.css';

export const CNN_ID = 'cnn';
const LESSON = 'train-a-cnn';
const commands = modelCommands(CNN_ID);
const DRAW_EVERY_MS = 160;
const hyperOf = (v: CnnSettings) => ({ learningRate: v.lr, batchSize: Number(v.batch), optimizer: v.opt });

/** Draws one model's latest view and evaluations into the figure's charts, grids and read-outs. */
function useDrawing(model: LiveModel | null, els: ReturnType<typeof useElements>) {
  useEffect(() => {
    if (!model) return;
    const { refs } = els;
    const loss = createLineChart(refs.loss.current!, lossChartOptions('Loss', { empty: 'Press Train to see the loss fall', height: 170 }));
    const accuracy: LineChart = createLineChart(refs.accuracy.current!, {
      label: 'Accuracy on training digits (solid) and on held-out test digits (dashed) against examples seen',
      yLabel: 'accuracy',
      xLabel: 'examples seen',
      height: 170,
      x: { min: 0, atLeast: 1000 },
      empty: 'Accuracy appears after the first evaluation',
      format: pct,
      series: TRAIN_TEST_SERIES,
    });
    const image = createMapGrid(refs.input.current!, { label: 'The input digit', cell: 6 });
    const grids: MapGrid[] = MAP_LAYERS.map(({ layer, name, columns }) =>
      createMapGrid(refs.maps.current[layer]!, {
        label: `${name} feature maps`,
        columns,
        onPick: (channel, row, col) => els.pick({ layer, channel, row, col }),
      }),
    );
    const filters1 = createMapGrid(refs.filters1.current!, { label: 'Conv 1 filters, 5 × 5 each', diverging: true, cell: 8 });
    const filters2 = createMapGrid(refs.filters2.current!, { label: 'Conv 2 filters: 16 rows of 8, one per input map', diverging: true, columns: 8, cell: 4 });

    const draw = () => {
      const view = model.view;
      const evals = model.evaluations;
      loss.update({ x: model.losses.steps, series: { loss: model.losses.values } });
      accuracy.update({
        x: evals.map((e) => e.examples),
        series: { train: evals.map((e) => e.trainAccuracy), test: evals.map((e) => e.testAccuracy) },
      });
      const r = refs.readout.current;
      const last = evals[evals.length - 1];
      if (r) {
        const set = (key: string, text: string) => {
          const el = r.querySelector<HTMLElement>(`[data-${key}]`);
          if (el) el.textContent = text;
        };
        set('epoch', view ? `${view.epoch + 1} (batch ${view.batchInEpoch} of ${view.batchesPerEpoch})` : '1');
        set('loss', view && Number.isFinite(view.loss) ? view.loss.toFixed(3) : '—');
        set('examples', view ? count(view.examples) : '0');
        set('rate', view && view.examplesPerSecond > 0 ? `${count(view.examplesPerSecond)} / s` : '—');
        set('seconds', view ? `${view.seconds.toFixed(1)} s` : '0 s');
        set('test', last ? pct(last.testAccuracy) : '—');
        set('t97', model.secondsTo97 !== null ? `${model.secondsTo97.toFixed(1)} s` : 'not yet');
        r.querySelector<HTMLElement>('[data-test]')?.setAttribute('data-value', String(last?.testAccuracy ?? ''));
        r.querySelector<HTMLElement>('[data-step]')!.textContent = String(view?.step ?? 0);
      }
      if (!view) return;
      const data = useImageSession.getState().data;
      if (data) {
        const px = data.testPixels.subarray(view.probe * 784, (view.probe + 1) * 784);
        image.update({ values: Float32Array.from(px, (p) => p / 255), height: 28, width: 28, channels: 1 });
        const label = refs.probeLabel.current;
        if (label) label.textContent = `Test digit #${view.probe}: a ${data.testLabels[view.probe]}`;
      }
      MAP_LAYERS.forEach(({ layer }, i) => {
        const [height, width, channels] = SHAPES[layer] as [number, number, number];
        grids[i]!.update({ values: view.maps[layer]!, height, width, channels });
      });
      const probs = view.maps[view.maps.length - 1]!;
      refs.bars.current?.querySelectorAll<HTMLElement>('[data-class]').forEach((el) => {
        const k = Number(el.dataset.class);
        el.style.setProperty('--p', String(probs[k] ?? 0));
        el.querySelector('output')!.textContent = `${Math.round((probs[k] ?? 0) * 100)}%`;
      });
      // Conv 1 kernels are [5, 5, 1, 8]: eight 5 × 5 filters, channels last.
      filters1.update({ values: view.weights[0]!, height: 5, width: 5, channels: 8 });
      // Conv 2 kernels [5, 5, 8, 16] read as 128 filters of 5 × 5 (input map fastest): 16 rows of 8.
      filters2.update({ values: view.weights[2]!, height: 5, width: 5, channels: 128 });
    };
    draw();
    // At most every DRAW_EVERY_MS (about six times a second, above the five the views must keep up), the latest
    // view wins: the page's frames stay short even when the worker sends views faster.
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const drawLatest = () => {
      timer = null;
      last = performance.now();
      draw();
    };
    const off = subscribeModel(model.id, (what) => {
      if (what !== 'view') return drawLatest();
      if (!timer) timer = setTimeout(drawLatest, Math.max(0, last + DRAW_EVERY_MS - performance.now()));
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
      [loss, accuracy, image, ...grids, filters1, filters2].forEach((c) => c.destroy());
    };
    // els is stable (refs and a stable callback).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);
}

function useElements(pick: (p: Pick) => void) {
  const refs = {
    loss: useRef<HTMLDivElement>(null),
    accuracy: useRef<HTMLDivElement>(null),
    input: useRef<HTMLDivElement>(null),
    maps: useRef<(HTMLDivElement | null)[]>([]),
    filters1: useRef<HTMLDivElement>(null),
    filters2: useRef<HTMLDivElement>(null),
    readout: useRef<HTMLDListElement>(null),
    bars: useRef<HTMLDivElement>(null),
    probeLabel: useRef<HTMLParagraphElement>(null),
  };
  return { refs, pick };
}

export default function CnnTrainerFigure() {
  const settings = useFigureSettings(LESSON, 'cnn', cnnSchema);
  const v = settings.values;
  const frame = useFigureFrame();
  const phase = useImageSession((s) => s.phase);
  const backend = useImageSession((s) => s.backend);
  const state = useImageSession(useShallow((s) => s.models[CNN_ID] ?? { created: false, status: 'idle' as const, message: null }));
  const [model, setModel] = useState<LiveModel | null>(() => existingModel(CNN_ID) ?? null);
  const [picked, setPicked] = useState<Pick | null>(null);
  const [speed, setSpeed] = useState(Infinity);
  const pick = useCallback((p: Pick) => setPicked(p), []);
  const els = useElements(pick);
  const initial = useRef(v);

  useEffect(() => {
    if (phase === 'ready' && !model) {
      const s = initial.current;
      setModel(liveModel(CNN_ID, { arch: 'cnn', hyper: hyperOf(s), seed: s.seed, probe: s.digit }));
    }
  }, [phase, model]);
  useDrawing(model, els);

  // Settings → the model: hyperparameters change live, a new seed starts over, the digit changes the maps.
  const applied = useRef(v);
  useEffect(() => {
    if (!state.created) return;
    const was = applied.current;
    applied.current = v;
    if (was.lr !== v.lr || was.batch !== v.batch || was.opt !== v.opt) commands.hyper(hyperOf(v));
    if (was.seed !== v.seed) commands.reset(v.seed);
    if (was.digit !== v.digit) commands.probe(v.digit);
  }, [v, state.created]);
  // A model made in an earlier visit keeps its own settings; a link's settings apply to it once it exists.
  useEffect(() => {
    if (!state.created) return;
    commands.hyper(hyperOf(applied.current));
    commands.probe(applied.current.digit);
  }, [state.created]);

  // Off-screen and not pinned: pause, and resume when back (the Figure lifecycle); leaving the page pauses.
  useOffscreenPause({ visible: frame.visible, pinned: frame.pinned, status: state.status, pause: commands.pause, play: commands.play });
  useEffect(() => () => commands.pause(), []);

  if (phase !== 'ready' || !model) return <DigitLoader what="the CNN" />;
  const ready = state.created;
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';

  return (
    <div className="cnn-figure" data-testid="cnn-figure">
      <TrainerControls
        status={state.status}
        ready={ready}
        message={state.message}
        onPlay={() => (state.status === 'playing' ? commands.pause() : commands.play())}
        onStep={(unit) => commands.step(unit)}
        onReset={() => commands.reset(v.seed)}
        speed={speed}
        onSpeed={(s) => {
          setSpeed(s);
          commands.speed(s);
        }}
      >
        <Slider label="learning rate" value={v.lr} min={0.0001} max={1} step={0.0001} log format={String} onChange={(x) => settings.set({ lr: x })} testId="lr" />
        <label className="select">
          batch size
          <select value={v.batch} onChange={(e) => settings.set({ batch: e.target.value as CnnSettings['batch'] })} data-testid="batch">
            {BATCH_SIZES.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label className="select">
          optimizer
          <select value={v.opt} onChange={(e) => settings.set({ opt: e.target.value as CnnSettings['opt'] })} data-testid="optimizer">
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {OPTIMIZER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => settings.set({ seed: (v.seed % 99999) + 1 })} disabled={!ready}>
          New start (seed {v.seed})
        </button>
      </TrainerControls>
      {state.message && state.status !== 'diverged' ? (
        <p className="notice" role="alert">
          {state.message}
        </p>
      ) : null}

      <dl ref={els.refs.readout} className="readout cnn-readout" data-testid="readout">
        <dt>step</dt>
        <dd data-step data-testid="step-count">0</dd>
        <dt>epoch</dt>
        <dd data-epoch>1</dd>
        <dt>batch loss</dt>
        <dd data-loss data-testid="loss">—</dd>
        <dt>examples seen</dt>
        <dd data-examples data-testid="examples">0</dd>
        <dt>speed</dt>
        <dd data-rate data-testid="rate">—</dd>
        <dt>training time</dt>
        <dd data-seconds>0 s</dd>
        <dt>test accuracy</dt>
        <dd data-test data-testid="test-accuracy">—</dd>
        <dt>time to 97%</dt>
        <dd data-t97 data-testid="t97">not yet</dd>
        <dt>runs on</dt>
        <dd data-testid="runs-on">{running}</dd>
      </dl>

      <div className="cnn-charts">
        <div ref={els.refs.loss} data-testid="cnn-loss" />
        <div ref={els.refs.accuracy} data-testid="cnn-accuracy" />
      </div>

      <h4 className="cnn-heading">One digit through every layer</h4>
      <div className="cnn-digit-picker">
        <label className="select">
          test digit #
          <input
            type="number"
            min={0}
            max={1999}
            value={v.digit}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n)) settings.set({ digit: Math.max(0, Math.min(1999, n)) });
            }}
            data-testid="digit"
          />
        </label>
        <button type="button" className="secondary" onClick={() => settings.set({ digit: (v.digit + 1) % 2000 })}>
          Next digit
        </button>
      </div>
      <div className="cnn-overview" data-testid="cnn-overview">
        <figure className="cnn-input">
          <div ref={els.refs.input} className="cnn-map" />
          <figcaption ref={els.refs.probeLabel}>Test digit</figcaption>
        </figure>
        {MAP_LAYERS.map(({ layer, name }) => {
          const [h, w, c] = SHAPES[layer]!;
          return (
            <figure key={layer}>
              <div
                ref={(el) => {
                  els.refs.maps.current[layer] = el;
                }}
                className="cnn-map"
                data-testid={`maps-${layer}`}
              />
              <figcaption>
                {name}: {c} × {h}×{w}
              </figcaption>
            </figure>
          );
        })}
        <figure>
          <div ref={els.refs.bars} className="cnn-bars" role="group" aria-label="Output: the probability of each digit">
            {Array.from({ length: 10 }, (_, k) => (
              <button
                type="button"
                key={k}
                data-class={k}
                className="cnn-bar"
                onClick={() => pick({ layer: 5, channel: k, row: 0, col: 0 })}
              >
                {/* The accessible name starts with what the button says, then the visible digit and percentage. */}
                <span className="visually-hidden">Open the output unit for </span>
                <span className="cnn-bar-label">{k}</span>
                <span className="cnn-bar-fill" aria-hidden="true" />
                <output>0%</output>
              </button>
            ))}
          </div>
          <figcaption>Output: softmax over 10</figcaption>
        </figure>
      </div>
      <LiveUnit model={model} picked={picked} />

      <h4 className="cnn-heading">What the filters learned</h4>
      <div className="cnn-filters">
        <figure>
          <div ref={els.refs.filters1} className="cnn-map" data-testid="filters-1" />
          <figcaption>Conv 1: 8 filters of 5 × 5 (blue positive, orange negative)</figcaption>
        </figure>
        <figure>
          <div ref={els.refs.filters2} className="cnn-map" data-testid="filters-2" />
          <figcaption>Conv 2: 16 filters (rows), each 5 × 5 over the 8 maps of pool 1 (columns)</figcaption>
        </figure>
      </div>

      <h4 className="cnn-heading">Which digits it confuses</h4>
      <Mistakes model={model} onOpen={(index) => settings.set({ digit: index })} />

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
