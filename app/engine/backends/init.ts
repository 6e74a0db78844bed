/**
 * Starting, checking, releasing and watching one TF.js backend.
 *
 *   register (lazy import) ──► tf.setBackend (with a timeout) ──► verify a known matMul ──► ready
 *            any failure ──► release (so TF.js is not left waiting on a dead initialisation) ──► throw
 *
 * webgpu and wasm are imported only when first needed, so Node tests and pages without figures never load them.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../types';
import { errorText, withTimeout } from './timeout';

/**
 * How long a backend may take to start (a software WebGPU compiles shaders slowly).
 *
 * @example
 * await initBackend('webgpu', INIT_TIMEOUT_MS * 2);
 */
export const INIT_TIMEOUT_MS = 20_000;

let wasmConfigured = false;

async function register(name: BackendName): Promise<void> {
  if (name === 'webgpu' && !tf.findBackendFactory('webgpu')) {
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  if (name === 'wasm' && !wasmConfigured) {
    const [wasm, { wasmPaths }, { registerWasmConvGradients }] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('./wasmUrls'),
      import('./wasmConvGrad'),
    ]);
    // TF.js 4.22's wasm backend cannot train a conv net (no filter-gradient kernel): the course supplies both
    // convolution gradients, built from the backend's own fast convolution.
    registerWasmConvGradients();
    // The threaded build needs cross-origin isolation and was seen to hang after minification (PITFALLS);
    // the single-threaded SIMD build is reliable. Paths come from Vite (?url), so nothing is fetched from a CDN.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths(wasmPaths);
    wasmConfigured = true;
  }
  if (!tf.findBackendFactory(name)) throw new Error(`the ${name} backend is not included in this build`);
}

/** A 32×32 product of small integers: exact in float32, and big enough that WebGL/WebGPU really run it on the
 * GPU (they forward tensors under 128 / 1,000 elements to the CPU). */
function knownProduct(): { a: Float32Array; b: Float32Array; c: Float32Array; n: number } {
  const n = 32;
  const a = new Float32Array(n * n);
  const b = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      a[i * n + j] = ((i * 7 + j * 3) % 5) - 2;
      b[i * n + j] = ((i * 2 + j * 5) % 7) - 3;
    }
  }
  const c = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += (a[i * n + k] as number) * (b[k * n + j] as number);
      c[i * n + j] = sum;
    }
  }
  return { a, b, c, n };
}

/**
 * Checks that the active backend computes a known matrix product correctly (a broken driver can start fine and
 * then return zeros or garbage).
 *
 * @example
 * await tf.setBackend('webgl');
 * await verifyActiveBackend(); // throws if the result is wrong
 */
export async function verifyActiveBackend(): Promise<void> {
  const { a, b, c, n } = knownProduct();
  const product = tf.tidy(() => tf.matMul(tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])));
  try {
    const got = await product.data();
    for (let i = 0; i < c.length; i++) {
      if (Math.abs((got[i] as number) - (c[i] as number)) > 1e-3) {
        throw new Error(`it computed a test product wrongly (${got[i]} instead of ${c[i]})`);
      }
    }
  } finally {
    product.dispose();
  }
}

/**
 * Removes a backend instance from TF.js but keeps its factory registered, so it can be started again later.
 * Also the way out of a hung initialisation: TF.js otherwise keeps waiting for it and refuses every other backend.
 *
 * @example
 * releaseBackend('webgpu');
 */
export function releaseBackend(name: BackendName): void {
  if (name === 'cpu') return; // always needed as the last resort; it holds nothing worth freeing
  const factory = tf.findBackendFactory(name);
  const registry = (tf.engine() as unknown as { registryFactory: Record<string, { priority: number }> })
    .registryFactory;
  const priority = registry[name]?.priority ?? 1;
  try {
    tf.removeBackend(name);
  } catch {
    // Disposing a backend whose device is lost can throw; it is gone from the registry either way.
  }
  if (factory && !tf.findBackendFactory(name)) tf.registerBackend(name, factory, priority);
}

/**
 * Makes `name` the active TF.js backend: lazy import, initialisation with a timeout, verification.
 * Throws a short plain-language reason on failure, after releasing the half-started backend.
 *
 * @example
 * await initBackend('wasm'); // tf.getBackend() === 'wasm'
 */
export async function initBackend(name: BackendName, timeoutMs = INIT_TIMEOUT_MS): Promise<void> {
  try {
    await register(name);
    const ok = await withTimeout(tf.setBackend(name), timeoutMs, `starting ${name}`);
    if (!ok || tf.getBackend() !== name) throw new Error(`${name} did not start`);
    await withTimeout(verifyActiveBackend(), timeoutMs, `checking ${name}`);
  } catch (err) {
    releaseBackend(name);
    throw new Error(errorText(err));
  }
}

/**
 * Watches the active GPU backend for device loss.
 *
 * @example
 * const watch: LossWatch = watchActiveBackend('webgl', onLost);
 * if (watch.isLost()) dropThisRead();
 */
export interface LossWatch {
  /** True once the device is known to be lost. */
  isLost(): boolean;
  /** Loses the device on purpose (test hook). Returns false when there is no device to lose (cpu, wasm). */
  simulate(): boolean;
  stop(): void;
}

interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}
interface GpuDeviceLike {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

/**
 * Starts watching the active backend (`name` must be tf.getBackend()): WebGL context loss on TF.js's canvas, or
 * the WebGPU device's `lost` promise. cpu and wasm cannot be lost.
 *
 * @example
 * const watch = watchActiveBackend('webgl', (why) => switchBackend(why));
 * watch.simulate(); // loses the context; the callback runs when the browser reports it
 */
export function watchActiveBackend(name: BackendName, onLost: (why: string) => void): LossWatch {
  let stopped = false;
  let lost = false;
  const report = (why: string) => {
    lost = true;
    if (!stopped) onLost(why);
  };
  const backend = tf.backend() as unknown;

  if (name === 'webgl') {
    const gl = (backend as WebGlBackendLike).gpgpu?.gl;
    const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
    const listener = () => report('WebGL context was lost');
    canvas?.addEventListener('webglcontextlost', listener as EventListener);
    return {
      isLost: () => lost || (gl?.isContextLost() ?? false),
      simulate: () => {
        const ext = gl?.getExtension('WEBGL_lose_context');
        ext?.loseContext();
        return ext != null;
      },
      stop: () => {
        stopped = true;
        canvas?.removeEventListener('webglcontextlost', listener as EventListener);
      },
    };
  }
  if (name === 'webgpu') {
    const device = (backend as { device?: GpuDeviceLike }).device;
    void device?.lost.then((info) => {
      report(`WebGPU device was lost${info.message ? ` (${info.message})` : ''}`);
    });
    return {
      isLost: () => lost,
      simulate: () => {
        if (!device) return false;
        // Mark it first: reads fail as soon as the device is destroyed, before the lost promise settles.
        lost = true;
        device.destroy();
        return true;
      },
      stop: () => {
        stopped = true;
      },
    };
  }
  return { isLost: () => false, simulate: () => false, stop: () => undefined };
}
