/**
 * A square pad to draw on, with a mouse, a pen, a finger or the keyboard: smooth round strokes in the text colour on
 * the second surface colour (so light ink on dark in the dark theme, dark ink on light in the light one). The ink
 * itself is kept apart from the colours, in a hidden canvas of `size` × `size` pad pixels whatever the screen's
 * pixel density, and handed to `onChange` as one byte per pixel (0 paper … 255 ink): what the engine's
 * `preprocessDrawing` reads.
 *
 * ```
 *  pointerdown ─▶ stroke (pointer captured) ─pointermove─▶ draw segment, onChange ≤ once a frame
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
import { alphaChannel, clientToPad, endSegment, inkToRgba, moveCursor, segmentFor, strokeSegments, type Point, type Segment } from './drawPadMath';

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
  hint.textContent = 'Draw with a mouse, pen or finger. Keyboard: arrow keys move the pen, Space puts it down or lifts it.';
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

  const paint = (ctx: CanvasRenderingContext2D, s: Segment, style: string) => {
    ctx.fillStyle = ctx.strokeStyle = style;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    if (s.kind === 'dot') {
      ctx.arc(s.at.x, s.at.y, lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.moveTo(s.from.x, s.from.y);
      ctx.quadraticCurveTo(s.ctrl.x, s.ctrl.y, s.to.x, s.to.y);
      ctx.stroke();
    }
  };
  const draw = (s: Segment | null) => {
    if (!s) return;
    paint(view, s, colour);
    paint(ink, s, '#fff');
  };

  /** The visible canvas from scratch: sized for the density, the base image tinted, then every stroke. */
  const redraw = () => {
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
    for (const s of strokes) for (const seg of strokeSegments(s.points, s.smooth)) paint(view, seg, colour);
    const open = current;
    if (open) open.points.forEach((_, i) => paint(view, segmentFor(open.points, i, open.smooth), colour));
  };

  const getInk = () => ({ ink: alphaChannel(ink.getImageData(0, 0, size, size).data), width: size, height: size });
  const emitNow = () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (onChange) {
      const { ink: bytes, width, height } = getInk();
      onChange(bytes, width, height);
    }
  };
  const emitSoon = () => {
    if (!frame) frame = win.requestAnimationFrame(emitNow);
  };

  const begin = (p: Point, smooth: boolean) => {
    current = { points: [p], smooth };
    draw(segmentFor(current.points, 0, smooth));
    emitSoon();
  };
  const extend = (p: Point) => {
    if (!current) return;
    const last = current.points[current.points.length - 1]!;
    if (Math.hypot(p.x - last.x, p.y - last.y) < 0.5) return;
    current.points.push(p);
    draw(segmentFor(current.points, current.points.length - 1, current.smooth));
    emitSoon();
  };
  const end = () => {
    if (!current) return;
    draw(endSegment(current.points, current.smooth));
    strokes.push(current);
    current = null;
    emitNow();
  };

  // Pointer: one pointer draws at a time (a second finger is ignored), captured so a stroke may leave the pad.
  const at = (e: PointerEvent) => clientToPad(e.clientX, e.clientY, canvas.getBoundingClientRect(), size);
  const onPointerDown = (e: PointerEvent) => {
    if (activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    root.classList.remove('is-keyboard');
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
  const themeObserver = new MutationObserver(redraw);
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const scheme = win.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', redraw);
  let density: MediaQueryList | undefined;
  const watchDensity = () => {
    density?.removeEventListener('change', onDensity);
    density = win.matchMedia?.(`(resolution: ${win.devicePixelRatio || 1}dppx)`);
    density?.addEventListener('change', onDensity);
  };
  function onDensity() {
    redraw();
    watchDensity();
  }
  watchDensity();
  placeCursor();
  redraw();

  return {
    clear() {
      strokes = [];
      current = null;
      activePointer = null;
      base = null;
      ink.clearRect(0, 0, size, size);
      redraw();
      placeCursor();
      emitNow();
    },
    setInk(values, width, height) {
      if (values.length !== width * height) throw new RangeError(`A ${width} × ${height} image has ${width * height} pixels, not ${values.length}.`);
      base = doc.createElement('canvas');
      base.width = width;
      base.height = height;
      base.getContext('2d')!.putImageData(new ImageData(inkToRgba(values), width, height), 0, 0);
      strokes = [];
      current = null;
      ink.clearRect(0, 0, size, size);
      ink.drawImage(base, 0, 0, size, size);
      redraw();
      emitNow();
    },
    getInk,
    isEmpty: () => strokes.length === 0 && current === null && base === null,
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
      themeObserver.disconnect();
      scheme?.removeEventListener('change', redraw);
      density?.removeEventListener('change', onDensity);
      root.remove();
    },
  };
}
