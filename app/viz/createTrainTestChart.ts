/**
 * Training loss and test loss against epochs on one set of axes: the training curve solid (class-b blue), the
 * test curve dashed (class-a orange), each named in a legend, so the gap between them can be read at a glance.
 * Both are losses over a whole set, not over one batch, so they need no smoothing. Redraws at most once per frame.
 *
 * @example
 * const chart = createTrainTestChart(el);
 * chart.update({ epochs: [0, 1, 2], train: [0.7, 0.5, 0.4], test: [0.7, 0.55, 0.5] });
 */
import * as d3 from 'd3';

export interface TrainTestState {
  /** Where each point was measured, in epochs (fractions allowed). */
  epochs: ArrayLike<number>;
  train: ArrayLike<number>;
  test: ArrayLike<number>;
}

const W = 480;
const H = 190;
const M = { top: 26, right: 12, bottom: 30, left: 44 };

export function createTrainTestChart(el: HTMLElement, { label = 'Loss' }: { label?: string } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'train-test-chart')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', `${label} on the training data (solid) and on the test data (dashed) against epochs`)
    .style('width', '100%')
    .style('display', 'block');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 28).attr('text-anchor', 'end').text('epoch');
  g.append('text').attr('class', 'axis-label').attr('x', 0).attr('y', -12).text(label);
  const legend = g.append('g').attr('transform', `translate(${iw - 190},-16)`);
  legend.append('line').attr('class', 'tt-train').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0);
  legend.append('text').attr('class', 'axis-label').attr('x', 27).attr('y', 4).text('training');
  legend.append('line').attr('class', 'tt-test').attr('x1', 95).attr('x2', 117).attr('y1', 0).attr('y2', 0);
  legend.append('text').attr('class', 'axis-label').attr('x', 122).attr('y', 4).text('test');
  const testPath = g.append('path').attr('class', 'tt-test');
  const trainPath = g.append('path').attr('class', 'tt-train');
  const empty = g
    .append('text')
    .attr('class', 'chart-empty')
    .attr('x', iw / 2)
    .attr('y', ih / 2)
    .attr('text-anchor', 'middle')
    .text('Press Train to see the losses');

  let pending: TrainTestState | null = null;
  let frame = 0;

  function draw({ epochs, train, test }: TrainTestState) {
    const n = epochs.length;
    empty.attr('visibility', n > 1 ? 'hidden' : 'visible');
    let maxLoss = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(train[i]!)) maxLoss = Math.max(maxLoss, train[i]!);
      if (Number.isFinite(test[i]!)) maxLoss = Math.max(maxLoss, test[i]!);
    }
    const x = d3.scaleLinear([0, Math.max(1, n > 0 ? epochs[n - 1]! : 1)], [0, iw]);
    const y = d3.scaleLinear([0, maxLoss > 0 ? maxLoss : 1], [ih, 0]).nice();
    // Whole epochs only: "1, 1, 2, 2" from rounded half-epoch ticks would read as a mistake.
    xAxis.call(d3.axisBottom(x).tickValues(x.ticks(5).filter(Number.isInteger)).tickFormat(d3.format('d')));
    yAxis.call(d3.axisLeft(y).ticks(4));
    const stride = Math.max(1, Math.floor(n / (iw * 2)));
    const path = (values: ArrayLike<number>) => {
      let d = '';
      for (let i = 0; i < n; i += stride) {
        const v = values[i]!;
        if (Number.isFinite(v)) d += `${d ? 'L' : 'M'}${x(epochs[i]!).toFixed(1)},${y(v).toFixed(1)}`;
      }
      return d || null;
    };
    trainPath.attr('d', path(train));
    testPath.attr('d', path(test));
  }

  return {
    /** Redraws at most once per animation frame, with the latest state. */
    update(state: TrainTestState) {
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

export type TrainTestChart = ReturnType<typeof createTrainTestChart>;
