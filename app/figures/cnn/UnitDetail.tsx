/**
 * One unit of the live network opened down to its arithmetic, with the real numbers of this moment of training
 * (the CNN Explainer pattern, on a model that is learning): a conv unit's window and kernel per input channel and
 * the sum they make, a pooling unit's window and winner, an output class's biggest contributions and its softmax.
 */
import katex from 'katex';
import { useState } from 'react';
import type { ConvUnit, DenseUnit, PoolUnit, Unit } from '../../engine/cnn/unitMath';

const f = (v: number, digits = 2) => (Object.is(Math.round(v * 10 ** digits), -0) ? 0 : v).toFixed(digits).replace('-', '−');
const tex = (s: string) => ({ __html: katex.renderToString(s, { throwOnError: false, displayMode: true }) });
const signed = (v: number, digits = 2) => (v < 0 ? `- ${f(-v, digits)}` : `+ ${f(v, digits)}`);

function NumberGrid({ values, size, caption, strong }: { values: Float32Array; size: number; caption: string; strong?: number }) {
  const rows = Array.from({ length: size }, (_, r) => Array.from(values.subarray(r * size, (r + 1) * size)));
  return (
    <table className="unit-grid">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c} className={strong === r * size + c ? 'unit-winner' : v < 0 ? 'unit-neg' : undefined}>
                {f(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConvDetail({ unit, inputName }: { unit: ConvUnit; inputName: string }) {
  const [channel, setChannel] = useState(0);
  const ci = Math.min(channel, unit.windows.length - 1);
  const many = unit.windows.length > 1;
  const sums = Array.from(unit.partials, (p, i) => (i === 0 ? f(p) : signed(p))).join(' ');
  return (
    <>
      <div
        dangerouslySetInnerHTML={tex(
          `z = \\sum_{c} \\sum_{i,j} x_{c,i,j}\\, w_{c,i,j} + b = ${many ? `(${sums})` : sums} ${signed(unit.bias, 3)} = ${f(unit.z, 3)}`,
        )}
      />
      <div dangerouslySetInnerHTML={tex(`a = \\max(0, z) = ${f(unit.value, 3)}`)} />
      {many ? (
        <label className="select">
          input channel
          <select value={ci} onChange={(e) => setChannel(Number(e.target.value))} data-testid="unit-channel">
            {unit.windows.map((_, i) => (
              <option key={i} value={i}>
                {`${inputName} map ${i + 1}: ${f(unit.partials[i]!)}`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="unit-grids">
        <NumberGrid values={unit.windows[ci]!} size={unit.size} caption={`${inputName}${many ? ` map ${ci + 1}` : ''}: the ${unit.size} × ${unit.size} window x`} />
        <span aria-hidden="true">⊙</span>
        <NumberGrid values={unit.kernels[ci]!} size={unit.size} caption="kernel weights w" />
        <span>
          = {f(unit.partials[ci]!)}
        </span>
      </div>
    </>
  );
}

function PoolDetail({ unit }: { unit: PoolUnit }) {
  return (
    <>
      <div dangerouslySetInnerHTML={tex(`a = \\max(${Array.from(unit.window, (v) => f(v)).join(',\\ ')}) = ${f(unit.value, 3)}`)} />
      <div className="unit-grids">
        <NumberGrid values={unit.window} size={unit.size} caption="the window (winner in bold)" strong={unit.winner} />
      </div>
    </>
  );
}

function DenseDetail({ unit, classIndex }: { unit: DenseUnit; classIndex: number }) {
  const shown = unit.top.reduce((s, t) => s + t.x * t.w, 0);
  const terms = unit.top.map((t, i) => `${i === 0 ? '' : '+'} ${f(t.x)} \\cdot (${f(t.w)})`).join(' ');
  return (
    <>
      <div
        dangerouslySetInnerHTML={tex(
          `z_{${classIndex}} = \\sum_i x_i\\, w_{i,${classIndex}} + b = ${terms} + \\underbrace{${f(unit.dot - shown)}}_{\\text{all other inputs}} ${signed(unit.bias)} = ${f(unit.z)}`,
        )}
      />
      <div
        dangerouslySetInnerHTML={tex(`p_{${classIndex}} = \\frac{e^{z_{${classIndex}}}}{\\sum_k e^{z_k}} = ${f(unit.value * 100, 1)}\\%`)}
      />
      <p className="muted">The six inputs above moved this score the most; the rest are summed into one term.</p>
    </>
  );
}

export function UnitDetail({ unit, title, inputName, classIndex }: { unit: Unit | null; title: string; inputName: string; classIndex: number }) {
  return (
    // The section scrolls sideways when a sum is wider than the screen, so it is focusable.
    <section className="unit-detail" aria-live="polite" aria-label={title} tabIndex={0} data-testid="unit-detail">
      <h4>{title}</h4>
      {!unit ? (
        <p className="muted">Click a cell of any map (or focus a map and use the arrow keys) to open that unit.</p>
      ) : unit.kind === 'conv' ? (
        <ConvDetail unit={unit} inputName={inputName} />
      ) : unit.kind === 'pool' ? (
        <PoolDetail unit={unit} />
      ) : (
        <DenseDetail unit={unit} classIndex={classIndex} />
      )}
    </section>
  );
}
