/**
 * One side of the loss race: a decision plane, a loss chart and read-outs for one trained neuron, drawn straight
 * into the DOM from training snapshots (no React rendering at frame rate).
 */
import { logisticLossAndGradient } from '../../engine/models/logistic';
import type { BinaryLossKind } from '../../engine/losses';
import { neuronAccuracy, type NeuronParams } from '../../engine/models/neuron';
import type { Dataset } from '../../engine/types';
import { createDecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData } from '../../viz/createLineChart';

export interface RaceSide {
  /** Draws the neuron with these weights; `series` is the loss so far (empty before training). */
  show(p: NeuronParams, data: Dataset, step: number, series: { xs: ArrayLike<number>; ys: ArrayLike<number> }): void;
  destroy(): void;
}

/** `root` holds elements marked data-plane, data-chart, data-step, data-loss, data-acc and data-grad. */
export function createRaceSide(root: HTMLElement, kind: BinaryLossKind, label: string): RaceSide {
  const plane = createDecisionPlane(root.querySelector<HTMLElement>('[data-plane]')!);
  const chart = createLineChart(root.querySelector<HTMLElement>('[data-chart]')!, lossChartOptions(label));
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`);
  return {
    show(p, data, step, series) {
      plane.update({
        field: (x, y) => 1 / (1 + Math.exp(-(p.w1 * x + p.w2 * y + p.b))),
        line: { w1: p.w1, w2: p.w2, c: -p.b },
        points: data.xs,
        labels: data.ys,
        probe: { x: 0, y: 0 },
      });
      chart.update(lossData(series));
      // The loss and slope are those of the weights shown, over all the points: the same numbers TF.js computes
      // (models/logistic.test.ts), read off without another device round trip.
      const { loss, gradNorm } = logisticLossAndGradient(p, data, kind);
      const set = (name: string, text: string) => {
        const el = out(name);
        if (el) el.textContent = text;
      };
      set('step', String(step));
      set('loss', Number.isFinite(loss) ? loss.toFixed(3) : '—');
      set('acc', `${Math.round(neuronAccuracy(p, 'sigmoid', data) * 100)}%`);
      set('grad', gradNorm < 0.01 ? gradNorm.toPrecision(2) : gradNorm.toFixed(3));
    },
    destroy() {
      plane.destroy();
      chart.destroy();
    },
  };
}
