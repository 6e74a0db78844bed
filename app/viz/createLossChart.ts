/**
 * A loss curve: loss against training step, redrawn at most once per animation frame. The y axis starts at zero
 * so that "the loss fell" is never an illusion of a zoomed axis.
 *
 * @example
 * const chart = createLossChart(el);
 * chart.update({ steps: Float64Array.of(1, 2, 3), losses: Float64Array.of(0.3, 0.2, 0.15) });
 */
import * as d3 from 'd3';

export interface LossSeries {
  steps: ArrayLike<number>;
  losses: ArrayLike<number>;
}

const W = 480;
const H = 170;
const M = { top: 10, right: 10, bottom: 28, left: 44 };

export function createLossChart(el: HTMLElement, { label = 'Loss' }: { label?: string } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'loss-chart')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', `${label} during training`)
    .style('width', '100%')
    .style('display', 'block');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 26).attr('text-anchor', 'end').text('step');
  g.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 4).attr('dy', '0.7em').text(label);
  const path = g.append('path').attr('class', 'loss-line');
  const empty = g
    .append('text')
    .attr('class', 'chart-empty')
    .attr('x', iw / 2)
    .attr('y', ih / 2)
    .attr('text-anchor', 'middle')
    .text('Press Train to see the loss fall');

  let pending: LossSeries | null = null;
  let frame = 0;

  function draw({ steps, losses }: LossSeries) {
    const n = steps.length;
    empty.attr('visibility', n > 0 ? 'hidden' : 'visible');
    let maxLoss = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(losses[i]!)) maxLoss = Math.max(maxLoss, losses[i]!);
    const x = d3.scaleLinear([n > 0 ? steps[0]! : 0, n > 1 ? steps[n - 1]! : 10], [0, iw]);
    const y = d3.scaleLinear([0, maxLoss > 0 ? maxLoss : 1], [ih, 0]).nice();
    xAxis.call(d3.axisBottom(x).ticks(4, 'd'));
    yAxis.call(d3.axisLeft(y).ticks(4));
    // Thousands of steps on a 300-pixel line: draw at most ~2 points per pixel.
    const stride = Math.max(1, Math.floor(n / (iw * 2)));
    let d = '';
    for (let i = 0; i < n; i += stride) {
      const v = losses[i]!;
      if (!Number.isFinite(v)) continue;
      d += `${d ? 'L' : 'M'}${x(steps[i]!).toFixed(1)},${y(v).toFixed(1)}`;
    }
    path.attr('d', d || null);
  }

  return {
    update(series: LossSeries) {
      pending = series;
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

export type LossChart = ReturnType<typeof createLossChart>;
