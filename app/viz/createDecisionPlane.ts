/**
 * A 2D classifier's view of the plane: its output shaded as a low-resolution canvas scaled up by CSS, with SVG on
 * top for the axes, the labelled points, the decision line, the weight vector and a draggable input point.
 *
 * @example
 * const plane = createDecisionPlane(el, { onProbeMove: (x, y) => console.log(x, y) });
 * plane.update({ field: (x, y) => 1 / (1 + Math.exp(-(x + y))), line: { w1: 1, w2: 1, c: 0 }, points, labels });
 * plane.destroy();
 *
 * Three modes (option `mode`): 'binary' (default) shades P(class 1) orange … pale … blue; 'classes' shades each
 * cell by its winning class (up to 3: orange, sky blue, bluish green), as strong as that class's probability, and
 * draws the points as circle / square / triangle; 'regression' shades values in [-1, 1] orange … pale … blue and
 * colours each point by its real target on the same scale, outlined in dark. `discretize` in the state shows only
 * the decision (class, or sign). With `onPlaneClick` / `onPointClick` the reader can add and remove points by
 * pointer or keyboard (the plot becomes focusable: arrows move a cursor, Enter adds, Delete removes).
 *
 * @example
 * const plane = createDecisionPlane(el, { mode: 'classes', onPlaneClick: (x, y) => add(x, y), onPointClick: (i) => remove(i) });
 * plane.update({ classField: classFieldFromGrid(probs, 3, 48, [-1.2, 1.2]), line: null, points, labels, discretize: false });
 */
import * as d3 from 'd3';
import { argmax, classColour, nearestPoint, POINT_CLASSES, regressionColour, regressionPointColour } from './scales';

export interface PlaneState {
  /**
   * The model's output at (x, y): in 'binary' mode scaled to [0, 1] for colour (0.5 is the class threshold); in
   * 'regression' mode in [-1, 1] (0 is pale). Not used in 'classes' mode.
   */
  field?: (x: number, y: number) => number;
  /** 'classes' mode: writes the class probabilities at (x, y) into `out` (length = classes). */
  classField?: (x: number, y: number, out: Float32Array) => void;
  /** Shade only the decision: the class (binary: threshold 0.5; classes: the winner) or the sign (regression). */
  discretize?: boolean;
  /** The decision line w1·x + w2·y = c, or null when there is none to draw. */
  line: { w1: number; w2: number; c: number } | null;
  /** Flat [x0, y0, x1, y1, …] in the plane's domain, and labels: 0/1 (binary), 0…2 (classes), real targets (regression). */
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
  /** What the field and labels are; default 'binary' (today's behaviour). */
  mode?: PlaneMode;
  /** Number of classes in 'classes' mode (2 or 3); default 3. */
  classes?: number;
  /**
   * A click or tap on the plot, away from the points and the probe, in plane coordinates (to add a point). Also
   * makes the plot focusable: arrow keys move a cursor, Enter or Space reports the cursor's position.
   */
  onPlaneClick?: (x: number, y: number) => void;
  /** A click or tap on an existing point (to remove it); with the keyboard, Delete reports the point nearest the cursor. */
  onPointClick?: (index: number) => void;
}

export type PlaneMode = 'binary' | 'classes' | 'regression';

const MARGIN = { top: 8, right: 8, bottom: 28, left: 34 };
const VIEW = 320;

function mixColour(t: number): [number, number, number] {
  const pale: [number, number, number] = [247, 245, 240];
  const a: [number, number, number] = [230, 159, 0];
  const b: [number, number, number] = [86, 180, 233];
  const end = t < 0.5 ? a : b;
  const k = Math.abs(t - 0.5) * 2 * 0.75;
  return [0, 1, 2].map((i) => Math.round(pale[i]! + (end[i]! - pale[i]!) * k)) as [number, number, number];
}

/** The colour scale as a lookup table: maps are painted pixel by pixel, dozens of times a second. */
const STEPS = 2048;
const LUT: [number, number, number][] = Array.from({ length: STEPS + 1 }, (_, i) => mixColour(i / STEPS));

/**
 * Orange for class 0, blue for class 1, pale at the threshold: distinct under common colour-vision deficiencies.
 * Read from a table of 2,049 steps; the returned triple is shared, so do not modify it.
 */
export function fieldColour(v: number): [number, number, number] {
  const t = v > 0 ? (v < 1 ? v : 1) : 0; // NaN → 0
  return LUT[Math.round(t * STEPS)]!;
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

/**
 * Turns class probabilities computed at `gridPoints(res, lo, hi)` (engine), laid out [res², classes], into a
 * `classField` for the plane's 'classes' mode.
 *
 * @example
 * plane.update({ classField: classFieldFromGrid(snapshot.probes.grid, 3, 48, [-1.2, 1.2]), line: null, points, labels });
 */
export function classFieldFromGrid(
  values: ArrayLike<number>,
  classes: number,
  res: number,
  [lo, hi]: [number, number],
): (x: number, y: number, out: Float32Array) => void {
  const cell = (hi - lo) / res;
  return (x, y, out) => {
    const i = Math.min(res - 1, Math.max(0, Math.floor((x - lo) / cell)));
    const j = Math.min(res - 1, Math.max(0, Math.floor((hi - y) / cell)));
    const base = (j * res + i) * classes;
    for (let c = 0; c < classes; c++) out[c] = values[base + c] ?? 0;
  };
}

export function createDecisionPlane(el: HTMLElement, options: PlaneOptions = {}) {
  const [lo, hi] = options.domain ?? [-1.2, 1.2];
  const res = options.resolution ?? 48;
  const mode: PlaneMode = options.mode ?? 'binary';
  const classes = Math.max(2, Math.min(3, options.classes ?? 3));
  const interactive = Boolean(options.onPlaneClick || options.onPointClick);
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
    .attr('aria-label', options.label ?? defaultLabel(mode))
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
  const symbolC = d3.symbol(d3.symbolTriangle, 44)()!;
  const symbols = [symbolA, symbolB, symbolC];
  const clamp = (v: number) => Math.max(lo, Math.min(hi, v));
  const round2 = (v: number) => Number(clamp(v).toFixed(2));

  if (options.onProbeMove) {
    const onProbeMove = options.onProbeMove;
    const drag = d3.drag<SVGSVGElement, unknown>().on('start drag', (event: d3.D3DragEvent<SVGSVGElement, unknown, unknown>) => {
      const [px, py] = d3.pointer(event, g.node());
      onProbeMove(round2(x.invert(px)), round2(y.invert(py)));
    });
    // When clicks add or remove points, only a drag that starts on the probe moves it.
    if (interactive) drag.filter((event: PointerEvent) => !event.ctrlKey && !event.button && probe.node()!.contains(event.target as Node));
    svg.call(drag);
  }

  let pending: PlaneState | null = null;
  let shown: PlaneState | null = null;
  let frame = 0;
  const probs = new Float32Array(3);

  // Adding and removing points: pointer (mouse, pen, touch: a tap fires click) and keyboard.
  let live: d3.Selection<HTMLDivElement, unknown, null, undefined> | null = null;
  if (interactive) {
    const { onPlaneClick, onPointClick } = options;
    const fmt = (v: number) => v.toFixed(2).replace('-', '−');
    live = root
      .append('div')
      .attr('aria-live', 'polite')
      .attr('class', 'plane-live')
      .style('position', 'absolute')
      .style('width', '1px')
      .style('height', '1px')
      .style('overflow', 'hidden')
      .style('clip-path', 'inset(50%)')
      .style('white-space', 'nowrap');
    const say = (text: string) => live!.text(text);
    if (onPlaneClick) svg.style('cursor', 'crosshair');
    svg.on('click', (event: MouseEvent) => {
      if (probe.node()!.contains(event.target as Node)) return;
      const [px, py] = d3.pointer(event, g.node());
      if (px < 0 || py < 0 || px > inner || py > inner) return;
      const px2plane = (hi - lo) / inner;
      // A finger covers more than a mouse pointer: a wider catch for touch.
      const reach = ((event as PointerEvent).pointerType === 'touch' ? 14 : 8) * px2plane;
      const hit = onPointClick && shown ? nearestPoint(shown.points, x.invert(px), y.invert(py), reach) : -1;
      if (hit >= 0) onPointClick!(hit);
      else onPlaneClick?.(round2(x.invert(px)), round2(y.invert(py)));
    });

    const cursor = plot.append('g').attr('class', 'plane-cursor').style('display', 'none').style('pointer-events', 'none');
    cursor.append('circle').attr('r', 9).style('fill', 'none').style('stroke', '#1d1d1f').style('stroke-width', 1.5).style('stroke-dasharray', '3 2');
    cursor.append('path').attr('d', 'M-13,0H-5M5,0H13M0,-13V-5M0,5V13').style('stroke', '#1d1d1f').style('stroke-width', 1.5);
    let at = { x: 0, y: 0 };
    const place = () => cursor.attr('transform', `translate(${x(at.x)},${y(at.y)})`);
    place();
    const keys = [
      onPlaneClick ? 'Enter adds a point there' : '',
      onPointClick ? 'Delete removes the point nearest to it' : '',
    ].filter(Boolean);
    svg
      .attr('tabindex', 0)
      .attr('role', 'application')
      .attr('aria-roledescription', 'plot')
      .attr('aria-label', `${options.label ?? defaultLabel(mode)}. Arrow keys move a cursor; ${keys.join('; ')}.`);
    svg.on('focus', () => cursor.style('display', null)).on('blur', () => cursor.style('display', 'none'));
    svg.on('keydown', (event: KeyboardEvent) => {
      const step = ((hi - lo) / 24) * (event.shiftKey ? 4 : 1);
      const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      const move = moves[event.key];
      if (move) {
        at = { x: round2(at.x + move[0]), y: round2(at.y + move[1]) };
        place();
        say(`Cursor at x₁ ${fmt(at.x)}, x₂ ${fmt(at.y)}`);
      } else if ((event.key === 'Enter' || event.key === ' ') && onPlaneClick) {
        onPlaneClick(at.x, at.y);
        say(`Added a point at x₁ ${fmt(at.x)}, x₂ ${fmt(at.y)}`);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && onPointClick) {
        const hit = shown ? nearestPoint(shown.points, at.x, at.y, (hi - lo) / 6) : -1;
        if (hit >= 0) {
          const [hx, hy] = [shown!.points[2 * hit]!, shown!.points[2 * hit + 1]!];
          onPointClick(hit);
          say(`Removed the point at x₁ ${fmt(hx)}, x₂ ${fmt(hy)}`);
        } else {
          say('No point near the cursor');
        }
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  /** The heatmap colour of one cell. */
  function cellColour(state: PlaneState, px: number, py: number): [number, number, number] {
    if (mode === 'classes') {
      probs.fill(0);
      state.classField?.(px, py, probs);
      return classColour(probs, classes, Boolean(state.discretize));
    }
    const v = state.field ? state.field(px, py) : mode === 'regression' ? 0 : 0.5;
    if (mode === 'regression') return regressionColour(v, Boolean(state.discretize));
    return fieldColour(state.discretize ? (v >= 0.5 ? 1 : 0) : v);
  }

  /** Whether the model gets point i wrong (outlined): never in regression, where the colours tell the error. */
  function isWrong(state: PlaneState, i: number): boolean {
    const [px, py] = [state.points[2 * i]!, state.points[2 * i + 1]!];
    if (mode === 'classes') {
      probs.fill(0);
      state.classField?.(px, py, probs);
      return argmax(probs, classes) !== Math.round(state.labels[i]!);
    }
    if (mode === 'regression') return false;
    return (state.field ? state.field(px, py) : 0.5) >= 0.5 !== state.labels[i]! > 0.5;
  }

  function draw(state: PlaneState) {
    const data = image.data;
    for (let j = 0; j < res; j++) {
      const py = hi - ((j + 0.5) / res) * (hi - lo);
      for (let i = 0; i < res; i++) {
        const px = lo + ((i + 0.5) / res) * (hi - lo);
        const [r, gg, b] = cellColour(state, px, py);
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
    const joined = dots
      .selectAll<SVGPathElement, number>('path')
      .data(index)
      .join('path')
      .attr('transform', (i) => `translate(${x(state.points[2 * i]!)},${y(state.points[2 * i + 1]!)})`);
    if (mode === 'binary') {
      joined
        .attr('d', (i) => (state.labels[i]! > 0.5 ? symbolB : symbolA))
        .attr('class', (i) => `${state.labels[i]! > 0.5 ? 'dot dot-b' : 'dot dot-a'}${isWrong(state, i) ? ' dot-wrong' : ''}`);
    } else if (mode === 'classes') {
      const cls = (i: number) => Math.max(0, Math.min(classes - 1, Math.round(state.labels[i]!)));
      joined
        .attr('d', (i) => symbols[cls(i)]!)
        .attr('class', (i) => `dot dot-${'abc'[cls(i)]}${isWrong(state, i) ? ' dot-wrong' : ''}`)
        // styles.css colours .dot-a and .dot-b; the third class is coloured here.
        .style('fill', (i) => (cls(i) === 2 ? POINT_CLASSES[2]! : null));
    } else {
      joined
        .attr('d', symbolA)
        .attr('class', 'dot dot-value')
        .style('fill', (i) => regressionPointColour(state.labels[i]!))
        .style('stroke', '#1d1d1f')
        .style('stroke-width', '1.2');
    }
    shown = state;

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
    /** Reads a short message to screen readers (only when the plot takes clicks), e.g. "Point removed". */
    announce(text: string) {
      live?.text(text);
    },
    destroy() {
      cancelAnimationFrame(frame);
      root.remove();
    },
  };
}

function defaultLabel(mode: PlaneMode): string {
  if (mode === 'classes') return 'Points of up to three classes (circle, square, triangle) and the regions the model gives each class';
  if (mode === 'regression') return 'Points coloured by their target value and the model’s predicted value over the plane';
  return 'Points of two classes and the model’s decision boundary';
}

export type DecisionPlane = ReturnType<typeof createDecisionPlane>;
