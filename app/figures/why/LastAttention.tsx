/**
 * Where the recall transformer looks: its attention from the last position (where it reads out the answer) over
 * every position of one sequence, for each head, computed on the page from the latest view's weights with the
 * plain-JS forward pass (engine/attention/forward.ts, proven equal to the TF.js model). Beside it, what the
 * transformer and the LSTM answer for the same sequence.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { transformerTrace } from '../../engine/attention/forward';
import type { TransformerSpec } from '../../engine/attention/spec';
import { randomRecallSequence, readRecall, RECALL_SYMBOLS } from '../../engine/data/sequences';
import { readout, softmax, traceSequence } from '../../engine/seq/cells';
import { toCellWeights } from '../../engine/seq/cellWeights';
import { isTransformer } from '../../engine/seq/tasks';
import { createAttentionMap, type AttentionMap } from '../../viz/createAttentionMap';
import type { LiveSeqModel } from '../seq/sequenceModels';
import { useModelDrawing } from '../seq/useSeqModel';

/** Writes text only when it changed. */
const setText = (el: Element | null | undefined, text: string) => {
  if (el && el.textContent !== text) el.textContent = text;
};
const pct = (v: number) => `${Math.round(v * 100)}%`;
/** Side of a map cell in SVG units; the map is drawn at most at this size (its natural width). */
const CELL = 16;

/**
 * The sequence the transformer reads: the reader's letters, made exactly `length` long (its positions were
 * learned at that length), cut or filled from a random sequence, with a note saying which.
 */
export function fitSequence(raw: string, length: number, filler: string) {
  const read = readRecall(raw);
  if (raw.trim() === '' || read.problem) return { symbols: [...filler].map((c) => RECALL_SYMBOLS.indexOf(c)), note: raw.trim() === '' ? null : read.problem, dropped: read.dropped };
  const symbols = read.symbols.slice(0, length);
  for (let t = symbols.length; t < length; t++) symbols.push(RECALL_SYMBOLS.indexOf(filler[t]!));
  const n = read.symbols.length;
  const note =
    n < length
      ? `The networks read exactly ${length} letters: after your ${n}, the other ${length - n} are random.`
      : n > length
        ? `The networks read exactly ${length} letters: only your first ${length} are used.`
        : null;
  return { symbols, note, dropped: read.dropped };
}

interface Props {
  transformer: LiveSeqModel | null;
  lstm: LiveSeqModel | null;
  length: number;
  typed: string;
  onType(text: string): void;
}

export function LastAttention({ transformer, lstm, length, typed, onType }: Props) {
  const [exampleSeed, setExampleSeed] = useState(7);
  const filler = useMemo(() => randomRecallSequence(length, exampleSeed), [length, exampleSeed]);
  const fitted = useMemo(() => fitSequence(typed, length, filler), [typed, length, filler]);
  const mapEl = useRef<HTMLDivElement>(null);
  const map = useRef<AttentionMap | null>(null);
  const summaryEl = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!mapEl.current) return;
    map.current = createAttentionMap(mapEl.current, { label: 'The transformer’s attention from the last position, one row per head', cell: CELL });
    return () => {
      map.current?.destroy();
      map.current = null;
    };
  }, []);

  // What was last drawn: a view of the other model, or an unchanged one, draws nothing new.
  const drawn = useRef<{ transformer: unknown; lstm: unknown; sequence: string }>({ transformer: null, lstm: null, sequence: '' });

  const draw = () => {
    const summary = summaryEl.current;
    const t = transformer;
    if (!summary) return;
    if (!t?.view || !t.spec || !isTransformer(t.spec) || t.spec.length !== fitted.symbols.length) {
      setText(summary.querySelector('[data-heads]'), 'The attention appears once the transformer exists.');
      return;
    }
    const sequence = fitted.symbols.join(',');
    const last = drawn.current;
    const sameSequence = last.sequence === sequence;
    const lstmView = lstm?.view ?? null;
    if (sameSequence && last.transformer === t.view && last.lstm === lstmView) return;
    drawn.current = { transformer: t.view, lstm: lstmView, sequence };
    if (!sameSequence || last.transformer !== t.view) drawTransformer(t, t.view);
    if (lstm?.view && lstm.spec && !isTransformer(lstm.spec) && (!sameSequence || last.lstm !== lstmView)) {
      const { cell, out } = toCellWeights(lstm.spec, lstm.view.weights);
      const states = traceSequence(cell, fitted.symbols);
      setText(summary.querySelector('[data-lstm]'), `The LSTM answers ${say(softmax(readout(out, states[states.length - 1]!.h)))}.`);
    }
  };

  const say = (p: Float32Array) => {
    const best = p.indexOf(Math.max(...p));
    return `${RECALL_SYMBOLS[best]} (${pct(p[best]!)}), ${best === fitted.symbols[0] ? 'right' : 'wrong'}`;
  };

  const drawTransformer = (t: LiveSeqModel, view: NonNullable<LiveSeqModel['view']>) => {
    const summary = summaryEl.current;
    if (!summary) return;
    const letters = fitted.symbols.map((s) => RECALL_SYMBOLS[s]!);
    const spec = t.spec as TransformerSpec;
    const trace = transformerTrace(spec, view.weights, fitted.symbols);
    const all = trace.blocks[0]!.weights;
    const T = fitted.symbols.length;
    const rows = new Float32Array(spec.heads * T);
    for (let h = 0; h < spec.heads; h++) rows.set(all.subarray((h * T + T - 1) * T, (h * T + T) * T), h * T);
    map.current?.update({
      weights: rows,
      rows: Array.from({ length: spec.heads }, (_, h) => `H${h + 1}`),
      cols: letters,
      colTitle: `positions 1 … ${T}: the letters read (the key is first)`,
      rowTitle: 'head',
    });
    // createAttentionMap's margins (34 left, 4 right) plus a cell per position.
    mapEl.current?.style.setProperty('--natural', `${34 + T * CELL + 4}px`);
    // The heads' mean: where the last position looks, all heads together.
    const mean = new Float32Array(T);
    for (let h = 0; h < spec.heads; h++) for (let j = 0; j < T; j++) mean[j]! += rows[h * T + j]! / spec.heads;
    const top = mean.indexOf(Math.max(...mean));
    const heads = Array.from({ length: spec.heads }, (_, h) => `head ${h + 1} puts ${pct(rows[h * T]!)} of its weight on position 1`).join(', ');
    const step = view.step;
    setText(
      summary.querySelector('[data-heads]'),
      step === 0
        ? `Untrained, it looks almost evenly at all ${T} positions (about ${pct(1 / T)} each). Press Train.`
        : `After ${step} steps: ${heads}, the key “${letters[0]}”. ${top === 0 ? 'Position 1 gets the most.' : `Most goes to position ${top + 1}.`}`,
    );
    const heldTest = summary.querySelector<HTMLElement>('[data-heads]');
    heldTest?.setAttribute('data-first-share', String(mean[0]));
    heldTest?.setAttribute('data-top-position', String(top + 1));
    setText(summary.querySelector('[data-transformer]'), `The transformer answers ${say(trace.probs)}.`);
  };
  useModelDrawing([transformer, lstm], draw);
  // A new sequence redraws at once.
  useEffect(draw);

  const notes = [fitted.note, fitted.dropped.length > 0 ? `Left out: ${fitted.dropped.map((c) => `“${c}”`).join(', ')} (the letters are a–h, the first a–d).` : null].filter(Boolean);

  return (
    <section className="why-attention" aria-labelledby="why-attention-title">
      <h4 id="why-attention-title" className="seq-heading">
        Where the transformer looks from the last position
      </h4>
      <div className="seq-sequence">
        <label className="seq-prompt">
          sequence
          <input
            type="text"
            value={typed}
            maxLength={80}
            placeholder={filler.slice(0, 24) + '…'}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onType(e.target.value)}
            data-testid="attention-sequence"
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onType('');
            setExampleSeed((s) => s + 1);
          }}
        >
          New random sequence
        </button>
      </div>
      <p className="seq-task">
        It reads <code data-testid="attention-letters">{fitted.symbols.map((s) => RECALL_SYMBOLS[s]).join('')}</code>: the answer is{' '}
        <strong>{RECALL_SYMBOLS[fitted.symbols[0]!]}</strong>.
      </p>
      {notes.length > 0 ? (
        <p className="notice" role="status" data-testid="attention-notes">
          {notes.join(' ')}
        </p>
      ) : null}
      <div className="why-map-scroll" tabIndex={0} role="group" aria-label="Attention map (scrolls sideways on narrow screens)">
        <div ref={mapEl} className="why-map" data-testid="attention-map" />
      </div>
      <div ref={summaryEl} className="why-summary">
        <p data-heads data-testid="attention-summary" />
        <p>
          <span data-transformer data-testid="transformer-answer" /> <span data-lstm />
        </p>
      </div>
    </section>
  );
}
