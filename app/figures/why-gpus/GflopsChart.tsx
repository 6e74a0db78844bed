/**
 * GFLOP/s against n on log–log axes, one line per backend (colour, dash and marker shape). A few dozen SVG
 * shapes drawn by React, sized to the container.
 */
import type { BackendResult } from '../../engine/gpuBench';
import { formatGflops } from '../../engine/gpuBench';
import type { BackendName } from '../../engine/types';
import { BACKEND_STYLE, markerPath } from './backendStyle';
import { decades, logScale, tickLabel } from './chartMath';

const M = { top: 12, right: 14, bottom: 42, left: 52 };

export function GflopsChart({ results, order, maxN, width }: { results: Partial<Record<BackendName, BackendResult>>; order: BackendName[]; maxN: number; width: number }) {
  const height = Math.round(Math.min(340, Math.max(220, width * 0.55)));
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const sizes = [16, 32, 64, 128, 256, 512, 1024, 2048].filter((n) => n <= Math.max(32, maxN));
  const all = order.flatMap((b) => results[b]?.points ?? []).map((p) => p.gflops).filter((g) => g > 0 && Number.isFinite(g));
  const ticks = decades(all.length ? Math.min(...all) : 0.1, all.length ? Math.max(...all) : 10);
  const x = logScale(sizes[0] as number, sizes[sizes.length - 1] as number, 0, iw);
  const y = logScale(ticks[0] as number, ticks[ticks.length - 1] as number, ih, 0);
  const lines = order.map((b) => ({ b, pts: (results[b]?.points ?? []).filter((p) => p.gflops > 0) }));
  const describe = all.length
    ? `GFLOP/s against matrix size n, both on log scales. ${lines
        .filter((l) => l.pts.length)
        .map((l) => `${l.b}: ${l.pts.map((p) => `${formatGflops(p.gflops)} at ${p.n}`).join(', ')}`)
        .join('. ')}.`
    : 'GFLOP/s against matrix size n, both on log scales: nothing measured yet.';

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={describe} className="gpu-chart" data-testid="gflops-chart">
      <g transform={`translate(${M.left},${M.top})`}>
        {ticks.map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x1={0} x2={iw} className="gpu-grid" />
            <text x={-6} dy="0.32em" textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {sizes.map((n) => (
          <g key={n} transform={`translate(${x(n)},${ih})`}>
            <line y1={0} y2={5} className="gpu-axis" />
            <text y={18} textAnchor="middle">
              {n}
            </text>
          </g>
        ))}
        <line x1={0} x2={iw} y1={ih} y2={ih} className="gpu-axis" />
        <text x={iw / 2} y={ih + 36} textAnchor="middle" className="gpu-axis-label">
          matrix size n (n × n times n × n)
        </text>
        <text transform={`translate(${-40},${ih / 2}) rotate(-90)`} textAnchor="middle" className="gpu-axis-label">
          GFLOP/s
        </text>
        {lines.map(({ b, pts }) => {
          const s = BACKEND_STYLE[b];
          return (
            <g key={b} data-testid={`chart-line-${b}`} data-points={pts.length}>
              {pts.length > 1 ? (
                <path d={pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.n)},${y(p.gflops)}`).join('')} fill="none" stroke={s.color} strokeWidth={2.2} strokeDasharray={s.dash || undefined} />
              ) : null}
              {pts.map((p) => (
                <path key={p.n} d={markerPath(s.shape, x(p.n), y(p.gflops))} fill={s.color} stroke="var(--surface)" strokeWidth={1} />
              ))}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
