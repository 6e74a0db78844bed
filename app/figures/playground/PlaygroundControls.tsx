/**
 * The lab's own controls, in the groups a classroom link can hide: data, hyperparameters, regularization,
 * input features, and the hidden layers' shape (with each layer's activation).
 */
import { useState } from 'react';
import { FEATURES } from '../../engine';
import { Slider } from '../../ui/controls/Slider';
import { DATA_INFO, FEATURE_LABELS, featuresOf } from './lab';
import {
  ACT_KEYS,
  ACTIVATIONS,
  DATASETS,
  LAYER_KEYS,
  LEARNING_RATES,
  MAX_LAYERS,
  MAX_NEURONS,
  REG_RATES,
  type LabActivation,
  type PlaygroundSettings,
} from './schema';

interface Props {
  v: PlaygroundSettings;
  set(partial: Partial<PlaygroundSettings>): void;
}

const ACT_NAMES: Record<LabActivation, string> = { tanh: 'tanh', relu: 'ReLU', sigmoid: 'sigmoid', linear: 'linear (none)' };

/** A menu of fixed values that also offers the current one when a link set it between them. */
function withCurrent(values: number[], current: number): number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
}

export function DataControls({ v, set }: Props) {
  const classification = DATASETS.filter((d) => DATA_INFO[d].problem === 'classification');
  const regression = DATASETS.filter((d) => DATA_INFO[d].problem === 'regression');
  return (
    <>
      <label className="select">
        data
        <select value={v.data} onChange={(e) => set({ data: e.target.value as PlaygroundSettings['data'] })} data-testid="data">
          <optgroup label="classification">
            {classification.map((k) => (
              <option key={k} value={k}>
                {DATA_INFO[k].label}
              </option>
            ))}
          </optgroup>
          <optgroup label="regression">
            {regression.map((k) => (
              <option key={k} value={k}>
                {DATA_INFO[k].label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <Slider label="noise" value={v.noise} min={0} max={1} step={0.05} onChange={(x) => set({ noise: x })} testId="noise" />
      <Slider label="training data" value={v.split} min={10} max={90} step={5} format={(x) => `${x}%`} onChange={(x) => set({ split: x })} testId="split" />
      <button type="button" className="secondary" onClick={() => set({ seed: (v.seed % 99999) + 1 })} data-testid="new-seed">
        New data and start (seed {v.seed})
      </button>
    </>
  );
}

export function HyperControls({ v, set }: Props) {
  return (
    <>
      <label className="select">
        learning rate
        <select value={v.lr} onChange={(e) => set({ lr: Number(e.target.value) })} data-testid="lr">
          {withCurrent(LEARNING_RATES, v.lr).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="select">
        activation
        <select value={v.act} onChange={(e) => set({ act: e.target.value as LabActivation })} data-testid="act">
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {ACT_NAMES[a]}
            </option>
          ))}
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
    </>
  );
}

export function RegularizationControls({ v, set }: Props) {
  return (
    <>
      <label className="select">
        regularization
        <select value={v.reg} onChange={(e) => set({ reg: e.target.value as PlaygroundSettings['reg'] })} data-testid="reg">
          <option value="none">none</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
        </select>
      </label>
      <label className="select">
        regularization rate
        <select value={v.rate} onChange={(e) => set({ rate: Number(e.target.value) })} disabled={v.reg === 'none'} data-testid="reg-rate">
          {withCurrent(REG_RATES, v.rate).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
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
    if (next > MAX_LAYERS) return say(`${MAX_LAYERS} hidden layers is the most this lab offers: deeper nets need the ideas of the deep-networks lesson.`);
    if (next < 0) return say('No hidden layers left: the inputs now feed the output directly.');
    say('');
    set({ layers: next });
  };
  const neurons = (l: number, d: number) => {
    const key = LAYER_KEYS[l]!;
    const next = v[key] + d;
    if (next > MAX_NEURONS) return say(`${MAX_NEURONS} neurons per layer is the most this lab offers (every neuron gets a map).`);
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
          {LAYER_KEYS.slice(0, v.layers).map((key, l) => {
            const actKey = ACT_KEYS[l]!;
            return (
              <div key={key} className="pg-arch-layer" role="group" aria-label={`Hidden layer ${l + 1}`}>
                <button type="button" className="secondary" onClick={() => neurons(l, -1)} aria-label={`Remove a neuron from layer ${l + 1}`} data-testid={`remove-neuron-${l + 1}`}>
                  −
                </button>
                <button type="button" className="secondary" onClick={() => neurons(l, 1)} aria-label={`Add a neuron to layer ${l + 1}`} data-testid={`add-neuron-${l + 1}`}>
                  +
                </button>
                <span>
                  layer {l + 1}: {v[key]} neuron{v[key] === 1 ? '' : 's'},
                </span>
                <select
                  value={v[actKey]}
                  onChange={(e) => set({ [actKey]: e.target.value })}
                  aria-label={`Activation of layer ${l + 1}`}
                  data-testid={`act-${l + 1}`}
                >
                  <option value="same">{ACT_NAMES[v.act]} (as all)</option>
                  {ACTIVATIONS.map((a) => (
                    <option key={a} value={a}>
                      {ACT_NAMES[a]}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      ) : null}
      <p className="pg-note" role="status" data-testid="arch-note">
        {note}
      </p>
    </fieldset>
  );
}
