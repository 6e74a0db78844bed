/** Pure helpers of the playground lab: its shape from the settings, and scores from read-back predictions. */
import { FEATURES, type FeatureName } from '../../engine';
import { LAYER_KEYS, type PlaygroundSettings } from './schema';

/** How each feature is written on the controls and on the network's input column. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  x1: 'X₁',
  x2: 'X₂',
  x1sq: 'X₁²',
  x2sq: 'X₂²',
  x1x2: 'X₁X₂',
  sin1: 'sin(πX₁)',
  sin2: 'sin(πX₂)',
};

export function featuresOf(v: PlaygroundSettings): FeatureName[] {
  return FEATURES.filter((f) => v[f] === '1');
}

/** Units per hidden layer, first to last. */
export function hiddenOf(v: PlaygroundSettings): number[] {
  return LAYER_KEYS.slice(0, v.layers).map((k) => v[k]);
}

/** Mean binary cross-entropy and accuracy of predicted probabilities against 0/1 labels. */
export function score(pred: ArrayLike<number> | undefined, labels: Float32Array): { loss: number; accuracy: number } {
  if (!pred || pred.length !== labels.length || labels.length === 0) return { loss: NaN, accuracy: NaN };
  const eps = 1e-7;
  let loss = 0;
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, pred[i]!));
    const y = labels[i]!;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    if (p >= 0.5 === y > 0.5) right++;
  }
  return { loss: loss / labels.length, accuracy: right / labels.length };
}
