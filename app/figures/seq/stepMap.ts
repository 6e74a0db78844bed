/**
 * A sequence's vectors as a heatmap: one column per time step (labelled with what was read there), one row per
 * unit. Built on `createMapGrid` (one map of units × steps), so a cell is picked by pointer or arrow keys; the
 * figure hears (step, unit).
 *
 *        h  e  l  l  o      ← what the network read at each step
 *   u1  ▓▓ ░░ ▓▓ ▒▒ ░░
 *   u2  ░░ ▓▓ ▒▒ ▓▓ ▓▓      tanh outputs: diverging around 0 (signed); gates: 0 … 1 (unit)
 */
import { createMapGrid } from '../../viz/createMapGrid';

export interface StepMapOptions {
  label: string;
  /** 'signed': values in −1 … 1 on a diverging scale; 'unit': values in 0 … 1, paper to ink. */
  scale: 'signed' | 'unit';
  onPick?: (step: number, unit: number) => void;
  /** Canvas pixels per cell (CSS scales the canvas to the container's width). */
  cell?: number;
  /** Outline width of the chosen cell in canvas pixels (see createMapGrid). */
  outline?: number;
}

export interface StepMap {
  update(columns: readonly Float32Array[], labels: readonly string[]): void;
  select(step: number, unit: number): void;
  destroy(): void;
}

export function createStepMap(el: HTMLElement, opts: StepMapOptions): StepMap {
  el.classList.add('step-map');
  const holder = document.createElement('div');
  const labelRow = document.createElement('div');
  labelRow.className = 'step-map-labels';
  labelRow.setAttribute('aria-hidden', 'true');
  el.append(holder, labelRow);
  const grid = createMapGrid(holder, {
    label: opts.label,
    diverging: opts.scale === 'signed',
    maxAbs: 1,
    cell: opts.cell ?? 6,
    // Redrawn with every view: a label naming the chosen value would change each time.
    labelValue: false,
    ...(opts.outline ? { outline: opts.outline } : {}),
    ...(opts.onPick ? { onPick: (_channel: number, row: number, col: number) => opts.onPick!(col, row) } : {}),
  });
  let shown = '';
  return {
    update(columns, labels) {
      const steps = columns.length;
      const units = columns[0]?.length ?? 0;
      const values = new Float32Array(units * steps);
      columns.forEach((col, t) => {
        for (let j = 0; j < units; j++) values[j * steps + t] = col[j]!;
      });
      grid.update({ values, height: Math.max(1, units), width: Math.max(1, steps), channels: 1 });
      const key = labels.join('\u0000');
      if (key !== shown) {
        shown = key;
        labelRow.replaceChildren(
          ...labels.map((text) => {
            const span = document.createElement('span');
            span.textContent = text;
            return span;
          }),
        );
      }
    },
    select(step, unit) {
      grid.select({ channel: 0, row: unit, col: step });
    },
    destroy() {
      grid.destroy();
      el.replaceChildren();
      el.classList.remove('step-map');
    },
  };
}
