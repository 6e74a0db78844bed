import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/** Everything that defines the deep-network figure's state, and so its share link. */
export const deepSchema = {
  act: oneOf(['sigmoid', 'tanh', 'relu'] as const, 'sigmoid'),
  norm: oneOf(['off', 'batch'] as const, 'off'),
  skip: oneOf(['off', 'on'] as const, 'off'),
  depth: int(2, 10, 10),
  width: int(4, 16, 8),
  data: oneOf(['circle', 'xor'] as const, 'circle'),
  lr: num(0.001, 1, 0.02, 0.001),
  seed: int(1, 99999, 1),
};

export type DeepSettings = ValuesOf<typeof deepSchema>;

const ACT_NAMES = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } as const;

/** A short name for a run's network, e.g. "10 layers, sigmoid" or "10 layers, ReLU + batch norm + skips". */
export function runLabel(v: Pick<DeepSettings, 'act' | 'norm' | 'skip' | 'depth' | 'width'>): string {
  const parts: string[] = [ACT_NAMES[v.act]];
  if (v.norm === 'batch') parts.push('batch norm');
  if (v.skip === 'on') parts.push('skips');
  return `${v.depth} layers × ${v.width}, ${parts.join(' + ')}`;
}

/** "1/5,300,000" or "2.1×": how layer 1's gradient compares with the last layer's. */
export function formatRatio(first: number, last: number): string {
  if (!(first > 0) || !(last > 0)) return '—';
  const r = first / last;
  if (r >= 1) return `${r.toPrecision(2)}×`;
  const inv = 1 / r;
  return `1/${inv >= 100 ? Math.round(Number(inv.toPrecision(2))).toLocaleString('en-US') : inv.toPrecision(2)}`;
}
