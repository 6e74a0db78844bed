/**
 * "When deep learning is the wrong tool": a big network trained on a handful of noisy points. It gets every
 * training point right with a wiggly boundary, and then does worse on fresh points from the same source than a
 * single straight line would. Bars compare accuracy on the training points with accuracy on new points.
 *
 * Snapshots go straight to the plane, the bars and the loss chart; React renders only when a setting changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createMlp, createTrainer, createTrainingWorkload, getBackendManager, makePoints2D } from '../../engine';
import type { MlpConfig } from '../../engine';
import type { Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import { BEST, NOISE, TEST_POINTS, makeOverfitData } from './overfitData';
import { RES, probesFor } from './probes';
import { probAccuracy } from './rules';
import { overfitSchema, type OverfitSettings } from './schema';
import './wdl.css';

const DOMAIN: [number, number] = [-2, 2];
const MODELS: Record<OverfitSettings['model'], { config: MlpConfig; name: string }> = {
  big: { config: { sizes: [2, 32, 32, 1], activation: 'relu', output: 'sigmoid', loss: 'bce' }, name: 'big network (1,185 weights)' },
  neuron: { config: { sizes: [2, 1], activation: 'relu', output: 'sigmoid', loss: 'bce' }, name: 'one neuron (3 weights)' },
};
const LEARNING_RATE = 0.03;

const CALIBRATION = createTrainingWorkload('wdl-overfit-2-32-32-1-b10', {
  build: (rng) => createMlp(MODELS.big.config, rng),
  data: makePoints2D('blobs', { n: 10, noise: NOISE, seed: 1 }),
  hyper: { learningRate: LEARNING_RATE, batchSize: 10, optimizer: 'adam' },
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

export default function OverfitFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, overfitSchema);
  const { values: v, set: setSettings } = settings;
  const data = useMemo(() => makeOverfitData(v.n, v.seed), [v.n, v.seed]);

  const live = useRef({ data, model: v.model, show: v.show, trainedOn: data, grid: null as Float32Array | null });
  const planeEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const barsEl = useRef<HTMLDivElement>(null);
  const stepEl = useRef<HTMLElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const chart = useRef<LineChart | null>(null);

  const drawPlane = useCallback(() => {
    const { grid, data: d, show } = live.current;
    const shown = show === 'test' ? d.test : d.train;
    plane.current?.update({
      field: grid ? fieldFromGrid(grid, RES, DOMAIN) : () => 0.5,
      line: null,
      points: shown.xs,
      labels: shown.ys,
    });
  }, []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      const { data: d } = live.current;
      live.current.grid = snapshot.probes.grid ?? null;
      drawPlane();
      const bars = barsEl.current;
      for (const [name, set] of [['train', d.train], ['test', d.test]] as const) {
        const probs = snapshot.probes[name];
        const row = bars?.querySelector<HTMLElement>(`[data-bar="${name}"]`);
        if (!row || !probs || probs.length !== set.n) continue;
        const acc = probAccuracy(probs, set.ys);
        row.querySelector<HTMLElement>('.wdl-bar-fill')!.style.width = pct(acc);
        row.querySelector('output')!.textContent = pct(acc);
      }
      if (stepEl.current) stepEl.current.textContent = String(snapshot.step);
      const series = trainerRef.current?.losses.toArrays();
      if (series) chart.current?.update(lossData(series));
    },
    [drawPlane],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => createMlp(MODELS[live.current.model].config, rng),
        data: live.current.data.train,
        // Every step sees every training point: with this few, a batch is the whole set.
        hyper: { learningRate: LEARNING_RATE, batchSize: v.n, optimizer: 'adam' },
        seed: v.seed,
        probes: probesFor(() => ({ train: live.current.data.train, test: live.current.data.test }), DOMAIN),
        backend: getBackendManager(),
      }),
  });
  const trainerRef = useRef(trainer);
  useEffect(() => {
    trainerRef.current = trainer;
  }, [trainer]);
  const [speed, setSpeed] = useState(1);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);

  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, {
      domain: DOMAIN,
      resolution: RES,
      label: 'The points, and the regions the model calls orange and blue',
    });
    chart.current = createLineChart(lossEl.current!, lossChartOptions('Training loss'));
    chart.current.clear();
    drawPlane();
    return () => {
      plane.current?.destroy();
      chart.current?.destroy();
    };
  }, [drawPlane]);

  useEffect(() => {
    live.current.show = v.show;
    drawPlane();
  }, [v.show, drawPlane]);

  // New points or a new model: train again from scratch.
  useEffect(() => {
    live.current.data = data;
    const modelChanged = live.current.model !== v.model;
    live.current.model = v.model;
    drawPlane();
    if (!trainer || (live.current.trainedOn === data && !modelChanged)) return;
    live.current.trainedOn = data;
    trainer.pause();
    trainer.setHyper({ batchSize: data.train.n });
    void trainer.setData(data.train).then(() => trainer.reset(v.seed));
  }, [data, v.model, v.seed, trainer, drawPlane]);

  function play() {
    if (!trainer) return;
    if (trainer.status === 'playing') trainer.pause();
    else trainer.play();
  }

  async function resetDefaults() {
    trainer?.pause();
    settings.resetToDefaults();
    await trainer?.reset(settings.defaults.seed);
  }

  return (
    <div className="wdl-figure" data-testid="overfit-figure" data-status={status}>
      <div className="wdl-overfit">
        <div>
          <div ref={planeEl} data-testid="overfit-plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Showing the{' '}
            {v.show === 'test' ? `${TEST_POINTS} new points` : `${v.n} training points`}; a dark ring marks a point the model gets wrong.
          </p>
        </div>
        <div className="wdl-side">
          <div ref={barsEl} className="wdl-bars" data-testid="bars">
            <div className="wdl-bar-row" data-bar="train" data-testid="train-accuracy">
              <span>right on its {v.n} training points</span>
              <div className="wdl-bar" aria-hidden="true">
                <div className="wdl-bar-fill" />
              </div>
              <output>—</output>
            </div>
            <div className="wdl-bar-row" data-bar="test" data-testid="test-accuracy">
              <span>right on {TEST_POINTS} new points</span>
              <div className="wdl-bar" aria-hidden="true">
                <div className="wdl-bar-fill" />
                <div className="wdl-bar-mark" style={{ left: `${BEST * 100}%` }} />
              </div>
              <output>—</output>
            </div>
            <p className="wdl-bar-note">
              The black tick is at {Math.round(BEST * 100)}%: the best any rule can expect on new points, because the
              two groups overlap.
            </p>
          </div>
          <p className="wdl-score">
            Training steps: <strong ref={stepEl} data-testid="overfit-step">0</strong>
          </p>
          <div ref={lossEl} className="wdl-loss" data-testid="overfit-loss-chart" />
        </div>
      </div>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={play}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void trainer?.reset(v.seed)}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <label className="select">
          model
          <select value={v.model} onChange={(e) => setSettings({ model: e.target.value as OverfitSettings['model'] })} data-testid="model">
            {(Object.keys(MODELS) as OverfitSettings['model'][]).map((k) => (
              <option key={k} value={k}>
                {MODELS[k].name}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          training points
          <select value={v.n} onChange={(e) => setSettings({ n: Number(e.target.value) })} data-testid="points">
            {[10, 30, 200].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          show
          <select value={v.show} onChange={(e) => setSettings({ show: e.target.value as OverfitSettings['show'] })} data-testid="show">
            <option value="train">training points</option>
            <option value="test">new points</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New points (seed {v.seed})
        </button>
      </TrainerControls>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={() => void resetDefaults()} />
    </div>
  );
}
