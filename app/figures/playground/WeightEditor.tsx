/**
 * Edit one weight, or one neuron's bias and incoming weights, in place: a small popover by the edge or neuron
 * the reader clicked (or pressed E on). Training pauses while it is open; Apply writes the numbers into the
 * network (the optimiser's memory starts afresh, as it must for hand-set weights).
 */
import { useEffect, useRef, useState } from 'react';

/** What is being edited, in weight-array terms: `layer` is the index of the weight matrix (0 = inputs → first layer). */
export type EditTarget = { kind: 'edge'; layer: number; from: number; to: number } | { kind: 'neuron'; layer: number; unit: number };

interface Props {
  target: EditTarget;
  /** Where to show it, relative to the figure. */
  at: { left: number; top: number };
  weights: Float32Array[];
  /** Names for the edited things: "X₁", "neuron 3 of layer 1"… */
  unitName(layer: number, unit: number): string;
  onApply(weights: Float32Array[]): void;
  onClose(): void;
}

const show = (x: number) => String(Math.round(x * 1000) / 1000);

export function WeightEditor({ target, at, weights, unitName, onApply, onClose }: Props) {
  const m = target.kind === 'edge' ? target.layer : target.layer - 1; // the weight matrix into the edited layer
  const w = weights[2 * m]!;
  const b = weights[2 * m + 1]!;
  const units = b.length;
  const fanIn = w.length / units;
  const to = target.kind === 'edge' ? target.to : target.unit;
  const fields =
    target.kind === 'edge'
      ? [{ key: `w${target.from}`, label: `weight ${unitName(m, target.from)} → ${unitName(m + 1, to)}`, value: w[target.from * units + to]! }]
      : [
          { key: 'bias', label: 'bias', value: b[to]! },
          ...Array.from({ length: fanIn }, (_, i) => ({ key: `w${i}`, label: `weight from ${unitName(m, i)}`, value: w[i * units + to]! })),
        ];
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, show(f.value)])));
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  function apply() {
    const next = weights.map((a) => a.slice());
    for (const f of fields) {
      const value = Number(text[f.key]);
      if (text[f.key]!.trim() === '' || !Number.isFinite(value) || Math.abs(value) > 100) {
        setError(`${f.label}: enter a number between −100 and 100.`);
        return;
      }
      if (f.key === 'bias') next[2 * m + 1]![to] = value;
      else next[2 * m]![Number(f.key.slice(1)) * units + to] = value;
    }
    onApply(next);
  }

  const title = target.kind === 'edge' ? 'Edit a weight' : `Edit ${unitName(m + 1, to)}`;
  return (
    <div
      className="pg-editor"
      role="dialog"
      aria-label={title}
      style={{ left: at.left, top: at.top }}
      data-testid="weight-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="pg-editor-title">{title}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {fields.map((f, i) => (
          <label key={f.key} className="pg-editor-field">
            <span>{f.label}</span>
            <input
              ref={i === 0 ? first : undefined}
              type="number"
              step="0.01"
              value={text[f.key]}
              onChange={(e) => setText({ ...text, [f.key]: e.target.value })}
              data-testid={`edit-${f.key}`}
            />
          </label>
        ))}
        {error ? (
          <p className="pg-note is-bad" role="alert">
            {error}
          </p>
        ) : null}
        <div className="pg-editor-buttons">
          <button type="submit" data-testid="edit-apply">
            Apply
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}
