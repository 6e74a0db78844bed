import { int, num, oneOf, setOf, text, type ValuesOf } from '../../state/schema';

export const LAYERS = ['heat', 'real', 'fake', 'push', 'grid'] as const;

/** Everything that defines a GAN figure, and so its share link; `preset` changes only the defaults. */
export function ganSchema(preset: 'lab' | 'collapse') {
  const collapse = preset === 'collapse';
  return {
    dist: oneOf(['gaussians', 'ring', 'line', 'squares', 'drawn'] as const, 'gaussians'),
    // The drawn points, two characters a point (engine/gan/distributions.ts encodeDrawn).
    drawn: text(600, ''),
    noise: oneOf(['uniform2', 'gauss2', 'uniform1', 'gauss1'] as const, 'uniform2'),
    gLr: num(0.0001, 0.1, collapse ? 0.01 : 0.002, 0.0001),
    dLr: num(0.0001, 0.1, 0.002, 0.0001),
    opt: oneOf(['adam', 'sgd'] as const, 'adam'),
    beta1: oneOf(['0.5', '0.9'] as const, collapse ? '0.9' : '0.5'),
    k: int(1, 5, 1),
    loss: oneOf(['nonsaturating', 'minimax'] as const, 'nonsaturating'),
    units: int(4, 64, 32),
    layers: int(1, 3, 2),
    act: oneOf(['relu', 'leaky', 'tanh'] as const, 'relu'),
    mode: oneOf(['both', 'd', 'g'] as const, 'both'),
    show: setOf(LAYERS, 'heat,real,fake,push,grid'),
    seed: int(1, 99999, 1),
  };
}

export type GanSchema = ReturnType<typeof ganSchema>;
export type GanSettings = ValuesOf<GanSchema>;
