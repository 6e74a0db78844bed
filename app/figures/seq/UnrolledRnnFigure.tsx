/**
 * "Recurrent networks", figure 1: a small RNN with random weights reads a word the reader types, one letter per
 * step. The loop is drawn unrolled: one box per step, each with the same W, U and b, passing its hidden state to
 * the next; under it the hidden state at every step as a heatmap (units × steps). Choosing a step and a unit
 * writes that unit's sum out with the real numbers; a last line compares the word's final state with the final
 * state of the same letters reversed. Everything is plain JavaScript (engine/seq/cells.ts), recomputed on input.
 */
import katex from 'katex';
import { useEffect, useMemo, useRef, useState } from 'react';
import { readText } from '../../engine/data/words';
import { traceSequence, type StepTrace } from '../../engine/seq/cells';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { fieldColour } from '../../viz/createDecisionPlane';
import { MAX_WORD, unrolledSchema } from './schema';
import { createStepMap, type StepMap } from './stepMap';
import { randomRnn, signed, stateDistance, UNROLLED_UNITS } from './unrolled';
import './seq.css';

const PRESETS = ['hello', 'olleh', 'banana', 'Hi there!'];
const UNITS = Array.from({ length: UNROLLED_UNITS }, (_, j) => j);
const quote = (c: string) => `‘${c === ' ' ? 'space' : c}’`;

function formulaTex(steps: readonly StepTrace[], t: number, j: number, letter: string): string {
  const a = steps[t]!.gates.a!;
  const [x, s, b, v] = [a.fromInput[j]!, a.fromState[j]!, a.bias[j]!, a.value[j]!];
  const T = t + 1;
  const J = j + 1;
  return [
    '\\begin{aligned}',
    `h_{${T}}[${J}] &= \\tanh\\big( (W x_{${T}})[${J}] + (U h_{${T - 1}})[${J}] + b[${J}] \\big) \\\\`,
    `&= \\tanh\\big( \\underbrace{${signed(x)}}_{\\text{“${letter}”}} + \\underbrace{${signed(s, true)}}_{\\text{memory}} + \\underbrace{${signed(b, true)}}_{\\text{bias}} \\big) \\\\`,
    `&= \\tanh(${signed(x + s + b)}) = \\mathbf{${signed(v)}}`,
    '\\end{aligned}',
  ].join('\n');
}

function Swatches({ h, label }: { h: Float32Array; label: string }) {
  return (
    <span className="ur-swatches" role="img" aria-label={`${label}: ${Array.from(h, (x) => signed(x)).join(', ')}`}>
      {Array.from(h, (x, j) => {
        const [r, g, b] = fieldColour(0.5 + x / 2);
        return <span key={j} style={{ background: `rgb(${r} ${g} ${b})` }} />;
      })}
    </span>
  );
}

export default function UnrolledRnnFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, unrolledSchema);
  const v = settings.values;
  const read = useMemo(() => readText(v.word), [v.word]);
  const cell = useMemo(() => randomRnn(v.seed), [v.seed]);
  const steps = useMemo(() => traceSequence(cell, read.indices), [cell, read]);
  const letters = useMemo(() => [...read.text], [read]);
  const reversed = [...letters].reverse().join('');
  const reverseFinal = useMemo(() => traceSequence(cell, [...read.indices].reverse()).at(-1)?.h ?? null, [cell, read]);
  const [pick, setPick] = useState({ step: 0, unit: 0 });
  const n = steps.length;
  const step = Math.min(pick.step, Math.max(0, n - 1));
  const unit = pick.unit;

  const mapEl = useRef<HTMLDivElement>(null);
  const texEl = useRef<HTMLDivElement>(null);
  const map = useRef<StepMap | null>(null);
  useEffect(() => {
    const m = createStepMap(mapEl.current!, {
      label: `Hidden state at every step: ${UNROLLED_UNITS} units (rows) by steps (columns)`,
      scale: 'signed',
      cell: 20,
      outline: 2,
      onPick: (s, u) => setPick({ step: s, unit: u }),
    });
    map.current = m;
    return () => m.destroy();
  }, []);
  useEffect(() => {
    if (n === 0) return;
    map.current?.update(
      steps.map((s) => s.h),
      letters,
    );
    map.current?.select(step, unit);
  }, [steps, letters, n, step, unit]);
  useEffect(() => {
    if (!texEl.current) return;
    if (n === 0) texEl.current.replaceChildren();
    else katex.render(formulaTex(steps, step, unit, letters[step]!), texEl.current, { throwOnError: false, displayMode: true });
  }, [steps, letters, n, step, unit]);

  const messages: string[] = [];
  if (read.lowered) messages.push('Capitals were lowered.');
  if (read.dropped.length > 0) messages.push(`Left out: ${read.dropped.map(quote).join(', ')} — this network reads only the letters a–z.`);
  if (n === 0) messages.push('Type a word: the network needs at least one letter a–z to read.');
  const final = steps[n - 1]?.h;
  const distance = final && reverseFinal ? stateDistance(final, reverseFinal) : 0;

  return (
    <div className="unrolled-figure" data-testid="unrolled-figure">
      <div className="ur-input">
        <label>
          Word or phrase
          <input
            type="text"
            value={v.word}
            maxLength={MAX_WORD}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => settings.set({ word: [...e.target.value].slice(0, MAX_WORD).join('') })}
            data-testid="word"
          />
        </label>
        <div className="ur-presets" role="group" aria-label="Example words">
          {PRESETS.map((p) => (
            <button key={p} type="button" className="secondary" aria-pressed={v.word === p} onClick={() => settings.set({ word: p })}>
              {p}
            </button>
          ))}
        </div>
      </div>
      <p className="ur-message" role="status" data-testid="word-message">
        {messages.join(' ')}
      </p>
      <p className="ur-random">
        The weights are random and untrained: this figure is about the mechanism, not about what a trained network
        knows.{' '}
        <button type="button" className="secondary" onClick={() => settings.set({ seed: (v.seed % 99999) + 1 })} data-testid="new-weights">
          New weights (seed {v.seed})
        </button>
      </p>

      <div
        className="ur-scroll"
        tabIndex={0}
        role="group"
        aria-label="The network unrolled over the steps, and its hidden state at every step (scrolls sideways)"
        hidden={n === 0}
        style={{ ['--steps' as string]: Math.max(1, n) }}
      >
        <div className="ur-row ur-diagram">
          <span className="ur-gutter ur-h0">h₀ = 0</span>
          {letters.map((c, t) => (
            <div key={t} className={t === step ? 'ur-step is-chosen' : 'ur-step'}>
              <button type="button" className="ur-cell" aria-pressed={t === step} onClick={() => setPick({ step: t, unit })}>
                <span>h{t + 1}</span>
                <span className="visually-hidden"> from step {t + 1}, reading {quote(c)}, with the same </span>
                <span className="ur-weights">W U b</span>
              </button>
              <span className="ur-x" aria-hidden="true">
                ↑ {c}
              </span>
            </div>
          ))}
        </div>
        <div className="ur-row">
          <span className="ur-gutter ur-units" aria-hidden="true">
            {UNITS.map((j) => (
              <span key={j}>{j + 1}</span>
            ))}
          </span>
          <div ref={mapEl} className="ur-map" data-testid="hidden-map" />
        </div>
      </div>
      {n > 0 ? (
        <p className="ur-legend legend">
          Rows: the {UNROLLED_UNITS} numbers of the hidden state h<sub>t</sub>. Blue is positive, orange negative, pale near zero. Click a
          cell, or focus the map and use the arrow keys.
        </p>
      ) : null}

      {n > 0 ? (
        <div className="ur-detail">
          <div className="ur-detail-controls">
            <button type="button" className="secondary" onClick={() => setPick({ step: Math.max(0, step - 1), unit })} disabled={step === 0} aria-label="Previous step">
              ← step
            </button>
            <span data-testid="chosen-step">
              step {step + 1} of {n}, reads {quote(letters[step]!)}
            </span>
            <button type="button" className="secondary" onClick={() => setPick({ step: Math.min(n - 1, step + 1), unit })} disabled={step === n - 1} aria-label="Next step">
              step →
            </button>
            <label className="select">
              unit
              <select value={unit} onChange={(e) => setPick({ step, unit: Number(e.target.value) })} data-testid="unit">
                {UNITS.map((j) => (
                  <option key={j} value={j}>
                    {j + 1}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div ref={texEl} className="ur-formula" data-testid="step-formula" tabIndex={0} role="group" aria-label="The chosen unit’s sum at the chosen step" />
          <p className="ur-note">
            x<sub>{step + 1}</sub> is the one-hot vector of {quote(letters[step]!)}, so W x<sub>{step + 1}</sub> is W’s column for that
            letter. {step === 0 ? 'The state starts at zero, so nothing comes from memory yet.' : `U h${step} brings in everything read before.`}
          </p>
          {final && reverseFinal ? (
            <div className="ur-order" data-testid="order">
              <p>
                <span className="ur-order-word">
                  {read.text} → h{n}
                </span> <Swatches h={final} label={`Final state after “${read.text}”`} />
              </p>
              <p>
                <span className="ur-order-word">
                  {reversed} → h{n}
                </span> <Swatches h={reverseFinal} label={`Final state after “${reversed}”`} />
              </p>
              <p className="muted">
                {reversed === read.text
                  ? 'The same letters in the same order: the same final state.'
                  : `The same letters in reverse order end ${signed(distance)} apart (the length of the difference between the two states): order matters.`}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
