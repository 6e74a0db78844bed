/**
 * A compact drawing of a fully connected network for the dropout lesson: one column of small discs per layer and
 * every weight as a line, blue when positive and orange when negative, thicker when larger. Hidden units that the
 * latest training step switched off are drawn hollow and dashed with a cross, and their lines fade out.
 * Framework-free; redrawn at most once per animation frame.
 *
 *   update({ weights, mask }) ─▶ next animation frame: line widths and colours, dropped discs
 *
 * @example
 * const net = createDropoutNet(el, { sizes: [2, 16, 16, 16, 1] });
 * net.update({ weights: [w1, w2, w3, w4], mask: snapshot.probes.mask }); // mask: hidden units, 1 = kept
 * net.destroy();
 */
import * as d3 from 'd3';

export interface DropoutNetState {
  /** Each layer's weight matrix, row-major [in, out]: W[i * out + j] joins unit i to unit j of the next layer. */
  weights: ArrayLike<number>[];
  /** One entry per hidden unit, hidden layers concatenated: 1 = kept, 0 = switched off this step. */
  mask: ArrayLike<number> | null;
}

const W = 420;
const ROW = 15;
const TOP = 26;
const R = 5.5;

export function createDropoutNet(el: HTMLElement, { sizes }: { sizes: number[] }) {
  const tallest = Math.max(...sizes);
  const H = TOP + tallest * ROW + 8;
  const svg = d3
    .select(el)
    .append('svg')
    .attr('class', 'dropout-net')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('aria-hidden', 'true')
    .style('width', '100%')
    .style('display', 'block');
  const cx = (l: number) => 24 + (l * (W - 48)) / (sizes.length - 1);
  const cy = (l: number, u: number) => TOP + (tallest * ROW) / 2 + (u - (sizes[l]! - 1) / 2) * ROW;
  sizes.forEach((_, l) => {
    svg
      .append('text')
      .attr('class', 'dn-heading')
      .attr('x', cx(l))
      .attr('y', 12)
      .attr('text-anchor', 'middle')
      .text(l === 0 ? 'input' : l === sizes.length - 1 ? 'output' : `hidden ${l}`);
  });
  const edgeGroup = svg.append('g');
  const edges: SVGLineElement[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const row: SVGLineElement[] = [];
    for (let i = 0; i < sizes[l]!; i++) {
      for (let j = 0; j < sizes[l + 1]!; j++) {
        row.push(
          edgeGroup
            .append('line')
            .attr('x1', cx(l))
            .attr('y1', cy(l, i))
            .attr('x2', cx(l + 1))
            .attr('y2', cy(l + 1, j))
            .node()!,
        );
      }
    }
    edges.push(row);
  }
  // Hidden units are numbered across layers in mask order; input and output units are never dropped.
  const units = sizes.map((n, l) =>
    Array.from({ length: n }, (_, u) => {
      const g = svg.append('g').attr('class', 'dn-unit').attr('transform', `translate(${cx(l)},${cy(l, u)})`);
      g.append('circle').attr('r', R);
      g.append('path').attr('class', 'dn-cross').attr('d', `M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}`);
      return g.node()!;
    }),
  );

  let pending: DropoutNetState | null = null;
  let frame = 0;

  function draw({ weights, mask }: DropoutNetState) {
    const off = (l: number, u: number) => {
      if (!mask || l === 0 || l === sizes.length - 1) return false;
      let k = u;
      for (let m = 1; m < l; m++) k += sizes[m]!;
      return mask[k] === 0;
    };
    units.forEach((row, l) => row.forEach((g, u) => g.classList.toggle('dn-off', off(l, u))));
    edges.forEach((row, l) => {
      const w = weights[l];
      if (!w) return;
      const out = sizes[l + 1]!;
      row.forEach((line, k) => {
        const v = w[k] ?? 0;
        const i = Math.floor(k / out);
        const j = k % out;
        line.setAttribute('class', v >= 0 ? 'dn-pos' : 'dn-neg');
        line.setAttribute('stroke-width', Math.min(3.5, 0.2 + Math.abs(v) * 1.2).toFixed(2));
        line.style.opacity = off(l, i) || off(l + 1, j) ? '0.04' : Math.min(0.85, 0.1 + Math.abs(v) * 0.5).toFixed(2);
      });
    });
  }

  return {
    update(state: DropoutNetState) {
      pending = state;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pending) draw(pending);
      });
    },
    destroy() {
      cancelAnimationFrame(frame);
      svg.remove();
    },
  };
}

export type DropoutNet = ReturnType<typeof createDropoutNet>;
