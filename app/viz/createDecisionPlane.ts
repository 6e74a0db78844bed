/**
 * A 2D classifier's view of the plane: its output shaded as a low-resolution canvas scaled up by CSS, with SVG on
 * top for the axes, the labelled points, the decision line, the weight vector and a draggable input point.
 *
 * @example
 * const plane = createDecisionPlane(el, { onProbeMove: (x, y) => console.log(x, y) });
 * plane.update({ field: (x, y) => 1 / (1 + Math.exp(-(x + y))), line: { w1: 1, w2: 1, c: 0 }, points, labels });
 * plane.destroy();
 */
import * as d3 from 'd3';

export interface PlaneState {
  /** The model's output at (x, y), scaled to [0, 1] for colour (0.5 is the class threshold). */
  field: (x: number, y: number) => number;
  /** The decision line w1·x + w2·y = c, or null when there is none to draw. */
  line: { w1: number; w2: number; c: number } | null;
  /** Flat [x0, y0, x1, y1, …] in the plane's domain, and 0/1 labels. */
  points: Float32Array;
  labels: Float32Array;
  /** The point whose arithmetic the figure shows, marked ✛; omit it to hide the marker. */
  probe?: { x: number; y: number };
}

export interface PlaneOptions {
  domain?: [number, number];
  /** Heatmap cells per side; the canvas is scaled up by CSS. */
  resolution?: number;
  onProbeMove?: (x: number, y: number) => void;
  /** Accessible name of the plot. */
  label?: string;
}

const MARGIN = { top: 8, right: 8, bottom: 28, left: 34 };
const VIEW = 320;

/** Orange for class 0, blue for class 1, pale at the threshold: distinct under common colour-vision deficiencies. */
export function fieldColour(v: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, v));
  const pale: [number, number, number] = [247, 245, 240];
  const a: [number, number, number] = [230, 159, 0];
  const b: [number, number, number] = [86, 180, 233];
  const end = t < 0.5 ? a : b;
  const k = Math.abs(t - 0.5) * 2 * 0.75;
  return [0, 1, 2].map((i) => Math.round(pale[i]! + (end[i]! - pale[i]!) * k)) as [number, number, number];
}

/**
 * Turns values computed at `gridPoints(res, lo, hi)` (engine) into a `field` for the plane: each (x, y) reads the
 * grid cell it falls in. `scale` maps a raw model output to [0, 1] for colour.
 *
 * @example
 * plane.update({ field: fieldFromGrid(snapshot.probes.grid, 48, [-1.2, 1.2]), line: null, points, labels, probe });
 */
export function fieldFromGrid(
  values: ArrayLike<number>,
  res: number,
  [lo, hi]: [number, number],
  scale: (v: number) => number = (v) => v,
): (x: number, y: number) => number {
  const cell = (hi - lo) / res;
  return (x, y) => {
    const i = Math.min(res - 1, Math.max(0, Math.floor((x - lo) / cell)));
    const j = Math.min(res - 1, Math.max(0, Math.floor((hi - y) / cell)));
    return scale(values[j * res + i] ?? 0.5);
  };
}

export function createDecisionPlane(el: HTMLElement, options: PlaneOptions = {}) {
  const [lo, hi] = options.domain ?? [-1.2, 1.2];
  const res = options.resolution ?? 48;
  const inner = VIEW - MARGIN.left - MARGIN.right;
  const x = d3.scaleLinear([lo, hi], [0, inner]);
  const y = d3.scaleLinear([lo, hi], [inner, 0]);

  const root = d3.select(el).append('div').attr('class', 'plane').style('position', 'relative');
  const canvas = root
    .append('canvas')
    .attr('width', res)
    .attr('height', res)
    .attr('aria-hidden', 'true')
    .style('position', 'absolute')
    .style('left', `${(MARGIN.left / VIEW) * 100}%`)
    .style('top', `${(MARGIN.top / VIEW) * 100}%`)
    .style('width', `${(inner / VIEW) * 100}%`)
    .style('height', `${(inner / VIEW) * 100}%`)
    .style('image-rendering', 'auto');
  const ctx = canvas.node()!.getContext('2d')!;
  const image = ctx.createImageData(res, res);

  const svg = root
    .append('svg')
    .attr('viewBox', `0 0 ${VIEW} ${VIEW}`)
    .attr('role', 'img')
    .attr('aria-label', options.label ?? 'Points of two classes and the model’s decision boundary')
    .style('position', 'relative')
    .style('width', '100%')
    .style('display', 'block')
    // Vertical swipes still scroll the page on a phone; horizontal drags and taps move the input point.
    .style('touch-action', 'pan-y pinch-zoom');
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${inner})`).call(d3.axisBottom(x).ticks(5));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text').attr('class', 'axis-label').attr('x', inner).attr('y', inner + 26).attr('text-anchor', 'end').text('x₁');
  g.append('text').attr('class', 'axis-label').attr('x', -28).attr('y', 10).text('x₂');

  const clipId = `plane-clip-${Math.random().toString(36).slice(2)}`;
  g.append('clipPath').attr('id', clipId).append('rect').attr('width', inner).attr('height', inner);
  const plot = g.append('g').attr('clip-path', `url(#${clipId})`);
  const line = plot.append('line').attr('class', 'decision-line');
  const arrow = plot.append('line').attr('class', 'weight-arrow').attr('marker-end', 'url(#weight-head)');
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'weight-head')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('class', 'weight-head');
  const dots = plot.append('g');
  const probe = plot.append('g').attr('class', 'probe').style('cursor', 'grab');
  probe.append('circle').attr('r', 14).attr('class', 'probe-hit');
  probe.append('path').attr('d', 'M-7,0H7M0,-7V7').attr('class', 'probe-cross');

  const symbolA = d3.symbol(d3.symbolCircle, 36)()!;
  const symbolB = d3.symbol(d3.symbolSquare, 36)()!;

  if (options.onProbeMove) {
    const onProbeMove = options.onProbeMove;
    const clamp = (v: number) => Math.max(lo, Math.min(hi, v));
    const drag = d3.drag<SVGSVGElement, unknown>().on('start drag', (event: d3.D3DragEvent<SVGSVGElement, unknown, unknown>) => {
      const [px, py] = d3.pointer(event, g.node());
      onProbeMove(Number(clamp(x.invert(px)).toFixed(2)), Number(clamp(y.invert(py)).toFixed(2)));
    });
    svg.call(drag);
  }

  let pending: PlaneState | null = null;
  let frame = 0;

  function draw(state: PlaneState) {
    const data = image.data;
    for (let j = 0; j < res; j++) {
      const py = hi - ((j + 0.5) / res) * (hi - lo);
      for (let i = 0; i < res; i++) {
        const px = lo + ((i + 0.5) / res) * (hi - lo);
        const [r, gg, b] = fieldColour(state.field(px, py));
        const k = (j * res + i) * 4;
        data[k] = r;
        data[k + 1] = gg;
        data[k + 2] = b;
        data[k + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);

    const l = state.line;
    if (l && (Math.abs(l.w1) > 1e-9 || Math.abs(l.w2) > 1e-9)) {
      // Two far points on w1·x + w2·y = c, clipped by the plot area.
      const n2 = l.w1 * l.w1 + l.w2 * l.w2;
      const cx = (l.c * l.w1) / n2;
      const cy = (l.c * l.w2) / n2;
      const far = 10;
      line
        .attr('x1', x(cx - l.w2 * far))
        .attr('y1', y(cy + l.w1 * far))
        .attr('x2', x(cx + l.w2 * far))
        .attr('y2', y(cy - l.w1 * far))
        .style('display', null);
      // The weight vector points from the line towards the side the neuron calls class 1.
      const len = Math.sqrt(n2);
      const s = Math.min(0.5, len * 0.25) / len;
      arrow
        .attr('x1', x(cx))
        .attr('y1', y(cy))
        .attr('x2', x(cx + l.w1 * s))
        .attr('y2', y(cy + l.w2 * s))
        .style('display', null);
    } else {
      line.style('display', 'none');
      arrow.style('display', 'none');
    }

    const n = state.labels.length;
    const index = d3.range(n);
    dots
      .selectAll<SVGPathElement, number>('path')
      .data(index)
      .join('path')
      .attr('d', (i) => (state.labels[i]! > 0.5 ? symbolB : symbolA))
      .attr('class', (i) => {
        const wrong = state.field(state.points[2 * i]!, state.points[2 * i + 1]!) >= 0.5 !== state.labels[i]! > 0.5;
        return `${state.labels[i]! > 0.5 ? 'dot dot-b' : 'dot dot-a'}${wrong ? ' dot-wrong' : ''}`;
      })
      .attr('transform', (i) => `translate(${x(state.points[2 * i]!)},${y(state.points[2 * i + 1]!)})`);

    if (state.probe) probe.style('display', null).attr('transform', `translate(${x(state.probe.x)},${y(state.probe.y)})`);
    else probe.style('display', 'none');
  }

  return {
    /** Redraws at most once per animation frame, with the latest state. */
    update(state: PlaneState) {
      pending = state;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pending) draw(pending);
      });
    },
    destroy() {
      cancelAnimationFrame(frame);
      root.remove();
    },
  };
}

export type DecisionPlane = ReturnType<typeof createDecisionPlane>;
