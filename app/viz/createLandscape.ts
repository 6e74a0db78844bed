/**
 * A 2D loss landscape drawn as contour lines (SVG, from d3.contours over a grid), with optimizer paths on top and
 * a start point the reader picks by clicking or tapping.
 *
 * @example
 * const view = createLandscape(el, { x: [-2.5, 2.5], y: [-1.5, 2], loss: (x, y) => x * x + 10 * y * y, onPick: console.log });
 * view.update({ start: [-2, 1.5], paths: [{ id: 'sgd', name: 'SGD', points: new Float32Array([-2, 1.5, -1, 1]) }] });
 */
import * as d3 from 'd3';

export interface LandscapePath {
  /** Used in class names: `.path-<id>`. */
  id: string;
  name: string;
  /** x0, y0, x1, y1, … */
  points: Float32Array;
}

export interface LandscapeOptions {
  x: [number, number];
  y: [number, number];
  loss(x: number, y: number): number;
  onPick(x: number, y: number): void;
}

const W = 500;
const H = 350;

export function createLandscape(el: HTMLElement, opts: LandscapeOptions) {
  const sx = d3.scaleLinear().domain(opts.x).range([0, W]);
  const sy = d3.scaleLinear().domain(opts.y).range([H, 0]);
  const svg = d3.select(el).append('svg').attr('class', 'landscape').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img')
    .attr('aria-label', 'Contour lines of the loss, with the paths of the three optimizers');
  // Contours of log loss, so the flat floor of the valley gets lines too.
  const n = 100;
  const m = 70;
  const values = new Float64Array(n * m);
  for (let j = 0; j < m; j++)
    for (let i = 0; i < n; i++) values[j * n + i] = Math.log10(opts.loss(sx.invert(((i + 0.5) * W) / n), sy.invert(((j + 0.5) * H) / m)) + 1e-3);
  const contours = d3.contours().size([n, m]).thresholds(d3.range(-2.5, 2.5, 0.25))(Array.from(values));
  svg.append('g').attr('class', 'contours').attr('transform', `scale(${W / n}, ${H / m})`)
    .selectAll('path').data(contours).join('path').attr('d', d3.geoPath())
    .attr('fill', (d) => d3.interpolateGreys(0.05 + 0.35 * (1 - (d.value + 2.5) / 5)))
    .attr('fill-opacity', 0.5);
  svg.append('circle').attr('class', 'minimum').attr('r', 5);
  const pathsG = svg.append('g').attr('class', 'paths');
  const start = svg.append('circle').attr('class', 'start').attr('r', 8);
  svg.on('click', (event: MouseEvent) => {
    const [px, py] = d3.pointer(event, svg.node());
    opts.onPick(sx.invert(px), sy.invert(py));
  });

  let frame = 0;
  let latest: { start: [number, number]; paths: LandscapePath[]; minimum: readonly [number, number] } | null = null;
  function draw() {
    frame = 0;
    if (!latest) return;
    const s = latest;
    start.attr('cx', sx(s.start[0])).attr('cy', sy(s.start[1]));
    svg.select('.minimum').attr('cx', sx(s.minimum[0])).attr('cy', sy(s.minimum[1]));
    const line = (p: Float32Array) => {
      const pts: string[] = [];
      for (let i = 0; i + 1 < p.length; i += 2) pts.push(`${sx(p[i]!).toFixed(1)},${sy(p[i + 1]!).toFixed(1)}`);
      return pts.length ? `M${pts.join('L')}` : '';
    };
    pathsG.selectAll<SVGPathElement, LandscapePath>('path').data(s.paths, (d) => d.id).join('path')
      .attr('class', (d) => `opt-path path-${d.id}`).attr('d', (d) => line(d.points));
    pathsG.selectAll<SVGCircleElement, LandscapePath>('circle').data(s.paths, (d) => d.id).join('circle')
      .attr('class', (d) => `opt-end path-${d.id}`).attr('r', 5)
      .attr('cx', (d) => sx(d.points.at(-2) ?? s.start[0])).attr('cy', (d) => sy(d.points.at(-1) ?? s.start[1]));
  }
  return {
    update(state: { start: [number, number]; paths: LandscapePath[]; minimum: readonly [number, number] }) {
      latest = state;
      if (!frame) frame = requestAnimationFrame(draw);
    },
    destroy() {
      cancelAnimationFrame(frame);
      svg.remove();
    },
  };
}
