/**
 * A confusion matrix as a real HTML table: one row per true class, one column per predicted class, each cell the
 * count of examples written as a number on a chip, over a shade of the accent colour that grows with the count's
 * share of its row. Correct predictions (the diagonal) are outlined and bold, so neither colour nor position is
 * the only cue. With `onCell`, every cell is a button (e.g. to highlight those points on the plane).
 * Redraws at most once per animation frame.
 *
 * ```
 *                 Predicted class
 *                 A     B     C
 *   True   A   [ 40 ]  3     0        shade = count / row total
 *   class  B     2  [ 35 ]  5         [ ] = diagonal, outlined
 *          C     0     4  [ 38 ]
 * ```
 *
 * @example
 * const cm = createConfusionMatrix(el, { classNames: ['orange', 'blue'], onCell: (t, p) => highlight(t, p) });
 * cm.update(confusionMatrix(probs, labels, 2)); // number[][] from app/engine/metrics
 * cm.destroy();
 */
import './confusionMatrix.css';

export interface ConfusionMatrixOptions {
  /** One name per class, in class order (2 or more). */
  classNames: string[];
  /** Called with (true class, predicted class) when a cell is pressed; cells become buttons when given. */
  onCell?: (trueClass: number, predClass: number) => void;
}

export interface ConfusionMatrixChart {
  /** Shows a k × k matrix of counts (rows = true class). Redraws at most once per animation frame. */
  update(matrix: readonly (readonly number[])[]): void;
  /** Removes the table and cancels any pending redraw. */
  destroy(): void;
}

/** The strongest shade, as a percentage of accent mixed into the surface, for a cell holding its whole row. */
const MAX_MIX = 85;

export function createConfusionMatrix(
  el: HTMLElement,
  { classNames, onCell }: ConfusionMatrixOptions,
): ConfusionMatrixChart {
  const k = classNames.length;
  if (k < 2) throw new Error(`A confusion matrix needs at least 2 class names (got ${k}).`);
  const doc = el.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const root = make('div', 'confusion-matrix');
  const table = make('table');
  table.append(make('caption', undefined, 'Confusion matrix: rows are the true class, columns the predicted class'));

  const head = make('thead');
  const axisRow = make('tr');
  const corner = make('td', 'cm-corner');
  corner.colSpan = 2;
  corner.rowSpan = 2;
  const predAxis = make('th', 'cm-axis', 'Predicted class');
  predAxis.scope = 'colgroup';
  predAxis.colSpan = k;
  axisRow.append(corner, predAxis);
  const nameRow = make('tr');
  for (const name of classNames) {
    const th = make('th', 'cm-name', name);
    th.scope = 'col';
    nameRow.append(th);
  }
  head.append(axisRow, nameRow);

  const body = make('tbody');
  const cells: { td: HTMLTableCellElement; count: HTMLElement; button: HTMLButtonElement | null }[][] = [];
  classNames.forEach((trueName, t) => {
    const tr = make('tr');
    if (t === 0) {
      const trueAxis = make('th', 'cm-axis cm-axis-true');
      trueAxis.scope = 'rowgroup';
      trueAxis.rowSpan = k;
      trueAxis.append(make('span', undefined, 'True class'));
      tr.append(trueAxis);
    }
    const rowHead = make('th', 'cm-name', trueName);
    rowHead.scope = 'row';
    tr.append(rowHead);
    const row: (typeof cells)[number] = [];
    classNames.forEach((_predName, p) => {
      const td = make('td', t === p ? 'cm-cell cm-diagonal' : 'cm-cell');
      const count = make('span', 'cm-count', '–');
      let button: HTMLButtonElement | null = null;
      if (onCell) {
        button = make('button', 'cm-button');
        button.type = 'button';
        button.addEventListener('click', () => onCell(t, p));
        button.append(count);
        td.append(button);
      } else {
        td.append(count);
      }
      tr.append(td);
      row.push({ td, count, button });
    });
    cells.push(row);
    body.append(tr);
  });
  table.append(head, body);
  const note = make('p', 'cm-note', 'Outlined: predicted correctly. Stronger colour: a larger share of the row.');
  root.append(table, note);
  el.append(root);

  function draw(matrix: readonly (readonly number[])[]) {
    matrix.forEach((counts, t) => {
      const total = counts.reduce((s, c) => s + c, 0);
      counts.forEach((c, p) => {
        const cell = cells[t]?.[p];
        if (!cell) return;
        const share = total > 0 ? c / total : 0;
        cell.count.textContent = String(c);
        cell.td.style.background =
          share > 0 ? `color-mix(in srgb, var(--accent) ${Math.round(share * MAX_MIX)}%, var(--surface))` : '';
        const pct = total > 0 ? `${Math.round(share * 100)}% of true ${classNames[t]}` : 'no examples';
        cell.button?.setAttribute(
          'aria-label',
          `True ${classNames[t]}, predicted ${classNames[p]}: ${c} (${pct})`,
        );
        cell.td.title = `${c} of ${total} true ${classNames[t]} predicted as ${classNames[p]}`;
      });
    });
  }

  let frame = 0;
  let pending: readonly (readonly number[])[] | null = null;
  return {
    update(matrix) {
      if (matrix.length !== k || matrix.some((row) => row.length !== k)) {
        throw new Error(`Expected a ${k} × ${k} matrix, one row and column per class name.`);
      }
      pending = matrix.map((row) => [...row]);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pending) draw(pending);
      });
    },
    destroy() {
      cancelAnimationFrame(frame);
      frame = 0;
      root.remove();
    },
  };
}
