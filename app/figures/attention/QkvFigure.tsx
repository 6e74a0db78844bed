/**
 * "Attention", figure 1: one query, four keys and their values as 2-D vectors the reader drags (pointer or touch)
 * or moves with the arrow keys. Live: the scores q · kᵢ, the scaled scores, the softmax weights as bars, and the
 * output Σ wᵢ vᵢ drawn in the value plane as the weighted values laid head to tail. All plain JavaScript
 * (qkvMath.ts), recomputed on every move; the KaTeX block re-renders at most once per animation frame.
 *
 *   keys plane                  values plane
 *   q ──▶ scores q·kᵢ ──softmax──▶ wᵢ ──▶ o = Σ wᵢ vᵢ
 */
import katex from 'katex';
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { attend } from './qkvMath';
import { QKV_RANGE, qkvSchema } from './schema';
import { KeyShape, KEY_NAMES, PlaneAxes, planeScale, PLANE_SIZE, signed } from './plane';
import './attention.css';

const KEYS = [0, 1, 2, 3] as const;
const SUB = ['₁', '₂', '₃', '₄'];
type Handle = 'q' | `k${number}` | `v${number}`;

function handleName(h: Handle): string {
  if (h === 'q') return 'Query q';
  const i = Number(h.slice(1));
  return `${h[0] === 'k' ? 'Key' : 'Value'} ${h[0]}${SUB[i]} (${KEY_NAMES[i]})`;
}

const round = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number) => Math.max(-QKV_RANGE, Math.min(QKV_RANGE, round(v)));
const pair = ([x, y]: readonly number[]) => `(${signed(x!)}, ${signed(y!)})`;
const texPair = ([x, y]: readonly number[]) => `(${x!.toFixed(2)},\\,${y!.toFixed(2)})`;

export default function QkvFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, qkvSchema);
  const v = settings.values;
  const set = settings.set;
  const q = [v.qx!, v.qy!];
  const keys = KEYS.map((i) => [v[`k${i}x`]!, v[`k${i}y`]!]);
  const values = KEYS.map((i) => [v[`v${i}x`]!, v[`v${i}y`]!]);
  const sharp = v.sharp!;
  const { scores, scaled, weights, output } = attend(q, keys, values, sharp);

  const vecOf = (h: Handle) => (h === 'q' ? q : h[0] === 'k' ? keys[Number(h.slice(1))]! : values[Number(h.slice(1))]!);
  const move = (h: Handle, x: number, y: number) => {
    const [kx, ky] = h === 'q' ? ['qx', 'qy'] : [`${h}x`, `${h}y`];
    set({ [kx]: clamp(x), [ky]: clamp(y) });
  };

  // Dragging: the pointer is captured by the handle, and its position read in the plane's own units.
  const dragging = useRef<Handle | null>(null);
  const toPlane = (e: PointerEvent<SVGElement>) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    const m = svg?.getScreenCTM();
    if (!svg || !m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return [planeScale.invertX(p.x), planeScale.invertY(p.y)] as const;
  };
  const handlers = (h: Handle) => ({
    onPointerDown: (e: PointerEvent<SVGGElement>) => {
      e.preventDefault();
      (e.currentTarget as SVGGElement).focus();
      e.currentTarget.setPointerCapture(e.pointerId);
      dragging.current = h;
    },
    onPointerMove: (e: PointerEvent<SVGGElement>) => {
      if (dragging.current !== h) return;
      const p = toPlane(e);
      if (p) move(h, p[0], p[1]);
    },
    onPointerUp: (e: PointerEvent<SVGGElement>) => {
      dragging.current = null;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    },
    onPointerCancel: () => {
      dragging.current = null;
    },
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      const step = e.shiftKey ? 0.5 : 0.1;
      const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
      if (!d) return;
      e.preventDefault();
      const [x, y] = vecOf(h);
      move(h, x! + d[0]!, y! + d[1]!);
    },
  });
  const handleProps = (h: Handle) => ({
    ...handlers(h),
    tabIndex: 0,
    role: 'button',
    'aria-roledescription': 'movable vector',
    'aria-label': `${handleName(h)} at ${pair(vecOf(h))}. Drag, or use the arrow keys (Shift for bigger steps).`,
    'data-testid': `handle-${h}`,
    className: 'qkv-handle',
  });

  const texEl = useRef<HTMLDivElement>(null);
  const term = (i: number) => `${weights[i]!.toFixed(2)}\\,${texPair(values[i]!)}`;
  const sharpTex = sharp === 1 ? '' : `${sharp.toFixed(2)}\\,`;
  const tex = [
    '\\begin{aligned}',
    `q\\cdot k_i &= (${scores.map((s) => s.toFixed(2)).join(',\\ ')}) \\\\`,
    `${sharpTex}\\tfrac{q\\cdot k_i}{\\sqrt{2}} &= (${scaled.map((s) => s.toFixed(2)).join(',\\ ')}) \\\\`,
    `w = \\operatorname{softmax}(\\ldots) &= (${weights.map((w) => w.toFixed(2)).join(',\\ ')}) \\\\`,
    `o = \\textstyle\\sum_i w_i v_i &= ${term(0)} + ${term(1)} \\\\`,
    `&\\quad + ${term(2)} + ${term(3)} \\\\`,
    `&= \\mathbf{${texPair(output)}}`,
    '\\end{aligned}',
  ].join('\n');
  useEffect(() => {
    // Dragging changes the numbers at pointer rate: typeset at most once per frame, and only when they changed.
    const id = requestAnimationFrame(() => {
      if (texEl.current) katex.render(tex, texEl.current, { throwOnError: false, displayMode: true });
    });
    return () => cancelAnimationFrame(id);
  }, [tex]);

  const s = planeScale;
  const arrow = (to: readonly number[], className: string) => (
    <line className={className} x1={s.x(0)} y1={s.y(0)} x2={s.x(to[0]!)} y2={s.y(to[1]!)} />
  );
  // The output as the weighted values laid head to tail, ending at o.
  let at = [0, 0];
  const chain = KEYS.map((i) => {
    const from = at;
    at = [at[0]! + weights[i]! * values[i]![0]!, at[1]! + weights[i]! * values[i]![1]!];
    return <line key={i} className={`qkv-chain key-${i}`} x1={s.x(from[0]!)} y1={s.y(from[1]!)} x2={s.x(at[0]!)} y2={s.y(at[1]!)} />;
  });
  const best = weights.indexOf(Math.max(...weights));

  return (
    <div className="qkv-figure" data-testid="qkv-figure">
      <div className="qkv-planes">
        <figure className="qkv-plane">
          <figcaption id={`${frame.id}-kq`}>Query and keys</figcaption>
          <svg viewBox={`0 0 ${PLANE_SIZE} ${PLANE_SIZE}`} aria-labelledby={`${frame.id}-kq`} role="group">
            <PlaneAxes />
            {KEYS.map((i) => arrow(keys[i]!, `qkv-arrow key-${i}`))}
            {arrow(q, 'qkv-arrow qkv-query')}
            {KEYS.map((i) => (
              <g key={i} {...handleProps(`k${i}`)} transform={`translate(${s.x(keys[i]![0]!)},${s.y(keys[i]![1]!)})`}>
                <circle className="qkv-hit" r={16} />
                <circle className="qkv-ring" r={12} />
                <KeyShape i={i} />
                <text className="qkv-label" x={10} y={-10}>
                  k{SUB[i]}
                </text>
              </g>
            ))}
            <g {...handleProps('q')} transform={`translate(${s.x(q[0]!)},${s.y(q[1]!)})`}>
              <circle className="qkv-hit" r={16} />
              <circle className="qkv-ring" r={12} />
              <circle className="qkv-query-dot" r={6} />
              <text className="qkv-label qkv-query-label" x={10} y={-10}>
                q
              </text>
            </g>
          </svg>
        </figure>
        <figure className="qkv-plane">
          <figcaption id={`${frame.id}-vo`}>Values and the output o</figcaption>
          <svg viewBox={`0 0 ${PLANE_SIZE} ${PLANE_SIZE}`} aria-labelledby={`${frame.id}-vo`} role="group">
            <PlaneAxes />
            {KEYS.map((i) => (
              <g key={i} style={{ opacity: 0.35 + 0.65 * weights[i]! }}>
                {arrow(values[i]!, `qkv-arrow key-${i}`)}
              </g>
            ))}
            {chain}
            {arrow(output, 'qkv-arrow qkv-output')}
            <g className="qkv-output-tip" transform={`translate(${s.x(output[0]!)},${s.y(output[1]!)})`} data-testid="output-tip">
              <circle r={5} />
              <text className="qkv-label" x={8} y={16}>
                o
              </text>
            </g>
            {KEYS.map((i) => (
              <g key={i} {...handleProps(`v${i}`)} transform={`translate(${s.x(values[i]![0]!)},${s.y(values[i]![1]!)})`}>
                <circle className="qkv-hit" r={16} />
                <circle className="qkv-ring" r={12} />
                <KeyShape i={i} />
                <text className="qkv-label" x={10} y={-10}>
                  v{SUB[i]}
                </text>
              </g>
            ))}
          </svg>
        </figure>
      </div>

      <table className="qkv-table">
        <caption className="visually-hidden">Score, scaled score and attention weight of each key</caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">q·kᵢ</th>
            <th scope="col">{sharp === 1 ? '÷ √2' : `× ${sharp.toFixed(2)} ÷ √2`}</th>
            <th scope="col">weight wᵢ</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map((i) => (
            <tr key={i} className={i === best ? 'is-best' : undefined}>
              <th scope="row">
                <svg className="qkv-swatch" viewBox="-8 -8 16 16" aria-hidden="true">
                  <KeyShape i={i} />
                </svg>
                k{SUB[i]} <span className="qkv-name">{KEY_NAMES[i]}</span>
              </th>
              <td>{signed(scores[i]!)}</td>
              <td>{signed(scaled[i]!)}</td>
              <td>
                <span className="qkv-weight">
                  <span className="qkv-track" aria-hidden="true">
                    <span className={`qkv-bar key-${i}`} style={{ width: `${weights[i]! * 100}%` }} />
                  </span>
                  <output data-testid={`weight-${i}`}>{Math.round(weights[i]! * 100)}%</output>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="qkv-readout" data-testid="qkv-output">
        Output o = {pair(output)}: mostly v{SUB[best]} ({KEY_NAMES[best]}), with {Math.round(weights[best]! * 100)}% of the weight.
      </p>

      <div className="qkv-controls">
        <Slider label="Sharpness" value={sharp} min={0.25} max={4} step={0.05} onChange={(x) => set({ sharp: x })} testId="sharpness" />
        <p className="qkv-hint">Multiplies every score before softmax, as a longer query would.</p>
      </div>
      <div className="formula qkv-formula" ref={texEl} tabIndex={0} role="group" aria-label="The attention computation with the live numbers (scrolls sideways)" data-testid="qkv-formula" />
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />
    </div>
  );
}
