/**
 * A layer's feature maps (or a bank of filters) as one small canvas: `channels` grids of h × w cells side by side,
 * scaled up by CSS with crisp pixels. With `onPick` a cell can be chosen by pointer (mouse, pen, touch) or keyboard
 * (arrows move within a map, Page Up / Page Down change map, Home goes to the first cell); the chosen cell is
 * outlined. Redraws at most once per animation frame.
 *
 * ```
 *   ┌────┐ ┌────┐ ┌────┐ ┌────┐
 *   │map0│ │map1│ │map2│ │map3│     values (r, c, ch) channels-last, as TF.js stores them
 *   └────┘ └────┘ └────┘ └────┘     shade: 0 → paper, the layer's largest → ink (or diverging, for weights)
 * ```
 *
 * @example
 * const grid = createMapGrid(el, { label: 'Conv 1: 8 feature maps', onPick: (ch, r, c) => open(ch, r, c) });
 * grid.update({ values, height: 28, width: 28, channels: 8 });
 */
import { fieldColour } from './createDecisionPlane';

export interface MapGridOptions {
  label: string;
  /** Maps per row (default: all in one row). */
  columns?: number;
  /** Weights: a diverging scale around zero instead of 0 … max. */
  diverging?: boolean;
  /** The value drawn at full strength (default: the largest magnitude in the data), e.g. 1 for gates in 0 … 1. */
  maxAbs?: number;
  /** Makes cells choosable; called with (channel, row, column). */
  onPick?: (channel: number, row: number, col: number) => void;
  /** Screen pixels per cell before CSS scaling (canvas resolution). */
  cell?: number;
  /**
   * Name the chosen cell's value in the accessible label (default true). Maps redrawn many times a second with a
   * chosen cell should say false: a label that changes with every redraw makes the browser update its
   * accessibility tree each time (long tasks), and a screen reader cannot follow it anyway.
   */
  labelValue?: boolean;
  /** Width in canvas pixels of the chosen cell's outline (default: a third of a cell), for maps CSS scales up a lot. */
  outline?: number;
}

export interface MapGridData {
  values: Float32Array;
  height: number;
  width: number;
  channels: number;
}

export interface MapGrid {
  update(data: MapGridData): void;
  /** Outlines a cell (null: none), without calling onPick. */
  select(cell: { channel: number; row: number; col: number } | null): void;
  destroy(): void;
}

const GAP = 2;

/** Paper → ink for non-negative activations, on the palette's neutral ramp (readable in any colour vision). */
function inkColour(t: number): [number, number, number] {
  const v = t > 0 ? (t < 1 ? t : 1) : 0;
  // From near-white to a deep blue-black: luminance carries the value, so it survives colour-blindness.
  return [Math.round(250 - 232 * v), Math.round(248 - 218 * v), Math.round(242 - 170 * v)];
}

export function createMapGrid(el: HTMLElement, opts: MapGridOptions): MapGrid {
  const canvas = document.createElement('canvas');
  canvas.className = 'map-grid';
  canvas.setAttribute('role', 'img');
  if (opts.onPick) {
    canvas.tabIndex = 0;
    canvas.classList.add('map-grid-pickable');
  }
  el.appendChild(canvas);
  let data: MapGridData | null = null;
  let selected: { channel: number; row: number; col: number } | null = null;
  let frame = 0;

  const layout = () => {
    const d = data!;
    const columns = Math.min(d.channels, opts.columns ?? d.channels);
    const rows = Math.ceil(d.channels / columns);
    // About 56 canvas pixels per map whatever its size: enough for a crisp outline, little to redraw ten times a
    // second (CSS scales it up with crisp pixels).
    const cell = opts.cell ?? Math.max(1, Math.round(56 / Math.max(d.height, d.width)));
    return { columns, rows, cell, mapW: d.width * cell, mapH: d.height * cell };
  };

  // Only a changed label is written: every write makes the browser update its accessibility tree.
  const label = (text: string) => {
    if (canvas.getAttribute('aria-label') !== text) canvas.setAttribute('aria-label', text);
  };
  const describe = () => {
    if (!data) return;
    const base = `${opts.label}: ${data.channels} map${data.channels === 1 ? '' : 's'} of ${data.height} × ${data.width}`;
    if (!selected) {
      label(opts.onPick ? `${base}. Press an arrow key or click to choose a unit.` : base);
      return;
    }
    const v = data.values[(selected.row * data.width + selected.col) * data.channels + selected.channel] ?? NaN;
    const value = opts.labelValue === false ? '' : `, value ${v.toFixed(3)}`;
    label(
      `${base}. Chosen: map ${selected.channel + 1}, row ${selected.row + 1}, column ${selected.col + 1}${value}. Arrow keys move, Page Up and Page Down change map.`,
    );
  };

  const draw = () => {
    frame = 0;
    if (!data) return;
    const d = data;
    const { columns, rows, cell, mapW, mapH } = layout();
    const width = columns * mapW + (columns - 1) * GAP * cell;
    const height = rows * mapH + (rows - 1) * GAP * cell;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    let scale = opts.maxAbs ?? 0;
    if (!opts.maxAbs) for (const v of d.values) if (Math.abs(v) > scale) scale = Math.abs(v);
    if (scale === 0) scale = 1;
    const image = ctx.createImageData(width, height);
    const px = image.data;
    for (let ch = 0; ch < d.channels; ch++) {
      const ox = (ch % columns) * (mapW + GAP * cell);
      const oy = Math.floor(ch / columns) * (mapH + GAP * cell);
      for (let r = 0; r < d.height; r++) {
        for (let c = 0; c < d.width; c++) {
          const v = d.values[(r * d.width + c) * d.channels + ch]!;
          const [red, green, blue] = opts.diverging ? fieldColour(0.5 + v / (2 * scale)) : inkColour(v / scale);
          for (let y = 0; y < cell; y++) {
            let i = ((oy + r * cell + y) * width + ox + c * cell) * 4;
            for (let x = 0; x < cell; x++, i += 4) {
              px[i] = red;
              px[i + 1] = green;
              px[i + 2] = blue;
              px[i + 3] = 255;
            }
          }
        }
      }
    }
    ctx.putImageData(image, 0, 0);
    if (selected && selected.channel < d.channels) {
      const ox = (selected.channel % columns) * (mapW + GAP * cell) + selected.col * cell;
      const oy = Math.floor(selected.channel / columns) * (mapH + GAP * cell) + selected.row * cell;
      const line = opts.outline ?? Math.max(1, cell / 3);
      ctx.lineWidth = line * 2;
      ctx.strokeStyle = '#000';
      ctx.strokeRect(ox - line, oy - line, cell + 2 * line, cell + 2 * line);
      ctx.lineWidth = line;
      ctx.strokeStyle = '#ffd400';
      ctx.strokeRect(ox - line, oy - line, cell + 2 * line, cell + 2 * line);
    }
    describe();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const pick = (cell: { channel: number; row: number; col: number }) => {
    selected = cell;
    schedule();
    opts.onPick?.(cell.channel, cell.row, cell.col);
  };

  const onPointer = (e: PointerEvent) => {
    if (!data || !opts.onPick) return;
    const rect = canvas.getBoundingClientRect();
    const { columns, cell, mapW, mapH } = layout();
    const x = ((e.clientX - rect.left) / rect.width) * canvas.width;
    const y = ((e.clientY - rect.top) / rect.height) * canvas.height;
    const stepX = mapW + GAP * cell;
    const stepY = mapH + GAP * cell;
    const channel = Math.floor(y / stepY) * columns + Math.floor(x / stepX);
    const col = Math.floor((x % stepX) / cell);
    const row = Math.floor((y % stepY) / cell);
    if (channel >= data.channels || col >= data.width || row >= data.height) return;
    pick({ channel, row, col });
  };
  const onKey = (e: KeyboardEvent) => {
    if (!data) return;
    const s = selected ?? { channel: 0, row: 0, col: 0 };
    const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
    const moves: Record<string, () => { channel: number; row: number; col: number }> = {
      ArrowLeft: () => ({ ...s, col: clamp(s.col - 1, data!.width) }),
      ArrowRight: () => ({ ...s, col: clamp(s.col + 1, data!.width) }),
      ArrowUp: () => ({ ...s, row: clamp(s.row - 1, data!.height) }),
      ArrowDown: () => ({ ...s, row: clamp(s.row + 1, data!.height) }),
      PageUp: () => ({ ...s, channel: clamp(s.channel - 1, data!.channels) }),
      PageDown: () => ({ ...s, channel: clamp(s.channel + 1, data!.channels) }),
      Home: () => ({ channel: s.channel, row: 0, col: 0 }),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    pick(selected ? move() : s);
  };
  if (opts.onPick) {
    canvas.addEventListener('pointerdown', onPointer);
    canvas.addEventListener('keydown', onKey);
  }

  return {
    update(next) {
      data = next;
      schedule();
    },
    select(cell) {
      selected = cell;
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      canvas.removeEventListener('pointerdown', onPointer);
      canvas.removeEventListener('keydown', onKey);
      canvas.remove();
    },
  };
}
