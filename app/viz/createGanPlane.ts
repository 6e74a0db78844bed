/**
 * The GAN's plane: the discriminator's score as a low-resolution canvas scaled up by CSS, and one full-resolution
 * canvas on top for the real points (green squares), the generated points (purple circles), the push arrows on
 * the generated points and the generator's warped noise grid. Canvas, not SVG: 800 points and 400 arrows are
 * redrawn several times a second.
 *
 * With `onDraw`, the reader can draw a distribution: pointer (mouse, pen, touch) drags leave points along the
 * stroke (`touch-action: none` keeps the page from scrolling under a finger), reported when the stroke ends.
 *
 * @example
 * const plane = createGanPlane(el, { domain: [-1.25, 1.25], resolution: 40, onDraw: (pts) => use(pts) });
 * plane.update({ heat, real, fakes, push, manifold, manifoldSide: 13, show: { heat: true, real: true, … } });
 */
import { PALE, type Rgb } from './scales';

export interface GanPlaneLayers {
  heat: boolean;
  real: boolean;
  fake: boolean;
  push: boolean;
  grid: boolean;
}

export interface GanPlaneState {
  /** D(x) in [0, 1] over a resolution² grid, row-major from the bottom-left. */
  heat: Float32Array;
  real: Float32Array;
  fakes: Float32Array;
  push: Float32Array;
  /** G over the noise grid; `manifoldSide` per row for a 2-D grid, or 0 for a 1-D line. */
  manifold: Float32Array;
  manifoldSide: number;
  show: GanPlaneLayers;
  /** Points being drawn (the current drawing), shown while the reader draws. */
  drawing?: Float32Array | null;
}

export interface GanPlaneOptions {
  domain: [number, number];
  resolution: number;
  label: string;
  onDraw?: (points: Float32Array) => void;
  /** Whether a drag draws (the figure turns it on for "draw your own"). */
  drawEnabled?: () => boolean;
}

export const REAL_COLOUR = '#009e73';
export const FAKE_COLOUR = '#b8579a';
const REAL_HEAT: Rgb = [118, 201, 170];
const FAKE_HEAT: Rgb = [222, 170, 206];

/** D's score as a colour: pale at 0.5, green towards "real" (1), pink towards "fake" (0). */
export function scoreColour(d: number): Rgb {
  const t = Math.max(-1, Math.min(1, (d - 0.5) * 2));
  const to = t >= 0 ? REAL_HEAT : FAKE_HEAT;
  const a = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(PALE[i]! + (to[i]! - PALE[i]!) * a)) as Rgb;
}

/** Minimum spacing of drawn points, in plane units. */
const DRAW_SPACING = 0.035;

export function createGanPlane(el: HTMLElement, options: GanPlaneOptions) {
  const { domain, resolution } = options;
  const [lo, hi] = domain;
  el.classList.add('gan-plane');
  const heatCanvas = document.createElement('canvas');
  heatCanvas.width = resolution;
  heatCanvas.height = resolution;
  heatCanvas.className = 'gan-heat';
  const top = document.createElement('canvas');
  top.className = 'gan-top';
  top.setAttribute('role', 'img');
  top.setAttribute('aria-label', options.label);
  el.append(heatCanvas, top);
  const heatCtx = heatCanvas.getContext('2d')!;
  const ctx = top.getContext('2d')!;
  const image = heatCtx.createImageData(resolution, resolution);

  let state: GanPlaneState | null = null;
  let frame = 0;
  let size = 0;
  const resize = () => {
    const css = el.clientWidth || 400;
    const px = Math.round(css * Math.min(2, window.devicePixelRatio || 1));
    if (px !== size) {
      size = px;
      top.width = px;
      top.height = px;
    }
  };
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => schedule()) : null;
  observer?.observe(el);

  const sx = (x: number) => ((x - lo) / (hi - lo)) * size;
  const sy = (y: number) => (1 - (y - lo) / (hi - lo)) * size;

  const draw = () => {
    frame = 0;
    resize();
    const s = state;
    if (!s) return;
    const u = size / 400; // one CSS-ish unit at a 400 px plot
    if (s.show.heat) {
      for (let r = 0; r < resolution; r++) {
        for (let c = 0; c < resolution; c++) {
          const [R, G, B] = scoreColour(s.heat[r * resolution + c] ?? 0.5);
          const o = 4 * ((resolution - 1 - r) * resolution + c);
          image.data[o] = R;
          image.data[o + 1] = G;
          image.data[o + 2] = B;
          image.data[o + 3] = 255;
        }
      }
      heatCtx.putImageData(image, 0, 0);
      heatCanvas.style.visibility = 'visible';
    } else heatCanvas.style.visibility = 'hidden';

    ctx.clearRect(0, 0, size, size);
    // Axes through the origin, faint.
    ctx.strokeStyle = 'rgba(0,0,0,0.15)';
    ctx.lineWidth = u;
    ctx.beginPath();
    ctx.moveTo(sx(0), 0);
    ctx.lineTo(sx(0), size);
    ctx.moveTo(0, sy(0));
    ctx.lineTo(size, sy(0));
    ctx.stroke();

    if (s.show.grid && s.manifold.length > 0) {
      ctx.strokeStyle = 'rgba(40,40,60,0.45)';
      ctx.lineWidth = 1.2 * u;
      ctx.beginPath();
      const m = s.manifold;
      const side = s.manifoldSide;
      if (side > 0) {
        for (let r = 0; r < side; r++) {
          for (let c = 0; c < side; c++) {
            const i = r * side + c;
            if (c === 0) ctx.moveTo(sx(m[2 * i]!), sy(m[2 * i + 1]!));
            else ctx.lineTo(sx(m[2 * i]!), sy(m[2 * i + 1]!));
          }
        }
        for (let c = 0; c < side; c++) {
          for (let r = 0; r < side; r++) {
            const i = r * side + c;
            if (r === 0) ctx.moveTo(sx(m[2 * i]!), sy(m[2 * i + 1]!));
            else ctx.lineTo(sx(m[2 * i]!), sy(m[2 * i + 1]!));
          }
        }
      } else {
        for (let i = 0; i < m.length / 2; i++) {
          if (i === 0) ctx.moveTo(sx(m[0]!), sy(m[1]!));
          else ctx.lineTo(sx(m[2 * i]!), sy(m[2 * i + 1]!));
        }
      }
      ctx.stroke();
    }

    if (s.show.real) {
      ctx.fillStyle = REAL_COLOUR;
      ctx.strokeStyle = '#00523c';
      ctx.lineWidth = 0.8 * u;
      const h = 2.6 * u;
      for (let i = 0; i < s.real.length / 2; i++) {
        const x = sx(s.real[2 * i]!);
        const y = sy(s.real[2 * i + 1]!);
        ctx.fillRect(x - h, y - h, 2 * h, 2 * h);
        ctx.strokeRect(x - h, y - h, 2 * h, 2 * h);
      }
    }

    if (s.show.push) {
      // Arrow lengths are scaled together so the longest is 12% of the plot: their directions and relative
      // sizes are what the reader reads.
      let longest = 1e-9;
      for (let i = 0; i < s.push.length / 2; i++) longest = Math.max(longest, Math.hypot(s.push[2 * i]!, s.push[2 * i + 1]!));
      const k = (0.12 * (hi - lo)) / longest;
      ctx.strokeStyle = 'rgba(30,30,30,0.7)';
      ctx.lineWidth = 1 * u;
      ctx.beginPath();
      for (let i = 0; i < s.fakes.length / 2; i += 3) {
        const x0 = s.fakes[2 * i]!;
        const y0 = s.fakes[2 * i + 1]!;
        const dx = s.push[2 * i]! * k;
        const dy = s.push[2 * i + 1]! * k;
        const X0 = sx(x0);
        const Y0 = sy(y0);
        const X1 = sx(x0 + dx);
        const Y1 = sy(y0 + dy);
        ctx.moveTo(X0, Y0);
        ctx.lineTo(X1, Y1);
        const len = Math.hypot(X1 - X0, Y1 - Y0);
        if (len > 4 * u) {
          const a = Math.atan2(Y1 - Y0, X1 - X0);
          const head = 3.5 * u;
          ctx.moveTo(X1, Y1);
          ctx.lineTo(X1 - head * Math.cos(a - 0.5), Y1 - head * Math.sin(a - 0.5));
          ctx.moveTo(X1, Y1);
          ctx.lineTo(X1 - head * Math.cos(a + 0.5), Y1 - head * Math.sin(a + 0.5));
        }
      }
      ctx.stroke();
    }

    if (s.show.fake) {
      ctx.fillStyle = FAKE_COLOUR;
      ctx.strokeStyle = '#5a1f4a';
      ctx.lineWidth = 0.8 * u;
      const r = 2.8 * u;
      ctx.beginPath();
      for (let i = 0; i < s.fakes.length / 2; i++) {
        const x = sx(s.fakes[2 * i]!);
        const y = sy(s.fakes[2 * i + 1]!);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }

    if (stroke.length > 0) {
      ctx.fillStyle = '#1d1d1f';
      for (let i = 0; i < stroke.length; i += 2) {
        ctx.beginPath();
        ctx.arc(sx(stroke[i]!), sy(stroke[i + 1]!), 2.5 * u, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  };

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  // Drawing a distribution with a pointer.
  let stroke: number[] = [];
  let drawingPointer: number | null = null;
  const toPlane = (e: PointerEvent): [number, number] => {
    const rect = top.getBoundingClientRect();
    const x = lo + ((e.clientX - rect.left) / rect.width) * (hi - lo);
    const y = lo + (1 - (e.clientY - rect.top) / rect.height) * (hi - lo);
    return [Math.max(-1, Math.min(1, x)), Math.max(-1, Math.min(1, y))];
  };
  const addPoint = (e: PointerEvent) => {
    const [x, y] = toPlane(e);
    const n = stroke.length;
    if (n >= 2 && Math.hypot(x - stroke[n - 2]!, y - stroke[n - 1]!) < DRAW_SPACING) return;
    if (n / 2 >= 300) return;
    stroke.push(x, y);
    schedule();
  };
  const onDown = (e: PointerEvent) => {
    if (!options.onDraw || !options.drawEnabled?.()) return;
    e.preventDefault();
    drawingPointer = e.pointerId;
    top.setPointerCapture?.(e.pointerId);
    addPoint(e);
  };
  const onMove = (e: PointerEvent) => {
    if (drawingPointer !== e.pointerId) return;
    for (const ev of e.getCoalescedEvents?.() ?? [e]) addPoint(ev);
  };
  const onUp = (e: PointerEvent) => {
    if (drawingPointer !== e.pointerId) return;
    drawingPointer = null;
    const pts = Float32Array.from(stroke);
    stroke = [];
    if (pts.length > 0) options.onDraw?.(pts);
    schedule();
  };
  top.addEventListener('pointerdown', onDown);
  top.addEventListener('pointermove', onMove);
  top.addEventListener('pointerup', onUp);
  top.addEventListener('pointercancel', onUp);

  return {
    update(next: GanPlaneState) {
      state = next;
      schedule();
    },
    setDrawing(on: boolean) {
      el.classList.toggle('is-drawing', on);
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      observer?.disconnect();
      top.removeEventListener('pointerdown', onDown);
      top.removeEventListener('pointermove', onMove);
      top.removeEventListener('pointerup', onUp);
      top.removeEventListener('pointercancel', onUp);
      el.replaceChildren();
      el.classList.remove('gan-plane', 'is-drawing');
    },
  };
}

export type GanPlane = ReturnType<typeof createGanPlane>;
