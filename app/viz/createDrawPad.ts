/**
 * A square pad to draw on, with a mouse, a pen, a finger or the keyboard: smooth round strokes in the text colour on
 * the second surface colour (so light ink on dark in the dark theme, dark ink on light in the light one). The ink
 * itself is kept apart from the colours, in a hidden canvas of `size` × `size` pad pixels whatever the screen's
 * pixel density, and handed to `onChange` as one byte per pixel (0 paper … 255 ink): what the engine's
 * `preprocessDrawing` reads.
 *
 * ```
 *  pointerdown ─▶ stroke (pointer captured) ─pointermove─▶ points; redraw + onChange ≤ once a frame
 *                        └─pointerup / cancel / lost capture─▶ stroke ends, onChange now
 *  focus + keys: ←↑→↓ move the pen cursor (Shift: 4×), Space/Enter put the pen down or lift it, Escape lifts it
 * ```
 *
 * The visible canvas is sized for devicePixelRatio and redrawn from the kept strokes when the theme or the density
 * changes. Nothing animates, so reduced motion needs nothing turned off.
 *
 * @example
 * const pad = createDrawPad(el, { label: 'Drawing pad: draw a digit from 0 to 9', onChange: (ink, w, h) => {
 *   const image = preprocessDrawing(ink, w, h); // engine: 28 × 28, or null while empty
 * } });
 * pad.clear();
 * pad.destroy();
 */
import './drawPad.css';
import { alphaChannel, clientToPad, inkToRgba, moveCursor, strokeSegments, type Point, type Segment } from './drawPadMath';

export interface DrawPadOptions {
  /** The side, in CSS pixels and in pad (ink) pixels. Default 280; CSS may show it smaller on a narrow screen. */
  size?: number;
  /** The pen's width in pad pixels. Default size / 14 (20 at 280), about MNIST's stroke once scaled to 20 px. */
  lineWidth?: number;
  /** What the pad is, for assistive technology, e.g. "Drawing pad: draw a digit". */
  label: string;
  /** The ink, one byte per pad pixel (0 … 255), row by row; at most once a frame while drawing, and at stroke end. */
  onChange?: (ink: Uint8ClampedArray, width: number, height: number) => void;
}

export interface DrawPad {
  /** Wipes the pad (and calls onChange with the empty ink). */
  clear(): void;
  /** Shows an image as the drawing (ink 0 … 1 or 0 … 255, any size, scaled to the pad), replacing what was drawn. */
  setInk(ink: Float32Array | Uint8ClampedArray | Uint8Array, width: number, height: number): void;
  /** The current ink, as onChange receives it. */
  getInk(): { ink: Uint8ClampedArray; width: number; height: number };
  /** True when nothing has been drawn since the pad was made or cleared. */
  isEmpty(): boolean;
  /** Removes the pad, its listeners and any pending onChange. */
  destroy(): void;
}

interface Stroke {
  points: Point[];
  smooth: boolean;
}

let padCount = 0;

export function createDrawPad(el: HTMLElement, { size = 280, lineWidth = size / 14, label, onChange }: DrawPadOptions): DrawPad {
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? window;
  const hintId = `draw-pad-hint-${++padCount}`;

  const root = doc.createElement('div');
  root.className = 'draw-pad';
  root.tabIndex = 0;
  root.setAttribute('role', 'application');
  root.setAttribute('aria-roledescription', 'drawing pad');
  root.setAttribute('aria-label', label);
  root.setAttribute('aria-describedby', hintId);
  root.style.setProperty('--draw-pad-size', `${size}px`);
  root.style.setProperty('--draw-pad-pen', `${(lineWidth / size) * 100}%`);

  const canvas = doc.createElement('canvas');
  canvas.className = 'draw-pad-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  const cursor = doc.createElement('div');
  cursor.className = 'draw-pad-cursor';
  cursor.setAttribute('aria-hidden', 'true');
  const hint = doc.createElement('p');
  hint.className = 'draw-pad-hint';
  hint.id = hintId;
  hint.textContent = 'Draw with a mouse, pen or finger, or with the keys: arrows move the pen (Shift: faster), Space puts it down or lifts it.';
  const status = doc.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  root.append(canvas, cursor, hint, status);
  el.append(root);

  const view = canvas.getContext('2d')!;
  // The ink, apart from the colours: white with alpha = ink, one pixel per pad pixel.
  const inkCanvas = doc.createElement('canvas');
  inkCanvas.width = inkCanvas.height = size;
  const ink = inkCanvas.getContext('2d', { willReadFrequently: true })!;
  // An image given to setInk, kept at its own size so redraws scale it afresh.
  let base: HTMLCanvasElement | null = null;

  let strokes: Stroke[] = [];
  let current: Stroke | null = null;
  let activePointer: number | null = null;
  let pen: Point = { x: size / 2, y: size / 2 };
  let dpr = 1;
  let colour = '#fff';
  let frame = 0;

  /** One stroke as one path (so its anti-aliased edges never overlap themselves), or a dot for a single point. */
  const trace = (ctx: CanvasRenderingContext2D, stroke: Stroke, style: string) => {
    const segs: Segment[] = strokeSegments(stroke.points, stroke.smooth);
    ctx.fillStyle = ctx.strokeStyle = style;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    const first = segs[0];
    if (segs.length === 1 && first?.kind === 'dot') {
      ctx.arc(first.at.x, first.at.y, lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      return;
    }
    for (const seg of segs) {
      if (seg.kind === 'dot') ctx.moveTo(seg.at.x, seg.at.y);
      else ctx.quadraticCurveTo(seg.ctrl.x, seg.ctrl.y, seg.to.x, seg.to.y);
    }
    ctx.stroke();
  };
  const everyStroke = () => (current ? [...strokes, current] : strokes);

  /**
   * Both canvases from scratch (a digit is a few strokes of a few hundred points: far under a millisecond): the ink
   * at pad resolution, then the visible canvas sized for the density, the base image tinted, every stroke.
   */
  const render = () => {
    ink.clearRect(0, 0, size, size);
    if (base) ink.drawImage(base, 0, 0, size, size);
    for (const stroke of everyStroke()) trace(ink, stroke, '#fff');

    dpr = win.devicePixelRatio || 1;
    const px = Math.round(size * dpr);
    if (canvas.width !== px) canvas.width = canvas.height = px;
    colour = win.getComputedStyle(root).color || colour;
    view.setTransform(1, 0, 0, 1, 0, 0);
    view.clearRect(0, 0, px, px);
    if (base) {
      view.drawImage(base, 0, 0, px, px);
      view.globalCompositeOperation = 'source-in';
      view.fillStyle = colour;
      view.fillRect(0, 0, px, px);
      view.globalCompositeOperation = 'source-over';
    }
    view.setTransform(px / size, 0, 0, px / size, 0, 0);
    for (const stroke of everyStroke()) trace(view, stroke, colour);
  };

  const getInk = () => ({ ink: alphaChannel(ink.getImageData(0, 0, size, size).data), width: size, height: size });
  /** Draws and tells onChange now (a stroke's end, clear, setInk). */
  const changed = () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    render();
    if (onChange) {
      const { ink: bytes, width, height } = getInk();
      onChange(bytes, width, height);
    }
  };
  /** Draws and tells onChange on the next frame, once however many points arrive before it. */
  const changedSoon = () => {
    if (!frame) frame = win.requestAnimationFrame(changed);
  };

  const begin = (p: Point, smooth: boolean) => {
    current = { points: [p], smooth };
    changedSoon();
  };
  const extend = (p: Point) => {
    if (!current) return;
    const last = current.points[current.points.length - 1]!;
    if (Math.hypot(p.x - last.x, p.y - last.y) < 0.5) return;
    current.points.push(p);
    changedSoon();
  };
  const end = () => {
    if (!current) return;
    strokes.push(current);
    current = null;
    changed();
  };

  // Pointer: one pointer draws at a time (a second finger is ignored), captured so a stroke may leave the pad.
  const at = (e: PointerEvent) => clientToPad(e.clientX, e.clientY, canvas.getBoundingClientRect(), size);
  const onPointerDown = (e: PointerEvent) => {
    if (activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    root.classList.remove('is-keyboard');
    root.classList.add('is-pointer');
    root.focus({ preventScroll: true });
    if (current) end(); // the keyboard pen was down
    activePointer = e.pointerId;
    root.setPointerCapture?.(e.pointerId);
    begin(at(e), true);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerId !== activePointer) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const c of events.length ? events : [e]) extend(at(c));
  };
  const onPointerEnd = (e: PointerEvent) => {
    if (e.pointerId !== activePointer) return;
    activePointer = null;
    end();
  };

  const say = (text: string) => (status.textContent = text);
  const placeCursor = () => {
    cursor.style.left = `${(pen.x / size) * 100}%`;
    cursor.style.top = `${(pen.y / size) * 100}%`;
    root.classList.toggle('is-pen-down', current !== null && activePointer === null);
    // The keyboard hint sits at the bottom, and moves to the top while the pen is in the bottom third.
    root.classList.toggle('is-pen-low', pen.y > (size * 2) / 3);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (activePointer !== null || e.altKey || e.ctrlKey || e.metaKey) return;
    const moved = moveCursor(pen, e.key, e.shiftKey, size, size / 28);
    if (moved) {
      pen = moved;
      if (current) extend(pen);
    } else if (e.key === ' ' || e.key === 'Enter') {
      if (current) {
        end();
        say('Pen up.');
      } else {
        begin(pen, false);
        say('Pen down: the arrow keys now draw.');
      }
    } else if (e.key === 'Escape' && current) {
      end();
      say('Pen up.');
    } else {
      return;
    }
    e.preventDefault();
    root.classList.remove('is-pointer');
    root.classList.add('is-keyboard');
    placeCursor();
  };
  const onBlur = () => {
    if (current && activePointer === null) end();
    placeCursor();
  };

  root.addEventListener('pointerdown', onPointerDown);
  root.addEventListener('pointermove', onPointerMove);
  root.addEventListener('pointerup', onPointerEnd);
  root.addEventListener('pointercancel', onPointerEnd);
  root.addEventListener('lostpointercapture', onPointerEnd);
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('blur', onBlur);

  // The colours follow the theme (the attribute App sets, or the system's preference), the canvas the density.
  const themeObserver = new MutationObserver(render);
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const scheme = win.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', render);
  let density: MediaQueryList | undefined;
  const watchDensity = () => {
    density?.removeEventListener('change', onDensity);
    density = win.matchMedia?.(`(resolution: ${win.devicePixelRatio || 1}dppx)`);
    density?.addEventListener('change', onDensity);
  };
  function onDensity() {
    render();
    watchDensity();
  }
  watchDensity();
  placeCursor();
  render();

  return {
    clear() {
      strokes = [];
      current = null;
      activePointer = null;
      base = null;
      placeCursor();
      changed();
    },
    setInk(values, width, height) {
      if (values.length !== width * height) throw new RangeError(`A ${width} × ${height} image has ${width * height} pixels, not ${values.length}.`);
      base = doc.createElement('canvas');
      base.width = width;
      base.height = height;
      base.getContext('2d')!.putImageData(new ImageData(inkToRgba(values), width, height), 0, 0);
      strokes = [];
      current = null;
      changed();
    },
    getInk,
    isEmpty: () => strokes.length === 0 && current === null && base === null,
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
      themeObserver.disconnect();
      scheme?.removeEventListener('change', render);
      density?.removeEventListener('change', onDensity);
      root.remove();
    },
  };
}
