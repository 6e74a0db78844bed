/**
 * "Attention", figure 2: why the scores are divided by √d. A seeded random query and eight keys with
 * unit-variance entries; a slider grows their dimension d from 2 to 512 (the same draw, more entries). Side by
 * side: the raw scores q · kᵢ with their softmax, which turns nearly one-hot as d grows, and the scaled scores
 * q · kᵢ / √d with theirs, which stays spread. Under each, the spread of the scores and softmax's largest slope.
 */
import { useId, useMemo } from 'react';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { signed } from './plane';
import { drawScaling, largestSoftmaxSlope, scalingAt, spread } from './qkvMath';
import { scalingSchema } from './schema';
import './attention.css';

const SUB = ['₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈'];

function Column({ kind, title, scores, weights, d, typical }: { kind: 'raw' | 'scaled'; title: string; scores: number[]; weights: number[]; d: number; typical: { label: string; value: number } }) {
  const id = useId();
  const best = weights.indexOf(Math.max(...weights));
  const slope = largestSoftmaxSlope(weights);
  return (
    <section className="scl-column" aria-labelledby={id} data-testid={`scl-${kind}`}>
      <h4 id={id} className="scl-title">
        {title}
      </h4>
      <table className="scl-table">
        <caption className="visually-hidden">
          {title}: each key’s score and its softmax weight at d = {d}
        </caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">score</th>
            <th scope="col">softmax weight</th>
          </tr>
        </thead>
        <tbody>
          {weights.map((w, i) => (
            <tr key={i} className={i === best ? 'is-best' : undefined}>
              <th scope="row">k{SUB[i]}</th>
              <td>{signed(scores[i]!)}</td>
              <td>
                <span className="qkv-weight">
                  <span className="qkv-track" aria-hidden="true">
                    <span className="qkv-bar scl-bar" style={{ width: `${w * 100}%` }} />
                  </span>
                  <output data-testid={`${kind}-w-${i}`}>{Math.round(w * 100)}%</output>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="scl-stats">
        <dt>Spread of these 8 scores</dt>
        <dd data-testid={`${kind}-spread`}>{spread(scores).toFixed(2)}</dd>
        <dt>Expected spread, {typical.label}</dt>
        <dd data-testid={`${kind}-typical`}>{typical.value.toFixed(2)}</dd>
        <dt>Largest weight</dt>
        <dd data-testid={`${kind}-top`}>{Math.round(weights[best]! * 100)}%</dd>
        <dt>Largest slope wᵢ(1 − wᵢ)</dt>
        <dd data-testid={`${kind}-slope`}>{slope < 0.0001 ? slope.toExponential(0).replace('-', '−') : slope.toFixed(4)}</dd>
      </dl>
    </section>
  );
}

export default function ScalingFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, scalingSchema);
  const { logd, seed } = settings.values;
  const d = 2 ** logd;
  const draw = useMemo(() => drawScaling(seed), [seed]);
  const at = useMemo(() => scalingAt(draw, d), [draw, d]);
  // For one query, q · k over random keys has standard deviation |q|, and |q| is close to √d once d is large.
  const length = Math.hypot(...draw.q.subarray(0, d));

  return (
    <div className="scl-figure" data-testid="scaling-figure">
      <div className="scl-controls">
        <Slider label="Dimension d of q and k" value={logd} min={1} max={9} step={1} onChange={(x) => settings.set({ logd: x })} format={(x) => String(2 ** x)} testId="dims" />
        <button type="button" className="secondary" onClick={() => settings.set({ seed: (seed % 99999) + 1 })} data-testid="new-draw">
          New draw (seed {seed})
        </button>
      </div>
      <p className="scl-note">
        Every entry of q and of the eight keys is random with mean 0 and variance 1, so each score q · kᵢ is a sum of{' '}
        {d} random products. For this query the scores spread like its length |q| ={' '}
        <strong>{length.toFixed(1)}</strong>, close to √d = <strong>{Math.sqrt(d).toFixed(1)}</strong>. Eight scores
        are a small sample, so their own spread wanders around that.
      </p>
      <div className="scl-columns">
        <Column kind="raw" title="Raw: softmax(q · kᵢ)" scores={at.raw} weights={at.rawWeights} d={d} typical={{ label: '|q|', value: length }} />
        <Column kind="scaled" title="Scaled: softmax(q · kᵢ / √d)" scores={at.scaled} weights={at.scaledWeights} d={d} typical={{ label: '|q| / √d', value: length / Math.sqrt(d) }} />
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
