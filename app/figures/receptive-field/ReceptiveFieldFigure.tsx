/**
 * "Pooling and the feature hierarchy", figure 2: a stack of convolution and pooling layers drawn as grids. Picking
 * a unit in any layer (hover, click, or focus a grid and use the arrow keys) shades the units of every layer below
 * that feed it, down to the input pixels it sees, and writes out its receptive field. Sizes come from
 * engine/receptiveField.ts.
 */
import { useMemo, useState, type CSSProperties } from 'react';
import { receptiveField, unitSpans, type LayerField } from '../../engine/receptiveField';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { cellFromKey, cellFromPointer } from '../digits/gridCanvas';
import { INPUT, receptiveFieldSchema, STACK_NAMES, STACKS, type StackName } from './schema';
import './receptive-field.css';

interface Selection {
  layer: number;
  r: number;
  c: number;
}

/** "Input", "Conv 1", "Pool 1", "Conv 2", … */
function layerNames(fields: readonly LayerField[]): string[] {
  const count = { conv: 0, pool: 0 };
  return fields.map((f) => (f.kind === 'input' ? 'Input' : `${f.kind === 'conv' ? 'Conv' : 'Pool'} ${++count[f.kind]}`));
}

const centre = (fields: readonly LayerField[], layer: number): Selection => {
  const mid = Math.floor((fields[layer]!.side - 1) / 2);
  return { layer, r: mid, c: mid };
};

function gridPath(side: number): string {
  let d = '';
  for (let i = 1; i < side; i++) d += `M${i} 0V${side}M0 ${i}H${side}`;
  return d;
}

export default function ReceptiveFieldFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, receptiveFieldSchema);
  const { values: v, set } = settings;
  const fields = useMemo(() => receptiveField(INPUT, STACKS[v.stack].layers), [v.stack]);
  const names = layerNames(fields);
  const top = fields.length - 1;
  const [chosen, setChosen] = useState<Selection | null>(null);
  const sel = chosen ?? centre(fields, top);
  const layer = Math.min(sel.layer, top);
  const side = fields[layer]!.side;
  const r = Math.min(sel.r, side - 1);
  const c = Math.min(sel.c, side - 1);
  const rows = unitSpans(fields, layer, r);
  const cols = unitSpans(fields, layer, c);
  const f = fields[layer]!;
  const input = rows[0]!;
  const inputCols = cols[0]!;
  const sum = fields.reduce((s, x) => s + x.side, 0);

  function pick(m: number, e: React.PointerEvent<SVGSVGElement>) {
    const cell = cellFromPointer(e, fields[m]!.side, fields[m]!.side);
    if (cell) setChosen({ layer: m, ...cell });
  }

  function onKey(m: number, e: React.KeyboardEvent<SVGSVGElement>) {
    const at = m === layer ? { r, c } : centre(fields, m);
    const next = cellFromKey(e.key, at, fields[m]!.side, fields[m]!.side);
    if (!next) return;
    e.preventDefault();
    setChosen({ layer: m, ...next });
  }

  // f = 1 + Σ (k − 1) · jump of the layer below, written out for the chosen layer.
  const terms = fields.slice(1, layer + 1).map((x, i) => `(${x.size} − 1)·${fields[i]!.jump}`);

  return (
    <div className="rf-figure" data-testid="rf-figure">
      <div className="rf-controls">
        <label>
          Stack{' '}
          <select value={v.stack} onChange={(e) => set({ stack: e.target.value as StackName })} data-testid="rf-stack">
            {STACK_NAMES.map((s) => (
              <option key={s} value={s}>
                {STACKS[s].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pick a unit in{' '}
          <select value={layer} onChange={(e) => setChosen(centre(fields, Number(e.target.value)))} data-testid="rf-layer">
            {names.map((name, m) => (
              <option key={name} value={m}>
                {name} ({fields[m]!.side} × {fields[m]!.side})
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="rf-stack">
        <div className="rf-layers" style={{ '--rf-sum': sum, '--rf-count': fields.length } as CSSProperties}>
          {fields.map((x, m) => {
            const feeds = m <= layer;
            const span = { r: rows[m], c: cols[m] };
            return (
              <div className="rf-layer" key={m} style={{ '--side': x.side } as CSSProperties}>
                <div className="rf-name">
                  {names[m]}
                  <br />
                  {x.side} × {x.side}
                </div>
                <svg
                  className="rf-grid"
                  viewBox={`0 0 ${x.side} ${x.side}`}
                  tabIndex={0}
                  role="img"
                  aria-label={`${names[m]}, ${x.side} × ${x.side}${m === 0 ? ' pixels' : ` units, each seeing ${x.field} × ${x.field} input pixels`}. Use the arrow keys to pick a unit here.`}
                  aria-describedby={`${frame.id}-readout`}
                  onPointerMove={(e) => pick(m, e)}
                  onPointerDown={(e) => pick(m, e)}
                  onKeyDown={(e) => onKey(m, e)}
                  onFocus={() => setChosen((s) => (s && s.layer === m ? s : centre(fields, m)))}
                  data-testid={`rf-grid-${m}`}
                >
                  <rect className="rf-bg" width={x.side} height={x.side} />
                  {feeds && m < layer && span.r && span.c ? (
                    <rect
                      className="rf-region"
                      x={span.c.first}
                      y={span.r.first}
                      width={span.c.last - span.c.first + 1}
                      height={span.r.last - span.r.first + 1}
                      data-testid={`rf-region-${m}`}
                    />
                  ) : null}
                  <path className="rf-lines" d={gridPath(x.side)} />
                  {m === layer ? <rect className="rf-unit" x={c} y={r} width={1} height={1} data-testid="rf-unit" /> : null}
                </svg>
                <div className="rf-sees" data-testid={`rf-sees-${m}`}>
                  {m < layer && span.r && span.c
                    ? `${span.r.last - span.r.first + 1} × ${span.c.last - span.c.first + 1} ${m === 0 ? 'pixels' : 'units'}`
                    : m === layer
                      ? 'chosen unit'
                      : ' '}
                </div>
              </div>
            );
          })}
        </div>
      </div>

      <p className="rf-readout" id={`${frame.id}-readout`} aria-live="polite" data-testid="rf-readout">
        {layer === 0 ? (
          <>
            An input pixel, row {r + 1}, column {c + 1}, sees only itself: <strong>1 × 1</strong>.
          </>
        ) : (
          <>
            {names[layer]}, unit row {r + 1}, column {c + 1}, sees input rows {input.first + 1}–{input.last + 1} and columns{' '}
            {inputCols.first + 1}–{inputCols.last + 1}: a{' '}
            <strong data-testid="rf-size">
              {f.field} × {f.field}
            </strong>{' '}
            patch, {f.field * f.field} of the {INPUT * INPUT} pixels. Receptive field = 1 + {terms.join(' + ')} = {f.field}.
          </>
        )}
      </p>

      <table className="rf-table">
        <caption>Every layer of the stack. The jump is how far apart, in input pixels, two neighbouring units’ patches start.</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Map</th>
            <th scope="col">One unit sees</th>
            <th scope="col">Jump</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((x, m) => (
            <tr key={m} className={m === layer ? 'rf-current' : undefined}>
              <th scope="row">
                {names[m]}
                {x.kind === 'input' ? null : (
                  <span className="rf-kind">
                    {x.size} × {x.size}, stride {x.stride}
                  </span>
                )}
              </th>
              <td>
                {x.side} × {x.side}
              </td>
              <td>
                {x.field} × {x.field} pixels
              </td>
              <td>
                {x.jump} {x.jump === 1 ? 'pixel' : 'pixels'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
