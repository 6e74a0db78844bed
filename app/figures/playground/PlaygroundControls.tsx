/** The lab's own controls: data and hyperparameters, input features, and the hidden layers' shape. */
import { useState } from 'react';
import { FEATURES } from '../../engine';
import { Slider } from '../../ui/controls/Slider';
import { FEATURE_LABELS, featuresOf } from './lab';
import { LAYER_KEYS, LEARNING_RATES, MAX_LAYERS, MAX_NEURONS, type PlaygroundSettings } from './schema';

interface Props {
  v: PlaygroundSettings;
  set(partial: Partial<PlaygroundSettings>): void;
}

const DATA_NAMES: Record<PlaygroundSettings['data'], string> = {
  circle: 'circle',
  xor: 'XOR (four corners)',
  blobs: 'Gaussian (two blobs)',
  spiral: 'spiral',
};

export function DataControls({ v, set }: Props) {
  // A learning rate from a link may fall between the menu's values: offer it too, so the menu shows the truth.
  const rates = LEARNING_RATES.includes(v.lr) ? LEARNING_RATES : [...LEARNING_RATES, v.lr].sort((a, b) => a - b);
  return (
    <>
      <label className="select">
        data
        <select value={v.data} onChange={(e) => set({ data: e.target.value as PlaygroundSettings['data'] })} data-testid="data">
          {Object.entries(DATA_NAMES).map(([k, name]) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="select">
        learning rate
        <select value={v.lr} onChange={(e) => set({ lr: Number(e.target.value) })} data-testid="lr">
          {rates.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="select">
        activation
        <select value={v.act} onChange={(e) => set({ act: e.target.value as PlaygroundSettings['act'] })} data-testid="act">
          <option value="tanh">tanh</option>
          <option value="relu">ReLU</option>
          <option value="sigmoid">sigmoid</option>
          <option value="linear">linear (none)</option>
        </select>
      </label>
      <label className="select">
        optimizer
        <select value={v.opt} onChange={(e) => set({ opt: e.target.value as PlaygroundSettings['opt'] })} data-testid="opt">
          <option value="sgd">SGD</option>
          <option value="momentum">momentum</option>
          <option value="adam">Adam</option>
        </select>
      </label>
      <Slider label="batch size" value={v.batch} min={1} max={30} step={1} format={String} onChange={(x) => set({ batch: x })} testId="batch" />
      <Slider label="noise" value={v.noise} min={0} max={1} step={0.05} onChange={(x) => set({ noise: x })} testId="noise" />
      <Slider label="training data" value={v.split} min={10} max={90} step={5} format={(x) => `${x}%`} onChange={(x) => set({ split: x })} testId="split" />
      <button type="button" className="secondary" onClick={() => set({ seed: (v.seed % 99999) + 1 })} data-testid="new-seed">
        New data and start (seed {v.seed})
      </button>
    </>
  );
}

export function FeatureControls({ v, set }: Props) {
  const [note, setNote] = useState('');
  const on = featuresOf(v);
  return (
    <fieldset className="pg-features">
      <legend>Inputs (features)</legend>
      {FEATURES.map((f) => (
        <label key={f} className="pg-check">
          <input
            type="checkbox"
            checked={v[f] === '1'}
            data-testid={`feature-${f}`}
            onChange={(e) => {
              if (!e.target.checked && on.length === 1) {
                setNote('The network needs at least one input: switch another one on first.');
                return;
              }
              setNote('');
              set({ [f]: e.target.checked ? '1' : '0' });
            }}
          />
          {FEATURE_LABELS[f]}
        </label>
      ))}
      <p className="pg-note" role="status">
        {note}
      </p>
    </fieldset>
  );
}

export function ArchitectureControls({ v, set }: Props) {
  const [note, setNote] = useState('');
  const say = (text: string) => setNote(text);
  const layers = (d: number) => {
    const next = v.layers + d;
    if (next > MAX_LAYERS) return say(`${MAX_LAYERS} hidden layers is the most this lab offers.`);
    if (next < 0) return say('No hidden layers left: the inputs now feed the output directly.');
    say('');
    set({ layers: next });
  };
  const neurons = (l: number, d: number) => {
    const key = LAYER_KEYS[l]!;
    const next = v[key] + d;
    if (next > MAX_NEURONS) return say(`${MAX_NEURONS} neurons per layer is the most this lab offers.`);
    if (next < 1) return say('A layer needs at least one neuron: remove the layer instead.');
    say('');
    set({ [key]: next });
  };
  return (
    <fieldset className="pg-arch">
      <legend>Hidden layers</legend>
      <div className="pg-arch-row">
        <button type="button" className="secondary" onClick={() => layers(-1)} aria-label="Remove a hidden layer" data-testid="remove-layer">
          −
        </button>
        <button type="button" className="secondary" onClick={() => layers(1)} aria-label="Add a hidden layer" data-testid="add-layer">
          +
        </button>
        <span data-testid="layer-count">
          {v.layers} hidden layer{v.layers === 1 ? '' : 's'}
        </span>
      </div>
      {v.layers > 0 ? (
        <div className="pg-arch-layers">
          {LAYER_KEYS.slice(0, v.layers).map((key, l) => (
            <div key={key} className="pg-arch-layer" role="group" aria-label={`Hidden layer ${l + 1}`}>
              <button type="button" className="secondary" onClick={() => neurons(l, -1)} aria-label={`Remove a neuron from layer ${l + 1}`} data-testid={`remove-neuron-${l + 1}`}>
                −
              </button>
              <button type="button" className="secondary" onClick={() => neurons(l, 1)} aria-label={`Add a neuron to layer ${l + 1}`} data-testid={`add-neuron-${l + 1}`}>
                +
              </button>
              <span>
                layer {l + 1}: {v[key]} neuron{v[key] === 1 ? '' : 's'}
              </span>
            </div>
          ))}
        </div>
      ) : null}
      <p className="pg-note" role="status" data-testid="arch-note">
        {note}
      </p>
    </fieldset>
  );
}
