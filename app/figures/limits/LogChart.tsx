/**
 * A small accuracy chart with a log x-axis (training-set size): a few points per series, each series with its
 * own colour, dash and marker shape, and a chance line at 10%. Drawn by React as SVG (a few dozen shapes), sized
 * to its container.
 */
import { useEffect, useRef, useState } from 'react';

export interface Point {
  x: number;
  y: number;
}

interface Series {
  id: string;
  name: string;
  points: Point[];
  shape: 'circle' | 'square';
}

interface LogChartProps {
  label: string;
  xLabel: string;
  xMax: number;
  series: Series[];
}

const HEIGHT = 240;
const M = { top: 12, right: 16, bottom: 42, left: 46 };

function Marker({ shape, x, y, className }: { shape: Series['shape']; x: number; y: number; className: string }) {
  return shape === 'circle' ? <circle cx={x} cy={y} r={5} className={className} /> : <rect x={x - 4.5} y={y - 4.5} width={9} height={9} className={className} />;
}

export function LogChart({ label, xLabel, xMax, series }: LogChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(260, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const lo = Math.log10(10);
  const hi = Math.log10(xMax);
  const sx = (x: number) => M.left + ((Math.log10(x) - lo) / (hi - lo)) * (width - M.left - M.right);
  const sy = (y: number) => M.top + (1 - y) * (HEIGHT - M.top - M.bottom);
  const ticks = [10, 100, 1000, ...(xMax > 1000 ? [xMax] : [])];

  return (
    <div ref={ref} className="limits-chart">
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label} data-testid="sweep-chart">
        {[0, 0.25, 0.5, 0.75, 1].map((y) => (
          <g key={y}>
            <line x1={M.left} x2={width - M.right} y1={sy(y)} y2={sy(y)} className="lc-grid" />
            <text x={M.left - 6} y={sy(y) + 4} textAnchor="end" className="lc-tick">
              {y * 100}%
            </text>
          </g>
        ))}
        <line x1={M.left} x2={width - M.right} y1={sy(0.1)} y2={sy(0.1)} className="lc-chance" />
        <text x={width - M.right} y={sy(0.1) - 4} textAnchor="end" className="lc-tick">
          chance (10%)
        </text>
        {ticks.map((t) => (
          <text key={t} x={sx(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle" className="lc-tick">
            {t.toLocaleString('en')}
          </text>
        ))}
        <text x={M.left + (width - M.left - M.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="lc-axis">
          {xLabel}
        </text>
        {series.map((s, i) => (
          <g key={s.id} className={`lc-series lc-${s.id}`} data-testid={`sweep-points-${s.id}`} data-count={s.points.length}>
            <polyline points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} className={`lc-line lc-line-${i}`} />
            {s.points.map((p) => (
              <Marker key={p.x} shape={s.shape} x={sx(p.x)} y={sy(p.y)} className="lc-point" />
            ))}
          </g>
        ))}
      </svg>
      <ul className="limits-legend">
        {series.map((s) => (
          <li key={s.id} className={`lc-${s.id}`}>
            <svg width={26} height={12} aria-hidden="true">
              <line x1={1} x2={25} y1={6} y2={6} className={`lc-line lc-line-${series.indexOf(s)}`} />
              <Marker shape={s.shape} x={13} y={6} className="lc-point" />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
