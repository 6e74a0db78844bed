/**
 * Training subsets for the "limits" lesson: seeded, balanced subsets of n examples (how much data a model needs)
 * and skewed ones that keep only a fraction of one class (bias in, bias out), plus per-class accuracy, the number
 * that shows what overall accuracy hides. Plain TypeScript over label arrays: no TF.js.
 */
import { createRng, mixSeed } from '../rng';

/**
 * Indices of `n` examples with the classes as even as possible: ⌊n / classes⌋ of each, and one more of each of
 * the first n mod classes classes. Which examples of a class are taken is a seeded shuffle, so a seed fixes the
 * subset. Throws a plain-language error when a class has too few examples.
 *
 * @example
 * const rows = balancedSubset(trainLabels, 100, 1); // 10 of each digit, in a seeded order
 */
export function balancedSubset(labels: ArrayLike<number>, n: number, seed: number, classes = 10): Int32Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`A subset needs a whole, positive size (got ${n}).`);
  const byClass = indicesByClass(labels, classes);
  const rng = createRng(mixSeed(seed, 31));
  const chosen: number[] = [];
  for (let k = 0; k < classes; k++) {
    const want = Math.floor(n / classes) + (k < n % classes ? 1 : 0);
    const pool = byClass[k]!;
    if (pool.length < want) throw new Error(`Class ${k} has ${pool.length} examples, fewer than the ${want} a balanced subset of ${n} needs.`);
    chosen.push(...rng.shuffle(pool.slice()).slice(0, want));
  }
  return Int32Array.from(rng.shuffle(chosen));
}

/** How a skewed subset is skewed: keep `keep` (0 … 1) of the examples of class `cls`, all of the others. */
export interface Skew {
  cls: number;
  keep: number;
}

/**
 * Indices of every example except most of one class: of class `skew.cls` only round(keep × its count) are kept,
 * chosen by a seeded shuffle. The result is in a seeded order.
 *
 * @example
 * const rows = skewedSubset(trainLabels, { cls: 3, keep: 0.02 }, 1); // all digits, but only 2% of the 3s
 */
export function skewedSubset(labels: ArrayLike<number>, skew: Skew, seed: number, classes = 10): Int32Array {
  if (!(skew.keep >= 0 && skew.keep <= 1)) throw new Error(`The share of class ${skew.cls} kept must be between 0 and 1 (got ${skew.keep}).`);
  if (!Number.isInteger(skew.cls) || skew.cls < 0 || skew.cls >= classes) throw new Error(`There is no class ${skew.cls}.`);
  const byClass = indicesByClass(labels, classes);
  const rng = createRng(mixSeed(seed, 37));
  const chosen: number[] = [];
  for (let k = 0; k < classes; k++) {
    const pool = byClass[k]!;
    if (k !== skew.cls) chosen.push(...pool);
    else chosen.push(...rng.shuffle(pool.slice()).slice(0, Math.round(skew.keep * pool.length)));
  }
  return Int32Array.from(rng.shuffle(chosen));
}

/**
 * How many of `rows` (all examples when omitted) there are of each class.
 *
 * @example
 * classCounts(trainLabels, balancedSubset(trainLabels, 100, 1)); // [10, 10, …, 10]
 */
export function classCounts(labels: ArrayLike<number>, rows?: ArrayLike<number>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  const n = rows ? rows.length : labels.length;
  for (let i = 0; i < n; i++) counts[labels[rows ? rows[i]! : i]!]!++;
  return counts;
}

/** Overall and per-class accuracy, and how many examples of each class were scored. */
export interface ClassAccuracy {
  overall: number;
  /** Share right of each class's examples; NaN for a class with none. */
  perClass: number[];
  counts: number[];
}

/**
 * Overall and per-class accuracy of `predicted` against `labels`.
 *
 * @example
 * perClassAccuracy([0, 1, 1], [0, 1, 0], 2); // { overall: 2/3, perClass: [0.5, 1], counts: [2, 1] }
 */
export function perClassAccuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes = 10): ClassAccuracy {
  if (predicted.length !== labels.length) throw new Error(`${predicted.length} predictions for ${labels.length} labels.`);
  const right = new Array<number>(classes).fill(0);
  const counts = new Array<number>(classes).fill(0);
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    counts[k]!++;
    if (predicted[i] === k) {
      right[k]!++;
      total++;
    }
  }
  return {
    overall: labels.length ? total / labels.length : NaN,
    perClass: right.map((r, k) => (counts[k] ? r / counts[k]! : NaN)),
    counts,
  };
}

function indicesByClass(labels: ArrayLike<number>, classes: number): number[][] {
  const byClass = Array.from({ length: classes }, () => [] as number[]);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    if (!(k >= 0 && k < classes)) throw new Error(`Example ${i} has label ${k}, outside 0 … ${classes - 1}.`);
    byClass[k]!.push(i);
  }
  return byClass;
}
