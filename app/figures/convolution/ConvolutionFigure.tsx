/**
 * "Convolutional networks", figure 1: a kernel editor. A 3 × 3 kernel slides over a real MNIST digit (or a drawn
 * scene); the feature map is drawn on a diverging scale, and any output cell can be picked (hover, or focus and
 * arrow keys) to see its window on the input and its dot product written out. A sandbox computes output sizes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { conv2dValid, convOutputSize, windowAt, type Grid, type MnistData } from '../../engine';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { fieldColour } from '../../viz/createDecisionPlane';
import { cellFromKey, cellFromPointer, drawGrid, gray } from '../digits/gridCanvas';
import { MnistStatus } from '../digits/MnistStatus';
import { digitImage, useMnist } from '../digits/useMnist';
import { sceneImage } from './images';
import { convolutionSchema, IMAGES, KERNEL_KEYS, PRESET_NAMES, PRESETS, type ImageChoice, type PresetName } from './schema';
import './convolution.css';

const K = 3;
const CELL = 10;

const scene = sceneImage();
const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');
const fmtK = (v: number) => {
  const s = Number.isInteger(v) ? String(v) : Math.abs(v - 1 / 9) < 1e-6 ? '1/9' : Math.abs(v + 1 / 9) < 1e-6 ? '−1/9' : String(Number(v.toFixed(3)));
  return s.replace('-', '−');
};
const wrap = (s: string) => (s.startsWith('−') ? `(${s})` : s);

function imageName(choice: ImageChoice, mnist: MnistData | null): string {
  if (choice === 'scene') return 'Drawn scene: sun and house';
  const index = Number(choice.slice(1));
  return mnist ? `Handwritten ${mnist.labels[index]} (MNIST #${index})` : `Handwritten digit (MNIST #${index})`;
}

export default function ConvolutionFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, convolutionSchema);
  const { values: v, set } = settings;
  const { load, retry } = useMnist();
  const [cell, setCell] = useState<{ r: number; c: number }>({ r: 10, c: 10 });
  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const outputCanvas = useRef<HTMLCanvasElement>(null);

  const mnist = load.status === 'ready' ? load.mnist : null;
  const image: Grid | null = v.image === 'scene' ? scene : mnist ? digitImage(mnist, Number(v.image.slice(1))) : null;
  // A named preset is its kernel (a hand-written link may name one without the numbers); 'custom' is the numbers.
  const kernel: number[] = v.preset === 'custom' ? KERNEL_KEYS.map((key) => v[key]) : [...PRESETS[v.preset].kernel];
  const kernelKey = kernel.join(',');
  const output = useMemo(() => (image ? conv2dValid(image, kernelKey.split(',').map(Number), K) : null), [image, kernelKey]);
  const scale = output ? Math.max(1e-6, ...Array.from(output.values, Math.abs)) : 1;
  const r = output ? Math.min(cell.r, output.rows - 1) : 0;
  const c = output ? Math.min(cell.c, output.cols - 1) : 0;

  useEffect(() => {
    if (!image || !output) return;
    if (inputCanvas.current) drawGrid(inputCanvas.current, image, gray, CELL, { r, c, rows: K, cols: K });
    if (outputCanvas.current) drawGrid(outputCanvas.current, output, (x) => fieldColour(0.5 + x / (2 * scale)), CELL, { r, c, rows: 1, cols: 1 });
  }, [image, output, scale, r, c]);

  const windowValues = image ? windowAt(image, r, c, K) : [];
  const dot = output ? output.values[r * output.cols + c]! : 0;
  const terms = windowValues.map((x, i) => `${fmt(x)}×${wrap(fmtK(kernel[i]!))}`);

  function setPreset(name: PresetName) {
    const patch: Record<string, number | string> = { preset: name };
    PRESETS[name].kernel.forEach((x, i) => (patch[KERNEL_KEYS[i]!] = x));
    set(patch);
  }

  function pickFromPointer(e: React.PointerEvent<HTMLCanvasElement>) {
    const picked = output && cellFromPointer(e, output.rows, output.cols);
    if (picked) setCell(picked);
  }

  function onKey(e: React.KeyboardEvent) {
    const next = output && cellFromKey(e.key, { r, c }, output.rows, output.cols);
    if (!next) return;
    e.preventDefault();
    setCell(next);
  }

  const size = convOutputSize(v.n, v.k, v.p, v.s);
  const span = v.n + 2 * v.p - v.k;

  return (
    <div className="conv-figure" data-testid="conv-figure">
      <div className="conv-controls">
        <label>
          Picture{' '}
          <select value={v.image} onChange={(e) => set({ image: e.target.value as ImageChoice })} data-testid="conv-image">
            {IMAGES.map((choice) => (
              <option key={choice} value={choice}>
                {imageName(choice, mnist)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kernel preset{' '}
          <select
            value={v.preset}
            onChange={(e) => e.target.value !== 'custom' && setPreset(e.target.value as PresetName)}
            data-testid="conv-preset"
          >
            {PRESET_NAMES.map((name) => (
              <option key={name} value={name}>
                {PRESETS[name].label}
              </option>
            ))}
            <option value="custom" disabled>
              Your own
            </option>
          </select>
        </label>
      </div>

      <div className="conv-panels">
        <figure className="conv-panel">
          <figcaption>Input, 28 × 28</figcaption>
          {image ? (
            <canvas ref={inputCanvas} className="conv-canvas" role="img" aria-label={`${imageName(v.image, mnist)}, in grayscale; the highlighted square is the window of the chosen output cell`} data-testid="conv-input" />
          ) : load.status !== 'ready' ? (
            <MnistStatus load={load} onRetry={retry} className="conv-placeholder" testId="conv" />
          ) : null}
        </figure>

        <fieldset className="conv-kernel">
          <legend>Kernel, 3 × 3</legend>
          <div className="conv-kernel-grid">
            {KERNEL_KEYS.map((key, i) => (
              <input
                key={key}
                type="number"
                step={0.1}
                min={-10}
                max={10}
                aria-label={`kernel row ${Math.floor(i / 3) + 1}, column ${(i % 3) + 1}`}
                value={Number(kernel[i]!.toFixed(3))}
                onChange={(e) => {
                  const x = Number(e.target.value);
                  if (e.target.value === '' || !Number.isFinite(x)) return;
                  const patch: Record<string, number | string> = { preset: 'custom' };
                  kernel.forEach((k, j) => (patch[KERNEL_KEYS[j]!] = j === i ? Math.min(10, Math.max(-10, x)) : k));
                  set(patch);
                }}
                data-testid={`kernel-${i}`}
              />
            ))}
          </div>
        </fieldset>

        <figure className="conv-panel">
          <figcaption>Feature map, {output ? `${output.rows} × ${output.cols}` : '26 × 26'}</figcaption>
          {output ? (
            <canvas
              ref={outputCanvas}
              className="conv-canvas conv-output"
              tabIndex={0}
              role="img"
              aria-label={`Feature map. Use the arrow keys to choose a cell; the chosen cell is row ${r + 1}, column ${c + 1}, value ${fmt(dot)}.`}
              aria-describedby={`${frame.id}-dot`}
              onPointerMove={pickFromPointer}
              onPointerDown={pickFromPointer}
              onKeyDown={onKey}
              data-testid="conv-output"
            />
          ) : (
            <div className="conv-placeholder" aria-hidden="true" />
          )}
          <div className="conv-scale" aria-hidden="true">
            <span>−{fmt(scale)}</span>
            <span className="conv-scale-bar" />
            <span>+{fmt(scale)}</span>
          </div>
          <p className="conv-scale-text">Orange: negative. Pale: near 0. Blue: positive.</p>
        </figure>
      </div>

      <p className="conv-dot" id={`${frame.id}-dot`} aria-live="polite" data-testid="dot-product">
        {output ? (
          <>
            Output row {r + 1}, column {c + 1}: <span className="conv-terms">{terms.join(' + ')}</span> = <strong>{fmt(dot)}</strong>
          </>
        ) : (
          'Waiting for the picture…'
        )}
      </p>

      <fieldset className="conv-sandbox">
        <legend>Output size sandbox</legend>
        <div className="conv-sandbox-inputs">
          {(
            [
              ['n', 'Input size N', 1, 512],
              ['k', 'Kernel size K', 1, 15],
              ['p', 'Padding P', 0, 10],
              ['s', 'Stride S', 1, 10],
            ] as const
          ).map(([key, label, min, max]) => (
            <label key={key}>
              {label}
              <input
                type="number"
                min={min}
                max={max}
                step={1}
                value={v[key]}
                onChange={(e) => {
                  const x = Math.round(Number(e.target.value));
                  if (e.target.value !== '' && Number.isFinite(x)) set({ [key]: Math.min(max, Math.max(min, x)) });
                }}
                data-testid={`sandbox-${key}`}
              />
            </label>
          ))}
        </div>
        <p data-testid="sandbox-result" aria-live="polite">
          {size.fits ? (
            <>
              ⌊({v.n} + 2·{v.p} − {v.k}) / {v.s}⌋ + 1 = ⌊{span} / {v.s}⌋ + 1 = <strong>{size.size}</strong>, so the output is{' '}
              {size.size} × {size.size}.{' '}
              {size.leftover > 0 ? (
                <span className="conv-warn" data-testid="sandbox-uneven">
                  The stride does not fit evenly: {span} is not a multiple of {v.s}, so the last {size.leftover}{' '}
                  {size.leftover === 1 ? 'column (and row) is' : 'columns (and rows) are'} skipped.
                </span>
              ) : (
                'The stride fits evenly: the last window ends exactly at the edge.'
              )}
            </>
          ) : (
            <span className="conv-warn">
              The kernel ({v.k}) is larger than the padded input ({v.n + 2 * v.p}): there is no output.
            </span>
          )}
        </p>
      </fieldset>

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
