/**
 * "Gradient descent and backpropagation", figure 1: one training step of a 2-2-1 network on one example, laid
 * open. Forward shows the values and the loss; Back walks the chain rule from the loss to the inputs one edge at a
 * time; Update applies w ← w − η·∂L/∂w. Every number comes from TF.js (engine/models/backprop.ts).
 */
import katex from 'katex';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BACKPROP_START, backpropStep, type BackpropParams, type BackpropStep } from '../../engine/models/backprop';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { ensureBackend } from '../connectBackend';
import { BackpropDiagram } from './BackpropDiagram';
import { backpropSchema } from './schema';
import { BACK_STAGES, FIRST_BACK, fmt, FORWARD, LAST_BACK, LOSS, PARAM_TEX, PARAMS, paramValue, revealed, UPDATE, X } from './stages';
import './backprop.css';

function stageTex(stage: number, s: BackpropStep, p: BackpropParams, y: number, lr: number): string {
  const n = (v: number) => fmt(v).replace('−', '-');
  // An operand inside a sum or product: a negative one gets brackets, so "+ −0.4" reads "+ (−0.4)".
  const o = (v: number) => (n(v).startsWith('-') ? `(${n(v)})` : n(v));
  if (stage === 0) return `x = (${X[0]},\\ ${X[1]}),\\quad y = ${y}`;
  if (stage === FORWARD)
    return `h_1 = \\tanh(${o(p.w[0][0])}\\cdot ${X[0]} + ${o(p.w[0][1])}\\cdot ${X[1]} + ${o(p.b[0])}) = \\mathbf{${n(s.h[0])}},\\ \\ \\hat y = \\sigma(v_1 h_1 + v_2 h_2 + c) = \\mathbf{${n(s.yhat)}}`;
  if (stage === LOSS) return `L = (\\hat y - y)^2 = (${n(s.yhat)} - ${y})^2 = \\mathbf{${fmt(s.loss, 4).replace('−', '-')}}`;
  const back = BACK_STAGES[stage - FIRST_BACK];
  if (back) return back.tex(s, p, y);
  return `v_1 \\leftarrow v_1 - \\eta\\,\\frac{\\partial L}{\\partial v_1} = ${n(p.v[0])} - ${lr} \\times ${o(s.grads.v[0])} = \\mathbf{${n(s.next.v[0])}}`;
}

function stageTitle(stage: number): string {
  if (stage === 0) return 'Ready: press Forward.';
  if (stage === FORWARD) return 'Forward pass: each neuron’s value, from the inputs to the output.';
  if (stage === LOSS) return 'The loss for this example. Now go back, one edge at a time.';
  const back = BACK_STAGES[stage - FIRST_BACK];
  if (back) return `Backward ${stage - FIRST_BACK + 1} of ${BACK_STAGES.length}: ${back.title}.`;
  return 'Update: every weight takes a small step against its gradient (v₁ shown; all nine in the table).';
}

export default function BackpropFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, backpropSchema);
  const { values: v, set } = settings;
  const y = Number(v.y);
  const [params, setParams] = useState<BackpropParams>(BACKPROP_START);
  const [step, setStep] = useState<BackpropStep | null>(null);
  const [stage, setStage] = useState(0);
  const [round, setRound] = useState(1);
  const [playing, setPlaying] = useState(false);
  const texEl = useRef<HTMLDivElement>(null);

  // TF.js works out the whole step whenever the network, the label or the rate changes; the buttons only reveal it.
  useEffect(() => {
    let live = true;
    ensureBackend()
      .then(() => backpropStep(params, X, y, v.lr))
      .then((s) => live && setStep(s))
      .catch((e: unknown) => console.error(e));
    return () => {
      live = false;
    };
  }, [params, y, v.lr]);

  useEffect(() => {
    if (step && texEl.current) katex.render(stageTex(stage, step, params, y, v.lr), texEl.current, { throwOnError: false, displayMode: true });
  }, [stage, step, params, y, v.lr]);

  const forward = useCallback(() => {
    if (!step) return;
    if (stage === UPDATE) {
      // The next round starts from the updated network.
      setParams(step.next);
      setStep(null);
      setRound((r) => r + 1);
      setStage(FORWARD);
    } else setStage((s) => (s < LOSS ? s + 1 : s));
  }, [stage, step]);
  const back = useCallback(() => setStage((s) => (s >= LOSS && s < LAST_BACK ? s + 1 : s)), []);
  const update = useCallback(() => setStage(UPDATE), []);
  const advance = useCallback(() => {
    if (stage < LOSS || stage === UPDATE) forward();
    else if (stage < LAST_BACK) back();
    else update();
  }, [stage, forward, back, update]);

  useEffect(() => {
    if (!playing || !step) return;
    const id = window.setTimeout(advance, 900);
    return () => window.clearTimeout(id);
  }, [playing, advance, step]);

  const restart = () => {
    setPlaying(false);
    setParams(BACKPROP_START);
    setStep(null);
    setStage(0);
    setRound(1);
  };
  const known = revealed(stage);
  const ready = step !== null;

  return (
    <div className="backprop-figure" data-testid="backprop-figure" data-stage={stage}>
      <div className="bp-buttons" role="group" aria-label="Step through one training step">
        <button type="button" onClick={forward} disabled={!ready || (stage >= LOSS && stage !== UPDATE)} data-testid="bp-forward">
          Forward
        </button>
        <button type="button" onClick={back} disabled={!ready || stage < LOSS || stage >= LAST_BACK} data-testid="bp-back">
          Back one edge
        </button>
        <button type="button" onClick={update} disabled={!ready || stage !== LAST_BACK} data-testid="bp-update">
          Update
        </button>
        <button type="button" className="secondary" onClick={() => setPlaying((p) => !p)} disabled={!ready && !playing} aria-pressed={playing} data-testid="bp-play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="secondary" onClick={restart} data-testid="bp-restart">
          Start over
        </button>
      </div>
      <p className="bp-title" aria-live="polite" data-testid="bp-title">
        Step {round} · {stageTitle(stage)}
      </p>
      <div className="formula bp-formula" ref={texEl} data-testid="bp-formula" />
      {step ? <BackpropDiagram step={step} params={params} stage={stage} y={y} /> : <div className="bp-diagram bp-wait">Working it out with TF.js…</div>}
      <div className="bp-scroll">
      <table className="bp-table" data-testid="bp-table">
        <caption className="visually-hidden">Each weight and bias, its gradient and its value after the update</caption>
        <thead>
          <tr>
            <th scope="col">parameter</th>
            <th scope="col">value</th>
            <th scope="col">∂L/∂·</th>
            <th scope="col">new</th>
          </tr>
        </thead>
        <tbody>
          {PARAMS.map((id) => (
            <tr key={id} className={known.has(id) && stage < UPDATE && BACK_STAGES[stage - FIRST_BACK]?.reveals.includes(id) ? 'is-new' : undefined}>
              <th scope="row" dangerouslySetInnerHTML={{ __html: katex.renderToString(PARAM_TEX[id], { throwOnError: false }) }} />
              <td>{fmt(paramValue(params, id))}</td>
              <td data-testid={`grad-${id}`}>{step && known.has(id) ? fmt(paramValue(step.grads, id)) : '—'}</td>
              <td data-testid={`next-${id}`}>{step && stage === UPDATE ? fmt(paramValue(step.next, id)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="bp-loss">
        Loss now: <output data-testid="bp-loss">{step && stage >= LOSS ? fmt(step.loss, 4) : '—'}</output>
      </p>
      <div className="bp-controls">
        <Slider label={<>Learning rate η</>} value={v.lr} min={0.05} max={2} step={0.01} log onChange={(lr) => set({ lr })} testId="bp-lr" />
        <fieldset className="bp-label">
          <legend>Right answer y</legend>
          {(['0', '1'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={`${frame.id}-y`} checked={v.y === k} onChange={() => set({ y: k })} data-testid={`bp-y-${k}`} /> {k}
            </label>
          ))}
        </fieldset>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
