/**
 * "Loss functions", figure 1: squared error and cross-entropy against the prediction ŷ for a true label y. The
 * reader drags ŷ on the plot (or moves the slider) and reads each loss, its slope dL/dŷ (the tangent) and its
 * slope dL/dz behind a sigmoid, live in KaTeX and as bars.
 *
 * No training here, so no TF.js: the numbers come from engine/losses.ts, whose unit test proves they equal
 * TF.js's tf.losses and tf.grad.
 */
import katex from 'katex';
import { useEffect, useMemo, useRef } from 'react';
import { binaryLoss, type BinaryLossKind } from '../../engine/losses';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createLossCurves, type LossCurves } from '../../viz/createLossCurves';
import { bceTex, fmtText, mseTex } from './formula';
import { lossCurvesSchema } from './schema';
import './loss-curves.css';

const KINDS: { kind: BinaryLossKind; name: string; title: string }[] = [
  { kind: 'mse', name: 'squared error', title: 'Squared error' },
  { kind: 'bce', name: 'cross-entropy', title: 'Cross-entropy' },
];

/** Each loss sampled across (0, 1), for drawing its curve. */
function sampleCurve(kind: BinaryLossKind, y: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i <= 200; i++) {
    const pred = 0.003 + (0.994 * i) / 200;
    out.push([pred, binaryLoss(kind, pred, y).loss]);
  }
  return out;
}

export default function LossCurvesFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, lossCurvesSchema);
  const { values: v, set } = settings;
  const y = Number(v.y);
  const plotEl = useRef<HTMLDivElement>(null);
  const plot = useRef<LossCurves | null>(null);
  const texEls = useRef<Partial<Record<BinaryLossKind, HTMLDivElement | null>>>({});

  const curves = useMemo(() => ({ mse: sampleCurve('mse', y), bce: sampleCurve('bce', y) }), [y]);
  const at = { mse: binaryLoss('mse', v.pred, y), bce: binaryLoss('bce', v.pred, y) };

  useEffect(() => {
    plot.current = createLossCurves(plotEl.current!, { onPick: (pred) => set({ pred }) });
    return () => plot.current?.destroy();
  }, [set]);

  useEffect(() => {
    const mse = binaryLoss('mse', v.pred, y);
    const bce = binaryLoss('bce', v.pred, y);
    plot.current?.update({
      pred: v.pred,
      label: y,
      curves: [
        { id: 'mse', name: 'squared error', points: curves.mse, at: { loss: mse.loss, slope: mse.dPred } },
        { id: 'bce', name: 'cross-entropy', points: curves.bce, at: { loss: bce.loss, slope: bce.dPred } },
      ],
    });
    const render = (kind: BinaryLossKind, tex: string) => {
      const el = texEls.current[kind];
      if (el) katex.render(tex, el, { throwOnError: false, displayMode: true });
    };
    render('mse', mseTex(v.pred, y, mse));
    render('bce', bceTex(v.pred, y, bce));
  }, [v.pred, y, curves]);

  const ratio = Math.abs(at.bce.dLogit) / Math.max(1e-12, Math.abs(at.mse.dLogit));

  return (
    <div className="loss-curves-figure" data-testid="loss-curves-figure">
      <div ref={plotEl} className="lc-plot" data-testid="loss-curves-plot" />
      <p className="legend">
        <span className="lc-key lc-key-mse" aria-hidden="true" /> squared error (dashed){' '}
        <span className="lc-key lc-key-bce" aria-hidden="true" /> cross-entropy (solid). The short straight lines are the
        tangents: their slope is dL/dŷ. Drag on the plot to move ŷ.
      </p>
      <fieldset className="controls lc-controls">
        <legend>The example</legend>
        <div className="lc-label" role="radiogroup" aria-label="true label y">
          <span>true label y</span>
          {(['0', '1'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${frame.id}-y`} value={value} checked={v.y === value} onChange={() => set({ y: value })} data-testid={`label-${value}`} />
              {value}
            </label>
          ))}
        </div>
        <Slider label="prediction ŷ" value={v.pred} min={0.01} max={0.99} step={0.01} onChange={(pred) => set({ pred })} testId="pred" />
      </fieldset>
      <div className="lc-formulas">
        {KINDS.map(({ kind, title }) => (
          <section key={kind} className={`lc-loss lc-loss-${kind}`} data-testid={`formula-${kind}`}>
            <h4>
              <span className={`lc-key lc-key-${kind}`} aria-hidden="true" /> {title}
            </h4>
            <div className="formula lc-formula" ref={(el) => void (texEls.current[kind] = el)} />
          </section>
        ))}
      </div>
      <section className="lc-push" aria-labelledby={`${frame.id}-push`}>
        <h4 id={`${frame.id}-push`}>How hard each loss pushes a sigmoid neuron’s weights, |dL/dz|</h4>
        {KINDS.map(({ kind, name }) => (
          <div key={kind} className="lc-bar-row">
            <span className="lc-bar-name">{name}</span>
            <span className="lc-bar-track" aria-hidden="true">
              <span className={`lc-bar lc-bar-${kind}`} style={{ width: `${Math.min(1, Math.abs(at[kind].dLogit)) * 100}%` }} />
            </span>
            <output data-testid={`dz-${kind}`}>{fmtText(at[kind].dLogit)}</output>
          </div>
        ))}
        <p className="lc-ratio" data-testid="ratio">
          {ratio >= 1.05
            ? `Cross-entropy pushes ${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}× harder here.`
            : ratio <= 0.95
              ? `Squared error pushes ${(1 / ratio).toFixed(1)}× harder here: the prediction is already close to the answer.`
              : 'Here the two push about equally hard.'}
        </p>
      </section>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
