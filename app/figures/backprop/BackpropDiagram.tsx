/**
 * The 2-2-1 network as an SVG drawn by React (it changes only when the reader presses a button): nodes print
 * their values after Forward; each edge prints its weight and, once Back has reached it, its gradient.
 */
import type { BackpropParams, BackpropStep } from '../../engine/models/backprop';
import { BACK_STAGES, FIRST_BACK, fmt, FORWARD, LOSS, paramValue, revealed, UPDATE, X, type ParamId } from './stages';

const NODES = {
  x1: [50, 60],
  x2: [50, 200],
  h1: [270, 60],
  h2: [270, 200],
  out: [470, 130],
} as const;

const EDGES: { id: ParamId; from: keyof typeof NODES; to: keyof typeof NODES; at: number }[] = [
  { id: 'w11', from: 'x1', to: 'h1', at: 0.5 },
  { id: 'w12', from: 'x2', to: 'h1', at: 0.28 },
  { id: 'w21', from: 'x1', to: 'h2', at: 0.28 },
  { id: 'w22', from: 'x2', to: 'h2', at: 0.5 },
  { id: 'v1', from: 'h1', to: 'out', at: 0.5 },
  { id: 'v2', from: 'h2', to: 'out', at: 0.5 },
];

interface Props {
  step: BackpropStep;
  params: BackpropParams;
  stage: number;
  y: number;
}

export function BackpropDiagram({ step, params, stage, y }: Props) {
  const known = revealed(stage);
  const focus = BACK_STAGES[stage - FIRST_BACK]?.focus;
  const fwd = stage >= FORWARD;
  const value: Record<keyof typeof NODES, string> = {
    x1: fmt(X[0], 2),
    x2: fmt(X[1], 2),
    h1: fwd ? fmt(step.h[0]) : '?',
    h2: fwd ? fmt(step.h[1]) : '?',
    out: fwd ? fmt(step.yhat) : '?',
  };
  const name: Record<keyof typeof NODES, string> = { x1: 'x₁', x2: 'x₂', h1: 'h₁', h2: 'h₂', out: 'ŷ' };
  const hiddenFocus = focus === 'v1' && stage === FIRST_BACK + 4 ? 'h1' : focus === 'v2' && stage === FIRST_BACK + 7 ? 'h2' : null;

  return (
    <svg className="bp-diagram" viewBox="0 0 600 260" role="img" aria-label="The network with its current values and gradients" data-testid="bp-diagram">
      {EDGES.map((e) => {
        const [x1, y1] = NODES[e.from];
        const [x2, y2] = NODES[e.to];
        const lx = x1 + (x2 - x1) * e.at;
        const ly = y1 + (y2 - y1) * e.at;
        const hasGrad = known.has(e.id);
        const isFocus = focus === e.id;
        return (
          <g key={e.id} className={`bp-edge${hasGrad ? ' has-grad' : ''}${isFocus ? ' is-focus' : ''}`}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} />
            <rect x={lx - 38} y={ly - 17} width={76} height={hasGrad ? 34 : 18} rx={4} />
            <text x={lx} y={ly - 4} textAnchor="middle">
              {e.id.replace(/(\d)(\d)?/, (_, a: string, b?: string) => `${'₀₁₂'[Number(a)]}${b ? '₀₁₂'[Number(b)] : ''}`)} {fmt(stage === UPDATE ? paramValue(step.next, e.id) : paramValue(params, e.id), 2)}
            </text>
            {hasGrad ? (
              <text x={lx} y={ly + 12} textAnchor="middle" className="bp-grad">
                ∂ {fmt(paramValue(step.grads, e.id))}
              </text>
            ) : null}
          </g>
        );
      })}
      <g className={`bp-edge${stage >= LOSS ? ' has-grad' : ''}${focus === 'L' || focus === 'out' ? ' is-focus' : ''}`}>
        <line x1={NODES.out[0]} y1={130} x2={560} y2={130} />
      </g>
      {(Object.keys(NODES) as (keyof typeof NODES)[]).map((k) => {
        const [cx, cy] = NODES[k];
        return (
          <g key={k} className={`bp-node${(focus === 'out' && k === 'out') || hiddenFocus === k ? ' is-focus' : ''}`}>
            <circle cx={cx} cy={cy} r={32} />
            <text x={cx} y={cy - 5} textAnchor="middle" className="bp-name">
              {name[k]}
            </text>
            <text x={cx} y={cy + 13} textAnchor="middle" data-testid={`node-${k}`}>
              {value[k]}
            </text>
          </g>
        );
      })}
      <g className={`bp-node bp-lossnode${focus === 'L' ? ' is-focus' : ''}`}>
        <rect x={530} y={100} width={64} height={60} rx={6} />
        <text x={562} y={124} textAnchor="middle" className="bp-name">
          L (y={y})
        </text>
        <text x={562} y={143} textAnchor="middle">
          {stage >= LOSS ? fmt(step.loss) : '?'}
        </text>
      </g>
    </svg>
  );
}
