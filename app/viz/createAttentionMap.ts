/**
 * An attention matrix as a labelled grid: one row per position that looks (the query), one column per position
 * looked at (the key), each cell shaded by its weight from 0 (paper) to 1 (ink); luminance carries the value, so
 * it reads in any colour vision. Masked cells (a causal model's future) are hatched. With `onPick`, a cell is
 * chosen by pointer or by the arrow keys and outlined.
 *
 * ```
 *            k: 3  1  4  1      ← what each column's position holds
 *   q: 1   [ ▓▓ ░░ ░░ ░░ ]
 *      4   [ ░░ ▓▓ ░░ ░░ ]      row i: how position i spreads its attention (the row sums to 1)
 * ```
 *
 * @example
 * const map = createAttentionMap(el, { label: 'Head 1', onPick: (i, j) => show(i, j) });
 * map.update({ weights, rows: ['1', '4'], cols: ['3', '1', '4', '1'] });
 */
import * as d3 from 'd3';
import './attentionMap.css';

export interface AttentionMapOptions {
  label: string;
  onPick?: (row: number, col: number) => void;
  /** Write each weight in its cell (as a percentage) when cells are large enough. */
  numbers?: boolean;
  /** Side of a cell in SVG units (the SVG scales to its container). */
  cell?: number;
  /** A thumbnail: no labels or titles. */
  compact?: boolean;
}

export interface AttentionMapData {
  /** [rows, cols] row-major, each in 0 … 1. */
  weights: ArrayLike<number>;
  rows: readonly string[];
  cols: readonly string[];
  /** Cells that cannot be attended to (drawn hatched), e.g. (i, j) => j > i for a causal mask. */
  masked?: (row: number, col: number) => boolean;
  /** Heading over the columns and beside the rows. */
  colTitle?: string;
  rowTitle?: string;
}

export interface AttentionMap {
  update(data: AttentionMapData): void;
  select(cell: { row: number; col: number } | null): void;
  destroy(): void;
}

let patternId = 0;

/** Paper → ink on a blue-black ramp (the same ramp as the course's feature maps). */
export function weightColour(w: number): string {
  const v = w > 0 ? (w < 1 ? w : 1) : 0;
  return `rgb(${Math.round(250 - 232 * v)},${Math.round(248 - 218 * v)},${Math.round(242 - 170 * v)})`;
}

export function createAttentionMap(el: HTMLElement, opts: AttentionMapOptions): AttentionMap {
  const cell = opts.cell ?? 28;
  const pad = opts.compact ? { left: 1, top: 1 } : { left: 34, top: 34 };
  const hatch = `attn-hatch-${++patternId}`;
  const svg = d3.select(el).append('svg').attr('class', 'attention-map').attr('role', 'img');
  const defs = svg.append('defs');
  defs
    .append('pattern')
    .attr('id', hatch)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .call((p) => p.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#fbfaf7'))
    .call((p) => p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#8a8a8a').attr('stroke-width', 2));
  const grid = svg.append('g').attr('transform', `translate(${pad.left},${pad.top})`);
  const cells = grid.append('g');
  const text = grid.append('g').attr('class', 'attention-map-numbers').attr('aria-hidden', 'true');
  const rowLabels = svg.append('g').attr('class', 'attention-map-labels').attr('aria-hidden', 'true');
  const colLabels = svg.append('g').attr('class', 'attention-map-labels').attr('aria-hidden', 'true');
  const titles = svg.append('g').attr('class', 'attention-map-title').attr('aria-hidden', 'true');
  const outline = grid.append('rect').attr('class', 'attention-map-outline').attr('fill', 'none').attr('display', 'none');
  let data: AttentionMapData | null = null;
  let selected: { row: number; col: number } | null = null;
  let shape = '';

  const describe = () => {
    if (!data) return;
    const base = `${opts.label}: attention weights, ${data.rows.length} rows (positions looking) by ${data.cols.length} columns (positions looked at)`;
    let textLabel = opts.onPick ? `${base}. Press an arrow key or click to choose a cell.` : base;
    if (selected) textLabel = `${base}. Chosen: row ${selected.row + 1}, column ${selected.col + 1}. Arrow keys move.`;
    if (svg.attr('aria-label') !== textLabel) svg.attr('aria-label', textLabel);
  };

  const drawOutline = () => {
    if (!selected || !data) {
      outline.attr('display', 'none');
      return;
    }
    outline.attr('display', null).attr('x', selected.col * cell + 1).attr('y', selected.row * cell + 1).attr('width', cell - 2).attr('height', cell - 2);
  };

  const pick = (row: number, col: number) => {
    selected = { row, col };
    drawOutline();
    describe();
    opts.onPick?.(row, col);
  };

  if (opts.onPick) {
    svg.attr('tabindex', 0).classed('attention-map-pickable', true);
    svg.on('keydown', (e: KeyboardEvent) => {
      if (!data) return;
      const s = selected ?? { row: 0, col: 0 };
      const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [s.row, s.col - 1], ArrowRight: [s.row, s.col + 1], ArrowUp: [s.row - 1, s.col], ArrowDown: [s.row + 1, s.col], Home: [0, 0],
      };
      const m = moves[e.key];
      if (!m) return;
      e.preventDefault();
      if (!selected) pick(0, 0);
      else pick(clamp(m[0], data.rows.length), clamp(m[1], data.cols.length));
    });
  }

  const build = (d: AttentionMapData) => {
    const nr = d.rows.length;
    const nc = d.cols.length;
    svg.attr('viewBox', `0 0 ${pad.left + nc * cell + 4} ${pad.top + nr * cell + 4}`);
    const index = d3.range(nr * nc);
    const rects = cells
      .selectAll<SVGRectElement, number>('rect')
      .data(index)
      .join('rect')
      .attr('x', (i) => (i % nc) * cell)
      .attr('y', (i) => Math.floor(i / nc) * cell)
      .attr('width', cell - 1)
      .attr('height', cell - 1);
    if (opts.onPick) rects.on('pointerdown', (_e: PointerEvent, i: number) => pick(Math.floor(i / nc), i % nc));
    text
      .selectAll('text')
      .data(opts.numbers && cell >= 24 ? index : [])
      .join('text')
      .attr('x', (i) => (i % nc) * cell + cell / 2)
      .attr('y', (i) => Math.floor(i / nc) * cell + cell / 2 + 4)
      .attr('text-anchor', 'middle');
  };

  const labels = (d: AttentionMapData) => {
    if (opts.compact) return;
    rowLabels
      .selectAll('text')
      .data(d.rows)
      .join('text')
      .attr('x', pad.left - 6)
      .attr('y', (_, i) => pad.top + i * cell + cell / 2 + 4)
      .attr('text-anchor', 'end')
      .text((t) => t);
    colLabels
      .selectAll('text')
      .data(d.cols)
      .join('text')
      .attr('x', (_, j) => pad.left + j * cell + cell / 2)
      .attr('y', pad.top - 8)
      .attr('text-anchor', 'middle')
      .text((t) => t);
    titles
      .selectAll('text')
      .data([d.colTitle ?? '', d.rowTitle ?? ''])
      .join('text')
      .attr('x', (_, i) => (i === 0 ? pad.left : 2))
      .attr('y', (_, i) => (i === 0 ? 10 : pad.top - 8))
      .text((t) => t);
  };

  return {
    update(d) {
      const key = `${d.rows.join('\u0000')}|${d.cols.join('\u0000')}|${d.colTitle ?? ''}|${d.rowTitle ?? ''}`;
      const resized = !data || data.rows.length !== d.rows.length || data.cols.length !== d.cols.length;
      data = d;
      if (resized) build(d);
      if (key !== shape) {
        shape = key;
        labels(d);
      }
      const nc = d.cols.length;
      // Only changed cells are written: an identical write still invalidates the cell's paint (and a hatched
      // cell's pattern), which made a map redrawn several times a second cost more than the rest of its figure.
      cells.selectAll<SVGRectElement, number>('rect').each(function (i) {
        const r = Math.floor(i / nc);
        const c = i % nc;
        const fill = d.masked?.(r, c) ? `url(#${hatch})` : weightColour(d.weights[i] ?? 0);
        if (this.getAttribute('fill') !== fill) this.setAttribute('fill', fill);
      });
      text.selectAll<SVGTextElement, number>('text').each(function (i) {
        const r = Math.floor(i / nc);
        const c = i % nc;
        const w = d.weights[i] ?? 0;
        const t = d.masked?.(r, c) ? '' : String(Math.round(w * 100));
        if (this.textContent !== t) this.textContent = t;
        const fill = w > 0.5 ? '#fff' : '#222';
        if (this.getAttribute('fill') !== fill) this.setAttribute('fill', fill);
      });
      if (selected && (selected.row >= d.rows.length || selected.col >= nc)) selected = null;
      drawOutline();
      describe();
    },
    select(cellSel) {
      selected = cellSel;
      drawOutline();
      describe();
    },
    destroy() {
      svg.remove();
    },
  };
}
