/**
 * "Why transformers won", figure 1: the dependency structure of one layer. An RNN must compute h₁ before h₂, h₂
 * before h₃ …: T steps in a chain. A transformer's layer computes every position at once (one matrix product per
 * weight matrix), so its chain is as long as its number of layers. A clock steps through both; without reduced
 * motion it can also play. Pure SVG drawn by React (a few dozen shapes), sized to its container so the labels
 * stay legible on a phone.
 */
import { useEffect, useRef, useState } from 'react';
import { useFigureSettings } from '../../state/figures';
import { int, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { hiddenState, layerState, rnnState, stepCounts, subscript, visibleColumns, type Column, type NodeState } from './dependencies';
import { useReducedMotion } from './useReducedMotion';
import './why.css';

const LESSON = 'why-transformers-won';

const schema = {
  length: int(2, 60, 8),
  layers: int(1, 3, 1),
};
type Settings = ValuesOf<typeof schema>;

const LEFT = 58;
const BOX_H = 26;
const ROW_GAP = 54;

/** Milliseconds per clock step while playing: a whole run takes about four seconds, whatever the length. */
const tickMs = (length: number) => Math.max(70, Math.min(450, 4000 / length));

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const stateOf = (col: Column, columns: Column[], length: number, tick: number): NodeState => {
  if (col !== null) return rnnState(col, tick);
  const i = columns.indexOf(null);
  return hiddenState((columns[i - 1] as number) + 1, (columns[i + 1] as number) - 1, tick);
};

function Box({ x, y, w, state, label, testId }: { x: number; y: number; w: number; state: NodeState; label: string; testId?: string }) {
  return (
    <g className={`pl-node pl-${state}`} data-testid={testId} data-state={state}>
      <rect x={x - w / 2} y={y} width={w} height={BOX_H} rx={5} />
      <text x={x} y={y + BOX_H / 2 + 4} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

export default function ParallelVsLoopFigure() {
  const settings = useFigureSettings(LESSON, 'parallel', schema);
  const v: Settings = settings.values;
  const { length, layers } = v;
  const reduced = useReducedMotion();
  const [tick, setTick] = useState(0);
  const [playing, setPlaying] = useState(false);
  const { ref, width } = useWidth<HTMLDivElement>();
  const counts = stepCounts(length, layers);

  // A new length or depth starts the clock again.
  useEffect(() => {
    setTick(0);
    setPlaying(false);
  }, [length, layers]);
  useEffect(() => {
    if (reduced) setPlaying(false);
  }, [reduced]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setTick((t) => {
        if (t >= length) {
          setPlaying(false);
          return t;
        }
        return t + 1;
      });
    }, tickMs(length));
    return () => clearInterval(timer);
  }, [playing, length]);

  // Phones get shorter panel titles: the SVG is drawn at its real size, so long ones would be cut off.
  const narrow = width < 520;
  const maxColumns = Math.max(5, Math.min(12, Math.floor((width - LEFT) / 44)));
  const columns = visibleColumns(length, maxColumns);
  const colW = (width - LEFT - 8) / columns.length;
  const boxW = Math.min(44, colW - 8);
  const cx = (i: number) => LEFT + colW * (i + 0.5);
  const label = (prefix: string, col: Column) => (col === null ? '…' : `${prefix}${subscript(col)}`);

  // The RNN panel: inputs at the bottom, hidden states above, arrows along the chain.
  const rnnTop = 30;
  const rnnX = rnnTop + ROW_GAP;
  const rnnHeight = rnnX + BOX_H + 18;
  // The transformer panel: inputs at the bottom, one row per layer above.
  const tTop = rnnHeight + 30;
  const rowY = (layer: number) => tTop + (layers - layer) * ROW_GAP;
  const height = rowY(0) + BOX_H + 10;
  const rnnDone = Math.min(tick, length);
  const transformerDone = Math.min(tick, layers);

  const describe =
    `Left to right, ${length} positions. Top: the RNN computes h1, then h2, and so on: ${length} steps one after another; after ${rnnDone} ` +
    `of them it has ${rnnDone === length ? 'finished' : `computed ${rnnDone}`}. Bottom: the transformer computes every position of a layer at once, ` +
    `${layers} layer${layers > 1 ? 's' : ''}, so ${layers} step${layers > 1 ? 's' : ''}; ${transformerDone === layers ? 'it has finished' : `${transformerDone} done`}.`;

  const step = (d: number) => {
    setPlaying(false);
    setTick((t) => Math.max(0, Math.min(length, t + d)));
  };

  const togglePlay = () => {
    if (playing) return setPlaying(false);
    if (tick >= length) setTick(0);
    setPlaying(true);
  };

  return (
    <div className="why-figure" data-testid="parallel-figure">
      <div className="why-controls">
        <Slider label="length T" value={length} min={2} max={60} step={1} format={String} onChange={(n) => settings.set({ length: n })} testId="diagram-length" />
        <Slider label="layers" value={layers} min={1} max={3} step={1} format={String} onChange={(n) => settings.set({ layers: n })} testId="diagram-layers" />
      </div>
      <div className="why-clock" role="group" aria-label="Clock">
        {reduced ? null : (
          <button type="button" onClick={togglePlay} aria-pressed={playing} data-testid="diagram-play">
            {playing ? 'Pause' : 'Play the clock'}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => step(-1)} disabled={tick === 0} data-testid="diagram-back">
          Step back
        </button>
        <button type="button" className="secondary" onClick={() => step(1)} disabled={tick >= length} data-testid="diagram-next">
          Next step
        </button>
        <button type="button" className="secondary" onClick={() => step(-length)} disabled={tick === 0}>
          Start again
        </button>
        <span className="why-tick" data-testid="diagram-tick" aria-live="polite">
          step {tick} of {length}
        </span>
      </div>
      <div ref={ref} className="why-diagram">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={describe} data-testid="loop-diagram" data-length={length}>
          <defs>
            <marker id="pl-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" className="pl-arrowhead" />
            </marker>
          </defs>
          <text x={4} y={16} className="pl-title">
            {narrow ? `RNN: ${counts.rnnSteps} steps in a chain` : `RNN: ${counts.rnnSteps} steps, each waiting for the one before`}
          </text>
          <text x={4} y={rnnTop + BOX_H / 2 + 4} className="pl-row">
            state
          </text>
          <text x={4} y={rnnX + BOX_H / 2 + 4} className="pl-row">
            input
          </text>
          {columns.map((col, i) => {
            const state = stateOf(col, columns, length, tick);
            return (
              <g key={`r${i}`}>
                <line x1={cx(i)} x2={cx(i)} y1={rnnX} y2={rnnTop + BOX_H + 2} className={`pl-edge pl-edge-${state}`} markerEnd="url(#pl-arrow)" />
                {i > 0 ? (
                  <line x1={cx(i - 1) + boxW / 2} x2={cx(i) - boxW / 2 - 1} y1={rnnTop + BOX_H / 2} y2={rnnTop + BOX_H / 2} className={`pl-edge pl-edge-${state}`} markerEnd="url(#pl-arrow)" />
                ) : null}
                <Box x={cx(i)} y={rnnTop} w={boxW} state={state} label={label('h', col)} testId="rnn-node" />
                <Box x={cx(i)} y={rnnX} w={boxW} state="done" label={label('x', col)} />
              </g>
            );
          })}
          <text x={4} y={tTop - 14} className="pl-title">
            {`Transformer: ${counts.transformerSteps} step${layers > 1 ? 's' : ''}`}
            {narrow ? ', all at once' : ' (one per layer), all positions at once'}
          </text>
          {Array.from({ length: layers }, (_, l) => l + 1).map((layer) => {
            const state = layerState(layer, tick);
            return (
              <g key={`l${layer}`}>
                {columns.map((_, i) =>
                  columns.map((__, j) => (
                    <line key={`${i}-${j}`} x1={cx(j)} x2={cx(i)} y1={rowY(layer - 1)} y2={rowY(layer) + BOX_H} className={`pl-mix pl-edge-${state}`} />
                  )),
                )}
              </g>
            );
          })}
          {Array.from({ length: layers + 1 }, (_, l) => l).map((layer) => (
            <g key={`row${layer}`}>
              <text x={4} y={rowY(layer) + BOX_H / 2 + 4} className="pl-row">
                {layer === 0 ? 'input' : `layer ${layer}`}
              </text>
              {columns.map((col, i) => (
                <Box
                  key={i}
                  x={cx(i)}
                  y={rowY(layer)}
                  w={boxW}
                  state={layer === 0 ? 'done' : layerState(layer, tick)}
                  label={layer === 0 ? label('x', col) : col === null ? '…' : `z${subscript(col)}`}
                  testId={layer === 0 ? undefined : 'transformer-node'}
                />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <dl className="why-counts" data-testid="diagram-counts">
        <div>
          <dt>steps in a chain, RNN</dt>
          <dd data-testid="rnn-chain">{counts.rnnSteps}</dd>
        </div>
        <div>
          <dt>steps in a chain, transformer</dt>
          <dd data-testid="transformer-chain">{counts.transformerSteps}</dd>
        </div>
        <div>
          <dt>pairs attention compares per layer (T²)</dt>
          <dd data-testid="attention-pairs">{counts.pairs.toLocaleString('en')}</dd>
        </div>
      </dl>
      <p className="why-legend">
        <span className="pl-key pl-key-done">computed</span> <span className="pl-key pl-key-now">being computed now</span>{' '}
        <span className="pl-key pl-key-waiting">waiting for its inputs</span>
        {reduced ? ' · Motion is reduced on this device: step the clock with the buttons.' : null}
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
