/**
 * The model overview's live pictures: the noise, the fake points G makes of it, the real points, and D's score
 * for each real and fake point on a 0–1 line. Plain canvases drawn from a snapshot, no React.
 */
import type { GanSnapshot } from '../../engine/gan';
import { FAKE_COLOUR, REAL_COLOUR } from '../../viz/createGanPlane';

export interface OverviewCanvases {
  noise: HTMLCanvasElement;
  fake: HTMLCanvasElement;
  real: HTMLCanvasElement;
  scores: HTMLCanvasElement;
}

const SIDE = 96;
const LIMIT = 1.25;

function prepare(c: HTMLCanvasElement, w: number, h: number) {
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  if (c.width !== w * ratio) {
    c.width = w * ratio;
    c.height = h * ratio;
  }
  const ctx = c.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}

function scatter(c: HTMLCanvasElement, pts: Float32Array, dim: number, colour: string, square: boolean, limit = LIMIT) {
  const ctx = prepare(c, SIDE, SIDE);
  ctx.strokeStyle = 'rgba(0,0,0,0.15)';
  ctx.strokeRect(0.5, 0.5, SIDE - 1, SIDE - 1);
  ctx.fillStyle = colour;
  const n = pts.length / dim;
  for (let i = 0; i < n; i += 2) {
    const x = ((pts[dim * i]! / limit + 1) / 2) * SIDE;
    // A 1-D noise is spread along a line across the middle.
    const y = dim === 2 ? (1 - (pts[dim * i + 1]! / limit + 1) / 2) * SIDE : SIDE / 2 + ((i % 7) - 3);
    if (square) ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    else {
      ctx.beginPath();
      ctx.arc(x, y, 1.6, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

/** Draws every stage from a snapshot. */
export function drawOverview(c: OverviewCanvases, s: GanSnapshot, noiseDimension: number, gaussian: boolean) {
  scatter(c.noise, s.noise, noiseDimension, '#555', false, gaussian ? 2.5 : 1.25);
  scatter(c.fake, s.fakes, 2, FAKE_COLOUR, false);
  scatter(c.real, s.real, 2, REAL_COLOUR, true);
  const w = 180;
  const h = 64;
  const ctx = prepare(c.scores, w, h);
  ctx.strokeStyle = 'rgba(0,0,0,0.3)';
  ctx.beginPath();
  ctx.moveTo(8, h - 14);
  ctx.lineTo(w - 8, h - 14);
  ctx.stroke();
  ctx.fillStyle = '#5b5b63';
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText('0 fake', 4, h - 2);
  ctx.fillText('1 real', w - 34, h - 2);
  const row = (scores: Float32Array, y: number, colour: string, square: boolean) => {
    ctx.fillStyle = colour;
    for (let i = 0; i < scores.length; i += 4) {
      const x = 8 + scores[i]! * (w - 16);
      const jitter = ((i * 7) % 9) - 4;
      if (square) ctx.fillRect(x - 1.5, y + jitter - 1.5, 3, 3);
      else {
        ctx.beginPath();
        ctx.arc(x, y + jitter, 1.6, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  };
  row(s.dReal, 14, REAL_COLOUR, true);
  row(s.dFake, 34, FAKE_COLOUR, false);
}

/** The mean of an array, NaN for none. */
export function mean(a: Float32Array): number {
  if (a.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}
