/**
 * One activation function f and its slope f′ over an input range, with a draggable input x: a point on f, its
 * tangent line (slope f′(x)), a matching point on the f′ curve, and the stretches where f is nearly flat shaded.
 * Redraws at most once per animation frame.
 *
 * @example
 * const plot = createActivationPlot(el, { onXMove: (x) => console.log(x) });
 * plot.update({ curve: activationCurve('tanh', -4, 4, 321), x: 1, fx: 0.76, slope: 0.42, yDomain: [-1.2, 1.2],
 *   flat: [[-4, -2.2], [2.2, 4]], name: 'tanh' });
 * plot.destroy();
 */
import * as d3 from 'd3';

export interface ActivationPlotState {
  /** Samples of f and f′ at increasing xs. */
  curve: { xs: ArrayLike<number>; ys: ArrayLike<number>; slopes: ArrayLike<number> };
  /** The chosen input, f there and the slope there. */
  x: number;
  fx: number;
  slope: number;
  yDomain: [number, number];
  /** Input intervals where f is nearly flat (|f′| small), shaded as "flat". */
  flat: [number, number][];
  /** Names the curve in the plot's accessible label, e.g. "tanh". */
  name: string;
}

export interface ActivationPlotOptions {
  domain?: [number, number];
  /** Called with the input under the pointer while the reader drags (or taps) on the plot. */
  onXMove?: (x: number) => void;
}

const W = 400;
const H = 260;
const M = { top: 12, right: 12, bottom: 28, left: 36 };
/** Half the horizontal extent of the drawn tangent, in input units. */
const TANGENT_HALF = 1.3;

export function createActivationPlot(el: HTMLElement, options: ActivationPlotOptions = {}) {
  const [lo, hi] = options.domain ?? [-4, 4];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = d3.scaleLinear([lo, hi], [0, iw]);
  const y = d3.scaleLinear([0, 1], [ih, 0]);

  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'act-plot')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .style('width', '100%')
    .style('display', 'block')
    // Vertical swipes still scroll the page on a phone; horizontal drags and taps move x.
    .style('touch-action', 'pan-y pinch-zoom')
    .style('cursor', 'ew-resize');
  const clipId = `act-clip-${Math.random().toString(36).slice(2)}`;
  svg.append('clipPath').attr('id', clipId).append('rect').attr('width', iw).attr('height', ih);
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const flatG = g.append('g').attr('clip-path', `url(#${clipId})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  const zeroX = g.append('line').attr('class', 'act-zero');
  const zeroY = g.append('line').attr('class', 'act-zero');
  g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 26).attr('text-anchor', 'end').text('input x');
  const plot = g.append('g').attr('clip-path', `url(#${clipId})`);
  const guide = plot.append('line').attr('class', 'act-guide');
  const slopePath = plot.append('path').attr('class', 'act-df');
  const fPath = plot.append('path').attr('class', 'act-f');
  const tangent = plot.append('line').attr('class', 'act-tangent');
  const slopeDot = plot.append('path').attr('class', 'act-df-dot').attr('d', d3.symbol(d3.symbolDiamond, 70)()!);
  const dot = plot.append('circle').attr('class', 'act-dot').attr('r', 6);

  if (options.onXMove) {
    const onXMove = options.onXMove;
    const drag = d3.drag<SVGSVGElement, unknown>().on('start drag', (event: d3.D3DragEvent<SVGSVGElement, unknown, unknown>) => {
      const [px] = d3.pointer(event, g.node());
      onXMove(Number(Math.max(lo, Math.min(hi, x.invert(px))).toFixed(2)));
    });
    svg.call(drag);
  }

  let pending: ActivationPlotState | null = null;
  let frame = 0;

  function draw(s: ActivationPlotState) {
    y.domain(s.yDomain);
    svg.attr('aria-label', `${s.name} (solid) and its slope (dashed) for inputs from ${lo} to ${hi}`);
    xAxis.call(d3.axisBottom(x).ticks(8));
    yAxis.call(d3.axisLeft(y).ticks(6));
    zeroX.attr('x1', 0).attr('x2', iw).attr('y1', y(0)).attr('y2', y(0));
    zeroY.attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', ih);

    const regions = flatG.selectAll<SVGGElement, [number, number]>('g').data(s.flat).join((enter) => {
      const r = enter.append('g');
      r.append('rect').attr('class', 'act-flat');
      r.append('text').attr('class', 'act-flat-label').attr('text-anchor', 'middle').attr('y', 14).text('flat');
      return r;
    });
    regions.select('rect').attr('x', (d) => x(d[0])).attr('width', (d) => x(d[1]) - x(d[0])).attr('y', 0).attr('height', ih);
    regions
      .select('text')
      .attr('x', (d) => (x(d[0]) + x(d[1])) / 2)
      .style('display', (d) => (x(d[1]) - x(d[0]) > 36 ? null : 'none'));

    const line = (vals: ArrayLike<number>) => {
      let d = '';
      for (let i = 0; i < s.curve.xs.length; i++) {
        d += `${i ? 'L' : 'M'}${x(s.curve.xs[i]!).toFixed(1)},${y(vals[i]!).toFixed(1)}`;
      }
      return d;
    };
    fPath.attr('d', line(s.curve.ys));
    slopePath.attr('d', line(s.curve.slopes));

    guide.attr('x1', x(s.x)).attr('x2', x(s.x)).attr('y1', 0).attr('y2', ih);
    tangent
      .attr('x1', x(s.x - TANGENT_HALF))
      .attr('y1', y(s.fx - TANGENT_HALF * s.slope))
      .attr('x2', x(s.x + TANGENT_HALF))
      .attr('y2', y(s.fx + TANGENT_HALF * s.slope));
    dot.attr('cx', x(s.x)).attr('cy', y(s.fx));
    slopeDot.attr('transform', `translate(${x(s.x)},${y(s.slope)})`);
  }

  return {
    /** Redraws at most once per animation frame, with the latest state. */
    update(state: ActivationPlotState) {
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

export type ActivationPlot = ReturnType<typeof createActivationPlot>;
