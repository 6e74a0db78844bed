/**
 * "Loss functions", figure 3: three class scores → softmax probabilities → categorical cross-entropy, the
 * minus log of the right class's probability. Numbers from engine/losses.ts (unit-tested against TF.js).
 */
import katex from 'katex';
import { useEffect, useRef } from 'react';
import { softmaxCrossEntropy } from '../../engine/losses';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { softmaxSchema } from './schema';
import './softmax.css';

const CLASSES = ['cat', 'dog', 'bird'] as const;
const KEYS = ['s0', 's1', 's2'] as const;
const f2 = (v: number) => v.toFixed(2);
const text = (v: number) => f2(v).replace('-', '−');

export default function SoftmaxFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, softmaxSchema);
  const { values: v, set } = settings;
  const scores = KEYS.map((k) => v[k]);
  const right = Number(v.right);
  const { probs, loss, dScores } = softmaxCrossEntropy(scores, right);
  const texEl = useRef<HTMLDivElement>(null);
  const name = CLASSES[right]!;

  useEffect(() => {
    const s = KEYS.map((k) => v[k]);
    const r = Number(v.right);
    const { probs: p, loss: l } = softmaxCrossEntropy(s, r);
    const sum = s.map((x) => `e^{${f2(x)}}`).join(' + ');
    const tex = [
      '\\begin{aligned}',
      `p_{\\text{${CLASSES[r]}}} &= \\frac{e^{${f2(s[r]!)}}}{${sum}} = \\mathbf{${f2(p[r]!)}} \\\\[4pt]`,
      `L &= -\\log p_{\\text{${CLASSES[r]}}} = -\\log ${f2(p[r]!)} = \\mathbf{${f2(l)}}`,
      '\\end{aligned}',
    ].join('\n');
    if (texEl.current) katex.render(tex, texEl.current, { throwOnError: false, displayMode: true });
  }, [v]);

  return (
    <div className="softmax-figure" data-testid="softmax-figure">
      <table className="sm-table">
        <caption className="visually-hidden">Scores, probabilities and loss gradient for each class</caption>
        <thead>
          <tr>
            <th scope="col">right answer</th>
            <th scope="col">score s</th>
            <th scope="col">probability p</th>
            <th scope="col">∂L/∂s</th>
          </tr>
        </thead>
        <tbody>
          {CLASSES.map((cls, k) => (
            <tr key={cls} className={k === right ? 'is-right' : undefined}>
              <td>
                <label className="sm-right">
                  <input type="radio" name={`${frame.id}-right`} checked={k === right} onChange={() => set({ right: String(k) as typeof v.right })} data-testid={`right-${k}`} />
                  {cls}
                </label>
              </td>
              <td>
                <Slider label={<span className="visually-hidden">score of {cls}</span>} value={v[KEYS[k]!]} min={-5} max={5} step={0.1} onChange={(x) => set({ [KEYS[k]!]: x })} format={text} testId={`score-${k}`} />
              </td>
              <td>
                <span className="sm-prob">
                  <span className="sm-track" aria-hidden="true">
                    <span className="sm-bar" style={{ width: `${probs[k]! * 100}%` }} />
                  </span>
                  <output data-testid={`prob-${k}`}>{Math.round(probs[k]! * 100)}%</output>
                </span>
              </td>
              <td className="sm-grad">{text(dScores[k]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="formula sm-formula" ref={texEl} data-testid="softmax-formula" />
      <p className="sm-verdict" data-testid="softmax-loss">
        Loss for the right answer, {name}: <strong>{f2(loss)}</strong>.{' '}
        {probs[right]! >= Math.max(...probs) ? 'The network’s top guess is right.' : 'The network’s top guess is wrong.'}
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
