/**
 * How big the gradient is in each layer of a network, input layer on the left, on a log scale: one bar per
 * layer for the current run, and an optional reference (the previous run) as a dashed line with hollow markers.
 * The y axis spans whole powers of ten around the data, so it changes rarely while a network trains.
 * Redraws at most once per animation frame.
 *
 * @example
 * const chart = createGradientChart(el);
 * chart.update({ sizes: Float32Array.of(1e-8, 1e-6, 1e-3, 0.1), reference: null });
 */
import * as d3 from 'd3';

export interface GradientChartState {
  /** One positive number per layer, input layer first. */
  sizes: ArrayLike<number> | null;
  /** The same for another run, drawn as a dashed outline (its length may differ). */
  reference: ArrayLike<number> | null;
}

const W = 480;
const H = 220;
const M = { top: 22, right: 10, bottom: 42, left: 52 };
/** Values below this (exact zeros, dead units) sit on the floor of the chart. */
const FLOOR = 1e-12;

function decades(values: number[]): [number, number] {
  const positive = values.filter((v) => Number.isFinite(v) && v > FLOOR);
  if (positive.length === 0) return [1e-6, 1];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [Math.min(lo, 1e-4), Math.max(hi, 1)];
}

/** Superscript form of a power of ten, e.g. 1e-6 → "10⁻⁶". */
function powerLabel(v: number): string {
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  const e = Math.round(Math.log10(v));
  if (e === 0) return '1';
  return `10${String(e)
    .split('')
    .map((c) => sup[c] ?? c)
    .join('')}`;
}

export function createGradientChart(el: HTMLElement, { label = 'Gradient size per weight' }: { label?: string } = {}) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'gradient-chart')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', `${label} in each layer, input layer first, on a log scale`)
    .style('width', '100%')
    .style('display', 'block');
  const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const grid = g.append('g').attr('class', 'grad-grid');
  const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`);
  const yAxis = g.append('g').attr('class', 'axis');
  g.append('text')
    .attr('class', 'axis-label')
    .attr('x', iw / 2)
    .attr('y', ih + 34)
    .attr('text-anchor', 'middle')
    .text('layer: input → output');
  g.append('text').attr('class', 'axis-label').attr('x', 0).attr('y', -8).text(`${label} (log scale)`);
  const bars = g.append('g');
  const refLine = g.append('path').attr('class', 'grad-ref-line');
  const refDots = g.append('g');

  let pending: GradientChartState | null = null;
  let frame = 0;

  function draw({ sizes, reference }: GradientChartState) {
    const cur = sizes ? Array.from(sizes) : [];
    const ref = reference ? Array.from(reference) : [];
    const layers = Math.max(cur.length, ref.length, 1);
    const x = d3.scaleBand<number>(d3.range(layers), [0, iw]).padding(0.25);
    const [lo, hi] = decades([...cur, ...ref]);
    const y = d3.scaleLog([lo, hi], [ih, 0]);
    const clamp = (v: number) => y(Math.min(hi, Math.max(lo, Number.isFinite(v) && v > FLOOR ? v : lo)));
    const ticks = d3.range(Math.round(Math.log10(lo)), Math.round(Math.log10(hi)) + 1).map((e) => 10 ** e);
    // Label every power of ten when there are few, every second or third when the range is wide.
    const every = Math.ceil(ticks.length / 7);
    const shown = ticks.filter((_, i) => (ticks.length - 1 - i) % every === 0);
    yAxis.call(d3.axisLeft(y).tickValues(shown).tickFormat((v) => powerLabel(Number(v))));
    grid
      .selectAll('line')
      .data(shown)
      .join('line')
      .attr('x1', 0)
      .attr('x2', iw)
      .attr('y1', (v) => y(v))
      .attr('y2', (v) => y(v));
    xAxis.call(
      d3
        .axisBottom(x)
        .tickFormat((i) => String(i + 1))
        .tickSizeOuter(0),
    );

    bars
      .selectAll<SVGRectElement, number>('rect')
      .data(cur)
      .join((enter) => enter.append('rect').call((r) => r.append('title')))
      .attr('class', 'grad-bar')
      .attr('x', (_, i) => x(i) ?? 0)
      .attr('width', x.bandwidth())
      .attr('y', (v) => clamp(v))
      .attr('height', (v) => ih - clamp(v))
      .attr('data-value', (v) => v.toExponential(2))
      .select('title')
      .text((v, i) => `layer ${i + 1}: ${v.toExponential(1)}`);

    const cx = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
    refLine.attr('d', ref.length ? (d3.line<number>().x((_, i) => cx(i)).y((v) => clamp(v))(ref) ?? null) : null);
    refDots
      .selectAll<SVGCircleElement, number>('circle')
      .data(ref)
      .join('circle')
      .attr('class', 'grad-ref-dot')
      .attr('r', 4)
      .attr('cx', (_, i) => cx(i))
      .attr('cy', (v) => clamp(v));
  }

  return {
    update(state: GradientChartState) {
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

export type GradientChart = ReturnType<typeof createGradientChart>;
