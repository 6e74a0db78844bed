/**
 * "Pooling and the feature hierarchy", figure 1: max and average pooling, window by window, over a real feature
 * map (an MNIST digit through an edge kernel and ReLU) or the digit itself. Picking an output cell (hover, click,
 * or focus and arrow keys) outlines its window on the input, lists the window's numbers and writes out the max
 * (and which cell won) or the sum ÷ count.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { conv2dValid, type Grid } from '../../engine/conv';
import type { MnistData } from '../../engine/data/mnist';
import { pool2d, poolWindow, relu } from '../../engine/pool';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { fieldColour } from '../../viz/createDecisionPlane';
import { PRESETS } from '../convolution/schema';
import { cellFromKey, cellFromPointer, drawGrid, gray, outlineBox } from '../digits/gridCanvas';
import { MnistStatus } from '../digits/MnistStatus';
import { digitImage, useMnist } from '../digits/useMnist';
import { fmt, tiling } from './poolingText';
import { DIGITS, poolingSchema, SOURCE_NAMES, SOURCES, type DigitChoice, type SourceName } from './schema';
import './pooling.css';

const CELL = 20;

function digitName(choice: DigitChoice, mnist: MnistData | null): string {
  const index = Number(choice.slice(1));
  return mnist ? `Handwritten ${mnist.labels[index]} (MNIST #${index})` : `Handwritten digit (MNIST #${index})`;
}

function featureMap(mnist: MnistData, digit: DigitChoice, source: SourceName): Grid {
  const image = digitImage(mnist, Number(digit.slice(1)));
  return source === 'raw' ? image : relu(conv2dValid(image, PRESETS[source].kernel, 3));
}

/** Which input cells no window reads: `covered[i]` is false for them. */
function coverage(n: number, side: number, size: number, stride: number): Uint8Array {
  const covered = new Uint8Array(n);
  for (let u = 0; u < side; u++) for (let i = 0; i < size; i++) covered[u * stride + i] = 1;
  return covered;
}

/** Black text on light cells, white on dark ones: whichever contrasts more. */
function textOn([r, g, b]: [number, number, number]): string {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return (y + 0.05) / 0.05 > 1.05 / (y + 0.05) ? '#000' : '#fff';
}

export default function PoolingFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, poolingSchema);
  const { values: v, set } = settings;
  const { load, retry } = useMnist();
  const mnist = load.status === 'ready' ? load.mnist : null;
  // Until the reader picks a cell, show the strongest window of the max-pooled map (the same cell for both modes).
  const [picked, setPicked] = useState<{ r: number; c: number } | null>(null);
  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const outputCanvas = useRef<HTMLCanvasElement>(null);

  const input = useMemo(() => (mnist ? featureMap(mnist, v.digit, v.source) : null), [mnist, v.digit, v.source]);
  const output = useMemo(() => (input ? pool2d(input, v.mode, v.size, v.stride) : null), [input, v.mode, v.size, v.stride]);
  const strongest = useMemo(() => {
    if (!input) return { r: 0, c: 0 };
    const max = pool2d(input, 'max', v.size, v.stride);
    const at = max.values.indexOf(Math.max(...max.values));
    return { r: Math.floor(at / max.cols), c: at % max.cols };
  }, [input, v.size, v.stride]);
  const n = input?.rows ?? (v.source === 'raw' ? 28 : 26);
  const tile = tiling(n, v.size, v.stride);
  const side = tile.side;
  const r = Math.min((picked ?? strongest).r, side - 1);
  const c = Math.min((picked ?? strongest).c, side - 1);
  const raw = v.source === 'raw';
  const scale = input ? Math.max(1e-6, ...input.values) : 1;
  const colour = useMemo(() => (raw ? gray : (x: number) => fieldColour(0.5 + x / (2 * scale))), [raw, scale]);

  const cellsIn = input ? poolWindow(input, r, c, v.size, v.stride) : [];
  const values = cellsIn.map((i) => input!.values[i]!);
  const result = output ? output.values[r * output.cols + c]! : 0;
  const winner = output?.winners ? output.winners[r * output.cols + c]! : -1;

  useEffect(() => {
    if (!input || !output) return;
    const ctx = inputCanvas.current && drawGrid(inputCanvas.current, input, colour, CELL, null);
    if (ctx) {
      // Hatch the cells no window reads, so a stride that does not fit is visible, not just written.
      const covered = coverage(input.rows, output.rows, v.size, v.stride);
      ctx.strokeStyle = 'rgba(120,120,120,0.9)';
      ctx.lineWidth = CELL * 0.1;
      for (let i = 0; i < input.rows; i++) {
        for (let j = 0; j < input.cols; j++) {
          if (covered[i] && covered[j]) continue;
          ctx.fillStyle = 'rgba(128,128,128,0.45)';
          ctx.fillRect(j * CELL, i * CELL, CELL, CELL);
          ctx.beginPath();
          ctx.moveTo(j * CELL, (i + 1) * CELL);
          ctx.lineTo((j + 1) * CELL, i * CELL);
          ctx.stroke();
        }
      }
      outlineBox(ctx, { r: r * v.stride, c: c * v.stride, rows: v.size, cols: v.size }, CELL);
      if (winner >= 0) {
        // The winning cell: a white dot ringed in black, visible on any colour.
        const [wr, wc] = [Math.floor(winner / input.cols), winner % input.cols];
        ctx.beginPath();
        ctx.arc((wc + 0.5) * CELL, (wr + 0.5) * CELL, CELL * 0.3, 0, 2 * Math.PI);
        ctx.fillStyle = '#fff';
        ctx.fill();
        ctx.lineWidth = CELL * 0.15;
        ctx.strokeStyle = '#000';
        ctx.stroke();
      }
    }
    if (outputCanvas.current) drawGrid(outputCanvas.current, output, colour, CELL, { r, c, rows: 1, cols: 1 });
  }, [input, output, colour, r, c, v.size, v.stride, winner]);

  function pickFromPointer(e: React.PointerEvent<HTMLCanvasElement>) {
    const cell = output && cellFromPointer(e, output.rows, output.cols);
    if (cell) setPicked(cell);
  }

  function onKey(e: React.KeyboardEvent) {
    const next = output && cellFromKey(e.key, { r, c }, output.rows, output.cols);
    if (!next) return;
    e.preventDefault();
    setPicked(next);
  }

  const where = (i: number) => `row ${Math.floor(i / n) + 1}, column ${(i % n) + 1}`;
  const sum = values.reduce((s, x) => s + x, 0);
  const mapName = raw ? 'Digit' : 'Feature map';

  return (
    <div className="pool-figure" data-testid="pool-figure" data-mode={v.mode}>
      <div className="pool-controls">
        <label>
          Digit{' '}
          <select value={v.digit} onChange={(e) => set({ digit: e.target.value as DigitChoice })} data-testid="pool-digit">
            {DIGITS.map((d) => (
              <option key={d} value={d}>
                {digitName(d, mnist)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Map to pool{' '}
          <select value={v.source} onChange={(e) => set({ source: e.target.value as SourceName })} data-testid="pool-source">
            {SOURCE_NAMES.map((s) => (
              <option key={s} value={s}>
                {SOURCES[s].label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="pool-mode">
          <legend>Pooling</legend>
          {(['max', 'average'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name={`${frame.id}-mode`} value={mode} checked={v.mode === mode} onChange={() => set({ mode })} data-testid={`pool-mode-${mode}`} />
              {mode === 'max' ? 'Max' : 'Average'}
            </label>
          ))}
        </fieldset>
        <label>
          Window{' '}
          <select value={v.size} onChange={(e) => set({ size: Number(e.target.value) })} data-testid="pool-size">
            <option value={2}>2 × 2</option>
            <option value={3}>3 × 3</option>
          </select>
        </label>
        <label>
          Stride{' '}
          <select value={v.stride} onChange={(e) => set({ stride: Number(e.target.value) })} data-testid="pool-stride">
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
      </div>

      <div className="pool-panels">
        <figure className="pool-panel">
          <figcaption>
            {mapName}, {n} × {n}
          </figcaption>
          {input ? (
            <canvas
              ref={inputCanvas}
              className="pool-canvas"
              role="img"
              aria-label={`${raw ? digitName(v.digit, mnist) : `${SOURCES[v.source].label} of ${digitName(v.digit, mnist)}`}; the outlined square is the window of the chosen output cell${winner >= 0 ? ', and the dot marks the cell that won' : ''}.`}
              data-testid="pool-input"
            />
          ) : load.status !== 'ready' ? (
            <MnistStatus load={load} onRetry={retry} className="pool-placeholder" testId="pool" />
          ) : null}
        </figure>

        <figure className="pool-panel">
          <figcaption>
            {v.mode === 'max' ? 'Max' : 'Average'}-pooled, {side} × {side}
          </figcaption>
          {output ? (
            <canvas
              ref={outputCanvas}
              className="pool-canvas pool-output"
              tabIndex={0}
              role="img"
              aria-label={`${v.mode === 'max' ? 'Max' : 'Average'}-pooled map. Use the arrow keys to choose a cell; the chosen cell is row ${r + 1}, column ${c + 1}, value ${fmt(result)}.`}
              aria-describedby={`${frame.id}-computation`}
              onPointerMove={pickFromPointer}
              onPointerDown={pickFromPointer}
              onKeyDown={onKey}
              data-testid="pool-output"
            />
          ) : (
            <div className="pool-placeholder" aria-hidden="true" />
          )}
        </figure>

        <figure className="pool-panel pool-window-panel">
          <figcaption>
            The window, {v.size} × {v.size}
          </figcaption>
          <div className="pool-window" style={{ gridTemplateColumns: `repeat(${v.size}, 1fr)` }} data-testid="pool-window">
            {values.map((x, i) => {
              const background = colour(x);
              const won = cellsIn[i] === winner;
              return (
                <span
                  key={cellsIn[i]}
                  className={won ? 'pool-cell pool-winner' : 'pool-cell'}
                  style={{ background: `rgb(${background.join(',')})`, color: textOn(background) }}
                >
                  {fmt(x)}
                  {won ? <span className="pool-won"> max</span> : null}
                </span>
              );
            })}
          </div>
        </figure>
      </div>

      <p className="pool-scale-text">
        {raw ? 'Black: 0 (paper). White: 1 (ink).' : `Pale: 0, no edge. Blue: the strongest edge in the map (${fmt(scale)}).`} The pooled map uses
        the same colours.
      </p>

      <p className="pool-computation" id={`${frame.id}-computation`} aria-live="polite" data-testid="pool-computation">
        {output ? (
          v.mode === 'max' ? (
            <>
              Output row {r + 1}, column {c + 1} = max({values.map(fmt).join(', ')}) = <strong>{fmt(result)}</strong>. The
              winner is input {where(winner)}; the other {values.length - 1} numbers are dropped.
            </>
          ) : (
            <>
              Output row {r + 1}, column {c + 1} = ({values.map(fmt).join(' + ')}) ÷ {values.length} = {fmt(sum)} ÷ {values.length} ={' '}
              <strong>{fmt(result)}</strong>.
            </>
          )
        ) : (
          'Waiting for the digits…'
        )}
      </p>

      <p className="pool-tiling" aria-live="polite" data-testid="pool-tiling">
        {tile.formula}, so the pooled map is {side} × {side}: {side * side} numbers instead of {n * n}.{' '}
        {tile.even ? (
          'The windows tile the map evenly: side by side, no gaps, no overlaps, nothing left over.'
        ) : (
          <span className="pool-warn" data-testid="pool-uneven">
            The windows do not tile the map evenly. {tile.problems.join(' ')}
          </span>
        )}
      </p>

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
