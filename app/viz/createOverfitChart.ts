/**
 * Train and test loss against training step on one chart, with a marker at the step where the test loss was
 * lowest (where early stopping would have stopped). Redrawn at most once per animation frame; the y axis starts
 * at zero.
 *
 * @example
 * const chart = createOverfitChart(el);
 * chart.update({ steps: [0, 10, 20], train: [0.7, 0.4, 0.2], test: [0.7, 0.5, 0.6], stop: 1 });
 * chart.destroy();
 */
import * as d3 from 'd3';

export interface OverfitChartState {
  steps: ArrayLike<number>;
  train: ArrayLike<number>;
  test: ArrayLike<number>;
  /** Index (into steps) of the early-stopping point, or null for none. */
  stop: number | null;
}

const W = 480;
const H = 190;
const M = { top: 12, right: 12, bottom: 28, left: 44 };

export function createOverfitChart(el: HTMLElement, { label = 'Loss' }: { label?: string } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'train-test-chart')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', `${label} on the training points and on the test points during training`)
    .style('width', '100%')
    .style('display', 'block');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 26).attr('text-anchor', 'end').text('step');
  g.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 4).attr('dy', '0.7em').text(label);
  const stopLine = g.append('line').attr('class', 'tt-stop').attr('y1', 0).attr('y2', ih);
  const stopText = g.append('text').attr('class', 'tt-stop-label').attr('y', 30);
  const train = g.append('path').attr('class', 'tt-train');
  const test = g.append('path').attr('class', 'tt-test');
  const stopDot = g.append('circle').attr('class', 'tt-stop-dot').attr('r', 4.5);
  const empty = g
    .append('text')
    .attr('class', 'chart-empty')
    .attr('x', iw / 2)
    .attr('y', ih / 2)
    .attr('text-anchor', 'middle')
    .text('Press Train to watch both losses');

  let pending: OverfitChartState | null = null;
  let frame = 0;

  function line(steps: ArrayLike<number>, ys: ArrayLike<number>, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>) {
    const n = steps.length;
    const stride = Math.max(1, Math.floor(n / (iw * 2)));
    let d = '';
    for (let i = 0; i < n; i += stride) {
      const v = ys[i]!;
      if (!Number.isFinite(v)) continue;
      d += `${d ? 'L' : 'M'}${x(steps[i]!).toFixed(1)},${y(v).toFixed(1)}`;
    }
    return d || null;
  }

  function draw(s: OverfitChartState) {
    const n = s.steps.length;
    empty.attr('visibility', n > 1 ? 'hidden' : 'visible');
    let max = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(s.train[i]!)) max = Math.max(max, s.train[i]!);
      if (Number.isFinite(s.test[i]!)) max = Math.max(max, s.test[i]!);
    }
    const x = d3.scaleLinear([n > 0 ? s.steps[0]! : 0, n > 1 ? Math.max(s.steps[n - 1]!, 10) : 10], [0, iw]);
    const y = d3.scaleLinear([0, max > 0 ? max : 1], [ih, 0]).nice();
    xAxis.call(d3.axisBottom(x).ticks(4, 'd'));
    yAxis.call(d3.axisLeft(y).ticks(4));
    train.attr('d', line(s.steps, s.train, x, y));
    test.attr('d', line(s.steps, s.test, x, y));
    const k = s.stop;
    const show = k !== null && n > 1 && k < n;
    for (const sel of [stopLine, stopText, stopDot]) sel.attr('visibility', show ? 'visible' : 'hidden');
    if (show) {
      const px = x(s.steps[k]!);
      stopLine.attr('x1', px).attr('x2', px);
      stopDot.attr('cx', px).attr('cy', y(s.test[k]!));
      const right = px > iw * 0.6;
      stopText
        .attr('x', right ? px - 6 : px + 6)
        .attr('text-anchor', right ? 'end' : 'start')
        .text(`early stop: step ${s.steps[k]}`);
    }
  }

  return {
    update(state: OverfitChartState) {
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

export type OverfitChart = ReturnType<typeof createOverfitChart>;
