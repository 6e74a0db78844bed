/**
 * One head's attention weights over a sequence the GPT reads (the reader's prompt or a sample), from the live
 * model's latest weights: a row per position that looks, a column per position looked at, the causal mask's
 * future hatched. Redrawn with every view it draws from (about six times a second while training), outside React.
 */
import { useEffect, useRef } from 'react';
import { transformerTrace } from '../../engine/attention/forward';
import { createAttentionMap, type AttentionMap } from '../../viz/createAttentionMap';
import type { LiveSeqModel } from '../seq/sequenceModels';
import { ATTENTION_DRAW_MS, useModelDrawing } from '../seq/useSeqModel';
import { isGptSpec, tokenLabel } from './gptModel';

interface Props {
  model: LiveSeqModel;
  /** "." then letters. */
  tokens: number[];
  /** 0-based. */
  layer: number;
  head: number;
  layers: number;
  heads: number;
  onLayer(layer: number): void;
  onHead(head: number): void;
  /** Names what is read, e.g. "the prompt “sta”". */
  what: string;
}

const causal = (i: number, j: number) => j > i;

export function GptAttention({ model, tokens, layer, head, layers, heads, onLayer, onHead, what }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<AttentionMap | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const latest = useRef({ tokens, layer, head });
  latest.current = { tokens, layer, head };

  useEffect(() => {
    if (!el.current) return;
    map.current = createAttentionMap(el.current, { label: `Layer ${layer + 1}, head ${head + 1}`, numbers: true, cell: 30 });
    return () => {
      map.current?.destroy();
      map.current = null;
    };
  }, [layer, head]);

  const draw = () => {
    const spec = model.spec;
    const view = model.view;
    const { tokens: t, layer: l, head: h } = latest.current;
    if (!isGptSpec(spec) || !view || !map.current || l >= spec.layers || h >= spec.heads) return;
    const trace = transformerTrace(spec, view.weights, t);
    const n = t.length;
    const w = trace.blocks[l]!.weights.subarray(h * n * n, (h + 1) * n * n);
    const labels = t.map(tokenLabel);
    map.current.update({ weights: w, rows: labels, cols: labels, masked: causal, rowTitle: 'looks', colTitle: 'at →' });
    // The strongest link of the last row, in words (written only when it changes).
    const last = w.subarray((n - 1) * n, n * n);
    let best = 0;
    for (let j = 1; j < n; j++) if (last[j]! > last[best]!) best = j;
    const text = `The last position (${labels[n - 1]}) puts ${Math.round(last[best]! * 100)}% of its attention on position ${best + 1} (${labels[best]}).`;
    if (summary.current && summary.current.textContent !== text) summary.current.textContent = text;
  };
  useModelDrawing([model], draw, [], { everyMs: ATTENTION_DRAW_MS });
  // A new sequence, layer or head draws at once (the map was just made for a new layer or head).
  useEffect(draw);

  return (
    <section className="gpt-attention" aria-label="Attention maps" data-testid="gpt-attention">
      <div className="gpt-pickers">
        <div role="group" aria-label="Layer" className="gpt-toggle">
          {Array.from({ length: layers }, (_, i) => (
            <button key={i} type="button" className="secondary" aria-pressed={i === layer} onClick={() => onLayer(i)} data-testid={`layer-${i + 1}`}>
              layer {i + 1}
            </button>
          ))}
        </div>
        <div role="group" aria-label="Head" className="gpt-toggle">
          {Array.from({ length: heads }, (_, i) => (
            <button key={i} type="button" className="secondary" aria-pressed={i === head} onClick={() => onHead(i)} data-testid={`head-${i + 1}`}>
              head {i + 1}
            </button>
          ))}
        </div>
      </div>
      <p className="seq-hint">
        Layer {layer + 1}, head {head + 1}, reading {what}. Row: the position that looks; column: the position it looks at. Each row sums to 100%;
        hatched cells are the future, which the causal mask hides.
      </p>
      <div ref={el} className="gpt-map gpt-live" data-testid="attention-map" />
      <p ref={summary} className="seq-hint" aria-live="off" />
    </section>
  );
}
