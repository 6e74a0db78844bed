/**
 * Loss curves against a prediction ŷ in (0, 1): one line per loss, a marker at the current ŷ on each, and the
 * tangent there (its slope is dL/dŷ). Dragging or tapping anywhere on the plot picks a new ŷ.
 *
 * @example
 * const plot = createLossCurves(el, { onPick: (pred) => console.log(pred) });
 * plot.update({
 *   pred: 0.1, label: 1,
 *   curves: [{ id: 'mse', name: 'squared error', points: [[0.01, 0.98], [0.99, 0.0001]], at: { loss: 0.81, slope: -1.8 } }],
 * });
 */
import * as d3 from 'd3';

export interface LossCurve {
  /** Used in class names: `.curve-<id>`. */
  id: string;
  /** Printed beside the marker. */
  name: string;
  /** [ŷ, loss] pairs, in increasing ŷ. */
  points: [number, number][];
  /** The loss and its slope dL/dŷ at the current ŷ. */
  at: { loss: number; slope: number };
}

export interface LossCurvesState {
  pred: number;
  /** The true label: a mark on the ŷ axis shows where the loss is zero. */
  label: number;
  curves: LossCurve[];
}

const W = 560;
const H = 270;
const M = { top: 12, right: 14, bottom: 36, left: 40 };
/** Tangent half-length in pixels: steep and shallow slopes draw as equally long segments. */
const TANGENT = 55;

export function createLossCurves(el: HTMLElement, options: { onPick?: (pred: number) => void; yMax?: number } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yMax = options.yMax ?? 4.8;
  const x = d3.scaleLinear([0, 1], [0, iw]);
  const y = d3.scaleLinear([0, yMax], [ih, 0]);

  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'loss-curves')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', 'Each loss plotted against the prediction, with its tangent at the chosen prediction')
    .style('width', '100%')
    .style('display', 'block')
    .style('touch-action', 'pan-y pinch-zoom');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(5));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 32).attr('text-anchor', 'end').text('prediction ŷ');
  g.append('text').attr('class', 'axis-label').attr('x', 6).attr('y', 2).attr('dy', '0.7em').text('loss');
  // The hit area is transparent but catches the pointer everywhere in the plot.
  g.append('rect').attr('class', 'curves-hit').attr('width', iw).attr('height', ih).style('cursor', 'ew-resize');

  const clipId = `curves-clip-${Math.random().toString(36).slice(2)}`;
  g.append('clipPath').attr('id', clipId).append('rect').attr('width', iw).attr('height', ih);
  const plot = g.append('g').attr('clip-path', `url(#${clipId})`).style('pointer-events', 'none');
  const labelMark = g.append('g').attr('class', 'label-mark').style('pointer-events', 'none');
  labelMark.append('path').attr('d', 'M0,0l-6,9h12z');
  const labelText = labelMark.append('text').attr('y', -6).attr('text-anchor', 'middle');
  const guide = plot.append('line').attr('class', 'pred-guide').attr('y1', 0).attr('y2', ih);
  const lines = plot.append('g');
  const tangents = plot.append('g');
  const markers = g.append('g').style('pointer-events', 'none');

  if (options.onPick) {
    const onPick = options.onPick;
    const drag = d3.drag<SVGSVGElement, unknown>().on('start drag', (event: d3.D3DragEvent<SVGSVGElement, unknown, unknown>) => {
      const [px] = d3.pointer(event, g.node());
      onPick(Number(Math.max(0.01, Math.min(0.99, x.invert(px))).toFixed(2)));
    });
    svg.call(drag);
  }

  let pending: LossCurvesState | null = null;
  let frame = 0;

  function draw(state: LossCurvesState) {
    const px = x(state.pred);
    guide.attr('x1', px).attr('x2', px);
    labelMark.attr('transform', `translate(${x(state.label)},${ih})`);
    labelText.attr('x', state.label > 0.5 ? -24 : 24).text(`y = ${state.label}`);

    const path = d3
      .line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(Math.min(d[1], yMax * 1.5)));
    lines
      .selectAll<SVGPathElement, LossCurve>('path')
      .data(state.curves, (c) => c.id)
      .join('path')
      .attr('class', (c) => `curve curve-${c.id}`)
      .attr('d', (c) => path(c.points));

    tangents
      .selectAll<SVGLineElement, LossCurve>('line')
      .data(state.curves, (c) => c.id)
      .join('line')
      .attr('class', (c) => `tangent tangent-${c.id}`)
      .each(function (c) {
        // The slope in pixels: one unit of ŷ is iw px across, one unit of loss is ih / yMax px up.
        const dx = iw;
        const dy = -c.at.slope * (ih / yMax);
        const len = Math.hypot(dx, dy);
        const ux = (dx / len) * TANGENT;
        const uy = (dy / len) * TANGENT;
        const cy = y(c.at.loss);
        d3.select(this).attr('x1', px - ux).attr('y1', cy - uy).attr('x2', px + ux).attr('y2', cy + uy);
      });

    const mark = markers
      .selectAll<SVGGElement, LossCurve>('g')
      .data(state.curves, (c) => c.id)
      .join((enter) => {
        const m = enter.append('g');
        m.append('circle').attr('r', 5);
        m.append('text').attr('dy', '0.32em');
        return m;
      })
      .attr('class', (c) => `marker marker-${c.id}`)
      .attr('transform', (c) => `translate(${px},${y(Math.min(c.at.loss, yMax))})`);
    // Labels go on the side away from the true label, where the curves rise and there is room.
    const right = state.label < 0.5 ? px < iw - 150 : px < 150;
    // When the two markers nearly meet, nudge their labels apart so both stay readable.
    const ys = state.curves.map((c) => y(Math.min(c.at.loss, yMax)));
    const nudge = state.curves.map(() => 0);
    if (ys.length === 2) {
      const gap = Math.abs(ys[0]! - ys[1]!);
      if (gap < 15) {
        const upper = ys[0]! <= ys[1]! ? 0 : 1;
        nudge[upper] = -(15 - gap) / 2;
        nudge[1 - upper] = (15 - gap) / 2;
      }
    }
    mark
      .select('text')
      .attr('y', (_c, i) => nudge[i] ?? 0)
      .attr('x', right ? 10 : -10)
      .attr('text-anchor', right ? 'start' : 'end')
      .text((c) => `${c.name} ${c.at.loss.toFixed(2)}${c.at.loss > yMax ? ' (off the chart)' : ''}`);
  }

  return {
    /** Redraws at most once per animation frame, with the latest state. */
    update(state: LossCurvesState) {
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

export type LossCurves = ReturnType<typeof createLossCurves>;
