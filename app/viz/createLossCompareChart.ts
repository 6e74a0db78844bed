/**
 * Two loss curves on one set of axes: this run (solid) and a reference run (dashed, faded), so "is this run
 * learning faster than the last one?" can be read at a glance at any step. Batch losses are noisy, so each
 * curve is drawn as a centred moving average over 11 batches. The y axis starts at zero. Redraws at most once per frame.
 *
 * @example
 * const chart = createLossCompareChart(el);
 * chart.update({ current: { steps: [1, 2, 3], losses: [0.7, 0.6, 0.5] }, reference: null });
 */
import * as d3 from 'd3';
import type { LossSeries } from './createLossChart';

export interface LossCompareState {
  current: LossSeries;
  reference: LossSeries | null;
}

const W = 480;
const H = 180;
const M = { top: 22, right: 10, bottom: 28, left: 44 };
/** Batches on each side of a point in the moving average. */
const HALF_WINDOW = 5;

/**
 * A centred moving average of `losses` (so the curve does not lag behind training), thinned to about two points
 * per pixel. Non-finite losses are skipped.
 */
function smoothed({ steps, losses }: LossSeries, pixels: number): [number, number][] {
  const n = steps.length;
  const stride = Math.max(1, Math.floor(n / (pixels * 2)));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += stride) {
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, i - HALF_WINDOW); k <= Math.min(n - 1, i + HALF_WINDOW); k++) {
      const v = losses[k]!;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    if (count > 0) out.push([steps[i]!, sum / count]);
  }
  return out;
}

export function createLossCompareChart(el: HTMLElement, { label = 'Loss (moving average) by training step' }: { label?: string } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'loss-compare-chart')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', `${label} during training, this run and the previous run`)
    .style('width', '100%')
    .style('display', 'block');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  g.append('text').attr('class', 'axis-label').attr('x', 0).attr('y', -8).text(label);
  const refPath = g.append('path').attr('class', 'loss-ref-line');
  const path = g.append('path').attr('class', 'loss-line');
  const empty = g
    .append('text')
    .attr('class', 'chart-empty')
    .attr('x', iw / 2)
    .attr('y', ih / 2)
    .attr('text-anchor', 'middle')
    .text('Press Train to see the loss');

  let pending: LossCompareState | null = null;
  let frame = 0;

  function draw({ current, reference }: LossCompareState) {
    const cur = smoothed(current, iw);
    const ref = reference ? smoothed(reference, iw) : [];
    empty.attr('visibility', cur.length > 0 || ref.length > 0 ? 'hidden' : 'visible');
    const all = [...cur, ...ref];
    const lastStep = Math.max(10, ...all.map((p) => p[0]));
    const maxLoss = Math.max(0.1, ...all.map((p) => p[1]));
    const x = d3.scaleLinear([0, lastStep], [0, iw]);
    const y = d3.scaleLinear([0, maxLoss], [ih, 0]).nice();
    xAxis.call(d3.axisBottom(x).ticks(4, 'd'));
    yAxis.call(d3.axisLeft(y).ticks(4));
    const line = d3
      .line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    path.attr('d', cur.length ? line(cur) : null);
    refPath.attr('d', ref.length ? line(ref) : null);
  }

  return {
    update(state: LossCompareState) {
      pending = state;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pending) draw(pending);
      });
    },
    destroy() {
      cancelAnimationFrame(frame);
      svg.remove();
    },
  };
}

export type LossCompareChart = ReturnType<typeof createLossCompareChart>;
