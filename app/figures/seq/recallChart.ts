import { createLineChart, type LineChart } from '../../viz/createLineChart';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The recall race's chart: two models' held-out accuracy against seconds of training (the first solid orange, the
 * second dashed blue) over a chance line at 25% (series id 'chance').
 *
 * @example
 * const chart = createRecallAccuracyChart(el, [{ id: 'rnn', name: 'plain RNN' }, { id: 'lstm', name: 'LSTM' }]);
 */
export function createRecallAccuracyChart(el: HTMLElement, [a, b]: readonly [{ id: string; name: string }, { id: string; name: string }], height = 190): LineChart {
  return createLineChart(el, {
    label: `Held-out accuracy of the ${a.name} (solid) and the ${b.name} (dashed) against seconds of training; chance is 25%`,
    yLabel: 'accuracy',
    xLabel: 'seconds of training',
    height,
    yZero: true,
    x: { min: 0, atLeast: 10 },
    format: pct,
    empty: 'Press Train: accuracy appears after two seconds',
    series: [
      { id: a.id, name: a.name, color: 'class-a', dash: '', width: 2.5 },
      { id: b.id, name: b.name, color: 'class-b', dash: '7 4', width: 2.5 },
      { id: 'chance', name: 'chance (25%)', color: 'muted', dash: '2 3', reference: true },
    ],
  });
}
