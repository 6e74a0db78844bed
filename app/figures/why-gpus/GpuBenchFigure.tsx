/**
 * "Why GPUs", figure 1: the same matrix product and the same training step on every backend this browser offers,
 * timed in a Web Worker, plotted as GFLOP/s on log–log axes, with a table and a reading written from the numbers.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BENCH_SIZES, describeBench, formatGflops, formatMs, type BackendResult } from '../../engine/gpuBench';
import type { BackendName } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { int, oneOf, setOf, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { BACKEND_STYLE, markerPath } from './backendStyle';
import { runBenchmark, stopBenchmark, useBench } from './benchStore';
import { GflopsChart } from './GflopsChart';
import { useWidth } from './useWidth';
import './why-gpus.css';

const LESSON = 'why-gpus';
const ALL: BackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu'];
const SIZES = ['64', '128', '256', '512', '1024', '2048'] as const;

const schema = {
  backends: setOf(ALL, 'cpu,wasm,webgl,webgpu'),
  max: oneOf(SIZES, '1024'),
  budget: int(2, 60, 10),
};
type Settings = ValuesOf<typeof schema>;

const STATUS: Record<BackendResult['status'], string> = {
  waiting: 'waiting',
  running: 'measuring…',
  done: 'done',
  unavailable: 'unavailable',
  failed: 'failed',
};

function Swatch({ name }: { name: BackendName }) {
  const s = BACKEND_STYLE[name];
  return (
    <svg width={30} height={12} aria-hidden="true" className="gpu-swatch">
      <line x1={1} x2={29} y1={6} y2={6} stroke={s.color} strokeWidth={2.2} strokeDasharray={s.dash || undefined} />
      <path d={markerPath(s.shape, 15, 6)} fill={s.color} />
    </svg>
  );
}

export default function GpuBenchFigure() {
  const settings = useFigureSettings(LESSON, 'bench', schema);
  const v: Settings = settings.values;
  const chosen = ALL.filter((b) => v.backends.split(',').includes(b));
  const maxN = Number(v.max);
  const bench = useBench(useShallow((s) => s));
  const running = bench.status === 'running';
  const { ref, width } = useWidth<HTMLDivElement>();

  // Leaving the lesson stops the worker; what it measured stays in the store.
  useEffect(() => () => stopBenchmark(), []);

  const order = bench.order.length ? bench.order : chosen;
  const list = order.map((b) => bench.results[b]).filter((r): r is BackendResult => r !== undefined);
  const shownMax = bench.order.length ? bench.maxN : maxN;
  const sizes = BENCH_SIZES.filter((n) => n <= shownMax);
  const reading = bench.status !== 'idle' && bench.status !== 'running' && list.some((r) => r.points.length) ? describeBench(list) : null;

  const toggle = (b: BackendName, on: boolean) => {
    const next = ALL.filter((x) => (x === b ? on : chosen.includes(x)));
    settings.set({ backends: next.join(',') });
  };
  const start = () => runBenchmark({ backends: chosen, maxN, budgetMs: v.budget * 1000 });

  return (
    <div className="gpu-figure" data-testid="gpu-bench-figure" data-status={bench.status}>
      <div className="gpu-controls">
        <fieldset className="gpu-backends" disabled={running}>
          <legend>Backends</legend>
          {ALL.map((b) => (
            <label key={b}>
              <input type="checkbox" checked={chosen.includes(b)} onChange={(e) => toggle(b, e.target.checked)} data-testid={`bench-use-${b}`} /> {b}
            </label>
          ))}
        </fieldset>
        <label className="gpu-select">
          largest n{' '}
          <select value={v.max} onChange={(e) => settings.set({ max: e.target.value as Settings['max'] })} disabled={running} data-testid="bench-max">
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <Slider label="time per backend" value={v.budget} min={2} max={60} step={1} format={(s) => `${s} s`} onChange={(s) => settings.set({ budget: s })} testId="bench-budget" />
      </div>
      <div className="gpu-run">
        {running ? (
          <button type="button" onClick={stopBenchmark} data-testid="bench-stop">
            Stop
          </button>
        ) : (
          <button type="button" onClick={start} disabled={chosen.length === 0} data-testid="bench-run">
            {bench.status === 'idle' ? 'Run the benchmark' : 'Run again'}
          </button>
        )}
        <span className="gpu-progress" data-testid="bench-progress" aria-live="polite">
          {chosen.length === 0 && !running
            ? 'Choose at least one backend.'
            : running
              ? bench.current
                ? `Measuring ${bench.current.name} at n = ${bench.current.n} … (in a background thread: the page stays responsive)`
                : 'Starting the backends …'
              : bench.status === 'stopped'
                ? 'Stopped. The numbers measured so far are kept.'
                : bench.status === 'done'
                  ? 'Done.'
                  : bench.status === 'error'
                    ? `The benchmark failed: ${bench.message ?? 'unknown error'}`
                    : 'Times one n × n product (2n³ operations) per size on each backend, in a background thread.'}
        </span>
      </div>
      <div ref={ref} className="gpu-chart-wrap">
        <GflopsChart results={bench.results} order={order} maxN={shownMax} width={width} />
      </div>
      <ul className="gpu-legend">
        {order.map((b) => (
          <li key={b}>
            <Swatch name={b} /> {BACKEND_STYLE[b].label}
          </li>
        ))}
      </ul>
      {reading ? (
        <div className="gpu-reading" data-testid="bench-reading">
          {reading.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <div className="gpu-table-wrap">
        <table className="gpu-table" data-testid="bench-summary">
          <caption>Each backend: where it runs and one training step</caption>
          <thead>
            <tr>
              <th scope="col">backend</th>
              <th scope="col">status</th>
              <th scope="col">training step</th>
              <th scope="col">runs on</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.name} data-testid={`bench-row-${r.name}`} data-status={r.status}>
                <th scope="row">
                  <Swatch name={r.name} /> {r.name}
                </th>
                <td>{r.status === 'unavailable' || r.status === 'failed' ? `${STATUS[r.status]}: ${r.reason ?? ''}` : STATUS[r.status]}</td>
                <td data-testid={`train-ms-${r.name}`} data-value={r.trainMs ?? ''}>
                  {r.trainMs !== undefined ? formatMs(r.trainMs) : '—'}
                </td>
                <td className="gpu-detail">
                  {r.name === 'cpu' ? 'plain JavaScript' : r.detail ?? '—'}
                  {r.software ? ' (software GPU)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="gpu-table-wrap">
        <table className="gpu-table gpu-sizes" data-testid="bench-table">
          <caption>GFLOP/s and milliseconds per n × n product (median of 3 timed batches)</caption>
          <thead>
            <tr>
              <th scope="col">n</th>
              {list.map((r) => (
                <th scope="col" key={r.name}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sizes.map((n) => (
              <tr key={n}>
                <th scope="row">{n}</th>
                {list.map((r) => {
                  const p = r.points.find((q) => q.n === n);
                  const skipped = r.skipped?.find((s) => s.n === n);
                  return (
                    <td key={r.name} data-testid={`cell-${r.name}-${n}`} data-gflops={p ? p.gflops : ''}>
                      {p ? (
                        <>
                          <strong>{formatGflops(p.gflops)}</strong>
                          <span className="gpu-ms">{formatMs(p.ms)}</span>
                        </>
                      ) : skipped ? (
                        <span className="gpu-ms" title={skipped.why}>
                          over budget
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
