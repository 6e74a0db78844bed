/**
 * "Positional encoding", figure 3: the reversal task trained three ways at once (no positions, sinusoidal, learned;
 * ids in POSITION_IDS), with held-out accuracy against step for each, each model's head-averaged attention on one
 * sequence, and the learned model's position table with the cosine similarity of its rows, from its live weights.
 */
import { useEffect, useMemo, useRef } from 'react';
import { sinusoidalPositions } from '../../engine/attention/positions';
import type { PositionKind } from '../../engine/attention/spec';
import { REVERSE_LENGTH } from '../../engine/data/sequences';
import { DEFAULT_HYPER, isTransformer, TRANSFORMER_D } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createAttentionMap, type AttentionMap } from '../../viz/createAttentionMap';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import { SeqLoader } from '../seq/SeqLoader';
import { SeqTrainerControls } from '../seq/SeqTrainerControls';
import type { LiveSeqModel } from '../seq/sequenceModels';
import { useModelDrawing, useSeqModel } from '../seq/useSeqModel';
import { createHeatmap, type Heatmap } from './heatmap';
import { cosineMatrix, headMean, mirrorShare, POSITION_IDS, reverseConfig, traceLive } from './reverse';
import './attention.css';
import './reverse.css';

export const compareSchema = { seed: int(1, 99999, 1) };

const T = REVERSE_LENGTH;
const D = TRANSFORMER_D;
const KINDS: readonly PositionKind[] = ['none', 'sinusoidal', 'learned'];
const NAMES: Record<PositionKind, string> = { none: 'no positions', sinusoidal: 'sinusoidal', learned: 'learned' };
const EXAMPLE = [3, 1, 4, 1, 5, 9, 2, 6];
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Scales a table into −1 … 1 by its largest magnitude (for the heatmap). */
function normalised(values: Float32Array): Float32Array {
  let max = 0;
  for (const x of values) max = Math.max(max, Math.abs(x));
  return max > 0 ? values.map((x) => x / max) : values;
}

export default function CompareFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, compareSchema);
  const v = settings.values;
  const configs = useMemo(() => KINDS.map((k) => reverseConfig(k)), []);
  const trained = [
    useSeqModel(POSITION_IDS.none, { config: configs[0]!, hyper: DEFAULT_HYPER.reverse, seed: v.seed }),
    useSeqModel(POSITION_IDS.sinusoidal, { config: configs[1]!, hyper: DEFAULT_HYPER.reverse, seed: v.seed }),
    useSeqModel(POSITION_IDS.learned, { config: configs[2]!, hyper: DEFAULT_HYPER.reverse, seed: v.seed }),
  ];
  const models = trained.map((t) => t.model);
  const haveModels = models.every(Boolean);
  const chartEl = useRef<HTMLDivElement>(null);
  const mapEls = useRef<(HTMLDivElement | null)[]>([]);
  const tableEl = useRef<HTMLDivElement>(null);
  const simEl = useRef<HTMLDivElement>(null);
  const sinEl = useRef<HTMLDivElement>(null);
  const readEl = useRef<HTMLTableElement>(null);
  const views = useRef<{ chart: LineChart; maps: AttentionMap[]; table: Heatmap; sim: Heatmap; sin: Heatmap } | null>(null);

  useEffect(() => {
    if (!haveModels || !chartEl.current || !tableEl.current || !simEl.current || !sinEl.current) return;
    const chart = createLineChart(chartEl.current, {
      label: 'Held-out accuracy (whole sequences right) of the three reversal models against training step',
      yLabel: 'held-out sequences right',
      xLabel: 'step',
      height: 180,
      yZero: true,
      format: pct,
      empty: 'Press Train: accuracy appears as they learn',
      series: [
        { id: 'none', name: 'no positions', color: 'class-a', dash: '2 3', width: 2.5 },
        { id: 'sinusoidal', name: 'sinusoidal', color: 'good', dash: '7 4', width: 2.5 },
        { id: 'learned', name: 'learned', color: 'class-b', dash: '', width: 2.5 },
      ],
    });
    const maps = KINDS.map((k, i) => createAttentionMap(mapEls.current[i]!, { label: `Both heads averaged, ${NAMES[k]}`, cell: 14 }));
    const table = createHeatmap(tableEl.current, { label: 'The learned position table: 8 positions by 32 dimensions' });
    const sim = createHeatmap(simEl.current, { label: 'Cosine similarity of the learned positions' });
    const sin = createHeatmap(sinEl.current, { label: 'The sinusoidal encodings of the same 8 positions' });
    sin.update(sinusoidalPositions(T, D), T, D);
    views.current = { chart, maps, table, sim, sin };
    return () => {
      chart.destroy();
      maps.forEach((m) => m.destroy());
      [table, sim, sin].forEach((h) => h.destroy());
      views.current = null;
    };
  }, [haveModels]);

  useModelDrawing(models, () => {
    const c = views.current;
    if (!c || !models.every(Boolean)) return;
    const live = models as LiveSeqModel[];
    const curve = (m: LiveSeqModel) => ({ x: m.evaluations.map((e) => e.step), y: m.evaluations.map((e) => e.accuracy ?? NaN) });
    c.chart.update({ series: { none: curve(live[0]!), sinusoidal: curve(live[1]!), learned: curve(live[2]!) } });
    const labels = EXAMPLE.map(String);
    live.forEach((m, i) => {
      const t = traceLive(m, EXAMPLE);
      const spec = m.spec && isTransformer(m.spec) ? m.spec : null;
      const mean = t && spec ? headMean(t.blocks[0]!.weights, spec.heads, T) : new Float32Array(T * T);
      c.maps[i]!.update({ weights: mean, rows: labels.map((_, r) => String(r + 1)), cols: labels });
      const row = readEl.current?.querySelector<HTMLElement>(`[data-kind="${KINDS[i]}"]`);
      if (!row) return;
      const last = m.evaluations[m.evaluations.length - 1];
      const set = (key: string, text: string, value?: number) => {
        const el = row.querySelector<HTMLElement>(`[data-${key}]`);
        if (!el) return;
        if (el.textContent !== text) el.textContent = text;
        if (value !== undefined) el.dataset.value = String(value);
      };
      set('exact', last?.accuracy != null ? pct(last.accuracy) : '—', last?.accuracy ?? -1);
      set('digit', last?.tokenAccuracy != null ? pct(last.tokenAccuracy) : '—', last?.tokenAccuracy ?? -1);
      set('mirror', t ? pct(mirrorShare(mean, T)) : '—');
      set('steps', String(m.view?.step ?? 0));
    });
    const learned = live[2]!;
    const w = learned.view?.weights[1];
    if (w && learned.spec && isTransformer(learned.spec) && learned.spec.positions === 'learned') {
      c.table.update(normalised(w.slice(0, T * D)), T, D);
      c.sim.update(cosineMatrix(w, T, D), T, T);
    }
  });

  if (trained[0]!.phase !== 'ready' || !haveModels) return <SeqLoader what="the three reversal models" />;

  return (
    <div className="seq-figure attn-figure" data-testid="compare-figure">
      <SeqTrainerControls models={trained} seed={v.seed} onSeed={(seed) => settings.set({ seed })} />
      <table ref={readEl} className="seq-race" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">positions</th>
            <th scope="col">held-out sequences right</th>
            <th scope="col">digits right</th>
            <th scope="col">on the mirror</th>
            <th scope="col">steps</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((k) => (
            <tr key={k} data-kind={k}>
              <th scope="row">{NAMES[k]}</th>
              <td data-exact data-testid={`compare-exact-${k}`}>
                —
              </td>
              <td data-digit data-testid={`compare-digit-${k}`}>
                —
              </td>
              <td data-mirror>—</td>
              <td data-steps>0</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div ref={chartEl} data-testid="compare-chart" />
      <figure className="attn-compare-maps">
        <figcaption>Each model’s attention on 3 1 4 1 5 9 2 6 (both heads averaged; rows: output positions):</figcaption>
        <div className="attn-heads">
          {KINDS.map((k, i) => (
            <div key={k} className="attn-head" data-testid={`compare-map-${k}`}>
              <span className="attn-sub">{NAMES[k]}</span>
              <div ref={(el) => void (mapEls.current[i] = el)} />
            </div>
          ))}
        </div>
      </figure>
      <div className="attn-tables">
        <figure>
          <figcaption>The learned position table (8 positions × 32 numbers, scaled to its largest)</figcaption>
          <div ref={tableEl} className="attn-pe" data-testid="learned-table" />
        </figure>
        <figure>
          <figcaption>How alike the learned positions are (cosine)</figcaption>
          <div ref={simEl} className="attn-pe attn-pe-square" />
        </figure>
        <figure>
          <figcaption>For comparison: the sinusoids of the same 8 positions</figcaption>
          <div ref={sinEl} className="attn-pe" />
        </figure>
      </div>
      <p className="seq-hint">Colours: red below zero, white at zero, blue above. All three models train on the same 4,096 sequences from the same start.</p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
