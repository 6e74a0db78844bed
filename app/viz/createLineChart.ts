/**
 * The course's one line chart: any number of named series against a shared x (training step, epoch…), each with
 * a palette colour and a dash pattern (colour-blind safe: the dash is the second cue) and a small legend; linear or
 * log y, auto-scaled (a linear axis starts at zero, so "the loss fell" is never an illusion of a zoomed axis);
 * optional vertical markers with a label (early stopping) and faint "reference" series (the last run).
 * NaN and ±Infinity leave gaps. Redraws at most once per animation frame. Its text alternative (role="img" and an
 * aria-label with the latest values) follows the data about once a second.
 *
 * With `onScrub` or `onPick` the chart is interactive: the pointer (mouse, pen or finger) moves a cursor to the
 * nearest point of the first series, and so do ←/→/Home/End/PageUp/PageDown when it has the focus (it is then a
 * focusable role="slider" whose aria-valuetext reads the values under the cursor); a click, Enter or Space picks
 * that point. `setCursor` drives the cursor from outside without calling back.
 *
 * @example
 * const chart = createLineChart(el, {
 *   label: 'Loss on the training and test points',
 *   xLabel: 'epoch',
 *   series: [
 *     { id: 'train', name: 'training', color: 'class-b' },
 *     { id: 'test', name: 'test', color: 'class-a', dash: '7 4' },
 *   ],
 *   onScrub: (i) => console.log('cursor at', i),
 * });
 * chart.update({ x: [0, 1, 2], series: { train: [0.7, 0.5, 0.4], test: [0.7, 0.55, 0.5] } });
 * chart.destroy();
 */
import * as d3 from 'd3';
import './lineChart.css';
import {
  finiteExtent,
  formatValue,
  keyStep,
  lastFinite,
  mergeExtent,
  movingAverage,
  nearestIndex,
  pathData,
  strideFor,
  xDomain,
  yDomain,
  type XDomainOptions,
  type YScaleKind,
} from './lineChartMath';

/** A palette colour: the name of a CSS variable of app/styles.css. */
export type LineColor = 'accent' | 'class-a' | 'class-b' | 'good' | 'text' | 'muted' | 'focus';

export interface LineSeriesSpec {
  /** Key of this series in `update({ series })`; also a class name: `.lc-series-<id>`. */
  id: string;
  /** Legend text and the series' name in the text alternative. */
  name: string;
  /** Default: blue, orange, green, text colour by position (muted for a reference series). */
  color?: LineColor;
  /** An SVG stroke-dasharray, e.g. '7 4'; '' is solid. Default: solid, dashed, dotted… by position. */
  dash?: string;
  /** Stroke width in chart pixels (default 2). */
  width?: number;
  /** Extra classes on the series' path (DOM hooks such as `loss-line`). */
  className?: string;
  /** Drawn faint and under the others, left out of the cursor and of the "latest" summary. */
  reference?: boolean;
  /** Draw a centred moving average over this many points on each side (noisy batch losses). */
  smooth?: number;
}

export interface LineMarker {
  /** Where the vertical line stands, in data units of x. */
  x: number;
  /** Where its dot sits, in data units of y (no dot if absent or not finite). */
  y?: number;
  label: string;
}

type SeriesValues = ArrayLike<number> | { x: ArrayLike<number>; y: ArrayLike<number> };

export interface LineChartData {
  /** The x of every series given as a plain array. */
  x?: ArrayLike<number>;
  /** By series id: y values against the shared x, or their own { x, y }. Absent or null: not drawn. */
  series: Partial<Record<string, SeriesValues | null>>;
  markers?: readonly LineMarker[];
}

export interface LineChartOptions {
  series: readonly LineSeriesSpec[];
  /** What the chart shows, for the text alternative, e.g. 'Loss during training'. */
  label: string;
  /** Printed above the y axis. */
  yLabel?: string;
  /** Printed under the x axis at the right, and used to name the cursor's position (default 'x'). */
  xLabel?: string;
  yScale?: YScaleKind;
  /** A linear y axis starts at zero unless this is false. */
  yZero?: boolean;
  x?: XDomainOptions;
  /** x ticks on whole numbers only (steps, epochs). Default true. */
  integerX?: boolean;
  /** Height of the chart in its 480-wide coordinate system (default 180). */
  height?: number;
  /** Show the legend; by default when there are two or more series. */
  legend?: boolean;
  /** Text in the middle of an empty chart. */
  empty?: string;
  /** Class on the <svg> (hooks for figure CSS and tests). */
  className?: string;
  /** Formats values in the text alternative and the cursor read-out. */
  format?: (v: number) => string;
  /** The cursor moved to this index of the first series' points, by pointer or keyboard; null: it left. */
  onScrub?: (index: number | null) => void;
  /** The reader clicked, or pressed Enter or Space, at this index of the first series' points. */
  onPick?: (index: number) => void;
}

interface Resolved {
  spec: LineSeriesSpec;
  index: number;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

const W = 480;
const COLORS: readonly LineColor[] = ['class-b', 'class-a', 'good', 'text'];
const DASHES: readonly string[] = ['', '7 4', '2 3', '9 3 2 3'];
/** The text alternative is rewritten at most this often (ms): a screen reader need not hear every step. */
const ARIA_EVERY = 1000;

let uid = 0;

/** Log-axis tick labels that fit the margin: 0.01, 0.1, 1, 10 … and 1e-6 rather than 0.000001. */
function logTick(v: d3.NumberValue): string {
  const x = Number(v);
  const e = Math.round(Math.log10(x));
  // Only whole decades are labelled: the ticks between them would crowd a short axis.
  if (Math.abs(x / 10 ** e - 1) > 1e-9) return '';
  return e < -3 || e > 4 ? `1e${e}` : String(Number(x.toPrecision(1)));
}

export function createLineChart(el: HTMLElement, opts: LineChartOptions) {
  const H = opts.height ?? 180;
  const M = { top: 24, right: 12, bottom: 32, left: 44 };
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const kind: YScaleKind = opts.yScale ?? 'linear';
  const fmt = opts.format ?? formatValue;
  const xName = opts.xLabel ?? 'x';
  const interactive = Boolean(opts.onScrub || opts.onPick);
  const specs = opts.series.map((spec, i) => {
    const ref = Boolean(spec.reference);
    return {
      ...spec,
      color: spec.color ?? (ref ? 'muted' : COLORS[i % COLORS.length]!),
      dash: spec.dash ?? (ref ? '6 4' : DASHES[i % DASHES.length]!),
      width: spec.width ?? 2,
    };
  });

  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', `line-chart${opts.className ? ` ${opts.className}` : ''}`)
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', interactive ? 'slider' : 'img')
    .attr('aria-label', opts.label)
    .style('width', '100%')
    .style('display', 'block');
  const clipId = `lc-clip-${++uid}`;
  svg.append('clipPath').attr('id', clipId).append('rect').attr('x', -2).attr('y', -2).attr('width', iw + 4).attr('height', ih + 4);
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  if (opts.xLabel) g.append('text').attr('class', 'axis-label').attr('x', iw).attr('y', ih + 30).attr('text-anchor', 'end').text(opts.xLabel);
  if (opts.yLabel) g.append('text').attr('class', 'axis-label').attr('x', 0).attr('y', -10).text(opts.yLabel);
  const markerLayer = g.append('g').attr('class', 'lc-markers');
  const lineLayer = g.append('g').attr('clip-path', `url(#${clipId})`);
  // References first, so they lie under the series they are compared with.
  const order = specs.map((s, i) => ({ s, i })).sort((a, b) => Number(Boolean(b.s.reference)) - Number(Boolean(a.s.reference)));
  const paths: d3.Selection<SVGPathElement, unknown, null, undefined>[] = [];
  for (const { s, i } of order) {
    paths[i] = lineLayer
      .append('path')
      .attr('class', `lc-line lc-series-${s.id}${s.reference ? ' lc-ref' : ''}${s.className ? ` ${s.className}` : ''}`)
      .style('--lc-color', `var(--${s.color})`)
      .style('stroke-width', s.width)
      .style('stroke-dasharray', s.dash || 'none');
  }
  const cursor = g.append('g').attr('class', 'lc-cursor').attr('visibility', 'hidden');
  const cursorLine = cursor.append('line').attr('y1', 0).attr('y2', ih);
  const cursorDots = specs.map((s) =>
    s.reference ? null : cursor.append('circle').attr('class', 'lc-cursor-dot').attr('r', 4).style('--lc-color', `var(--${s.color})`),
  );
  const empty = g
    .append('text')
    .attr('class', 'chart-empty')
    .attr('x', iw / 2)
    .attr('y', ih / 2)
    .attr('text-anchor', 'middle')
    .text(opts.empty ?? '');

  // The legend: a swatch with the series' own colour and dash, then its name, laid out from the right.
  const showLegend = opts.legend ?? specs.length > 1;
  const legend = showLegend ? g.append('g').attr('class', 'lc-legend').attr('aria-hidden', 'true') : null;
  const legendItems = specs.map((s) => {
    if (!legend) return null;
    const item = legend.append('g').style('--lc-color', `var(--${s.color})`);
    item
      .append('line')
      .attr('class', `lc-swatch${s.reference ? ' lc-ref' : ''}`)
      .attr('x1', 0)
      .attr('x2', 20)
      .style('stroke-width', s.width)
      .style('stroke-dasharray', s.dash || 'none');
    // axis-label: the legend grows with the axis labels where a figure enlarges them on phones.
    item.append('text').attr('class', 'axis-label').attr('x', 25).attr('dy', '0.35em').text(s.name);
    return item;
  });
  let legendKey = '';
  function layoutLegend(present: boolean[]) {
    const key = present.map(Number).join('');
    if (!legend || key === legendKey) return;
    legendKey = key;
    let right = iw;
    for (let i = specs.length - 1; i >= 0; i--) {
      const item = legendItems[i]!;
      item.attr('display', present[i] ? null : 'none');
      if (!present[i]) continue;
      const text = item.select<SVGTextElement>('text').node()!;
      const measured = typeof text.getComputedTextLength === 'function' ? text.getComputedTextLength() : 0;
      const width = 25 + (measured > 0 ? measured : specs[i]!.name.length * 6.2);
      right -= width;
      item.attr('transform', `translate(${right},-12)`);
      right -= 14;
    }
  }

  let data: LineChartData = { series: {} };
  let resolved: Resolved[] = [];
  let xScale = d3.scaleLinear([0, 1], [0, iw]);
  let yScale: d3.ScaleContinuousNumeric<number, number> = kind === 'log' ? d3.scaleLog([0.01, 1], [ih, 0]) : d3.scaleLinear([0, 1], [ih, 0]);
  let at: number | null = null;
  let frame = 0;
  let ariaTimer: ReturnType<typeof setTimeout> | null = null;
  let ariaAt = -Infinity;

  function resolve(d: LineChartData): Resolved[] {
    const out: Resolved[] = [];
    specs.forEach((spec, index) => {
      const v = d.series[spec.id];
      if (!v) return;
      const pair = 'y' in v && !('length' in v) ? v : null;
      const xs = pair ? pair.x : d.x;
      const raw = pair ? pair.y : (v as ArrayLike<number>);
      if (!xs || raw.length === 0) return;
      out.push({ spec, index, xs, ys: spec.smooth ? movingAverage(raw, spec.smooth) : raw });
    });
    return out;
  }

  /** The series the cursor walks along: the first one drawn that is not a reference. */
  const primary = () => resolved.find((r) => !r.spec.reference) ?? null;

  function draw() {
    resolved = resolve(data);
    let xe: [number, number] | null = null;
    let ye: [number, number] | null = null;
    let points = 0;
    for (const r of resolved) {
      xe = mergeExtent(xe, finiteExtent(r.xs));
      ye = mergeExtent(ye, finiteExtent(r.ys, kind === 'log'));
      points = Math.max(points, Math.min(r.xs.length, r.ys.length));
    }
    xScale = d3.scaleLinear(xDomain(xe, opts.x), [0, iw]);
    yScale = (kind === 'log' ? d3.scaleLog() : d3.scaleLinear()).domain(yDomain(ye, kind, opts.yZero ?? true)).range([ih, 0]).nice();
    const ticks = xScale.ticks(5);
    xAxis.call(
      opts.integerX === false
        ? d3.axisBottom(xScale).ticks(5)
        : // Whole numbers only: "1, 1, 2, 2" from rounded half-step ticks would read as a mistake.
          d3.axisBottom(xScale).tickValues(ticks.filter(Number.isInteger)).tickFormat(d3.format('d')),
    );
    yAxis.call(kind === 'log' ? d3.axisLeft(yScale).ticks(4, '~g').tickFormat(logTick) : d3.axisLeft(yScale).ticks(4));
    empty.attr('visibility', points > 1 ? 'hidden' : 'visible');

    const present = specs.map(() => false);
    for (const r of resolved) present[r.index] = true;
    paths.forEach((p, i) => {
      const r = resolved.find((q) => q.index === i);
      p.attr('d', r ? pathData(r.xs, r.ys, xScale, yScale, strideFor(Math.min(r.xs.length, r.ys.length), iw)) : null);
    });
    layoutLegend(present);
    drawMarkers(data.markers ?? []);
    drawCursor();
    scheduleAria();
  }

  function drawMarkers(markers: readonly LineMarker[]) {
    const items = markerLayer
      .selectAll<SVGGElement, LineMarker>('g')
      .data(markers.filter((m) => Number.isFinite(xScale(m.x))))
      .join((enter) => {
        const m = enter.append('g');
        m.append('line').attr('class', 'lc-marker').attr('y1', 0).attr('y2', ih);
        m.append('circle').attr('class', 'lc-marker-dot').attr('r', 4.5);
        m.append('text').attr('class', 'lc-marker-label').attr('y', 16);
        return m;
      });
    items.each(function (m) {
      const px = xScale(m.x);
      const item = d3.select(this);
      item.select('line').attr('x1', px).attr('x2', px);
      const py = m.y !== undefined && Number.isFinite(m.y) ? yScale(m.y) : NaN;
      item
        .select('circle')
        .attr('display', Number.isFinite(py) ? null : 'none')
        .attr('cx', px)
        .attr('cy', Number.isFinite(py) ? py : 0);
      // The label goes on the side with room.
      const right = px > iw * 0.6;
      item
        .select('text')
        .attr('x', right ? px - 6 : px + 6)
        .attr('text-anchor', right ? 'end' : 'start')
        .text(m.label);
    });
  }

  /** "step 120: training 0.31, test 0.45", the values under the cursor. */
  function describeAt(index: number): string {
    const p = primary();
    if (!p) return '';
    const x = p.xs[index]!;
    const parts = resolved
      .filter((r) => !r.spec.reference)
      .map((r) => {
        const j = r === p ? index : nearestIndex(r.xs, x);
        return `${r.spec.name} ${fmt(j === null ? NaN : r.ys[j]!)}`;
      });
    return `${xName} ${fmt(x)}: ${parts.join(', ')}`;
  }

  function drawCursor() {
    const p = primary();
    const n = p ? Math.min(p.xs.length, p.ys.length) : 0;
    if (at !== null && at >= n) at = n > 0 ? n - 1 : null;
    if (interactive) {
      svg
        .attr('aria-valuemin', 0)
        .attr('aria-valuemax', Math.max(0, n - 1))
        .attr('aria-valuenow', at ?? Math.max(0, n - 1))
        .attr(
          'aria-valuetext',
          n === 0 ? 'no data yet' : at === null ? `no point chosen; arrow keys move along the ${xName}s` : describeAt(at),
        );
    }
    if (!p || at === null) {
      cursor.attr('visibility', 'hidden');
      return;
    }
    const x = p.xs[at]!;
    const px = xScale(x);
    cursor.attr('visibility', Number.isFinite(px) ? 'visible' : 'hidden');
    cursorLine.attr('x1', px).attr('x2', px);
    specs.forEach((_s, i) => {
      const dot = cursorDots[i];
      if (!dot) return;
      const r = resolved.find((q) => q.index === i);
      const j = r ? (r === p ? at : nearestIndex(r.xs, x)) : null;
      const py = r && j !== null && Number.isFinite(r.ys[j]!) ? yScale(r.ys[j]!) : NaN;
      dot
        .attr('display', Number.isFinite(py) ? null : 'none')
        .attr('cx', px)
        .attr('cy', Number.isFinite(py) ? py : 0);
    });
  }

  function summary(): string {
    const latest = resolved
      .filter((r) => !r.spec.reference)
      .map((r) => {
        const last = lastFinite(r.ys);
        return last ? `${r.spec.name} ${fmt(last.value)} at ${xName} ${fmt(r.xs[last.index]!)}` : null;
      })
      .filter((s) => s !== null);
    const marks = (data.markers ?? []).map((m) => m.label);
    return [opts.label, latest.length ? `Latest: ${latest.join('; ')}` : 'No data yet', ...marks].join('. ') + '.';
  }

  function writeAria() {
    ariaTimer = null;
    ariaAt = performance.now();
    svg.attr('aria-label', summary());
  }

  function scheduleAria() {
    if (ariaTimer !== null) return;
    const wait = ariaAt + ARIA_EVERY - performance.now();
    if (wait <= 0) writeAria();
    else ariaTimer = setTimeout(writeAria, wait);
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function move(index: number | null) {
    if (index === at) return;
    at = index;
    schedule();
    opts.onScrub?.(index);
  }

  if (interactive) {
    svg.attr('tabindex', 0).classed('lc-interactive', true).style('touch-action', 'pan-y pinch-zoom');
    // A transparent hit area over the plot, under the lines' (pointer-less) strokes.
    g.insert('rect', ':first-child').attr('class', 'lc-hit').attr('width', iw).attr('height', ih);
    const indexAt = (event: PointerEvent | MouseEvent): number | null => {
      const p = primary();
      if (!p) return null;
      const [px] = d3.pointer(event, g.node());
      return nearestIndex(p.xs, xScale.invert(Math.max(0, Math.min(iw, px))));
    };
    svg.on('pointermove pointerdown', (event: PointerEvent) => move(indexAt(event)));
    svg.on('pointerleave', (event: PointerEvent) => {
      // A finger lifted leaves the cursor where it was; a mouse that leaves takes it away.
      if (event.pointerType === 'mouse') move(null);
    });
    svg.on('click', (event: MouseEvent) => {
      const i = indexAt(event);
      if (i !== null) opts.onPick?.(i);
    });
    svg.on('keydown', (event: KeyboardEvent) => {
      const p = primary();
      const n = p ? Math.min(p.xs.length, p.ys.length) : 0;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (n > 0) opts.onPick?.(at ?? n - 1);
        return;
      }
      if (event.key === 'Escape' && at !== null) {
        event.preventDefault();
        move(null);
        return;
      }
      const next = keyStep(event.key, at, n);
      if (next === undefined) return;
      event.preventDefault();
      move(next);
    });
  }

  draw();

  return {
    /** Shows this data; redraws at most once per animation frame, with the latest data. */
    update(next: LineChartData) {
      data = next;
      schedule();
    },
    /** Empties the chart (a reset run). */
    clear() {
      data = { series: {} };
      schedule();
    },
    /** Moves the cursor to this index of the first series' points (null hides it), without calling onScrub. */
    setCursor(index: number | null) {
      at = index;
      schedule();
    },
    /** Where the cursor is, as an index into the first series' points, or null. */
    get cursor() {
      return at;
    },
    /** The text alternative as it stands now (also the svg's aria-label, kept current about once a second). */
    describe: summary,
    destroy() {
      cancelAnimationFrame(frame);
      if (ariaTimer !== null) clearTimeout(ariaTimer);
      svg.remove();
    },
  };
}

export type LineChart = ReturnType<typeof createLineChart>;

/**
 * The most common chart: one loss curve against training step, in the accent colour, with the path class
 * `loss-line`. Options for createLineChart; pass its data with `lossData`.
 *
 * @example
 * const chart = createLineChart(el, lossChartOptions('Training loss'));
 * chart.update(lossData(trainer.losses.toArrays()));
 */
export function lossChartOptions(label = 'Loss', extra: Partial<LineChartOptions> = {}): LineChartOptions {
  return {
    label: `${label} during training`,
    yLabel: label,
    xLabel: 'step',
    className: 'loss-chart',
    x: { atLeast: 10 },
    empty: 'Press Train to see the loss fall',
    series: [{ id: 'loss', name: label.toLowerCase(), color: 'accent', dash: '', className: 'loss-line' }],
    ...extra,
  };
}

/** Data for a lossChartOptions chart from a loss history ({ xs: steps, ys: losses }). */
export function lossData(series: { xs: ArrayLike<number>; ys: ArrayLike<number> } | null | undefined): LineChartData {
  return { x: series?.xs ?? [], series: { loss: series?.ys ?? [] } };
}

/** Training loss (blue, solid) and test loss (orange, dashed): the pair the lab and the overfitting figure plot. */
export const TRAIN_TEST_SERIES: readonly LineSeriesSpec[] = [
  { id: 'train', name: 'training', color: 'class-b', dash: '', width: 2.5 },
  { id: 'test', name: 'test', color: 'class-a', dash: '7 4', width: 2.5 },
];

/**
 * The lab's chart: training and test loss against epochs, with a legend. Options for createLineChart (`extra`
 * adds or overrides, e.g. `onScrub`); pass its data with `trainTestData`.
 *
 * @example
 * const chart = createLineChart(el, trainTestChartOptions({ onScrub: (i) => showEpoch(i) }));
 * chart.update(trainTestData({ epochs: [0, 1], train: [0.7, 0.5], test: [0.7, 0.6] }));
 */
export function trainTestChartOptions(extra: Partial<LineChartOptions> = {}): LineChartOptions {
  return {
    label: 'Loss on the training data (solid) and on the test data (dashed) against epochs',
    yLabel: 'Loss',
    xLabel: 'epoch',
    className: 'train-test-chart',
    height: 190,
    x: { min: 0, atLeast: 1 },
    empty: 'Press Train to see the losses',
    series: TRAIN_TEST_SERIES,
    ...extra,
  };
}

/** Data for a trainTestChartOptions chart; `epochs` may hold fractions (points measured within an epoch). */
export function trainTestData(h: { epochs: ArrayLike<number>; train: ArrayLike<number>; test: ArrayLike<number> }): LineChartData {
  return { x: h.epochs, series: { train: h.train, test: h.test } };
}
