/**
 * Pure helpers shared by the plane and the network graph: colour scales for the heatmaps and the points, the
 * nearest-point hit test, and the legend text of the network graph's edge modes. No DOM, so they are unit-tested.
 *
 * @example
 * const [r, g, b] = classColour(probs, 3, false); // the winning class's colour, as strong as its probability
 * const i = nearestPoint(points, 0.4, -0.1, 0.08); // index of the closest point within 0.08, or -1
 */

export type Rgb = [number, number, number];

/** The pale middle of every heatmap scale: the same in light and dark themes, so dark marks stay readable on it. */
export const PALE: Rgb = [247, 245, 240];

/**
 * Heatmap colours per class (Okabe–Ito orange, sky blue, bluish green), mixed towards pale by the strength.
 * Green and sky blue come close only under tritanopia (rare): the points also differ by shape.
 */
export const HEAT_CLASSES: readonly Rgb[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
];

/** Point colours per class (Okabe–Ito vermillion, blue, bluish green): darker than the heatmap they sit on. */
export const POINT_CLASSES: readonly string[] = ['#d55e00', '#0072b2', '#009e73'];

/** How strongly a heatmap cell may take a class colour: 0.75 keeps the points and lines readable on top. */
const MAX_MIX = 0.75;

function mix(end: Rgb, k: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(PALE[i]! + (end[i]! - PALE[i]!) * k)) as Rgb;
}

/**
 * The colour of a cell whose class probabilities are `probs[0..classes)`: the winning class's colour, pale when
 * every class is equally likely, at full strength when the winner is certain (or always, with `discretize`).
 *
 * @example
 * classColour([0.1, 0.8, 0.1], 3, false); // a strong sky blue
 */
export function classColour(probs: ArrayLike<number>, classes: number, discretize: boolean): Rgb {
  let best = 0;
  for (let c = 1; c < classes; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
  const p = probs[best] ?? 0;
  const chance = 1 / Math.max(1, classes);
  const t = discretize ? 1 : Math.max(0, Math.min(1, (p - chance) / (1 - chance || 1)));
  return mix(HEAT_CLASSES[best] ?? HEAT_CLASSES[0]!, t * MAX_MIX);
}

/** The index of the largest of the first `classes` values (the first on ties). */
export function argmax(values: ArrayLike<number>, classes: number): number {
  let best = 0;
  for (let c = 1; c < classes; c++) if ((values[c] ?? -Infinity) > (values[best] ?? -Infinity)) best = c;
  return best;
}

/**
 * A regression value in [-1, 1] on the heatmap's diverging scale: orange below 0, pale at 0, blue above.
 * With `discretize` only its sign counts.
 *
 * @example
 * regressionColour(-1, false); // the heatmap's orange; regressionColour(0.2, true) is its full blue
 */
export function regressionColour(v: number, discretize: boolean): Rgb {
  const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  if (discretize) return mix(t < 0 ? HEAT_CLASSES[0]! : HEAT_CLASSES[1]!, MAX_MIX);
  return mix(t < 0 ? HEAT_CLASSES[0]! : HEAT_CLASSES[1]!, Math.abs(t) * MAX_MIX);
}

/**
 * A point's colour for a regression target in [-1, 1]: the same diverging scale at full strength (vermillion …
 * near-white … blue), as a CSS colour. Drawn with a dark outline so a point near 0 stays visible on a pale cell.
 */
export function regressionPointColour(v: number): string {
  const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  const end: Rgb = t < 0 ? [213, 94, 0] : [0, 114, 178];
  const [r, g, b] = mix(end, Math.abs(t));
  return `rgb(${r},${g},${b})`;
}

/**
 * The index of the point in flat [x0, y0, x1, y1, …] closest to (x, y), or -1 when none lies within `radius`
 * (Euclidean, in the points' own units).
 *
 * @example
 * nearestPoint(new Float32Array([0, 0, 1, 1]), 0.9, 0.8, 0.5); // 1
 */
export function nearestPoint(points: ArrayLike<number>, x: number, y: number, radius = Infinity): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; 2 * i + 1 < points.length; i++) {
    const dx = points[2 * i]! - x;
    const dy = points[2 * i + 1]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      // Strictly closer wins; at an equal distance the first point keeps it.
      if (best === -1 || d < bestD) best = i;
      bestD = d;
    }
  }
  return best;
}

/** What the network graph's edges show: the value each weight carries, or the gradient of the loss on it. */
export type EdgeMode = 'value' | 'gradient';

/**
 * The text legend for the network graph's edges in each mode, for the figure to show next to it.
 *
 * @example
 * legend.textContent = edgeLegend(state.edgeMode ?? 'value');
 */
export function edgeLegend(mode: EdgeMode): string {
  return mode === 'gradient'
    ? 'Dotted edges show the gradient: the push one training step gives each weight. Blue dots: the weight will grow; orange dot-dashes: it will shrink. Thicker means a stronger push.'
    : 'Edges show what each weight carries for the current input (weight × the value it starts from). Blue solid: positive; orange dashed: negative. Thicker means larger.';
}

/**
 * The stroke pattern of a gradient-mode edge of stroke width `w`: round dots for a weight training will increase
 * (gradient < 0), dot-dashes for one it will decrease. Patterns scale with the width so the dots never merge.
 */
export function gradientDash(gradient: number, w: number): string {
  const s = Math.max(1, w);
  return gradient <= 0 ? `0 ${(2.2 * s).toFixed(2)}` : `${(2.6 * s).toFixed(2)} ${(1.8 * s).toFixed(2)} 0 ${(1.8 * s).toFixed(2)}`;
}
