/**
 * The activation explorer: pick a function, drag the input x on the plot (or use its slider) and read f(x) and
 * the slope f′(x), drawn as a tangent line. Softmax takes three scores, so for it the plot shows the first
 * probability p₁ as its score z₁ = x moves, and bars show all three probabilities.
 *
 * The values come from the engine's closed-form activations, which its unit tests check against TF.js's ops and
 * TF.js's own gradients. Nothing trains here, so every setting is ordinary (slow) state.
 */
import katex from 'katex';
import { useEffect, useMemo, useRef } from 'react';
import { activationCurve, activationSlope, activationValue, softmax, softmaxSlope } from '../../engine/activations';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createActivationPlot, type ActivationPlot, type ActivationPlotState } from '../../viz/createActivationPlot';
import './activations.css';
import { INFO } from './info';
import { explorerSchema, FUNCTIONS, type ExplorerSettings, type FunctionName } from './schema';

const LO = -4;
const HI = 4;
const SAMPLES = 321;
/** Below this slope a function counts as flat: a gradient passing through it shrinks twentyfold or more. */
const FLAT = 0.05;

function flatIntervals(xs: ArrayLike<number>, slopes: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  let start: number | null = null;
  for (let i = 0; i < xs.length; i++) {
    const isFlat = Math.abs(slopes[i]!) < FLAT;
    if (isFlat && start === null) start = xs[i]!;
    if ((!isFlat || i === xs.length - 1) && start !== null) {
      out.push([start, isFlat ? xs[i]! : xs[i - 1]!]);
      start = null;
    }
  }
  return out.filter(([a, b]) => b > a);
}

/** The plot's state for the current settings: for softmax, p₁ as a function of z₁ with z₂, z₃ and T held. */
function plotState(v: ExplorerSettings): ActivationPlotState & { probs: number[] | null } {
  const info = INFO[v.fn];
  if (v.fn === 'softmax') {
    const xs = new Float32Array(SAMPLES);
    const ys = new Float32Array(SAMPLES);
    const slopes = new Float32Array(SAMPLES);
    for (let i = 0; i < SAMPLES; i++) {
      const z1 = LO + ((HI - LO) * i) / (SAMPLES - 1);
      xs[i] = z1;
      ys[i] = softmax([z1, v.z2, v.z3], v.temp)[0]!;
      slopes[i] = softmaxSlope([z1, v.z2, v.z3], 0, 0, v.temp);
    }
    const z = [v.x, v.z2, v.z3];
    const probs = softmax(z, v.temp);
    return {
      curve: { xs, ys, slopes },
      x: v.x,
      fx: probs[0]!,
      slope: softmaxSlope(z, 0, 0, v.temp),
      yDomain: info.yDomain,
      flat: flatIntervals(xs, slopes),
      name: 'softmax’s first probability p₁ against its score z₁',
      probs,
    };
  }
  const curve = activationCurve(v.fn, LO, HI, SAMPLES);
  return {
    curve,
    x: v.x,
    fx: activationValue(v.fn, v.x),
    slope: activationSlope(v.fn, v.x),
    yDomain: info.yDomain,
    flat: flatIntervals(curve.xs, curve.slopes),
    name: info.label,
    probs: null,
  };
}

const fmt = (n: number) => (Math.abs(n) < 0.00005 ? '0.0000' : n.toFixed(4));

export default function ActivationExplorer() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, explorerSchema);
  const { values: v, set } = settings;
  const plotEl = useRef<HTMLDivElement>(null);
  const plot = useRef<ActivationPlot | null>(null);
  const state = useMemo(() => plotState(v), [v]);
  const info = INFO[v.fn];
  const formula = useMemo(() => katex.renderToString(info.tex, { throwOnError: false, displayMode: true }), [info.tex]);
  const soft = v.fn === 'softmax';

  useEffect(() => {
    plot.current = createActivationPlot(plotEl.current!, { domain: [LO, HI], onXMove: (x) => set({ x }) });
    return () => plot.current?.destroy();
  }, [set]);

  useEffect(() => {
    plot.current?.update(state);
  }, [state]);

  return (
    <div className="act-explorer" data-testid="act-explorer" data-fn={v.fn}>
      <div className="act-grid">
        <div>
          <div ref={plotEl} className="act-plot-wrap" data-testid="act-plot" />
          <p className="legend">
            <span className="act-key act-key-f" aria-hidden="true" /> {soft ? <>p<sub>1</sub></> : 'f(x)'}{' '}
            <span className="act-key act-key-df" aria-hidden="true" /> slope{' '}
            <span className="act-key act-key-t" aria-hidden="true" /> tangent at x{' '}
            <span className="act-key act-key-flat" aria-hidden="true" /> flat (|slope| &lt; {FLAT}). Drag on the plot to move x.
          </p>
        </div>
        <div className="act-side">
          <label className="select">
            function
            <select value={v.fn} onChange={(e) => set({ fn: e.target.value as FunctionName })} data-testid="fn">
              {FUNCTIONS.map((f) => (
                <option key={f} value={f}>
                  {INFO[f].label}
                </option>
              ))}
            </select>
          </label>
          <div className="act-formula" dangerouslySetInnerHTML={{ __html: formula }} />
          <Slider
            label={soft ? <>score z<sub>1</sub></> : 'input x'}
            value={v.x}
            min={LO}
            max={HI}
            step={0.01}
            onChange={(x) => set({ x })}
            testId="x"
          />
          {soft ? (
            <>
              <Slider label={<>score z<sub>2</sub></>} value={v.z2} min={LO} max={HI} step={0.01} onChange={(z2) => set({ z2 })} testId="z2" />
              <Slider label={<>score z<sub>3</sub></>} value={v.z3} min={LO} max={HI} step={0.01} onChange={(z3) => set({ z3 })} testId="z3" />
              <Slider label="temperature T" value={v.temp} min={0.25} max={4} step={0.01} onChange={(temp) => set({ temp })} testId="temp" />
            </>
          ) : null}
          <dl className="readout act-readout" data-testid="act-readout">
            <dt>{soft ? <>p<sub>1</sub></> : 'f(x)'}</dt>
            <dd data-testid="fx">{fmt(state.fx)}</dd>
            <dt>{soft ? <>slope ∂p<sub>1</sub>/∂z<sub>1</sub></> : 'slope f′(x)'}</dt>
            <dd data-testid="slope">{fmt(state.slope)}</dd>
          </dl>
          {state.probs ? (
            <ol className="act-bars" data-testid="softmax-bars" aria-label="Softmax probabilities">
              {state.probs.map((p, i) => (
                <li key={i}>
                  <span className="act-bar-label">
                    p<sub>{i + 1}</sub>
                  </span>
                  <span className="act-bar-track">
                    <span className={i === 0 ? 'act-bar act-bar-first' : 'act-bar'} style={{ width: `${(p * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="act-bar-value" data-testid={`p${i + 1}`}>
                    {p.toFixed(3)}
                  </span>
                </li>
              ))}
              <li className="act-bar-sum">
                sum = {state.probs.reduce((a, b) => a + b, 0).toFixed(3)}
              </li>
            </ol>
          ) : null}
          <p className="act-note">
            <strong>Used in:</strong> {info.used}
          </p>
          <p className="act-note">
            <strong>Watch out:</strong> {info.watch}
          </p>
        </div>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
