/**
 * "Positional encoding", figure 1: the sinusoidal encodings (engine/attention/positions.ts) as a heatmap of
 * positions × dimensions, and the similarity PE(i) · PE(j) / (d/2) of every pair of positions. Choosing a cell of
 * either map (pointer or arrow keys) picks a position: its whole vector is drawn as bars, and its similarity to
 * every other position as a curve that depends only on the offset.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { sinusoidalPositions } from '../../engine/attention/positions';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createHeatmap, heatColour as rgb, type Heatmap } from './heatmap';
import { signed } from './plane';
import { encodingAt, similarityMatrix } from './positionsMath';
import { MAX_POSITIONS, sinusoidsSchema } from './schema';
import './attention.css';

function VectorBars({ vec, chosen }: { vec: Float32Array; chosen: number }) {
  const w = 4;
  const h = 60;
  return (
    <svg className="pe-bars" viewBox={`0 0 ${vec.length * w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
      <line className="pe-zero" x1={0} x2={vec.length * w} y1={h / 2} y2={h / 2} />
      {Array.from(vec, (x, k) => (
        <rect
          key={k}
          className={k === chosen ? 'pe-bar is-chosen' : 'pe-bar'}
          x={k * w + 0.4}
          width={w - 0.8}
          y={x >= 0 ? h / 2 - (x * h) / 2 : h / 2}
          height={Math.max(0.5, (Math.abs(x) * h) / 2)}
          style={{ fill: rgb(x) }}
        />
      ))}
    </svg>
  );
}

function SimilarityCurve({ row, pos }: { row: Float32Array; pos: number }) {
  const n = row.length;
  const W = 300;
  const H = 90;
  const x = (j: number) => 4 + (j / Math.max(1, n - 1)) * (W - 8);
  const y = (s: number) => H / 2 - (s * (H - 8)) / 2;
  const d = Array.from(row, (s, j) => `${j === 0 ? 'M' : 'L'}${x(j).toFixed(1)},${y(s).toFixed(1)}`).join('');
  return (
    <div className="pe-curve-box" aria-hidden="true">
      <span className="pe-curve-top">+1</span>
      <span className="pe-curve-bottom">−1</span>
      <svg className="pe-curve" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none">
        <line className="pe-zero" x1={0} x2={W} y1={y(0)} y2={y(0)} />
        <line className="pe-now" x1={x(pos)} x2={x(pos)} y1={0} y2={H} />
        <path className="pe-line" d={d} />
      </svg>
    </div>
  );
}

export default function SinusoidsFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, sinusoidsSchema);
  const { n, dims, set } = { ...settings.values, set: settings.set };
  const pos = Math.min(settings.values.pos, n - 1);
  const [dim, setDim] = useState(0);
  const [other, setOther] = useState<number | null>(null);
  const chosenDim = Math.min(dim, dims - 1);
  const pe = useMemo(() => sinusoidalPositions(n, dims), [n, dims]);
  const sim = useMemo(() => similarityMatrix(pe, n, dims), [pe, n, dims]);
  const vec = encodingAt(pe, pos, dims);
  const simRow = sim.subarray(pos * n, (pos + 1) * n);
  const j = other == null ? null : Math.min(other, n - 1);

  const peEl = useRef<HTMLDivElement>(null);
  const simEl = useRef<HTMLDivElement>(null);
  const maps = useRef<{ pe: Heatmap; sim: Heatmap } | null>(null);
  useEffect(() => {
    const peMap = createHeatmap(peEl.current!, {
      label: 'Sinusoidal encodings: one row per position, one column per dimension',
      onPick: (row, col) => {
        set({ pos: row });
        setDim(col);
      },
    });
    const simMap = createHeatmap(simEl.current!, {
      label: 'Similarity of every pair of positions: row i, column j',
      onPick: (row, col) => {
        set({ pos: row });
        setOther(col);
      },
    });
    maps.current = { pe: peMap, sim: simMap };
    return () => {
      peMap.destroy();
      simMap.destroy();
    };
  }, [set]);
  useEffect(() => {
    maps.current?.pe.update(pe, n, dims);
    maps.current?.pe.select(pos, chosenDim);
  }, [pe, n, dims, pos, chosenDim]);
  useEffect(() => {
    maps.current?.sim.update(sim, n, n);
    maps.current?.sim.select(pos, j ?? pos);
  }, [sim, n, pos, j]);

  const first = Array.from(vec.subarray(0, 6), signed).join(', ');
  const near = [1, 2, 4].filter((k) => pos + k < n).map((k) => `+${k}: ${signed(simRow[pos + k]!)}`);

  return (
    <div className="pe-figure" data-testid="sinusoids-figure">
      <div className="pe-controls">
        <Slider label="Positions" value={n} min={4} max={MAX_POSITIONS} step={1} onChange={(x) => set({ n: x })} format={String} testId="positions" />
        <Slider label="Dimensions d" value={dims} min={8} max={128} step={8} onChange={(x) => set({ dims: x })} format={String} testId="pe-dims" />
        <Slider label="Chosen position" value={pos} min={0} max={n - 1} step={1} onChange={(x) => set({ pos: x })} format={String} testId="pe-pos" />
      </div>
      <div className="pe-maps">
        <section aria-labelledby={`${frame.id}-pe`}>
          <h4 id={`${frame.id}-pe`} className="pe-title">
            PE(pos): positions ↓ × dimensions →
          </h4>
          <div className="pe-map" ref={peEl} data-testid="pe-map" />
        </section>
        <section aria-labelledby={`${frame.id}-sim`}>
          <h4 id={`${frame.id}-sim`} className="pe-title">
            Similarity PE(i) · PE(j) / (d/2)
          </h4>
          <div className="pe-map" ref={simEl} data-testid="sim-map" />
        </section>
      </div>
      <p className="pe-key" aria-hidden="true">
        <span className="pe-swatch" style={{ background: rgb(-1) }} /> −1 <span className="pe-swatch" style={{ background: rgb(0) }} /> 0{' '}
        <span className="pe-swatch" style={{ background: rgb(1) }} /> +1 · click a cell, or focus a map and use the arrow keys
      </p>

      <section className="pe-detail" aria-labelledby={`${frame.id}-vec`}>
        <h4 id={`${frame.id}-vec`} className="pe-title">
          Position {pos}: its {dims} numbers
        </h4>
        <VectorBars vec={vec} chosen={chosenDim} />
        <p className="pe-readout" data-testid="position-vector">
          PE({pos}) = ({first}, …). Dimension {chosenDim}: {chosenDim % 2 === 0 ? 'sin' : 'cos'}({pos} / 10000<sup>{(2 * Math.floor(chosenDim / 2)) / dims === 0 ? '0' : `${2 * Math.floor(chosenDim / 2)}/${dims}`}</sup>) ={' '}
          {signed(vec[chosenDim]!)}.
        </p>
      </section>
      <section className="pe-detail" aria-labelledby={`${frame.id}-row`}>
        <h4 id={`${frame.id}-row`} className="pe-title">
          How similar position {pos} is to every position j
        </h4>
        <SimilarityCurve row={simRow} pos={pos} />
        <p className="pe-readout" data-testid="similarity-readout">
          {j != null && j !== pos ? `Positions ${pos} and ${j} (offset ${Math.abs(pos - j)}): ${signed(sim[pos * n + j]!)}. ` : ''}
          {near.length > 0 ? `Offsets ${near.join(', ')}; the same at every position.` : 'The last position: no position after it.'}
        </p>
      </section>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
