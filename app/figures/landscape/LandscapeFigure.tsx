/**
 * "Gradient descent and backpropagation", figure 2: SGD, momentum and Adam race down a long tilted valley from a
 * start point the reader picks. The paths are TF.js's own optimizers minimising the valley (engine/optimizerPaths),
 * recomputed whenever the start, a learning rate or the number of steps changes.
 */
import { useEffect, useRef, useState } from 'react';
import { optimizerPath, valleyLoss, VALLEY, type OptimizerPath, type PathOptimizer } from '../../engine/optimizerPaths';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createLandscape } from '../../viz/createLandscape';
import { ensureBackend } from '../connectBackend';
import { landscapeSchema } from './schema';
import './landscape.css';

const OPTS: { id: PathOptimizer; name: string; key: 'lrSgd' | 'lrMom' | 'lrAdam'; max: number }[] = [
  { id: 'sgd', name: 'SGD', key: 'lrSgd', max: 0.2 },
  { id: 'momentum', name: 'Momentum', key: 'lrMom', max: 0.2 },
  { id: 'adam', name: 'Adam', key: 'lrAdam', max: 1 },
];
const X_RANGE: [number, number] = [-2.5, 2.5];
const Y_RANGE: [number, number] = [-1.5, 2];
const clamp = (v: number, [a, b]: [number, number]) => Math.round(Math.min(b, Math.max(a, v)) * 100) / 100;
const fmt = (v: number) => (v < 0.001 ? v.toExponential(1) : v.toFixed(3));

export default function LandscapeFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, landscapeSchema);
  const { values: v, set } = settings;
  const plotEl = useRef<HTMLDivElement>(null);
  const view = useRef<ReturnType<typeof createLandscape> | null>(null);
  const setRef = useRef(set);
  useEffect(() => {
    setRef.current = set;
  });
  const [paths, setPaths] = useState<Record<PathOptimizer, OptimizerPath> | null>(null);

  useEffect(() => {
    if (!plotEl.current) return;
    view.current = createLandscape(plotEl.current, {
      x: X_RANGE,
      y: Y_RANGE,
      loss: valleyLoss,
      onPick: (x, y) => setRef.current({ sx: clamp(x, X_RANGE), sy: clamp(y, Y_RANGE) }),
    });
    return () => view.current?.destroy();
  }, []);

  // Recompute the three races with TF.js whenever anything changes; a newer request overrides an older one.
  useEffect(() => {
    let live = true;
    const start: [number, number] = [v.sx, v.sy];
    ensureBackend()
      .then(async () => {
        const out = {} as Record<PathOptimizer, OptimizerPath>;
        for (const o of OPTS) {
          out[o.id] = await optimizerPath(o.id, v[o.key], start, v.steps);
          if (!live) return;
        }
        setPaths(out);
        view.current?.update({ start, minimum: VALLEY.min, paths: OPTS.map((o) => ({ id: o.id, name: o.name, points: out[o.id].points })) });
      })
      .catch((e: unknown) => console.error(e));
    return () => {
      live = false;
    };
  }, [v]);

  return (
    <div className="landscape-figure" data-testid="landscape-figure" data-ready={paths ? 'yes' : 'no'}>
      <p className="ls-hint">Click or tap the map to drop the start point (or use the sliders). The dot in the valley is the minimum.</p>
      <div className="ls-plot" ref={plotEl} data-testid="landscape-plot" />
      <div className="ls-scroll">
      <table className="ls-table">
        <caption className="visually-hidden">Each optimizer’s learning rate and where it ended</caption>
        <thead>
          <tr>
            <th scope="col">optimizer</th>
            <th scope="col">learning rate</th>
            <th scope="col">loss after {v.steps}</th>
          </tr>
        </thead>
        <tbody>
          {OPTS.map((o) => {
            const p = paths?.[o.id];
            return (
              <tr key={o.id}>
                <th scope="row">
                  <span className={`ls-key path-${o.id}`} aria-hidden="true" /> {o.name}
                </th>
                <td>
                  <Slider label={<span className="visually-hidden">{o.name} learning rate</span>} value={v[o.key]} min={0.001} max={o.max} step={0.001} log onChange={(lr) => set({ [o.key]: lr })} format={(x) => String(x)} testId={`lr-${o.id}`} />
                </td>
                <td data-testid={`final-${o.id}`}>{p ? (p.diverged ? 'diverged' : fmt(p.losses.at(-1)!)) : '…'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <p className="ls-start" data-testid="ls-start-loss">
        Loss at the start: {fmt(valleyLoss(v.sx, v.sy))}
      </p>
      <div className="ls-controls">
        <Slider label="start x" value={v.sx} min={X_RANGE[0]} max={X_RANGE[1]} step={0.05} onChange={(sx) => set({ sx })} testId="ls-sx" />
        <Slider label="start y" value={v.sy} min={Y_RANGE[0]} max={Y_RANGE[1]} step={0.05} onChange={(sy) => set({ sy })} testId="ls-sy" />
        <Slider label="steps" value={v.steps} min={10} max={300} step={10} onChange={(steps) => set({ steps })} format={(x) => String(x)} testId="ls-steps" />
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
