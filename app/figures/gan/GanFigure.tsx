/**
 * "Generative adversarial networks": a generator and a discriminator trained live on a 2-D distribution, with
 * the model overview (noise → G → fakes → D ← real → scores → losses), the plane (D's score, real and fake
 * points, the push on each fake point, G's warped noise grid), both losses, and every knob of the game.
 *
 * Slow state (settings, status, narration) is React; each snapshot goes straight to the canvases and read-outs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  decodeDrawn,
  encodeDrawn,
  GAN_DISTRIBUTIONS,
  GAN_DEFAULTS,
  HEAT_DOMAIN,
  HEAT_RESOLUTION,
  MANIFOLD_SIDE,
  MIXTURE_CENTRES,
  modesCovered,
  noiseDim,
  type GanConfig,
  type GanSnapshot,
} from '../../engine/gan';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createGanPlane, type GanPlane, type GanPlaneLayers } from '../../viz/createGanPlane';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import { drawOverview, mean, type OverviewCanvases } from './overview';
import { ganSchema, LAYERS, type GanSettings } from './schema';
import { useGanTrainer } from './useGanTrainer';
import './gan.css';

const SCHEMAS = { lab: ganSchema('lab'), collapse: ganSchema('collapse') };
const MAX_DRAWN = 300;
const SLOW_MS = 1600;
const LAYER_NAMES: Record<(typeof LAYERS)[number], string> = {
  heat: 'D’s score (background)',
  real: 'real points',
  fake: 'generated points',
  push: 'arrows: where G pushes its points',
  grid: 'G’s warped noise grid',
};

function toConfig(v: GanSettings): GanConfig {
  const drawn = decodeDrawn(v.drawn);
  const hidden = Array.from({ length: v.layers }, () => v.units);
  return {
    ...GAN_DEFAULTS,
    // An empty drawing cannot be learned: keep the ring of Gaussians until the reader draws.
    distribution: v.dist === 'drawn' && drawn.length === 0 ? 'gaussians' : v.dist,
    drawn,
    noise: v.noise,
    gHidden: hidden,
    dHidden: hidden,
    activation: v.act,
    gLearningRate: v.gLr,
    dLearningRate: v.dLr,
    gOptimizer: v.opt,
    dOptimizer: v.opt,
    beta1: Number(v.beta1),
    k: v.k,
    loss: v.loss,
    seed: v.seed,
  };
}

const layersOf = (show: string): GanPlaneLayers => {
  const on = new Set(show.split(','));
  return { heat: on.has('heat'), real: on.has('real'), fake: on.has('fake'), push: on.has('push'), grid: on.has('grid') };
};

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const checksum = (a: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * ((i % 13) + 1);
  return s.toFixed(5);
};

export default function GanFigure({ preset = 'lab' }: { preset?: 'lab' | 'collapse' }) {
  const frame = useFigureFrame();
  const schema = SCHEMAS[preset];
  const settings = useFigureSettings(frame.lesson, frame.id, schema);
  const { values: v, set: setSettings } = settings;
  const live = useRef({ v });
  useEffect(() => {
    live.current.v = v;
  });

  const planeEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const overview = useRef<Partial<OverviewCanvases>>({});
  const overviewText = useRef<HTMLDivElement>(null);
  const plane = useRef<GanPlane | null>(null);
  const lossChart = useRef<LineChart | null>(null);
  const last = useRef<GanSnapshot | null>(null);
  const trainerRef = useRef<ReturnType<typeof useGanTrainer>['trainer']>(null);
  const [narration, setNarration] = useState('');
  const [slow, setSlow] = useState(false);
  const [drawError, setDrawError] = useState<string | null>(null);

  const draw = useCallback((s: GanSnapshot) => {
    const cur = live.current.v;
    const d = noiseDim(cur.noise);
    plane.current?.update({
      heat: s.heat,
      real: s.real,
      fakes: s.fakes,
      push: s.push,
      manifold: s.manifold,
      manifoldSide: d === 2 ? MANIFOLD_SIDE : 0,
      show: layersOf(cur.show),
    });
    const t = trainerRef.current;
    if (t) {
      const dl = t.dLosses.toArrays();
      const gl = t.gLosses.toArrays();
      lossChart.current?.update({ series: { d: { x: dl.xs, y: dl.ys }, g: { x: gl.xs, y: gl.ys } } });
    }
    const c = overview.current;
    if (c.noise && c.fake && c.real && c.scores) drawOverview(c as OverviewCanvases, s, d, cur.noise.startsWith('gauss'));
    const o = overviewText.current;
    if (o) {
      o.querySelector('[data-ld]')!.textContent = fmt(s.dLoss);
      o.querySelector('[data-lg]')!.textContent = fmt(s.gLoss);
      o.querySelector('[data-dreal]')!.textContent = `${Math.round(mean(s.dReal) * 100)}%`;
      o.querySelector('[data-dfake]')!.textContent = `${Math.round(mean(s.dFake) * 100)}%`;
    }
    const r = readout.current;
    if (!r) return;
    r.querySelector('[data-rounds]')!.textContent = String(s.gUpdates);
    r.querySelector('[data-dsteps]')!.textContent = String(s.dUpdates);
    const dist = r.querySelector<HTMLElement>('[data-distance]')!;
    dist.textContent = fmt(s.distance);
    dist.dataset.value = String(s.distance);
    let push = 0;
    for (let i = 0; i < s.push.length / 2; i++) push += Math.hypot(s.push[2 * i]!, s.push[2 * i + 1]!);
    r.querySelector('[data-push]')!.textContent = fmt(push / Math.max(1, s.push.length / 2));
    const modes = r.querySelector<HTMLElement>('[data-modes]')!;
    const real = t?.config.distribution ?? 'gaussians';
    const m = real === 'gaussians' ? modesCovered(s.fakes, MIXTURE_CENTRES) : null;
    modes.textContent = m === null ? 'only for the 8 Gaussians' : `${m} of 8`;
    modes.dataset.value = m === null ? '' : String(m);
    const p = planeEl.current;
    if (p) {
      p.dataset.fakes = checksum(s.fakes);
      p.dataset.heat = checksum(s.heat);
      p.dataset.real = checksum(s.real);
    }
  }, []);

  const onSnapshot = useCallback(
    (s: GanSnapshot) => {
      last.current = s;
      draw(s);
    },
    [draw],
  );

  const { trainer, status, message } = useGanTrainer({
    config: () => toConfig(live.current.v),
    onSnapshot,
    onNarration: setNarration,
    visible: frame.visible,
    pinned: frame.pinned,
  });
  const [speed, setSpeed] = useState(Infinity);
  useEffect(() => {
    trainerRef.current = trainer;
    trainer?.setSpeed(speed);
  }, [trainer, speed]);
  useEffect(() => {
    trainer?.setSlowMotion(slow ? SLOW_MS : null);
    setNarration('');
  }, [trainer, slow]);
  useEffect(() => {
    trainer?.setMode(v.mode);
  }, [trainer, v.mode]);

  const onDraw = useCallback(
    (stroke: Float32Array) => {
      const old = decodeDrawn(live.current.v.drawn);
      const room = Math.max(0, MAX_DRAWN * 2 - old.length);
      const merged = new Float32Array(old.length + Math.min(room, stroke.length));
      merged.set(old);
      merged.set(stroke.subarray(0, merged.length - old.length), old.length);
      setDrawError(room === 0 ? `A drawing holds at most ${MAX_DRAWN} points: clear it to draw again.` : null);
      setSettings({ drawn: encodeDrawn(merged) });
    },
    [setSettings],
  );

  useEffect(() => {
    plane.current = createGanPlane(planeEl.current!, {
      domain: HEAT_DOMAIN,
      resolution: HEAT_RESOLUTION,
      label: 'The plane: real points, generated points, D’s score and G’s arrows',
      onDraw,
      drawEnabled: () => live.current.v.dist === 'drawn',
    });
    lossChart.current = createLineChart(lossEl.current!, {
      label: 'The discriminator’s and the generator’s loss during training',
      yLabel: 'loss',
      xLabel: 'update',
      x: { min: 0, atLeast: 10 },
      empty: 'Press Train to see both losses',
      series: [
        { id: 'd', name: 'D’s loss', color: 'class-b', dash: '', smooth: 5 },
        { id: 'g', name: 'G’s loss', color: 'class-a', dash: '5 3', smooth: 5 },
      ],
    });
    return () => {
      plane.current?.destroy();
      lossChart.current?.destroy();
    };
  }, [onDraw]);

  // Structure (networks, noise, seed): rebuild. Hyperparameters: change in place. Real points: swap in place.
  const structure = [v.noise, v.units, v.layers, v.act, v.seed].join('|');
  const applied = useRef({ structure, real: `${v.dist}|${v.drawn}` });
  useEffect(() => {
    if (!trainer) return;
    const c = toConfig(v);
    const real = `${v.dist}|${v.drawn}`;
    if (applied.current.structure !== structure) {
      applied.current = { structure, real };
      const wasPlaying = trainer.status === 'playing';
      void trainer.reset(c).then(() => wasPlaying && trainer.play());
      return;
    }
    trainer.setHyper({ gLearningRate: c.gLearningRate, dLearningRate: c.dLearningRate, gOptimizer: c.gOptimizer, dOptimizer: c.dOptimizer, beta1: c.beta1, k: c.k, loss: c.loss });
    if (applied.current.real !== real) {
      applied.current.real = real;
      if (c.distribution !== trainer.config.distribution || c.distribution === 'drawn') {
        trainer.setReal(c.distribution, c.drawn).catch((e: unknown) => setDrawError(e instanceof Error ? e.message : String(e)));
      }
    }
  }, [trainer, v, structure]);

  useEffect(() => {
    plane.current?.setDrawing(v.dist === 'drawn');
    if (last.current) draw(last.current);
  }, [v.dist, v.show, draw]);

  const reset = () => {
    applied.current = { structure, real: `${v.dist}|${v.drawn}` };
    void trainer?.reset(toConfig(v));
  };

  const toggleLayer = (name: (typeof LAYERS)[number], on: boolean) => {
    const set = new Set(v.show.split(',').filter(Boolean));
    if (on) set.add(name);
    else set.delete(name);
    setSettings({ show: LAYERS.filter((l) => set.has(l)).join(',') });
  };
  const layers = layersOf(v.show);
  const drawnCount = decodeDrawn(v.drawn).length / 2;
  const playing = status === 'playing';

  return (
    <div className={`gan-figure${playing ? ' is-playing' : ''}`} data-testid="gan-figure" data-status={status}>
      <div className="gan-overview" role="group" aria-label="The model overview: how the data flows through the two networks">
        <div className="gan-stage">
          <canvas ref={(c) => void (overview.current.noise = c ?? undefined)} aria-hidden="true" />
          <span>noise z</span>
        </div>
        <div className="gan-arrow" aria-hidden="true"><b>G</b><i /></div>
        <div className="gan-stage">
          <canvas ref={(c) => void (overview.current.fake = c ?? undefined)} aria-hidden="true" />
          <span>fakes G(z)</span>
        </div>
        <div className="gan-stage">
          <canvas ref={(c) => void (overview.current.real = c ?? undefined)} aria-hidden="true" />
          <span>real x</span>
        </div>
        <div className="gan-arrow" aria-hidden="true"><b>D</b><i /></div>
        <div className="gan-stage gan-scores">
          <canvas ref={(c) => void (overview.current.scores = c ?? undefined)} aria-hidden="true" />
          <span>scores D(·)</span>
        </div>
        <div className="gan-arrow" aria-hidden="true"><b /><i /></div>
        <div className="gan-stage gan-losses" ref={overviewText}>
          <p>
            mean D(real) <strong data-dreal>—</strong>, D(fake) <strong data-dfake>—</strong>
          </p>
          <p>
            L<sub>D</sub> = <strong data-ld>—</strong>
          </p>
          <p>
            L<sub>G</sub> = <strong data-lg>—</strong>
          </p>
        </div>
      </div>

      <div className="gan-main">
        <div className="gan-plane-wrap">
          <div ref={planeEl} data-testid="gan-plane" />
          <p className="legend">
            <span className="gan-key gan-key-real" aria-hidden="true" /> real{' '}
            <span className="gan-key gan-key-fake" aria-hidden="true" /> generated · background: D says{' '}
            <span className="gan-swatch gan-swatch-real" aria-hidden="true" /> real,{' '}
            <span className="gan-swatch gan-swatch-fake" aria-hidden="true" /> fake
          </p>
          {v.dist === 'drawn' ? (
            <div className="gan-draw" data-testid="draw-panel">
              <p>
                {drawnCount === 0
                  ? 'Draw on the plane with a mouse, pen or finger: the real points will follow your strokes.'
                  : `Your drawing: ${drawnCount} points. Draw more strokes to add to it.`}
              </p>
              <button type="button" className="secondary" onClick={() => setSettings({ drawn: '' })} disabled={drawnCount === 0}>
                Clear drawing
              </button>
              {drawError ? <p role="alert" className="gan-error">{drawError}</p> : null}
            </div>
          ) : null}
        </div>
        <div className="gan-side">
          <dl ref={readout} className="readout" data-testid="gan-readout">
            <dt>G updates</dt>
            <dd data-rounds data-testid="gan-rounds">0</dd>
            <dt>D updates</dt>
            <dd data-dsteps data-testid="gan-dsteps">0</dd>
            <dt>distance, real to fake</dt>
            <dd data-distance data-testid="gan-distance">—</dd>
            <dt>push on the fakes (mean)</dt>
            <dd data-push data-testid="gan-push">—</dd>
            <dt>modes covered</dt>
            <dd data-modes data-testid="gan-modes">—</dd>
          </dl>
          <fieldset className="controls gan-layers">
            <legend>Show</legend>
            {LAYERS.map((l) => (
              <label key={l} className="check-toggle">
                <input type="checkbox" checked={layers[l]} onChange={(e) => toggleLayer(l, e.target.checked)} />
                {LAYER_NAMES[l]}
              </label>
            ))}
          </fieldset>
          <div ref={lossEl} data-testid="gan-loss-chart" />
        </div>
      </div>

      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={() => (trainer?.status === 'playing' ? trainer.pause() : trainer?.play())}
        onStep={(unit) => void trainer?.step(unit === 'batch' ? 1 : 50)}
        onReset={reset}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
        stepLabels={['Step one round', 'Step 50 rounds']}
      >
        <fieldset className="controls gan-mode">
          <legend>Train</legend>
          {(
            [
              ['both', 'both (k D steps, then 1 G step)'],
              ['d', 'D only'],
              ['g', 'G only'],
            ] as const
          ).map(([m, name]) => (
            <label key={m} className="check-toggle">
              <input type="radio" name={`${frame.id}-mode`} value={m} checked={v.mode === m} onChange={() => setSettings({ mode: m })} data-testid={`mode-${m}`} />
              {name}
            </label>
          ))}
        </fieldset>
        <label className="check-toggle">
          <input type="checkbox" checked={slow} onChange={(e) => setSlow(e.target.checked)} data-testid="slow" />
          slow motion, one update at a time, told in words
        </label>
        <label className="select">
          real data
          <select value={v.dist} onChange={(e) => setSettings({ dist: e.target.value as GanSettings['dist'] })} data-testid="dist">
            {GAN_DISTRIBUTIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <Slider label="G’s learning rate" value={v.gLr} min={0.0001} max={0.1} step={0.0001} log format={String} onChange={(x) => setSettings({ gLr: x })} testId="g-lr" />
        <Slider label="D’s learning rate" value={v.dLr} min={0.0001} max={0.1} step={0.0001} log format={String} onChange={(x) => setSettings({ dLr: x })} testId="d-lr" />
        <Slider label="k: D steps per G step" value={v.k} min={1} max={5} step={1} format={String} onChange={(x) => setSettings({ k: x })} testId="k" />
        <label className="select">
          optimizer
          <select value={v.opt} onChange={(e) => setSettings({ opt: e.target.value as GanSettings['opt'] })}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
        <label className="select">
          Adam’s β₁
          <select value={v.beta1} onChange={(e) => setSettings({ beta1: e.target.value as GanSettings['beta1'] })} disabled={v.opt !== 'adam'} data-testid="beta1">
            <option value="0.5">0.5</option>
            <option value="0.9">0.9 (Adam’s default)</option>
          </select>
        </label>
        <label className="select">
          G’s loss
          <select value={v.loss} onChange={(e) => setSettings({ loss: e.target.value as GanSettings['loss'] })}>
            <option value="nonsaturating">non-saturating: −log D(G(z))</option>
            <option value="minimax">minimax: log(1 − D(G(z)))</option>
          </select>
        </label>
        <label className="select">
          noise
          <select value={v.noise} onChange={(e) => setSettings({ noise: e.target.value as GanSettings['noise'] })}>
            <option value="uniform2">uniform, 2-D</option>
            <option value="gauss2">Gaussian, 2-D</option>
            <option value="uniform1">uniform, 1-D</option>
            <option value="gauss1">Gaussian, 1-D</option>
          </select>
        </label>
        <label className="select">
          hidden layers (each net)
          <select value={v.layers} onChange={(e) => setSettings({ layers: Number(e.target.value) })}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          units per layer
          <select value={v.units} onChange={(e) => setSettings({ units: Number(e.target.value) })}>
            {[8, 16, 32, 64].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          activation
          <select value={v.act} onChange={(e) => setSettings({ act: e.target.value as GanSettings['act'] })}>
            <option value="relu">ReLU</option>
            <option value="leaky">leaky ReLU</option>
            <option value="tanh">tanh</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New start (seed {v.seed})
        </button>
      </TrainerControls>
      <p className="gan-narration" aria-live="polite" data-testid="narration">
        {narration || (slow ? 'Press Train or Step one round: each update will be described here.' : '')}
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
