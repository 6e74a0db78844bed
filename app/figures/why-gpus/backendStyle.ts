/** Each backend's colour (Okabe–Ito, from styles.css), dash and marker shape: colour is never the only cue. */
import type { BackendName } from '../../engine/types';

export const BACKEND_STYLE: Record<BackendName, { color: string; dash: string; shape: 'circle' | 'square' | 'triangle' | 'diamond'; label: string }> = {
  cpu: { color: 'var(--muted)', dash: '2 3', shape: 'circle', label: 'cpu (plain JavaScript)' },
  wasm: { color: 'var(--class-c)', dash: '7 3', shape: 'square', label: 'wasm (WebAssembly)' },
  webgl: { color: 'var(--class-b)', dash: '', shape: 'triangle', label: 'webgl' },
  webgpu: { color: 'var(--class-a)', dash: '12 3 2 3', shape: 'diamond', label: 'webgpu' },
};

/** SVG path of a marker of `shape` centred on (x, y), about 8 px across. */
export function markerPath(shape: (typeof BACKEND_STYLE)[BackendName]['shape'], x: number, y: number): string {
  const r = 4;
  switch (shape) {
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'triangle':
      return `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}z`;
    case 'diamond':
      return `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}z`;
  }
}
