/**
 * "Self-attention and multi-head attention": the reversal task with one, two or four heads (model
 * 'reverse-heads'). A head selector puts one head's map large, with each cell's real score and weight on
 * demand; thumbnails show every head at once. The causal mask can be switched on over the same trained weights,
 * in the page's forward pass: the hatched future is cut off and the outputs that needed it go wrong.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TransformerTrace } from '../../engine/attention/forward';
import { REVERSE_LENGTH, REVERSE_SYMBOLS } from '../../engine/data/sequences';
import { DEFAULT_HYPER, isTransformer } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int, oneOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createAttentionMap, type AttentionMap } from '../../viz/createAttentionMap';
import { shortText } from '../seq/schema';
import { SeqLoader } from '../seq/SeqLoader';
import { SeqTrainerControls } from '../seq/SeqTrainerControls';
import type { LiveSeqModel } from '../seq/sequenceModels';
import { ATTENTION_DRAW_MS, useModelDrawing, useSeqModel } from '../seq/useSeqModel';
import { DigitsInput } from './DigitsInput';
import { DigitStrip } from './DigitStrip';
import { headWeights, mirrorShare, predicted, readDigits, reverseConfig, traceLive } from './reverse';
import './reverse.css';

export const HEADS_ID = 'reverse-heads';

export const headsSchema = {
  digits: shortText(24, '27182818'),
  heads: oneOf(['1', '2', '4'], '4'),
  head: int(1, 4, 1),
  causal: oneOf(['off', 'on'], 'off'),
  seed: int(1, 99999, 1),
};

const T = REVERSE_LENGTH;
const pct = (v: number) => `${Math.round(v * 100)}%`;
const causalMasked = (i: number, j: number) => j > i;

export default function HeadsFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, headsSchema);
  const v = settings.values;
  const heads = Number(v.heads);
  const head = Math.min(v.head, heads);
  const causal = v.causal === 'on';
  const config = useMemo(() => reverseConfig('learned', heads), [heads]);
  const { model, state, commands, phase } = useSeqModel(HEADS_ID, { config, hyper: DEFAULT_HYPER.reverse, seed: v.seed });
  const read = readDigits(v.digits);
  const [trace, setTrace] = useState<TransformerTrace | null>(null);
  const [picked, setPicked] = useState<{ row: number; col: number } | null>(null);
  const bigEl = useRef<HTMLDivElement>(null);
  const thumbEls = useRef<(HTMLDivElement | null)[]>([]);
  const accEl = useRef<HTMLElement>(null);
  const maps = useRef<{ big: AttentionMap; thumbs: AttentionMap[] } | null>(null);
  const latest = useRef({ head, causal, digits: read.digits });
  latest.current = { head, causal, digits: read.digits };
  const modelHeads = model?.spec && isTransformer(model.spec) ? model.spec.heads : heads;

  useEffect(() => {
    if (!model || !bigEl.current) return;
    const big = createAttentionMap(bigEl.current, { label: 'The chosen head', numbers: true, onPick: (row, col) => setPicked({ row, col }) });
    const thumbs = Array.from({ length: modelHeads }, (_, h) => createAttentionMap(thumbEls.current[h]!, { label: `Head ${h + 1}`, cell: 10, compact: true }));
    maps.current = { big, thumbs };
    return () => {
      big.destroy();
      thumbs.forEach((m) => m.destroy());
      maps.current = null;
    };
  }, [model, modelHeads]);

  const draw = () => {
    const c = maps.current;
    const m = model as LiveSeqModel | null;
    const { head: chosen, causal: masked, digits } = latest.current;
    if (!c || !m) return;
    const t = traceLive(m, digits, masked ? { causal: true } : undefined);
    setTrace(t);
    if (!t || !digits) return;
    const labels = digits.map(String);
    const out = predicted(t);
    const mask = masked ? causalMasked : undefined;
    const w = t.blocks[0]!.weights;
    c.big.update({ weights: headWeights(w, chosen - 1, T), rows: out.map((d, i) => `${i + 1}→${d}`), cols: labels, rowTitle: 'out', colTitle: 'input digits', ...(mask ? { masked: mask } : {}) });
    c.thumbs.forEach((map, h) => map.update({ weights: headWeights(w, h, T), rows: labels, cols: labels, ...(mask ? { masked: mask } : {}) }));
    const el = accEl.current;
    const acc = m.evaluations[m.evaluations.length - 1]?.accuracy;
    const text = `${acc != null ? pct(acc) : '—'} after ${m.view?.step ?? 0} steps`;
    if (el && el.textContent !== text) el.textContent = text;
  };
  useModelDrawing([model], draw, [head, causal, read.digits?.join('')], { everyMs: ATTENTION_DRAW_MS });

  if (phase !== 'ready' || !model) return <SeqLoader what="the reversal model" />;
  const out = trace ? predicted(trace) : null;
  const shares = trace ? Array.from({ length: modelHeads }, (_, h) => mirrorShare(headWeights(trace.blocks[0]!.weights, h, T), T)) : [];
  const cell = picked && trace && read.digits ? describeCell(trace, head - 1, picked.row, picked.col, read.digits, causal) : null;

  return (
    <div className="seq-figure attn-figure" data-testid="heads-figure">
      <SeqTrainerControls models={[{ state, commands }]} seed={v.seed} onSeed={(seed) => settings.set({ seed })}>
        <label className="select">
          heads
          <select value={v.heads} onChange={(e) => settings.set({ heads: e.target.value as '1' | '2' | '4', head: 1 })} data-testid="heads-count">
            <option value="1">1 head of 32</option>
            <option value="2">2 heads of 16</option>
            <option value="4">4 heads of 8</option>
          </select>
        </label>
      </SeqTrainerControls>
      <p className="seq-hint">
        Held-out sequences reversed without a mistake: <strong ref={accEl} data-testid="heads-accuracy">—</strong>. The task of the last lesson, learned
        here by a model with {heads === 1 ? 'one head' : `${heads} heads`}; each head has {32 / heads} of the 32 dimensions.
      </p>
      <DigitsInput id="heads" value={v.digits} read={read} onChange={(digits) => settings.set({ digits })}>
        <label className="attn-toggle">
          <input type="checkbox" checked={causal} onChange={(e) => settings.set({ causal: e.target.checked ? 'on' : 'off' })} data-testid="causal" />
          causal mask (hide each position’s future)
        </label>
      </DigitsInput>
      {read.digits && out ? <DigitStrip input={read.digits} output={out} label={causal ? 'masked' : 'output'} /> : null}
      <div className="attn-head-picker" role="radiogroup" aria-label="Head to show large">
        {Array.from({ length: modelHeads }, (_, h) => (
          <label key={h} className={h + 1 === head ? 'is-chosen' : undefined} data-testid={`head-${h + 1}`}>
            <input type="radio" name={`${frame.id}-head`} checked={h + 1 === head} onChange={() => settings.set({ head: h + 1 })} />
            <span ref={(el) => void (thumbEls.current[h] = el as HTMLDivElement | null)} className="attn-thumb" />
            <span>
              head {h + 1}
              {shares[h] !== undefined ? <small> · {pct(shares[h]!)} mirror</small> : null}
            </span>
          </label>
        ))}
      </div>
      <figure className="attn-big" data-testid="heads-big">
        <figcaption>
          Head {head}
          {causal ? ' with the causal mask (hatched: future positions, weight 0)' : ''}
        </figcaption>
        <div ref={bigEl} data-testid="heads-map" />
      </figure>
      <p className="seq-hint" data-testid="heads-cell" aria-live="polite">
        {cell ?? 'Click a cell, or focus the map and use the arrow keys, to see its score and weight.'}
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}

/** One cell in words, with its real scaled score and weight. */
function describeCell(trace: TransformerTrace, head: number, row: number, col: number, digits: readonly number[], causal: boolean): string {
  const at = (head * T + row) * T + col;
  const score = trace.blocks[0]!.scores[at]!;
  const weight = trace.blocks[0]!.weights[at]!;
  const where = `Output ${row + 1} (whose own input is ${REVERSE_SYMBOLS[digits[row]!]}) looking at input ${col + 1} (digit ${REVERSE_SYMBOLS[digits[col]!]})`;
  if (causal && col > row) return `${where}: in its future, masked: weight 0.`;
  return `${where}: score q·k/√d = ${score.toFixed(2).replace('-', '−')}, weight ${(weight * 100).toFixed(1)}%.`;
}
