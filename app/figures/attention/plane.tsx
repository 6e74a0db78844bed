/**
 * The drag figure's shared drawing parts: the plane's scale (−3 … 3 on both axes), its grid, and the shape that
 * marks each key and its value, so colour is never the only cue.
 */
import { QKV_RANGE } from './schema';

export const PLANE_SIZE = 240;
const PAD = 12;
const unit = (PLANE_SIZE - 2 * PAD) / (2 * QKV_RANGE);

export const planeScale = {
  x: (v: number) => PAD + (v + QKV_RANGE) * unit,
  y: (v: number) => PLANE_SIZE - PAD - (v + QKV_RANGE) * unit,
  invertX: (px: number) => (px - PAD) / unit - QKV_RANGE,
  invertY: (py: number) => (PLANE_SIZE - PAD - py) / unit - QKV_RANGE,
};

/** Each key's shape, also its name in labels. */
export const KEY_NAMES = ['circle', 'square', 'triangle', 'diamond'] as const;

/** A number with a real minus sign and two decimals. */
export const signed = (v: number) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2).replace('-', '−');

export function KeyShape({ i }: { i: number }) {
  const cls = `qkv-shape key-${i}`;
  if (i === 0) return <circle className={cls} r={6.5} />;
  if (i === 1) return <rect className={cls} x={-6} y={-6} width={12} height={12} />;
  if (i === 2) return <path className={cls} d="M0,-7.5 L7,5.5 L-7,5.5 Z" />;
  return <path className={cls} d="M0,-8 L8,0 L0,8 L-8,0 Z" />;
}

export function PlaneAxes() {
  const s = planeScale;
  const ticks = [];
  for (let t = -QKV_RANGE; t <= QKV_RANGE; t++) ticks.push(t);
  return (
    <g className="qkv-axes" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line className={t === 0 ? 'qkv-axis' : 'qkv-grid'} x1={s.x(t)} x2={s.x(t)} y1={s.y(-QKV_RANGE)} y2={s.y(QKV_RANGE)} />
          <line className={t === 0 ? 'qkv-axis' : 'qkv-grid'} y1={s.y(t)} y2={s.y(t)} x1={s.x(-QKV_RANGE)} x2={s.x(QKV_RANGE)} />
        </g>
      ))}
      <text className="qkv-tick" x={s.x(QKV_RANGE) - 2} y={s.y(0) - 4} textAnchor="end">
        x
      </text>
      <text className="qkv-tick" x={s.x(0) + 4} y={s.y(QKV_RANGE) + 10}>
        y
      </text>
    </g>
  );
}
