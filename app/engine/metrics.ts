/**
 * Scores for a classifier's predictions, computed on plain arrays (no TF.js): the confusion matrix, which counts
 * how often each true class was predicted as each class, and the accuracy read from it.
 */

/**
 * Reads one row's class from `width` values: one value is a binary probability (≥ 0.5 is class 1), several are
 * scores per class (the largest wins; the lowest index on ties). NaN never wins: a row of NaN is class 0.
 *
 * @example
 * rowClass(probabilities, 4, 3); // the class the 5th of a batch of softmax rows predicts
 */
export function rowClass(values: ArrayLike<number>, row: number, width: number): number {
  if (width === 1) return (values[row] as number) >= 0.5 ? 1 : 0;
  let best = 0;
  let bestValue = -Infinity;
  for (let c = 0; c < width; c++) {
    const v = values[row * width + c] as number;
    if (v > bestValue) {
      best = c;
      bestValue = v;
    }
  }
  return best;
}

/**
 * Counts predictions by true class (rows) and predicted class (columns): `matrix[t][p]` is how many examples of
 * class t were predicted as class p.
 *
 * Each array holds either one value per example (binary, only when `classes` is 2: a probability or a 0/1
 * label, ≥ 0.5 meaning class 1) or `classes` values per example (probabilities, scores or one-hot rows: the
 * largest is the class). Without `n`, the layout is one value per example for 2 classes and `classes` values
 * per example otherwise; give `n` (the number of examples) to let each array's layout follow from its length,
 * e.g. two-column softmax outputs against 0/1 labels.
 *
 * @example
 * // Binary: probabilities against 0/1 labels.
 * confusionMatrix(new Float32Array([0.9, 0.2, 0.6]), new Float32Array([1, 0, 0]), 2); // [[1, 1], [0, 1]]
 * // Three classes: softmax rows against one-hot rows.
 * const m = confusionMatrix(probs, oneHot, 3);
 * accuracyFrom(m);
 */
export function confusionMatrix(
  pred: ArrayLike<number>,
  truth: ArrayLike<number>,
  classes: number,
  n?: number,
): number[][] {
  if (!Number.isInteger(classes) || classes < 2) {
    throw new Error(`A confusion matrix needs at least 2 classes (got ${classes}).`);
  }
  const widthOf = (arr: ArrayLike<number>, name: string): number => {
    const width = n === undefined || n === 0 ? (classes === 2 ? 1 : classes) : arr.length / n;
    const allowed = width === classes || (width === 1 && classes === 2);
    if (!allowed || (n === undefined && arr.length % width !== 0)) {
      throw new Error(
        `${name} has ${arr.length} values, which is not ${classes === 2 ? 'one or ' : ''}${classes} per example` +
          (n === undefined ? '.' : ` for ${n} examples.`),
      );
    }
    return width;
  };
  const pw = widthOf(pred, 'pred');
  const tw = widthOf(truth, 'truth');
  const rows = n ?? pred.length / pw;
  if (truth.length / tw !== rows) {
    throw new Error(`pred holds ${rows} examples but truth holds ${truth.length / tw}.`);
  }
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < rows; i++) {
    const row = matrix[rowClass(truth, i, tw)] as number[];
    const p = rowClass(pred, i, pw);
    row[p] = (row[p] as number) + 1;
  }
  return matrix;
}

/**
 * The share of examples on the diagonal of a confusion matrix (predicted as their true class), in [0, 1]; NaN
 * when the matrix counts no examples at all.
 *
 * @example
 * accuracyFrom([[40, 10], [5, 45]]); // 0.85
 * accuracyFrom([[0, 0], [0, 0]]);    // NaN: nothing to score
 */
export function accuracyFrom(matrix: readonly (readonly number[])[]): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, t) =>
    row.forEach((count, p) => {
      total += count;
      if (t === p) correct += count;
    }),
  );
  return total === 0 ? Number.NaN : correct / total;
}
