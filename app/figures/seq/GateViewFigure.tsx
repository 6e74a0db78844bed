/**
 * "LSTM gates": the recall LSTM of "Why plain RNNs forget" (the same model, shared through the sequence session)
 * opened up on a sequence the reader types. From each view's weights the page runs the plain-JS LSTM
 * (engine/seq/cells.ts, proven equal to TF.js's layer) and draws, for every unit and step, the forget, input and
 * output gates, the candidate, the cell state and the hidden state; choosing a cell writes that step's equations
 * with the real numbers.
 */
import katex from 'katex';
import { useEffect, useMemo, useRef, useState } from 'react';
import { randomRecallSequence as randomSequence, readRecall, RECALL_KEYS, RECALL_SYMBOLS } from '../../engine/data/sequences';
import { readout, softmax, traceSequence, type StepTrace } from '../../engine/seq/cells';
import { toCellWeights } from '../../engine/seq/cellWeights';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int, text, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { DEFAULT_DISTANCE, RECALL_LSTM } from './RecallRaceFigure';
import { SeqLoader } from './SeqLoader';
import { existingSeqModel, type LiveSeqModel } from './sequenceModels';
import { createStepMap, type StepMap } from './stepMap';
import { useModelDrawing, useSeqModel } from './useSeqModel';
import './seq.css';

const LESSON = 'lstm-gates';

const schema = {
  seq: text(80, ''),
  step: int(0, 59, 0),
  unit: int(0, 31, 0),
};
type Settings = ValuesOf<typeof schema>;

/** The maps, top to bottom: what each shows and its scale. */
const MAPS = [
  { key: 'f', name: 'forget gate f', scale: 'unit', what: 'how much of the old cell state to keep (1 keeps all)' },
  { key: 'i', name: 'input gate i', scale: 'unit', what: 'how much of the candidate to write' },
  { key: 'g', name: 'candidate g', scale: 'signed', what: 'what would be written' },
  { key: 'c', name: 'cell state c', scale: 'signed', what: 'the memory, after this step' },
  { key: 'o', name: 'output gate o', scale: 'unit', what: 'how much of the memory to show' },
  { key: 'h', name: 'hidden state h', scale: 'signed', what: 'what the next step (and the answer) reads' },
] as const;
type MapKey = (typeof MAPS)[number]['key'];

const column = (s: StepTrace, key: MapKey): Float32Array => {
  if (key === 'c') return s.c!.map((v) => Math.tanh(v));
  if (key === 'h') return s.h;
  return s.gates[key]!.value;
};

/** Writes text only when it changed: an identical write still replaces the text node and costs a layout. */
const setText = (el: Element | null | undefined, text: string) => {
  if (el && el.textContent !== text) el.textContent = text;
};

const n = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));
/** A number inside a sum: negative values in brackets. */
const term = (v: number) => (v < 0 ? `(${n(v)})` : n(v));

/** The step's equations for one unit, with the real numbers. */
function equations(trace: StepTrace[], t: number, j: number): string {
  const s = trace[t]!;
  const prevC = t > 0 ? trace[t - 1]!.c![j]! : 0;
  const gate = (key: 'f' | 'i' | 'g' | 'o', act: string, sub: string) => {
    const g = s.gates[key]!;
    return `${key}_t &= ${act}(W_${sub}x_t + U_${sub}h_{t-1} + b_${sub}) = ${act}(${n(g.fromInput[j]!)} + ${term(g.fromState[j]!)} + ${term(g.bias[j]!)}) = ${n(g.value[j]!)}`;
  };
  const { f, i, g, o } = s.gates as Record<'f' | 'i' | 'g' | 'o', { value: Float32Array }>;
  return [
    '\\begin{aligned}',
    `${gate('f', '\\sigma', 'f')} \\\\`,
    `${gate('i', '\\sigma', 'i')} \\\\`,
    `${gate('g', '\\tanh', 'g')} \\\\`,
    `${gate('o', '\\sigma', 'o')} \\\\`,
    `c_t &= f_t\\,c_{t-1} + i_t\\,g_t = ${n(f.value[j]!)} \\cdot ${term(prevC)} + ${n(i.value[j]!)} \\cdot ${term(g.value[j]!)} = ${n(s.c![j]!)} \\\\`,
    `h_t &= o_t \\tanh(c_t) = ${n(o.value[j]!)} \\cdot \\tanh(${n(s.c![j]!)}) = ${n(s.h[j]!)}`,
    '\\end{aligned}',
  ].join('\n');
}

export default function GateViewFigure() {
  const settings = useFigureSettings(LESSON, 'gates', schema);
  const v = settings.values;
  // The LSTM of the previous lesson, with whatever distance it was trained at there.
  const config = useMemo(() => existingSeqModel(RECALL_LSTM)?.config ?? { task: 'recall' as const, cell: 'lstm' as const, length: DEFAULT_DISTANCE }, []);
  const { model, state, commands, phase } = useSeqModel(RECALL_LSTM, { config, hyper: DEFAULT_HYPER.recall, seed: 1 });
  const length = config.task === 'recall' ? config.length : DEFAULT_DISTANCE;
  const [speed, setSpeed] = useState(Infinity);
  const [randomSeed, setRandomSeed] = useState(1);
  const typed = v.seq === '' ? randomSequence(length, 0) : v.seq;
  const read = readRecall(typed);
  const mapEls = useRef<Partial<Record<MapKey, HTMLDivElement | null>>>({});
  const maps = useRef<Partial<Record<MapKey, StepMap>>>({});
  const eqEl = useRef<HTMLDivElement>(null);
  const eqTitle = useRef<HTMLParagraphElement>(null);
  const shownTex = useRef('');
  const shownPick = useRef('');
  const shownAt = useRef(0);
  const answerEl = useRef<HTMLDivElement>(null);
  const statusEl = useRef<HTMLParagraphElement>(null);
  const selection = useRef({ step: v.step, unit: v.unit });
  selection.current = { step: Math.min(v.step, Math.max(0, read.symbols.length - 1)), unit: v.unit };

  useEffect(() => {
    if (!model) return;
    for (const m of MAPS) {
      const el = mapEls.current[m.key];
      if (!el) continue;
      maps.current[m.key] = createStepMap(el, {
        label: `${m.name} of each of the 32 units (rows) at each step (columns)`,
        scale: m.scale,
        cell: 4,
        onPick: (step, unit) => settings.set({ step, unit }),
      });
    }
    return () => {
      Object.values(maps.current).forEach((m) => m?.destroy());
      maps.current = {};
    };
    // settings.set is stable for the figure's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);

  const draw = () => {
    const m = model as LiveSeqModel | null;
    if (!m?.view || !m.spec || read.problem) return;
    const { cell, out } = toCellWeights(m.spec, m.view.weights);
    const trace = traceSequence(cell, read.symbols);
    const labels = read.symbols.map((s) => RECALL_SYMBOLS[s]!);
    const { step, unit } = selection.current;
    for (const spec of MAPS) {
      const map = maps.current[spec.key];
      map?.update(trace.map((s) => column(s, spec.key)), labels);
      map?.select(step, unit);
    }
    const tex = equations(trace, step, unit);
    // While it trains the numbers change with every view; the equations (a KaTeX layout each time) follow every
    // 2 s, in a task of their own after the maps' frame, and at once when the reader picks another cell or the
    // training stops.
    const picked = `${step}:${unit}:${read.symbols.join('')}`;
    const now = picked !== shownPick.current || state.status !== 'playing';
    if (tex !== shownTex.current && (now || performance.now() - shownAt.current > 2000)) {
      shownTex.current = tex;
      shownPick.current = picked;
      shownAt.current = performance.now();
      const write = () => {
        if (eqEl.current && shownTex.current === tex) katex.render(tex, eqEl.current, { throwOnError: false, displayMode: true });
      };
      if (now) write();
      else setTimeout(write, 80);
    }
    setText(eqTitle.current, `Step ${step + 1} (it reads “${labels[step]}”), unit ${unit + 1}:`);
    const p = softmax(readout(out, trace[trace.length - 1]!.h));
    const answer = answerEl.current;
    if (answer) {
      answer.querySelectorAll<HTMLElement>('[data-key]').forEach((el) => {
        const k = Number(el.dataset.key);
        const share = (p[k] ?? 0).toFixed(2);
        if (el.style.getPropertyValue('--p') !== share) el.style.setProperty('--p', share);
        setText(el.querySelector('output'), `${Math.round((p[k] ?? 0) * 100)}%`);
      });
      const best = p.indexOf(Math.max(...p));
      const right = read.symbols[0]!;
      const say = answer.querySelector<HTMLElement>('[data-say]');
      if (say) {
        setText(say, `It answers ${RECALL_SYMBOLS[best]} (${Math.round(p[best]! * 100)}%): ${best === right ? 'right' : `wrong, the first letter was ${RECALL_SYMBOLS[right]}`}.`);
      }
    }
    if (statusEl.current) {
      // From the evaluations (every 2 s), not every view: a live region that changes six times a second is noise.
      const last = m.evaluations[m.evaluations.length - 1];
      const text =
        !last || last.step === 0
          ? 'This LSTM is untrained: its gates are where they started. Press Train (or train it in the previous lesson).'
          : `Trained for ${last.step} steps; held-out accuracy ${Math.round((last.accuracy ?? 0) * 100)}%.`;
      setText(statusEl.current, text);
    }
  };
  useModelDrawing([model], draw);
  // A new sequence or selection redraws at once.
  useEffect(draw);

  if (phase !== 'ready' || !model) return <SeqLoader what="the LSTM" />;
  const ready = state.created;

  return (
    <div className="seq-figure" data-testid="gates-figure">
      <TrainerControls
        status={state.status}
        ready={ready}
        message={state.message}
        onPlay={() => (state.status === 'playing' ? commands.pause() : commands.play())}
        onStep={(unit) => commands.step(unit)}
        onReset={() => commands.reset()}
        speed={speed}
        onSpeed={(s) => {
          setSpeed(s);
          commands.speed(s);
        }}
      />
      <p ref={statusEl} className="seq-hint" data-testid="gates-status" aria-live="polite" />
      <div className="seq-sequence">
        <label className="seq-prompt">
          sequence
          <input
            type="text"
            value={typed}
            maxLength={80}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => settings.set({ seq: e.target.value })}
            data-testid="sequence"
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setRandomSeed(randomSeed + 1);
            settings.set({ seq: randomSequence(length, randomSeed) });
          }}
        >
          Random sequence
        </button>
      </div>
      <SequenceNotes problem={read.problem} dropped={read.dropped} />

      <div ref={answerEl} className="seq-answer" data-testid="gates-answer">
        <p data-say>…</p>
        <div className="seq-keys" role="group" aria-label="The LSTM’s answer after the last letter: probability of each key">
          {Array.from({ length: RECALL_KEYS }, (_, k) => (
            <div key={k} data-key={k} className="seq-key">
              <span>{RECALL_SYMBOLS[k]}</span>
              <span className="seq-key-fill" aria-hidden="true" />
              <output>0%</output>
            </div>
          ))}
        </div>
      </div>

      <div className="seq-gates" data-testid="gate-maps" hidden={read.problem !== null}>
        {MAPS.map((m) => (
          <figure key={m.key} className="seq-gate">
            <figcaption>
              <strong>{m.name}</strong>: {m.what}
              {m.key === 'c' ? ' (drawn as tanh c)' : ''}
            </figcaption>
            <div
              ref={(el) => {
                mapEls.current[m.key] = el;
              }}
              data-testid={`gate-${m.key}`}
            />
          </figure>
        ))}
        <p className="seq-legend">
          Gates: pale 0 (closed) → dark 1 (open). Candidate, cell and hidden state: orange negative, pale 0, blue positive. Click a cell, or focus a
          map and use the arrow keys.
        </p>
      </div>
      <p ref={eqTitle} className="seq-eq-title" data-testid="gate-equations-title" />
      {/* Focusable: on a phone the equations scroll sideways, and a keyboard must be able to scroll them too. */}
      <div ref={eqEl} className="seq-equations" data-testid="gate-equations" tabIndex={0} role="group" aria-label="The chosen unit’s equations at the chosen step" />
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}

function SequenceNotes({ problem, dropped }: { problem: string | null; dropped: string[] }) {
  const notes: string[] = [];
  if (problem) notes.push(problem);
  if (dropped.length > 0) {
    notes.push(`Left out: ${dropped.map((c) => `“${c}”`).join(', ')}. The task’s letters are a–h, and the first must be a–d.`);
  }
  if (notes.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="sequence-notes">
      {notes.join(' ')}
    </p>
  );
}

export type { Settings as GateSettings };
