/**
 * "Rules by hand versus rules from examples": on the same points, the reader's hand-written rule (a line, a
 * circle or a box, tuned with sliders) beside a small neural network that learns its own rule from the labels.
 *
 * The hand rule is slow state (it changes when a slider moves), so React renders its accuracy. The network's
 * snapshots go straight to its plane, the loss chart and the read-outs, without rendering React.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createMlp, createTrainer, createTrainingWorkload, getBackendManager, makePoints2D } from '../../engine';
import type { MlpConfig } from '../../engine';
import type { Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import { DOMAIN, RES, probesFor } from './probes';
import { lineOf, probAccuracy, ruleAccuracy, ruleSaysBlue, type HandRule } from './rules';
import { rulesSchema, type RulesSettings } from './schema';
import './wdl.css';

const POINTS = 200;
const NOISE = 0.1;
const NET: MlpConfig = { sizes: [2, 32, 32, 1], activation: 'relu', output: 'sigmoid', loss: 'bce' };
const HYPER = { learningRate: 0.01, batchSize: 10, optimizer: 'adam' } as const;

/** What the backend choice is timed on: this figure's own training step. */
const CALIBRATION = createTrainingWorkload('wdl-mlp-2-32-32-1-b10', {
  build: (rng) => createMlp(NET, rng),
  data: makePoints2D('circle', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: HYPER,
});

const DATA_NAMES: Record<RulesSettings['data'], string> = {
  circle: 'circle (blue inside a ring)',
  xor: 'four corners',
  spiral: 'spiral (harder)',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

export default function RulesFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, rulesSchema);
  const { values: v, set: setSettings } = settings;
  const dataset = useMemo(() => makePoints2D(v.data, { n: POINTS, noise: NOISE, seed: v.seed }), [v.data, v.seed]);
  const rule = useMemo<HandRule>(
    () => ({ shape: v.rule, angle: v.angle, offset: v.offset, cx: v.cx, cy: v.cy, r: v.r, w: v.w, h: v.h }),
    [v.rule, v.angle, v.offset, v.cx, v.cy, v.r, v.w, v.h],
  );
  const handAccuracy = ruleAccuracy(rule, dataset.xs, dataset.ys);

  const live = useRef({ dataset, trainedOn: dataset });
  const handEl = useRef<HTMLDivElement>(null);
  const netEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const netAcc = useRef<HTMLElement>(null);
  const ids = useId();
  const handPlane = useRef<DecisionPlane | null>(null);
  const netPlane = useRef<DecisionPlane | null>(null);
  const chart = useRef<LineChart | null>(null);

  const onSnapshot = useCallback((snapshot: Snapshot) => {
    const data = live.current.dataset;
    const grid = snapshot.probes.grid;
    if (grid) {
      netPlane.current?.update({
        field: fieldFromGrid(grid, RES, DOMAIN),
        line: null,
        points: data.xs,
        labels: data.ys,
      });
    }
    const r = readout.current;
    if (r) {
      r.querySelector('[data-step]')!.textContent = String(snapshot.step);
      r.querySelector('[data-loss]')!.textContent = Number.isFinite(snapshot.loss) ? snapshot.loss.toFixed(3) : '—';
    }
    const fit = snapshot.probes.fit;
    if (netAcc.current) netAcc.current.textContent = fit && fit.length === data.n ? pct(probAccuracy(fit, data.ys)) : '—';
    const series = trainerRef.current?.losses.toArrays();
    if (series) chart.current?.update(lossData(series));
  }, []);

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => createMlp(NET, rng),
        data: live.current.dataset,
        hyper: HYPER,
        seed: v.seed,
        probes: probesFor(() => ({ fit: live.current.dataset })),
        backend: getBackendManager(),
      }),
  });
  const trainerRef = useRef(trainer);
  useEffect(() => {
    trainerRef.current = trainer;
  }, [trainer]);
  // The spiral takes a thousand or so steps: start at "fast" so a reader sees it learn in seconds.
  const [speed, setSpeed] = useState(8);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);

  // Charts are created once; React never renders inside the elements they own.
  useEffect(() => {
    handPlane.current = createDecisionPlane(handEl.current!, {
      domain: DOMAIN,
      resolution: 96,
      label: 'The points, and the region your hand-written rule calls blue',
    });
    netPlane.current = createDecisionPlane(netEl.current!, {
      domain: DOMAIN,
      resolution: RES,
      label: 'The points, and the regions the network calls orange and blue',
    });
    chart.current = createLineChart(lossEl.current!, lossChartOptions());
    chart.current.clear();
    return () => {
      handPlane.current?.destroy();
      netPlane.current?.destroy();
      chart.current?.destroy();
    };
  }, []);

  // The hand rule's picture follows its sliders.
  useEffect(() => {
    handPlane.current?.update({
      field: (x, y) => (ruleSaysBlue(rule, x, y) ? 0.85 : 0.15),
      line: rule.shape === 'line' ? lineOf(rule) : null,
      points: dataset.xs,
      labels: dataset.ys,
    });
  }, [rule, dataset]);

  // New points: the network starts again from scratch on them.
  useEffect(() => {
    live.current.dataset = dataset;
    if (!trainer || live.current.trainedOn === dataset) return;
    live.current.trainedOn = dataset;
    trainer.pause();
    void trainer.setData(dataset).then(() => trainer.reset(v.seed));
  }, [dataset, trainer, v.seed]);

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

  const shapeSliders =
    v.rule === 'line' ? (
      <>
        <Slider label="direction (°)" value={v.angle} min={-180} max={180} step={1} format={(x) => x.toFixed(0)} onChange={(x) => setSettings({ angle: x })} testId="rule-angle" />
        <Slider label="shift" value={v.offset} min={-1.2} max={1.2} step={0.01} onChange={(x) => setSettings({ offset: x })} testId="rule-offset" />
      </>
    ) : (
      <>
        {v.rule === 'circle' ? (
          <Slider label="radius" value={v.r} min={0.05} max={1.2} step={0.01} onChange={(x) => setSettings({ r: x })} testId="rule-r" />
        ) : (
          <>
            <Slider label="half width" value={v.w} min={0.05} max={1.2} step={0.01} onChange={(x) => setSettings({ w: x })} testId="rule-w" />
            <Slider label="half height" value={v.h} min={0.05} max={1.2} step={0.01} onChange={(x) => setSettings({ h: x })} testId="rule-h" />
          </>
        )}
        <Slider label={<>centre x<sub>1</sub></>} value={v.cx} min={-1} max={1} step={0.01} onChange={(x) => setSettings({ cx: x })} testId="rule-cx" />
        <Slider label={<>centre x<sub>2</sub></>} value={v.cy} min={-1} max={1} step={0.01} onChange={(x) => setSettings({ cy: x })} testId="rule-cy" />
      </>
    );

  return (
    <div className="wdl-figure" data-testid="rules-figure" data-status={status}>
      <div className="wdl-pair">
        <section className="wdl-panel" aria-labelledby={`${ids}-hand`}>
          <h3 className="wdl-panel-title" id={`${ids}-hand`}>
            Your rule, written by hand
          </h3>
          <div ref={handEl} data-testid="hand-plane" />
          <p className="wdl-score">
            Your rule gets <strong data-testid="hand-accuracy">{pct(handAccuracy)}</strong> of the points right.
          </p>
          <fieldset className="controls">
            <legend>The rule</legend>
            <label className="select">
              blue means
              <select value={v.rule} onChange={(e) => setSettings({ rule: e.target.value as RulesSettings['rule'] })} data-testid="rule-shape">
                <option value="line">one side of a line</option>
                <option value="circle">inside a circle</option>
                <option value="box">inside a box</option>
              </select>
            </label>
            {shapeSliders}
          </fieldset>
        </section>
        <section className="wdl-panel" aria-labelledby={`${ids}-net`}>
          <h3 className="wdl-panel-title" id={`${ids}-net`}>
            A network’s rule, learned
          </h3>
          <div ref={netEl} data-testid="net-plane" />
          <p className="wdl-score">
            The network gets{' '}
            <strong ref={netAcc} data-testid="net-accuracy">
              —
            </strong>{' '}
            of the points right.
          </p>
          <dl ref={readout} className="readout wdl-readout" data-testid="readout">
            <dt>training steps</dt>
            <dd data-step data-testid="net-step">0</dd>
            <dt>loss</dt>
            <dd data-loss data-testid="loss">—</dd>
          </dl>
          <div ref={lossEl} className="wdl-loss" data-testid="loss-chart" />
        </section>
      </div>
      <p className="legend">
        <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
        <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Shading: the class each rule
        gives that spot. A dark ring marks a point the rule gets wrong. On a line, the small arrow points to the side
        it calls blue.
      </p>
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
          data
          <select value={v.data} onChange={(e) => setSettings({ data: e.target.value as RulesSettings['data'] })} data-testid="data">
            {(Object.keys(DATA_NAMES) as RulesSettings['data'][]).map((k) => (
              <option key={k} value={k}>
                {DATA_NAMES[k]}
              </option>
            ))}
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
