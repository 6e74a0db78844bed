/**
 * A rows × columns heatmap of values in −1 … 1 on one small canvas (scaled up by CSS with crisp pixels), for the
 * position-encoding figure. Unlike viz/createMapGrid it uses a strong diverging scale (d3's red–blue, dark at both
 * ends and white at 0, so luminance carries the size and hue the sign under any colour vision) and outlines a
 * whole chosen row as well as the chosen cell. A cell is chosen by pointer (mouse, pen, touch) or by the arrow
 * keys (Home / End: first / last column). Redraws at most once per animation frame.
 *
 * @example
 * const map = createHeatmap(el, { label: 'Encodings', onPick: (r, c) => choose(r, c) });
 * map.update(values, 32, 64);
 * map.select(5, 0);
 */
import { interpolateRdBu } from 'd3';

export interface Heatmap {
  update(values: Float32Array, rows: number, cols: number): void;
  select(row: number, col: number): void;
  destroy(): void;
}

const LUT_STEPS = 256;
/** RdBu runs red → white → blue; read it so that −1 is red and +1 blue. */
const LUT = Array.from({ length: LUT_STEPS + 1 }, (_, i) => {
  const c = interpolateRdBu(i / LUT_STEPS);
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255];
});

/** The heatmap's colour of v in −1 … 1, as a CSS colour (for keys and bars drawn beside it). */
export function heatColour(v: number): string {
  const [r, g, b] = LUT[Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * LUT_STEPS)]!;
  return `rgb(${r} ${g} ${b})`;
}

export function createHeatmap(el: HTMLElement, opts: { label: string; onPick?(row: number, col: number): void }): Heatmap {
  const canvas = document.createElement('canvas');
  canvas.className = 'pe-canvas';
  // Only a heatmap whose cells can be chosen takes the focus.
  if (opts.onPick) canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  el.appendChild(canvas);
  let data: { values: Float32Array; rows: number; cols: number } | null = null;
  let chosen = { row: 0, col: 0 };
  let frame = 0;

  const draw = () => {
    frame = 0;
    if (!data) return;
    const { values, rows, cols } = data;
    // About 512 canvas pixels along the longer side, whatever the size: crisp outlines, little to redraw.
    const cell = Math.max(2, Math.round(512 / Math.max(rows, cols)));
    const w = cols * cell;
    const h = rows * cell;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(w, h);
    const px = image.data;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = values[r * cols + c]!;
        const [red, green, blue] = LUT[Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * LUT_STEPS)]!;
        for (let y = 0; y < cell; y++) {
          let i = ((r * cell + y) * w + c * cell) * 4;
          for (let x = 0; x < cell; x++, i += 4) {
            px[i] = red!;
            px[i + 1] = green!;
            px[i + 2] = blue!;
            px[i + 3] = 255;
          }
        }
      }
    }
    ctx.putImageData(image, 0, 0);
    // The chosen row (thin) and cell (thick), black under yellow so they show on red, white and blue alike.
    const { row, col } = chosen;
    if (opts.onPick) {
      for (const [width, colour] of [
        [3, '#000'],
        [1.5, '#ffd400'],
      ] as const) {
        ctx.lineWidth = width;
        ctx.strokeStyle = colour;
        ctx.strokeRect(1.5, row * cell, w - 3, cell);
        ctx.lineWidth = width * 1.5;
        ctx.strokeRect(col * cell - 2, row * cell - 2, cell + 4, cell + 4);
      }
    }
    const label = !opts.onPick ? `${opts.label}: ${rows} rows by ${cols} columns.` : `${opts.label}: ${rows} rows by ${cols} columns. Chosen: row ${row}, column ${col}, value ${(values[row * cols + col] ?? 0).toFixed(2)}. Arrow keys move.`;
    if (canvas.getAttribute('aria-label') !== label) canvas.setAttribute('aria-label', label);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const pick = (row: number, col: number) => {
    if (!data) return;
    chosen = { row: Math.max(0, Math.min(data.rows - 1, row)), col: Math.max(0, Math.min(data.cols - 1, col)) };
    schedule();
    opts.onPick?.(chosen.row, chosen.col);
  };
  const onPointer = (e: PointerEvent) => {
    if (!data) return;
    const rect = canvas.getBoundingClientRect();
    pick(Math.floor(((e.clientY - rect.top) / rect.height) * data.rows), Math.floor(((e.clientX - rect.left) / rect.width) * data.cols));
  };
  const onKey = (e: KeyboardEvent) => {
    if (!data) return;
    const { row, col } = chosen;
    const to: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, data.cols - 1],
    };
    const next = to[e.key];
    if (!next) return;
    e.preventDefault();
    pick(next[0], next[1]);
  };
  if (opts.onPick) {
    canvas.addEventListener('pointerdown', onPointer);
    canvas.addEventListener('keydown', onKey);
  }

  return {
    update(values, rows, cols) {
      data = { values, rows, cols };
      schedule();
    },
    select(row, col) {
      chosen = { row, col };
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
