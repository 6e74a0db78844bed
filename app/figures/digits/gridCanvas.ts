/** Drawing a grid of numbers (a picture or a feature map) into a small canvas that CSS scales up, cell by cell. */
import type { Grid } from '../../engine/conv';

/** A rectangle of cells: top-left (r, c), `rows` × `cols`. */
export interface CellBox {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

/** Grayscale for pictures: 0 black, 1 white. */
export const gray = (v: number): [number, number, number] => {
  const g = Math.round(Math.min(1, Math.max(0, v)) * 255);
  return [g, g, g];
};

/**
 * Paints `grid` at `cell` canvas pixels per cell and outlines `box`, if any, in black and yellow (visible on any
 * colour of the maps). Returns the 2D context for extra marks, or null.
 *
 * @example
 * drawGrid(canvas, image, gray, 10, { r: 3, c: 4, rows: 3, cols: 3 });
 */
export function drawGrid(
  canvas: HTMLCanvasElement,
  grid: Grid,
  colour: (v: number) => [number, number, number],
  cell: number,
  box: CellBox | null,
): CanvasRenderingContext2D | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  canvas.width = grid.cols * cell;
  canvas.height = grid.rows * cell;
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const [red, green, blue] = colour(grid.values[r * grid.cols + c]!);
      ctx.fillStyle = `rgb(${red},${green},${blue})`;
      ctx.fillRect(c * cell, r * cell, cell, cell);
    }
  }
  if (box) outlineBox(ctx, box, cell);
  return ctx;
}

/** The black-and-yellow outline of a box of cells, drawn as thick at `cell` pixels per cell as at 10. */
export function outlineBox(ctx: CanvasRenderingContext2D, box: CellBox, cell: number) {
  const k = cell / 10;
  const [x, y, w, h] = [box.c * cell + 1.5 * k, box.r * cell + 1.5 * k, box.cols * cell - 3 * k, box.rows * cell - 3 * k];
  ctx.lineWidth = 3 * k;
  ctx.strokeStyle = '#000';
  ctx.strokeRect(x, y, w, h);
  ctx.lineWidth = 1.5 * k;
  ctx.strokeStyle = '#ffd400';
  ctx.strokeRect(x, y, w, h);
}

/** Which cell of a `rows` × `cols` grid drawn in the element a pointer is over, or null outside it. */
export function cellFromPointer(e: { clientX: number; clientY: number; currentTarget: Element }, rows: number, cols: number): { r: number; c: number } | null {
  const rect = e.currentTarget.getBoundingClientRect();
  const c = Math.floor(((e.clientX - rect.left) / rect.width) * cols);
  const r = Math.floor(((e.clientY - rect.top) / rect.height) * rows);
  return r >= 0 && r < rows && c >= 0 && c < cols ? { r, c } : null;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * The cell an arrow key moves to, kept inside the grid; Home and End jump to the first and last cell. Null for
 * any other key (let it through).
 */
export function cellFromKey(key: string, at: { r: number; c: number }, rows: number, cols: number): { r: number; c: number } | null {
  if (key === 'Home') return { r: 0, c: 0 };
  if (key === 'End') return { r: rows - 1, c: cols - 1 };
  const m = MOVES[key];
  if (!m) return null;
  return { r: Math.min(rows - 1, Math.max(0, at.r + m[0])), c: Math.min(cols - 1, Math.max(0, at.c + m[1])) };
}
