/**
 * Per-class test accuracy as ten bars, one per digit, with a tick for the reference network's accuracy on the
 * same class. The rare digit's bar is hatched, in another colour, and labelled "rare" under its digit, so it
 * stands out by shape and text as well as by colour.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClassAccuracy } from '../../engine/limits/subsets';
import { percent } from './digitData';

interface ClassBarsProps {
  accuracy: ClassAccuracy | null;
  reference: ClassAccuracy | null;
  highlight: number;
}

const HEIGHT = 210;
const M = { top: 22, right: 8, bottom: 40, left: 40 };

export function ClassBars({ accuracy, reference, highlight }: ClassBarsProps) {
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
  const slot = (width - M.left - M.right) / 10;
  const barW = Math.min(40, slot * 0.7);
  const sy = (y: number) => M.top + (1 - y) * (HEIGHT - M.top - M.bottom);
  const describe = accuracy
    ? `Test accuracy per digit. ${accuracy.perClass.map((a, k) => `${k}: ${percent(a, 0)}${reference ? ` (every digit: ${percent(reference.perClass[k]!, 0)})` : ''}`).join('; ')}. The rare digit is ${highlight}.`
    : 'Test accuracy per digit: no run yet. Press Retrain.';

  return (
    <div ref={ref} className="limits-chart">
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={describe} data-testid="bias-bars">
        <defs>
          <pattern id="limits-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="cb-rare-fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="cb-hatch" />
          </pattern>
        </defs>
        {[0, 0.5, 1].map((y) => (
          <g key={y}>
            <line x1={M.left} x2={width - M.right} y1={sy(y)} y2={sy(y)} className="lc-grid" />
            <text x={M.left - 6} y={sy(y) + 4} textAnchor="end" className="lc-tick">
              {y * 100}%
            </text>
          </g>
        ))}
        {Array.from({ length: 10 }, (_, k) => {
          const cx = M.left + slot * (k + 0.5);
          const a = accuracy?.perClass[k] ?? NaN;
          const r = reference?.perClass[k] ?? NaN;
          const rare = k === highlight;
          return (
            <g key={k} data-testid="class-bar" data-class={k} data-value={Number.isFinite(a) ? a : ''} data-rare={rare ? 'true' : undefined}>
              {Number.isFinite(a) ? (
                <>
                  <rect x={cx - barW / 2} y={sy(a)} width={barW} height={sy(0) - sy(a)} className={rare ? 'cb-bar cb-rare' : 'cb-bar'} fill={rare ? 'url(#limits-hatch)' : undefined} />
                  <text x={cx} y={sy(Number.isFinite(r) ? Math.max(a, r) : a) - 5} textAnchor="middle" className="cb-value">
                    {Math.round(a * 100)}
                  </text>
                </>
              ) : null}
              {Number.isFinite(r) ? <line x1={cx - barW / 2 - 3} x2={cx + barW / 2 + 3} y1={sy(r)} y2={sy(r)} className="cb-ref" /> : null}
              <text x={cx} y={HEIGHT - M.bottom + 15} textAnchor="middle" className={rare ? 'cb-digit cb-digit-rare' : 'cb-digit'}>
                {k}
              </text>
              {rare ? (
                <text x={cx} y={HEIGHT - M.bottom + 30} textAnchor="middle" className="cb-digit-rare">
                  rare
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="limits-legend">
        <li>
          <svg width={14} height={12} aria-hidden="true">
            <rect width={14} height={12} className="cb-bar" />
          </svg>
          this run (% right, per digit)
        </li>
        <li>
          <svg width={14} height={12} aria-hidden="true">
            <rect width={14} height={12} fill="url(#limits-hatch)" className="cb-rare" />
          </svg>
          the rare digit
        </li>
        <li>
          <svg width={20} height={12} aria-hidden="true">
            <line x1={1} x2={19} y1={6} y2={6} className="cb-ref" />
          </svg>
          trained on every digit
        </li>
      </ul>
    </div>
  );
}
