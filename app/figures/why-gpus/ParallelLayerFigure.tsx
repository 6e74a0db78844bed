/**
 * "Why GPUs", figure 2: y = W x for a layer of 16 outputs and 16 inputs, on a clock where one tick is one
 * multiply-add. One at a time (a loop), every output neuron at once (a thread each), or threads grouped into
 * blocks that a GPU's compute units take two at a time. Pure SVG; without reduced motion the clock can play,
 * with it the figure opens on the finished layer and steps by button.
 */
import { useEffect, useState } from 'react';
import { useFigureSettings } from '../../state/figures';
import { oneOf, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useReducedMotion } from '../why/useReducedMotion';
import { BLOCK_ROWS, COLS, ROWS, UNITS, input, lanes, opState, opsDone, partialSum, totalTicks, weight, type LayerMode } from './layerMath';
import { useWidth } from './useWidth';
import '../why/why.css';
import './why-gpus.css';

const LESSON = 'why-gpus';
const MODES: { id: LayerMode; label: string }[] = [
  { id: 'loop', label: 'One at a time' },
  { id: 'parallel', label: 'Every output at once' },
  { id: 'blocks', label: 'Thread blocks' },
];
const schema = { mode: oneOf(['loop', 'parallel', 'blocks'] as const, 'loop') };
type Settings = ValuesOf<typeof schema>;

/** One tick is one multiply-add in every mode, so the modes' run times compare directly. */
const TICK_MS = 45;

const EXPLAIN: Record<LayerMode, string> = {
  loop: 'One core does every multiply-add in turn: row 0’s sixteen, then row 1’s, … 256 ticks.',
  parallel: 'One thread per output neuron, 16 in step: each tick, every row does its next multiply-add. 16 ticks.',
  blocks: `The 16 threads are grouped into ${ROWS / BLOCK_ROWS} blocks of ${BLOCK_ROWS} rows. This GPU has ${UNITS} compute units, each running one block at a time, so the blocks go in two waves: 32 ticks.`,
};

export default function ParallelLayerFigure() {
  const settings = useFigureSettings(LESSON, 'layer', schema);
  const { mode }: Settings = settings.values;
  const reduced = useReducedMotion();
  const total = totalTicks(mode);
  const [tick, setTick] = useState(() => (reduced ? total : 0));
  const [playing, setPlaying] = useState(false);
  const { ref, width } = useWidth<HTMLDivElement>();

  // A new mode starts the clock again (or, with reduced motion, shows that mode's finished layer).
  useEffect(() => {
    setTick(reduced ? totalTicks(mode) : 0);
    setPlaying(false);
  }, [mode, reduced]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setTick((t) => {
        if (t + 1 >= total) setPlaying(false);
        return Math.min(total, t + 1);
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, total]);

  const step = (d: number) => {
    setPlaying(false);
    setTick((t) => Math.max(0, Math.min(total, t + d)));
  };
  const togglePlay = () => {
    if (playing) return setPlaying(false);
    if (tick >= total) setTick(0);
    setPlaying(true);
  };

  // Geometry: W as a 16 × 16 grid, then x (a column), then y (a wider column with the running sums).
  const cell = Math.max(13, Math.min(26, Math.floor((width - 130) / (COLS + 1))));
  const top = 22;
  const left = 6;
  const xCol = left + COLS * cell + 28;
  const yCol = xCol + cell + 28;
  const yW = Math.max(34, cell * 1.6);
  const svgW = Math.min(width, yCol + yW + 6);
  const svgH = top + ROWS * cell + 8;
  const numbers = cell >= 20;
  const done = opsDone(mode, tick);
  const describe = `A 16 by 16 weight matrix W times a 16-long input x gives the 16 outputs y. Mode: ${MODES.find((m) => m.id === mode)?.label}. After ${tick} of ${total} ticks, ${done} of 256 multiply-adds are done${tick >= total ? ': every output is finished' : ''}.`;

  return (
    <div className="gpu-figure" data-testid="layer-figure">
      <div className="gpu-modes" role="group" aria-label="How the layer is computed">
        {MODES.map((m) => (
          <button key={m.id} type="button" className={m.id === mode ? undefined : 'secondary'} aria-pressed={m.id === mode} onClick={() => settings.set({ mode: m.id })} data-testid={`layer-mode-${m.id}`}>
            {m.label}
          </button>
        ))}
      </div>
      <p className="gpu-explain">{EXPLAIN[mode]}</p>
      <div className="why-clock gpu-clock" role="group" aria-label="Clock">
        {reduced ? null : (
          <button type="button" onClick={togglePlay} aria-pressed={playing} data-testid="layer-play">
            {playing ? 'Pause' : 'Play'}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => step(1)} disabled={tick >= total} data-testid="layer-step">
          Next tick
        </button>
        <button type="button" className="secondary" onClick={() => step(total)} disabled={tick >= total} data-testid="layer-finish">
          Finish
        </button>
        <button type="button" className="secondary" onClick={() => step(-total)} disabled={tick === 0} data-testid="layer-reset">
          Start again
        </button>
      </div>
      <p className="gpu-counter" aria-live="polite" data-testid="layer-counter" data-ticks={tick} data-done={done}>
        <span>
          clock ticks: <strong>{tick}</strong> of {total}
        </span>
        <span>
          multiply-adds done: <strong>{done}</strong> of 256
        </span>
        <span>running at once: {lanes(mode)}</span>
      </p>
      <div ref={ref} className="gpu-layer">
        <svg width={svgW} height={svgH} viewBox={`0 0 ${svgW} ${svgH}`} role="img" aria-label={describe} data-testid="layer-svg">
          <text x={left + (COLS * cell) / 2} y={14} textAnchor="middle" className="gpu-layer-title">
            W (16 × 16)
          </text>
          <text x={xCol + cell / 2} y={14} textAnchor="middle" className="gpu-layer-title">
            x
          </text>
          <text x={yCol + yW / 2} y={14} textAnchor="middle" className="gpu-layer-title">
            y
          </text>
          {Array.from({ length: ROWS }, (_, i) =>
            Array.from({ length: COLS }, (_, j) => {
              const s = opState(mode, i, j, tick);
              return (
                <g key={`${i}-${j}`} className={`gpu-op gpu-${s}`} data-testid={i === 0 || j === 0 ? `op-${i}-${j}` : undefined} data-state={s}>
                  <rect x={left + j * cell + 0.5} y={top + i * cell + 0.5} width={cell - 1} height={cell - 1} rx={2} />
                  {numbers ? (
                    <text x={left + j * cell + cell / 2} y={top + i * cell + cell / 2 + 4} textAnchor="middle">
                      {weight(i, j)}
                    </text>
                  ) : null}
                </g>
              );
            }),
          )}
          {mode === 'blocks'
            ? Array.from({ length: ROWS / BLOCK_ROWS }, (_, b) => (
                <rect key={b} x={left - 2} y={top + b * BLOCK_ROWS * cell - 1} width={COLS * cell + 4} height={BLOCK_ROWS * cell + 2} className={`gpu-block gpu-block-${Math.floor(b / UNITS)}`} data-testid="layer-block" />
              ))
            : null}
          <text x={xCol - 14} y={top + (ROWS * cell) / 2 + 5} textAnchor="middle" className="gpu-layer-title">
            ×
          </text>
          {Array.from({ length: COLS }, (_, j) => (
            <g key={j} className="gpu-op gpu-input">
              <rect x={xCol + 0.5} y={top + j * cell + 0.5} width={cell - 1} height={cell - 1} rx={2} />
              {numbers ? (
                <text x={xCol + cell / 2} y={top + j * cell + cell / 2 + 4} textAnchor="middle">
                  {input(j)}
                </text>
              ) : null}
            </g>
          ))}
          <text x={yCol - 14} y={top + (ROWS * cell) / 2 + 5} textAnchor="middle" className="gpu-layer-title">
            =
          </text>
          {Array.from({ length: ROWS }, (_, i) => {
            const finished = opState(mode, i, COLS - 1, tick) === 'done';
            const started = opState(mode, i, 0, tick) !== 'waiting';
            return (
              <g key={i} className={`gpu-op ${finished ? 'gpu-done' : started ? 'gpu-now' : 'gpu-waiting'}`} data-testid={`y-${i}`}>
                <rect x={yCol + 0.5} y={top + i * cell + 0.5} width={yW - 1} height={cell - 1} rx={2} />
                <text x={yCol + yW / 2} y={top + i * cell + cell / 2 + 4} textAnchor="middle">
                  {started ? partialSum(mode, i, tick) : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p className="why-legend">
        <span className="pl-key pl-key-done">done</span> <span className="pl-key pl-key-now">this tick</span> <span className="pl-key pl-key-waiting">waiting</span>
        {mode === 'blocks' ? ' · solid outline: first wave of blocks; dashed: second wave.' : null}
        {reduced ? ' · Motion is reduced on this device: the layer is shown finished; start again and step with the buttons.' : null}
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
