/**
 * "The neuron" playground: sliders for w₁, w₂ and b, the live arithmetic in KaTeX, the decision line over 2D
 * points, and a Train button that fits the same single neuron with TF.js.
 *
 * Slow state (the settings, and so the share link) is in the figure store; fast state (each training snapshot)
 * goes straight to the plane, the formula, the loss chart and the read-outs, without rendering React.
 */
import katex from 'katex';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createNeuron,
  createTrainer,
  createTrainingWorkload,
  decisionThreshold,
  getBackendManager,
  makePoints2D,
  neuronAccuracy,
  neuronForward,
  neuronParamsFromWeights,
  neuronWeights,
  type NeuronActivation,
  type NeuronParams,
} from '../../engine';
import type { Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import { formulaTex } from './formula';
import { neuronSchema } from './schema';

const POINTS = 100;
const NOISE = 0.35;

/** What the backend choice is timed on: this figure's own training step. */
const CALIBRATION = createTrainingWorkload('neuron-v1', {
  build: () => createNeuron({ w1: 0.1, w2: -0.1, b: 0 }, 'sigmoid'),
  data: makePoints2D('blobs', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: { learningRate: 0.5, batchSize: 10, optimizer: 'sgd' },
});

/** The neuron's output scaled to [0, 1] for shading, with its class threshold at 0.5. */
function shade(out: number, act: NeuronActivation): number {
  if (act === 'tanh') return (out + 1) / 2;
  if (act === 'relu' || act === 'linear') return Math.min(1, Math.max(0, out));
  return out;
}

export default function NeuronFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, neuronSchema);
  const { values: v, set: setSettings } = settings;
  const dataset = useMemo(() => makePoints2D(v.data, { n: POINTS, noise: NOISE, seed: v.seed }), [v.data, v.seed]);

  // What the drawing code reads: always the latest, whether it came from a slider or from training.
  const live = useRef({ params: { w1: v.w1, w2: v.w2, b: v.b }, act: v.act, probe: { x: v.x1, y: v.x2 }, dataset });
  const startParams = useRef<NeuronParams | null>(null);
  const planeEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const formulaEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const chart = useRef<LineChart | null>(null);
  const lastStoreWrite = useRef(0);
  const formulaFrame = useRef(0);

  const draw = useCallback(() => {
    const { params, act, probe, dataset: data } = live.current;
    plane.current?.update({
      field: (x, y) => shade(neuronForward(x, y, params, act).out, act),
      line: { w1: params.w1, w2: params.w2, c: decisionThreshold(act) - params.b },
      points: data.xs,
      labels: data.ys,
      probe,
    });
    if (!formulaFrame.current) {
      formulaFrame.current = requestAnimationFrame(() => {
        formulaFrame.current = 0;
        const { params: p, act: a, probe: q } = live.current;
        const { z, out } = neuronForward(q.x, q.y, p, a);
        const el = formulaEl.current;
        if (!el) return;
        const math = el.querySelector<HTMLElement>('[data-math]');
        if (math) katex.render(formulaTex(p, q.x, q.y, a, z, out), math, { throwOnError: false, displayMode: true });
        const cls = el.querySelector<HTMLElement>('[data-class]');
        if (cls) cls.textContent = z >= decisionThreshold(a) ? 'blue squares (class 1)' : 'orange circles (class 0)';
      });
    }
    const r = readout.current;
    if (r) {
      const acc = r.querySelector('[data-acc]');
      if (acc) acc.textContent = `${Math.round(neuronAccuracy(params, act, data) * 100)}%`;
    }
  }, []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      live.current.params = neuronParamsFromWeights(snapshot.weights);
      draw();
      const r = readout.current;
      if (r) {
        r.querySelector('[data-step]')!.textContent = String(snapshot.step);
        r.querySelector('[data-epoch]')!.textContent = `${snapshot.epoch} (batch ${snapshot.batchInEpoch}/${snapshot.batchesPerEpoch})`;
        r.querySelector('[data-loss]')!.textContent = Number.isFinite(snapshot.loss) ? snapshot.loss.toFixed(4) : '—';
      }
      const series = trainerRef.current?.losses.toArrays();
      if (series) chart.current?.update(lossData(series));
      // The sliders (and the share link) follow training ten times a second, not every frame.
      const now = performance.now();
      if (now - lastStoreWrite.current > 100 || trainerRef.current?.status !== 'playing') {
        lastStoreWrite.current = now;
        const p = live.current.params;
        setSettings({ w1: p.w1, w2: p.w2, b: p.b });
      }
    },
    [draw, setSettings],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: () => createNeuron(live.current.params, live.current.act),
        data: live.current.dataset,
        hyper: { learningRate: v.lr, batchSize: v.bs, optimizer: 'sgd' },
        seed: v.seed,
        backend: getBackendManager(),
      }),
  });
  const [speed, setSpeed] = useState(1);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);
  const trainerRef = useRef(trainer);
  useEffect(() => {
    trainerRef.current = trainer;
  }, [trainer]);

  // Charts are created once; React never renders inside the elements they own.
  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, {
      label: 'Points of two classes, the neuron’s output shading and its decision line',
      onProbeMove: (x, y) => setSettings({ x1: x, x2: y }),
    });
    chart.current = createLineChart(lossEl.current!, lossChartOptions());
    chart.current.clear();
    draw();
    return () => {
      plane.current?.destroy();
      chart.current?.destroy();
      cancelAnimationFrame(formulaFrame.current);
      formulaFrame.current = 0;
    };
  }, [draw, setSettings]);

  // Settings → the drawing, and → the trainer when the reader (not training) changed them.
  useEffect(() => {
    live.current.probe = { x: v.x1, y: v.x2 };
    const p = live.current.params;
    const fromReader = p.w1 !== v.w1 || p.w2 !== v.w2 || p.b !== v.b;
    if (fromReader && trainer?.status !== 'playing') {
      live.current.params = { w1: v.w1, w2: v.w2, b: v.b };
      trainer?.setWeights(neuronWeights(live.current.params));
    }
    draw();
  }, [v.w1, v.w2, v.b, v.x1, v.x2, trainer, draw]);

  useEffect(() => {
    live.current.dataset = dataset;
    trainer?.setData(dataset);
    draw();
  }, [dataset, trainer, draw]);

  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr, batchSize: v.bs });
  }, [v.lr, v.bs, trainer]);

  useEffect(() => {
    if (live.current.act === v.act) return;
    live.current.act = v.act;
    // A new activation is a new loss: start its curve afresh from the current weights.
    void trainer?.reset(v.seed).then(() => chart.current?.clear());
    draw();
  }, [v.act, v.seed, trainer, draw]);

  function setWeight(name: 'w1' | 'w2' | 'b', value: number) {
    live.current.params = { ...live.current.params, [name]: value };
    // While training, the reader grabbing a knob moves the model's weight right away.
    if (trainer?.status === 'playing') trainer.setWeights(neuronWeights(live.current.params));
    setSettings({ [name]: value });
  }

  function play() {
    if (!trainer) return;
    if (trainer.status === 'playing') return trainer.pause();
    if (!startParams.current || trainer.snapshot?.step === 0) startParams.current = { ...live.current.params };
    trainer.play();
  }

  async function reset() {
    if (!trainer) return;
    trainer.pause();
    const p = startParams.current ?? live.current.params;
    live.current.params = { ...p };
    setSettings({ w1: p.w1, w2: p.w2, b: p.b });
    await trainer.reset(v.seed);
    startParams.current = null;
    chart.current?.clear();
    draw();
  }

  async function resetDefaults() {
    trainer?.pause();
    settings.resetToDefaults();
    const d = settings.defaults;
    live.current.params = { w1: d.w1, w2: d.w2, b: d.b };
    live.current.act = d.act;
    startParams.current = null;
    await trainer?.reset(d.seed);
    chart.current?.clear();
    draw();
  }

  return (
    <div className="neuron-figure" data-testid="neuron-figure" data-status={status}>
      <div className="neuron-grid">
        <div className="neuron-plane">
          <div ref={planeEl} data-testid="plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Drag the ✛ to pick the input point.
          </p>
        </div>
        <div className="neuron-side">
          <div ref={formulaEl} className="formula" data-testid="formula" aria-live="off">
            <div data-math />
            <p className="formula-class">
              The neuron puts this point with the <strong data-class />.
            </p>
          </div>
          <fieldset className="controls">
            <legend>The neuron’s knobs</legend>
            <Slider label={<>weight w<sub>1</sub></>} value={v.w1} min={-4} max={4} step={0.01} onChange={(x) => setWeight('w1', x)} testId="w1" />
            <Slider label={<>weight w<sub>2</sub></>} value={v.w2} min={-4} max={4} step={0.01} onChange={(x) => setWeight('w2', x)} testId="w2" />
            <Slider label="bias b" value={v.b} min={-4} max={4} step={0.01} onChange={(x) => setWeight('b', x)} testId="b" />
            <label className="select">
              activation
              <select value={v.act} onChange={(e) => setSettings({ act: e.target.value as NeuronActivation })} data-testid="act">
                <option value="sigmoid">sigmoid</option>
                <option value="step">step</option>
                <option value="tanh">tanh</option>
                <option value="relu">ReLU</option>
                <option value="linear">none (linear)</option>
              </select>
            </label>
          </fieldset>
          <fieldset className="controls">
            <legend>The input point</legend>
            <Slider label={<>x<sub>1</sub></>} value={v.x1} min={-1.2} max={1.2} step={0.01} onChange={(x) => setSettings({ x1: x })} testId="x1" />
            <Slider label={<>x<sub>2</sub></>} value={v.x2} min={-1.2} max={1.2} step={0.01} onChange={(x) => setSettings({ x2: x })} testId="x2" />
          </fieldset>
        </div>
      </div>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={play}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void reset()}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <Slider
          label="learning rate"
          value={v.lr}
          min={0.001}
          max={100}
          step={0.001}
          log
          format={(x) => String(x)}
          onChange={(x) => setSettings({ lr: x })}
          testId="lr"
        />
        <label className="select">
          batch size
          <select value={v.bs} onChange={(e) => setSettings({ bs: Number(e.target.value) })} data-testid="bs">
            {[1, 5, 10, 25, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          data
          <select value={v.data} onChange={(e) => setSettings({ data: e.target.value as typeof v.data })} data-testid="data">
            <option value="blobs">two groups</option>
            <option value="xor">four corners (XOR)</option>
            <option value="circle">circle</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New points (seed {v.seed})
        </button>
      </TrainerControls>
      <div className="neuron-bottom">
        <div ref={lossEl} className="loss" data-testid="loss-chart" />
        <dl ref={readout} className="readout" data-testid="readout">
          <dt>step</dt>
          <dd data-step>0</dd>
          <dt>epoch</dt>
          <dd data-epoch>0</dd>
          <dt>loss</dt>
          <dd data-loss data-testid="loss">—</dd>
          <dt>accuracy</dt>
          <dd data-acc data-testid="accuracy">—</dd>
        </dl>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={() => void resetDefaults()} />
    </div>
  );
}
