/**
 * The arithmetic behind the "parallel vs loop" diagram, kept out of the component so it can be tested: which
 * positions fit on screen, what has been computed after k steps of the clock, and how the two kinds of network
 * count their steps.
 *
 *   RNN          h₁ → h₂ → h₃ → … → h_T      step k computes h_k: T steps, each waiting for the one before
 *   transformer  [z¹₁ z¹₂ … z¹_T] → [z²₁ … ]  step ℓ computes all of layer ℓ at once: L steps
 */

/** A drawn column: a position 1 … T, or null for the "…" that stands for the positions left out. */
export type Column = number | null;

/**
 * The positions drawn for a sequence of `length` when at most `max` columns fit: all of them, or the first few,
 * an ellipsis and the last few (the last position matters most: the RNN's answer and the transformer's read-out).
 *
 * @example
 * visibleColumns(5, 8);  // [1, 2, 3, 4, 5]
 * visibleColumns(50, 8); // [1, 2, 3, null, 47, 48, 49, 50]
 */
export function visibleColumns(length: number, max: number): Column[] {
  const all = Array.from({ length }, (_, i) => i + 1);
  if (length <= max) return all;
  const head = Math.floor((max - 1) / 2);
  const tail = max - 1 - head;
  return [...all.slice(0, head), null, ...all.slice(length - tail)];
}

export type NodeState = 'done' | 'now' | 'waiting';

/** The RNN's h_t after `tick` steps of the clock: step k computes h_k, and nothing else. */
export function rnnState(t: number, tick: number): NodeState {
  if (t < tick) return 'done';
  return t === tick ? 'now' : 'waiting';
}

/** The ellipsis column stands for positions `from` … `to`: done when all are, "now" while one of them is. */
export function hiddenState(from: number, to: number, tick: number): NodeState {
  if (tick > to) return 'done';
  return tick >= from ? 'now' : 'waiting';
}

/** The transformer's layer ℓ after `tick` steps: step ℓ computes the whole layer, every position at once. */
export function layerState(layer: number, tick: number): NodeState {
  if (layer < tick) return 'done';
  return layer === tick ? 'now' : 'waiting';
}

/**
 * Steps that must run one after another (the longest chain of dependencies) and the work in the layer, for an
 * RNN and a transformer over `length` positions with `layers` layers.
 *
 * @example
 * stepCounts(50, 1); // { rnnSteps: 50, transformerSteps: 1, pairs: 2500 }
 */
export function stepCounts(length: number, layers: number) {
  return { rnnSteps: length, transformerSteps: layers, pairs: length * length };
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** Writes n with subscript digits, for labels such as h₁₂. */
export const subscript = (n: number): string => String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]!);
