/**
 * A small fully connected network drawn as a graph: one column of neurons per layer, every neuron a tiny heatmap
 * of what it outputs over the input plane, its value for the current input printed under it, and every edge
 * coloured by what it carries for that input (weight × the activation it starts from).
 *
 * Edges are SVG; neurons are HTML buttons laid over the SVG at the same proportional positions, each holding a
 * low-resolution canvas scaled by CSS. Buttons make every neuron reachable by keyboard: hovering, focusing or
 * tapping one enlarges its map and reports it through `onSelect`.
 *
 *   update(state) ─▶ (sizes changed? rebuild the DOM) ─▶ next animation frame: edges, maps, numbers
 *
 * @example
 * const graph = createNetworkGraph(el, { resolution: 32, onSelect: (layer, unit) => console.log(layer, unit) });
 * graph.update({
 *   layers: [
 *     { values: [0.5, -0.2], domain: [-1.2, 1.2], grid: inputGrid },
 *     { values: hidden, domain: [-1, 1], grid: snapshot.probes.layer1 },
 *     { values: [0.83], domain: [0, 1], grid: snapshot.probes.layer2 },
 *   ],
 *   weights: [snapshot.weights[0], snapshot.weights[2]],
 *   probe: { x: 0.5, y: -0.2 },
 * });
 * graph.destroy();
 *
 * Optional extras for an editable network (the training lab): `biases` in the state draws a small square at each
 * neuron's lower left (blue +, orange −, larger for a larger bias); `edgeMode: 'gradient'` with `edgeGradients`
 * draws the loss gradient on each weight instead of its value (dotted, see `edgeLegend`); `onEdgeActivate` and
 * `onBiasActivate` make edges and bias squares clickable, and a focused neuron's "E" key asks to edit its bias and
 * incoming weights; `nodeAnchor`, `edgeAnchor` and `biasAnchor` give client rects to place an editing popover.
 *
 * @example
 * const graph = createNetworkGraph(el, {
 *   onEdgeActivate: (layer, from, to) => openWeightEditor(graph.edgeAnchor(layer, from, to), layer, from, to),
 *   onBiasActivate: (layer, unit) => openNeuronEditor(graph.nodeAnchor(layer, unit), layer, unit),
 * });
 * graph.update({ layers, weights, biases: [b1, b2], edgeMode: 'gradient', edgeGradients: [g1, g2] });
 */
import * as d3 from 'd3';
import { fieldColour } from './createDecisionPlane';
import { gradientDash, type EdgeMode } from './scales';

export { edgeLegend, type EdgeMode } from './scales';

export interface NetworkLayerState {
  /** Each neuron's value for the current input. */
  values: ArrayLike<number>;
  /** The range the values live in, mapped to orange (low) … pale (middle) … blue (high). */
  domain: [number, number];
  /**
   * Every neuron's value at the `resolution`² grid points (engine `gridPoints` order: rows from the top), point
   * by point: grid[p * units + u]. Omit to draw the neuron as a plain disc.
   */
  grid?: ArrayLike<number> | null;
}

export interface NetworkState {
  /** Input layer first, output layer last. */
  layers: NetworkLayerState[];
  /** The weight matrix into each layer after the input, row-major [in, out]: W[i * out + j] joins i to j. */
  weights: ArrayLike<number>[];
  /** The current input point, marked on every map (in the maps' domain). */
  probe?: { x: number; y: number };
  /** Each layer's biases after the input (biases[l - 1][unit] for layer l), drawn as a square by each neuron. */
  biases?: ArrayLike<number>[];
  /** 'value' (default): edges show weight × activation; 'gradient': they show `edgeGradients`. */
  edgeMode?: EdgeMode;
  /** d(loss)/d(weight), laid out like `weights`; used when `edgeMode` is 'gradient'. */
  edgeGradients?: ArrayLike<number>[];
}

export interface NetworkGraphOptions {
  /** Cells per side of every neuron's map (the grids' resolution). */
  resolution?: number;
  /** The input plane the maps cover, for placing the probe marker. */
  domain?: [number, number];
  /** Column headings, input first; default "input", "hidden 1", …, "output". */
  layerNames?: (layer: number, layers: number) => string;
  /** A short name for one neuron, e.g. "x₁" for an input. */
  unitName?: (layer: number, unit: number) => string;
  /** Called with the neuron the reader hovers, focuses or taps; that neuron is then outlined as selected. */
  onSelect?: (layer: number, unit: number) => void;
  /** The neuron outlined as selected at the start. */
  selected?: { layer: number; unit: number };
  /** How numbers are printed on the neurons. */
  format?: (v: number) => string;
  /**
   * Makes every edge clickable (with a wider invisible hit area): weight matrix `layer` (0 = input → first hidden),
   * from unit `from` to unit `to`.
   */
  onEdgeActivate?: (layer: number, from: number, to: number) => void;
  /**
   * Makes every bias square clickable ('pointer'), and the "E" key on a focused non-input neuron ('keyboard'):
   * then the caller should offer that neuron's bias and its incoming weights, the keyboard path to every edge.
   */
  onBiasActivate?: (layer: number, unit: number, via: 'pointer' | 'keyboard') => void;
}

/** View widths: a narrow view on phones packs the columns closer, so the neurons are drawn larger. */
const WIDE = 600;
const NARROW = 420;
const NODE = 64;
const ROW = 92;
const TOP = 40;
const SIDE = 40;

const defaultName = (l: number, n: number) => (l === 0 ? 'input' : l === n - 1 ? 'output' : `hidden ${l}`);
const defaultFormat = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2).replace('-', '−'));

export function createNetworkGraph(el: HTMLElement, options: NetworkGraphOptions = {}) {
  const res = options.resolution ?? 32;
  const [lo, hi] = options.domain ?? [-1.2, 1.2];
  const layerName = options.layerNames ?? defaultName;
  const format = options.format ?? defaultFormat;

  const root = d3.select(el).append('div').attr('class', 'netgraph');
  let selected = options.selected ?? null;
  let sizes: number[] = [];
  let height = 0;
  let W = WIDE;
  const widthFor = () => (el.clientWidth > 0 && el.clientWidth < 480 ? NARROW : WIDE);
  let svg: d3.Selection<SVGSVGElement, unknown, null, undefined> | null = null;
  let edges: SVGPathElement[][] = []; // edges[l][i * out + j], into layer l + 1
  let nodes: { button: HTMLButtonElement; ctx: CanvasRenderingContext2D; image: ImageData; value: HTMLElement; marker: HTMLElement }[][] = [];
  let hits: SVGPathElement[][] = []; // invisible wide paths over the edges, when they are clickable
  let biasMarks: (SVGGElement | null)[][] = []; // biasMarks[l][u]; null for the input layer

  const cx = (l: number) => (sizes.length < 2 ? W / 2 : SIDE + NODE / 2 + (l * (W - 2 * SIDE - NODE)) / (sizes.length - 1));
  const cy = (l: number, u: number) => TOP + NODE / 2 + (height - TOP - NODE - 24) / 2 + (u - ((sizes[l] ?? 1) - 1) / 2) * ROW;
  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;

  function build(next: number[]) {
    sizes = next;
    W = widthFor();
    root.selectAll('*').remove();
    height = TOP + (Math.max(...sizes) - 1) * ROW + NODE + 24;
    root.style('aspect-ratio', `${W} / ${height}`);
    svg = root.append('svg').attr('viewBox', `0 0 ${W} ${height}`).attr('aria-hidden', 'true');
    edges = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const g = svg.append('g').attr('class', 'netgraph-edges');
      const row: SVGPathElement[] = [];
      const [x0, x1] = [cx(l) + NODE / 2, cx(l + 1) - NODE / 2];
      const mid = (x0 + x1) / 2;
      for (let i = 0; i < sizes[l]!; i++) {
        for (let j = 0; j < sizes[l + 1]!; j++) {
          const [y0, y1] = [cy(l, i), cy(l + 1, j)];
          row.push(g.append('path').attr('class', 'netgraph-edge').attr('d', `M${x0},${y0}C${mid},${y0} ${mid},${y1} ${x1},${y1}`).node()!);
        }
      }
      edges.push(row);
    }
    hits = [];
    if (options.onEdgeActivate) {
      const onEdge = options.onEdgeActivate;
      const g = svg.append('g').attr('class', 'netgraph-hits');
      edges.forEach((row, l) => {
        const out = sizes[l + 1]!;
        hits.push(
          row.map((path, k) => {
            const [i, j] = [Math.floor(k / out), k % out];
            const hit = g
              .append('path')
              .attr('class', 'netgraph-edge-hit')
              .attr('d', path.getAttribute('d'))
              .attr('data-layer', l)
              .attr('data-from', i)
              .attr('data-to', j)
              .style('fill', 'none')
              .style('stroke', 'transparent')
              .style('stroke-width', '14')
              .style('pointer-events', 'stroke')
              .style('cursor', 'pointer');
            hit.append('title');
            const node = hit.node()!;
            node.addEventListener('pointerenter', () => {
              path.style.filter = 'drop-shadow(0 0 1.5px var(--text))';
              const w = pending?.weights[l]?.[k];
              node.firstElementChild!.textContent = `Weight from ${layerName(l, sizes.length)} ${options.unitName?.(l, i) ?? `neuron ${i + 1}`} to ${layerName(l + 1, sizes.length)} ${options.unitName?.(l + 1, j) ?? `neuron ${j + 1}`}: ${w === undefined ? '—' : format(w)}. Click to edit.`;
            });
            node.addEventListener('pointerleave', () => (path.style.filter = ''));
            node.addEventListener('click', () => onEdge(l, i, j));
            return node;
          }),
        );
      });
    }
    biasMarks = sizes.map((units, l) =>
      d3.range(units).map((u) => {
        if (l === 0) return null;
        // At the neuron's lower left, below where the incoming edges arrive.
        const mark = svg!
          .append('g')
          .attr('class', 'netgraph-bias')
          .attr('data-layer', l)
          .attr('data-unit', u)
          .attr('transform', `translate(${cx(l) - NODE / 2 - 10},${cy(l, u) + NODE / 2 - 9})`)
          .style('display', 'none');
        mark.append('rect').style('stroke', 'var(--text)').style('stroke-width', '1');
        mark.append('path').style('stroke', 'var(--surface)').style('stroke-width', '1.5').style('fill', 'none');
        if (options.onBiasActivate) {
          const onBias = options.onBiasActivate;
          mark.append('rect').attr('x', -12).attr('y', -12).attr('width', 24).attr('height', 24).style('fill', 'transparent').style('pointer-events', 'all').style('cursor', 'pointer');
          mark.append('title');
          mark.on('click', () => onBias(l, u, 'pointer'));
        }
        return mark.node()!;
      }),
    );
    nodes = sizes.map((units, l) => {
      root
        .append('div')
        .attr('class', 'netgraph-heading')
        .style('left', pct(cx(l), W))
        .text(layerName(l, sizes.length));
      return d3.range(units).map((u) => {
        const button = root
          .append('button')
          .attr('type', 'button')
          .attr('class', `netgraph-node${l === 0 ? ' is-input' : ''}`)
          .attr('aria-pressed', 'false')
          .attr('data-layer', l)
          .attr('data-unit', u)
          .style('left', pct(cx(l) - NODE / 2, W))
          .style('top', pct(cy(l, u) - NODE / 2, height))
          .style('width', pct(NODE, W))
          .style('height', pct(NODE, height));
        const canvas = button.append('canvas').attr('width', res).attr('height', res).attr('aria-hidden', 'true');
        const marker = button.append('span').attr('class', 'netgraph-marker').attr('aria-hidden', 'true');
        const value = button.append('span').attr('class', 'netgraph-value');
        const node = button.node()!;
        const select = () => {
          root.selectAll('.netgraph-node').classed('is-selected', false);
          node.classList.add('is-selected');
          selected = { layer: l, unit: u };
          options.onSelect?.(l, u);
        };
        node.addEventListener('pointerenter', select);
        node.addEventListener('focus', select);
        if (options.onBiasActivate && l > 0) {
          const onBias = options.onBiasActivate;
          node.setAttribute('aria-keyshortcuts', 'E');
          node.addEventListener('keydown', (event) => {
            if (event.key !== 'e' && event.key !== 'E') return;
            if (event.ctrlKey || event.metaKey || event.altKey) return;
            event.preventDefault();
            onBias(l, u, 'keyboard');
          });
        }
        node.addEventListener('click', () => {
          // A tap (phones have no hover) enlarges the map; a second tap shrinks it again.
          const zoomed = node.getAttribute('aria-pressed') !== 'true';
          root.selectAll('.netgraph-node').attr('aria-pressed', 'false');
          node.setAttribute('aria-pressed', String(zoomed));
          select();
        });
        if (selected?.layer === l && selected.unit === u) node.classList.add('is-selected');
        const ctx = (canvas.node() as HTMLCanvasElement).getContext('2d')!;
        return { button: node, ctx, image: ctx.createImageData(res, res), value: value.node()!, marker: marker.node()! };
      });
    });
  }

  let pending: NetworkState | null = null;
  let frame = 0;

  // Crossing the phone width (a rotated phone, a resized window) rebuilds the view at the other width.
  const resize = new ResizeObserver(() => {
    if (sizes.length === 0 || widthFor() === W) return;
    build(sizes);
    if (pending) schedule();
  });
  resize.observe(el);

  function draw(state: NetworkState) {
    if (state.edgeMode === 'gradient') drawGradients(state.edgeGradients ?? []);
    else drawValues(state);
    drawBiases(state);
    drawNodes(state);
  }

  /** Gradient view: every edge dotted, blue dots where a step will grow the weight, orange dot-dashes where it shrinks it. */
  function drawGradients(grads: ArrayLike<number>[]) {
    let biggest = 1e-12;
    for (const g of grads) for (let k = 0; k < g.length; k++) if (Number.isFinite(g[k])) biggest = Math.max(biggest, Math.abs(g[k]!));
    edges.forEach((row, l) => {
      const g = grads[l];
      row.forEach((path, k) => {
        const v = g?.[k] ?? 0;
        const t = Number.isFinite(v) ? Math.min(1, Math.abs(v) / biggest) : 0;
        const w = 0.8 + 4.7 * t;
        path.setAttribute('class', `netgraph-edge ${v <= 0 ? 'is-positive' : 'is-negative'}`);
        path.style.strokeWidth = w.toFixed(2);
        path.style.opacity = (0.3 + 0.7 * t).toFixed(2);
        path.style.strokeLinecap = 'round';
        path.style.strokeDasharray = gradientDash(v, w);
      });
    });
  }

  function drawBiases(state: NetworkState) {
    const biases = state.biases;
    let biggest = 1;
    biases?.forEach((b) => {
      for (let k = 0; k < b.length; k++) if (Number.isFinite(b[k])) biggest = Math.max(biggest, Math.abs(b[k]!));
    });
    biasMarks.forEach((row, l) =>
      row.forEach((mark, u) => {
        if (!mark) return;
        const b = biases?.[l - 1]?.[u];
        if (b === undefined) {
          mark.style.display = 'none';
          return;
        }
        mark.style.display = '';
        const ok = Number.isFinite(b);
        const s = ok ? 8 + 7 * Math.min(1, Math.abs(b) / biggest) : 8;
        const [rect, sign] = [mark.children[0] as SVGRectElement, mark.children[1] as SVGPathElement];
        rect.setAttribute('x', String(-s / 2));
        rect.setAttribute('y', String(-s / 2));
        rect.setAttribute('width', s.toFixed(2));
        rect.setAttribute('height', s.toFixed(2));
        rect.style.fill = !ok ? 'var(--surface)' : b < 0 ? 'var(--class-a)' : 'var(--class-b)';
        // A plus or a minus inside: the sign without relying on colour.
        const a = Math.max(2, s / 2 - 2);
        sign.setAttribute('d', !ok ? '' : b < 0 ? `M${-a},0H${a}` : `M${-a},0H${a}M0,${-a}V${a}`);
        const title = mark.querySelector('title');
        if (title) title.textContent = `Bias of ${layerName(l, sizes.length)} ${options.unitName?.(l, u) ?? `neuron ${u + 1}`}: ${ok ? format(b) : '—'}. Click to edit.`;
      }),
    );
  }

  function drawValues(state: NetworkState) {
    // What each edge carries for this input: the weight times the activation it leaves from.
    let biggest = 1;
    state.weights.forEach((w, l) => {
      const from = state.layers[l]!.values;
      const out = sizes[l + 1]!;
      for (let k = 0; k < w.length; k++) biggest = Math.max(biggest, Math.abs(w[k]! * from[Math.floor(k / out)]!));
    });
    state.weights.forEach((w, l) => {
      const from = state.layers[l]!.values;
      const out = sizes[l + 1]!;
      edges[l]!.forEach((path, k) => {
        const c = (w[k] ?? 0) * (from[Math.floor(k / out)] ?? 0);
        const t = Math.min(1, Math.abs(c) / biggest);
        path.setAttribute('class', `netgraph-edge ${c < 0 ? 'is-negative' : 'is-positive'}`);
        path.style.strokeWidth = (0.6 + 5.4 * t).toFixed(2);
        path.style.opacity = (0.25 + 0.75 * t).toFixed(2);
        // Back from the gradient view: the stylesheet's patterns again.
        if (path.style.strokeDasharray) {
          path.style.strokeDasharray = '';
          path.style.strokeLinecap = '';
        }
      });
    });
  }

  function drawNodes(state: NetworkState) {
    state.layers.forEach((layer, l) => {
      const units = sizes[l]!;
      const [dlo, dhi] = layer.domain;
      const span = dhi - dlo || 1;
      nodes[l]!.forEach((node, u) => {
        const v = layer.values[u] ?? NaN;
        const text = Number.isFinite(v) ? format(v) : '—';
        node.value.textContent = text;
        const edit = options.onBiasActivate && l > 0 ? '. Press E to edit its bias and incoming weights' : '';
        node.button.setAttribute('aria-label', `${layerName(l, sizes.length)}, ${options.unitName?.(l, u) ?? `neuron ${u + 1}`}: ${text}${edit}`);
        const grid = layer.grid;
        if (grid) {
          const data = node.image.data;
          for (let p = 0; p < res * res; p++) {
            const [r, g, b] = fieldColour(((grid[p * units + u] ?? 0) - dlo) / span);
            data[4 * p] = r;
            data[4 * p + 1] = g;
            data[4 * p + 2] = b;
            data[4 * p + 3] = 255;
          }
          node.ctx.putImageData(node.image, 0, 0);
        } else {
          const [r, g, b] = fieldColour((v - dlo) / span);
          node.ctx.fillStyle = `rgb(${r},${g},${b})`;
          node.ctx.fillRect(0, 0, res, res);
        }
        if (state.probe) {
          node.marker.style.left = pct(state.probe.x - lo, hi - lo);
          node.marker.style.top = pct(hi - state.probe.y, hi - lo);
          node.marker.style.display = '';
        } else {
          node.marker.style.display = 'none';
        }
      });
    });
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (pending) draw(pending);
    });
  }

  return {
    /** Redraws at most once per animation frame, with the latest state; rebuilds when the layer sizes change. */
    update(state: NetworkState) {
      const next = state.layers.map((l) => l.values.length);
      if (next.join() !== sizes.join()) build(next);
      pending = state;
      schedule();
    },
    /** Where a neuron is on screen (its button's client rect), e.g. to place a popover beside it. */
    nodeAnchor(layer: number, unit: number): DOMRect | null {
      return nodes[layer]?.[unit]?.button.getBoundingClientRect() ?? null;
    },
    /** Where the middle of an edge is on screen (a zero-size client rect), e.g. to place a popover on it. */
    edgeAnchor(layer: number, from: number, to: number): DOMRect | null {
      const out = sizes[layer + 1];
      const path = out === undefined ? undefined : edges[layer]?.[from * out + to];
      const matrix = path?.getScreenCTM();
      if (!path || !matrix) return null;
      const mid = path.getPointAtLength(path.getTotalLength() / 2);
      const p = new DOMPoint(mid.x, mid.y).matrixTransform(matrix);
      return new DOMRect(p.x, p.y, 0, 0);
    },
    /** Where a neuron's bias square is on screen (its client rect), or null when biases are not drawn. */
    biasAnchor(layer: number, unit: number): DOMRect | null {
      const mark = biasMarks[layer]?.[unit];
      if (!mark || mark.style.display === 'none') return null;
      return (mark.children[0] as SVGRectElement).getBoundingClientRect();
    },
    /** The button of one neuron, e.g. to move the focus to it. */
    node(layer: number, unit: number): HTMLButtonElement | null {
      return nodes[layer]?.[unit]?.button ?? null;
    },
    destroy() {
      cancelAnimationFrame(frame);
      resize.disconnect();
      root.remove();
    },
  };
}

export type NetworkGraph = ReturnType<typeof createNetworkGraph>;
