/**
 * "Overfitting and regularization": a big network trains on a few noisy points while a chart follows its loss on
 * those points and on a separate test set. The reader switches on an L1/L2 penalty or dropout while it trains (no
 * restart: the model reads them at its next step) and watches the test curve, the boundary, the weights and the
 * switched-off neurons respond.
 *
 * Slow state (settings, status) is React; each training snapshot goes straight to the charts and the read-outs.
 */
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createRegMlp,
  createTrainer,
  createTrainingWorkload,
  getBackendManager,
  gridPoints,
  isRegMlp,
  makePoints2D,
  mixSeed,
  type Dataset,
} from '../../engine';
import type { Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createDropoutNet, type DropoutNet } from '../../viz/createDropoutNet';
import { createLineChart, TRAIN_TEST_SERIES, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import { argMin, NETWORKS, overfitSchema, regularizationOf, type OverfitSettings } from './schema';
import './overfit.css';

const NOISE = 1.1;
const TEST_POINTS = 400;
const RES = 40;
const DOMAIN: [number, number] = [-1.2, 1.2];
const GRID = gridPoints(RES, ...DOMAIN);

const trainFor = (v: Pick<OverfitSettings, 'points' | 'seed'>): Dataset =>
  makePoints2D('xor', { n: Number(v.points), noise: NOISE, seed: v.seed });
const testFor = (seed: number): Dataset => makePoints2D('xor', { n: TEST_POINTS, noise: NOISE, seed: mixSeed(seed, 7) });

const CALIBRATION = createTrainingWorkload('reg-mlp-2-16-16-16-1-b30-v1', {
  build: (rng) => createRegMlp([...NETWORKS.big], rng),
  data: trainFor({ points: '30', seed: 1 }),
  hyper: { learningRate: 0.01, batchSize: 30, optimizer: 'adam' },
});

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export default function OverfitFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, overfitSchema);
  const { values: v, set: setSettings } = settings;

  // What the trainer's build, the model's regularization getter and the probes read: always the latest.
  const live = useRef({ v, train: trainFor(v), test: testFor(v.seed), key: '', playNext: false });
  const history = useRef({ steps: [] as number[], train: [] as number[], test: [] as number[] });
  const planeEl = useRef<HTMLDivElement>(null);
  const netEl = useRef<HTMLDivElement>(null);
  const chartEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const net = useRef<DropoutNet | null>(null);
  const chart = useRef<LineChart | null>(null);
  const trainerRef = useRef<ReturnType<typeof useLiveTrainer>['trainer']>(null);
  const [sizes, setSizes] = useState<readonly number[]>(NETWORKS[v.net]);

  const drawChart = useCallback(() => {
    const h = history.current;
    const stop = argMin(h.test);
    chart.current?.update({
      x: h.steps,
      series: { train: h.train, test: h.test },
      // Where early stopping would have stopped: the lowest test loss so far.
      markers: stop === null || h.steps.length < 2 ? [] : [{ x: h.steps[stop]!, y: h.test[stop]!, label: `early stop: step ${h.steps[stop]}` }],
    });
  }, []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      const { losses, grid, mask } = snapshot.probes;
      const h = history.current;
      const last = h.steps[h.steps.length - 1];
      if (last !== undefined && snapshot.step < last) {
        h.steps.length = h.train.length = h.test.length = 0;
      }
      const trainLoss = losses?.[0] ?? NaN;
      const testLoss = losses?.[1] ?? NaN;
      if (h.steps[h.steps.length - 1] !== snapshot.step) {
        h.steps.push(snapshot.step);
        h.train.push(trainLoss);
        h.test.push(testLoss);
      }
      drawChart();
      const data = live.current.train;
      if (grid) plane.current?.update({ field: fieldFromGrid(grid, RES, DOMAIN), line: null, points: data.xs, labels: data.ys });
      const weights = snapshot.weights.filter((_, i) => i % 2 === 0);
      const dropping = live.current.v.dropout === 'on';
      net.current?.update({ weights, mask: dropping && snapshot.step > 0 ? (mask ?? null) : null });

      const r = readout.current;
      if (!r) return;
      let sumSq = 0;
      let count = 0;
      for (const w of weights) {
        for (const x of w) sumSq += x * x;
        count += w.length;
      }
      const stop = argMin(h.test);
      const off = mask && dropping && snapshot.step > 0 ? mask.reduce((s, m) => s + (m === 0 ? 1 : 0), 0) : 0;
      r.querySelector('[data-step]')!.textContent = String(snapshot.step);
      r.querySelector('[data-train]')!.textContent = fmt(trainLoss);
      r.querySelector('[data-test]')!.textContent = fmt(testLoss);
      r.querySelector('[data-acc]')!.textContent = Number.isFinite(losses?.[2] ?? NaN) ? `${Math.round(losses![2]! * 100)}%` : '—';
      r.querySelector('[data-stop]')!.textContent = stop === null || h.steps.length < 2 ? '—' : `step ${h.steps[stop]} (${fmt(h.test[stop]!)})`;
      const size = r.querySelector<HTMLElement>('[data-wsize]')!;
      size.textContent = count ? Math.sqrt(sumSq / count).toFixed(3) : '—';
      size.dataset.value = String(Math.sqrt(sumSq / count));
      const offEl = r.querySelector<HTMLElement>('[data-off]')!;
      offEl.textContent = `${off} of ${mask?.length ?? 0}`;
      offEl.dataset.value = String(off);
    },
    [drawChart],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => createRegMlp([...NETWORKS[live.current.v.net]], rng, () => regularizationOf(live.current.v)),
        data: live.current.train,
        hyper: { learningRate: v.lr, batchSize: live.current.train.n, optimizer: 'adam' },
        seed: v.seed,
        backend: getBackendManager(),
        frameBudgetMs: 12,
        probes: (model) => {
          const { train, test } = live.current;
          const tx = tf.tensor2d(test.xs, [test.n, 2]);
          const ty = tf.tensor2d(test.ys, [test.n, 1]);
          const pred = model.predict(tx);
          const acc = tf.mean(tf.cast(tf.equal(tf.greater(pred, 0.5), tf.greater(ty, 0.5)), 'float32'));
          const reg = isRegMlp(model);
          const clean = (xs: Float32Array, ys: Float32Array, n: number) =>
            reg ? model.dataLoss(tf.tensor2d(xs, [n, 2]), tf.tensor2d(ys, [n, 1])) : tf.scalar(NaN);
          return {
            losses: tf.stack([clean(train.xs, train.ys, train.n), reg ? model.dataLoss(tx, ty) : tf.scalar(NaN), acc]),
            grid: model.predict(tf.tensor2d(GRID, [RES * RES, 2])),
            mask: tf.tensor1d(reg ? model.lastMask() : new Float32Array(0)),
          };
        },
      }),
  });
  const [speed, setSpeed] = useState(Infinity);
  useEffect(() => {
    trainer?.setSpeed(speed);
    trainerRef.current = trainer;
  }, [trainer, speed]);

  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, { domain: DOMAIN, resolution: RES, label: 'The network’s prediction over the plane, with the training points' });
    chart.current = createLineChart(chartEl.current!, {
      label: 'Loss on the training points and on the test points during training',
      yLabel: 'Loss',
      xLabel: 'step',
      className: 'train-test-chart',
      height: 190,
      x: { atLeast: 10 },
      legend: false, // the legend under the chart also explains the early-stopping marker
      empty: 'Press Train to watch both losses',
      series: TRAIN_TEST_SERIES,
    });
    drawChart();
    return () => {
      plane.current?.destroy();
      chart.current?.destroy();
    };
  }, [drawChart]);

  useEffect(() => {
    net.current = createDropoutNet(netEl.current!, { sizes: [...sizes] });
    return () => net.current?.destroy();
  }, [sizes]);

  /** Forgets the curves and rebuilds the network from the seed; plays on if asked (or if "Overfit me" asked). */
  const restart = useCallback(async (keepPlaying: boolean) => {
    const t = trainerRef.current;
    if (!t) return;
    const play = keepPlaying || live.current.playNext;
    live.current.playNext = false;
    t.pause();
    history.current = { steps: [], train: [], test: [] };
    await t.reset(live.current.v.seed);
    if (play) t.play();
  }, []);

  // A new network, data size or seed: restart (playing on if it was). Penalty and dropout never restart.
  const key = [v.net, v.points, v.seed].join('|');
  useEffect(() => {
    live.current.v = v;
    if (!trainer) {
      live.current.train = trainFor(v);
      live.current.test = testFor(v.seed);
      live.current.key = key;
      return;
    }
    if (live.current.key === key) return;
    live.current.key = key;
    const wasPlaying = trainer.status === 'playing';
    const train = trainFor(v);
    live.current.train = train;
    live.current.test = testFor(v.seed);
    setSizes(NETWORKS[v.net]);
    trainer.setHyper({ batchSize: train.n });
    void trainer.setData(train).then(() => restart(wasPlaying));
  }, [key, v, trainer, restart]);

  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr });
  }, [v.lr, trainer]);

  function resetTo(play: boolean) {
    live.current.playNext = play;
    const d = settings.defaults;
    settings.resetToDefaults();
    // With the same network, data and seed no restart is triggered by the settings: restart here.
    if ([d.net, d.points, d.seed].join('|') === key) {
      live.current.v = d;
      void restart(false);
    }
  }

  return (
    <div className="overfit-figure" data-testid="overfit-figure" data-status={status}>
      <div className="overfit-top">
        <button type="button" onClick={() => resetTo(true)} disabled={!trainer} data-testid="overfit-me">
          Overfit me
        </button>
        <span className="overfit-hint">
          {v.points} noisy training points, {v.net === 'big' ? 'a big network (3 × 16 hidden units)' : 'a small network (4 hidden units)'}
          {v.penalty === 'none' && v.dropout === 'off' ? ', no regularization' : ''}
        </span>
      </div>
      <fieldset className="controls overfit-reg">
        <legend>Regularization (changes apply at the next step, without restarting)</legend>
        <label className="select">
          weight penalty
          <select value={v.penalty} onChange={(e) => setSettings({ penalty: e.target.value as OverfitSettings['penalty'] })} data-testid="penalty">
            <option value="none">none</option>
            <option value="l2">L2 (weight decay)</option>
            <option value="l1">L1</option>
          </select>
        </label>
        <Slider label="strength λ" value={v.lambda} min={0.0001} max={0.1} step={0.0001} log format={String} onChange={(x) => setSettings({ lambda: x })} testId="lambda" />
        <label className="check-toggle">
          <input type="checkbox" checked={v.dropout === 'on'} onChange={(e) => setSettings({ dropout: e.target.checked ? 'on' : 'off' })} data-testid="dropout" />
          dropout
        </label>
        <Slider label="drop rate p" value={v.rate} min={0.1} max={0.7} step={0.05} format={(x) => `${Math.round(x * 100)}%`} onChange={(x) => setSettings({ rate: x })} testId="rate" />
      </fieldset>
      <div className="overfit-grid">
        <div>
          <p className="overfit-title">What the network predicts</p>
          <div ref={planeEl} className="overfit-plane" data-testid="plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Training points only; the test
            points come from the same four clusters.
          </p>
        </div>
        <div>
          <p className="overfit-title">The network, and who is switched off this step</p>
          <div ref={netEl} className="overfit-net" data-testid="net" />
          <p className="legend">
            <span className="overfit-key overfit-key-pos" aria-hidden="true" /> positive weight{' '}
            <span className="overfit-key overfit-key-neg" aria-hidden="true" /> negative weight (thicker = larger).{' '}
            <span className="overfit-key-off" aria-hidden="true">✕</span> hollow crossed disc: neuron dropped in the latest step.
          </p>
        </div>
      </div>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={() => (trainer?.status === 'playing' ? trainer.pause() : trainer?.play())}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void restart(false)}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <label className="select">
          training points
          <select value={v.points} onChange={(e) => setSettings({ points: e.target.value as OverfitSettings['points'] })} data-testid="points">
            <option value="30">30</option>
            <option value="300">300</option>
            <option value="1000">1000</option>
          </select>
        </label>
        <label className="select">
          network
          <select value={v.net} onChange={(e) => setSettings({ net: e.target.value as OverfitSettings['net'] })} data-testid="net-size">
            <option value="big">big: 16-16-16</option>
            <option value="small">small: 4</option>
          </select>
        </label>
        <Slider label="learning rate" value={v.lr} min={0.001} max={0.1} step={0.001} log format={String} onChange={(x) => setSettings({ lr: x })} testId="lr" />
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New data (seed {v.seed})
        </button>
      </TrainerControls>
      <div className="overfit-bottom">
        <div>
          <div ref={chartEl} data-testid="loss-chart" />
          <p className="legend">
            <span className="overfit-key overfit-key-train" aria-hidden="true" /> training loss (solid){' '}
            <span className="overfit-key overfit-key-test" aria-hidden="true" /> test loss (dashed){' '}
            <span className="overfit-key overfit-key-stop" aria-hidden="true" /> lowest test loss: where early stopping
            would stop
          </p>
        </div>
        <dl ref={readout} className="readout" data-testid="readout">
          <dt>step</dt>
          <dd data-step data-testid="step-count">0</dd>
          <dt>training loss</dt>
          <dd data-train data-testid="train-loss">—</dd>
          <dt>test loss</dt>
          <dd data-test data-testid="test-loss">—</dd>
          <dt>test accuracy</dt>
          <dd data-acc data-testid="test-acc">—</dd>
          <dt>early stop</dt>
          <dd data-stop data-testid="early-stop">—</dd>
          <dt>typical weight size</dt>
          <dd data-wsize data-testid="weight-size">—</dd>
          <dt>neurons off</dt>
          <dd data-off data-testid="neurons-off">0</dd>
        </dl>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={() => resetTo(false)} />
    </div>
  );
}
