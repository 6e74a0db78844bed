/**
 * Looking at what the browser offers before initialising anything: cheap, and it tells a real GPU from a
 * software one (SwiftShader, llvmpipe, a WebGPU fallback adapter), which the ranking must know.
 */
import type { BackendProbe } from '../types';
import { withTimeout } from './timeout';

/** The parts of a WebGPU adapter we read (the DOM typings here do not include WebGPU). */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/**
 * Probes WebGPU: an adapter must exist; it is software if it says it is a fallback adapter or names SwiftShader.
 *
 * @example
 * const p = await probeWebGpu(); // { name: 'webgpu', available: true, software: true, detail: 'google swiftshader …' }
 */
export async function probeWebGpu(): Promise<BackendProbe> {
  const base = { name: 'webgpu' as const, software: false };
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return { ...base, available: false, detail: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await withTimeout(gpu.requestAdapter(), 5000, 'asking for a WebGPU adapter');
    if (!adapter) return { ...base, available: false, detail: 'WebGPU is present but offers no adapter' };
    let info: AdapterInfoLike = adapter.info ?? {};
    if (!adapter.info && adapter.requestAdapterInfo) info = await adapter.requestAdapterInfo();
    const text = [info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' ').trim();
    const software =
      info.isFallbackAdapter === true || adapter.isFallbackAdapter === true || SOFTWARE_RENDERER.test(text);
    return { ...base, available: true, software, detail: text || (software ? 'fallback adapter' : 'unnamed adapter') };
  } catch (err) {
    return { ...base, available: false, detail: `WebGPU failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Probes WebGL 2 with 32-bit float render targets (EXT_color_buffer_float), which TF.js needs to train in float32.
 * An iOS-style WebGL that renders only 16-bit floats is rejected: gradients lose too much precision there.
 *
 * @example
 * const p = probeWebGl(); // { name: 'webgl', available: true, software: true, detail: 'ANGLE (Google, Vulkan … SwiftShader …)' }
 */
export function probeWebGl(): BackendProbe {
  const base = { name: 'webgl' as const, software: false };
  let canvas: HTMLCanvasElement | OffscreenCanvas | null = null;
  if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(1, 1);
  else if (typeof document !== 'undefined') canvas = document.createElement('canvas');
  if (!canvas) return { ...base, available: false, detail: 'no canvas to draw WebGL on in this environment' };

  const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: false }) as WebGL2RenderingContext | null;
  if (!gl) return { ...base, available: false, detail: 'this browser or GPU does not offer WebGL 2' };
  try {
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      (debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : null) ?? gl.getParameter(gl.RENDERER) ?? '',
    );
    const software = SOFTWARE_RENDERER.test(renderer);
    if (!gl.getExtension('EXT_color_buffer_float')) {
      const half = gl.getExtension('EXT_color_buffer_half_float') ? ' (it can only render 16-bit floats)' : '';
      return {
        ...base,
        software,
        available: false,
        detail: `this GPU cannot render 32-bit floats${half}, which training needs`,
      };
    }
    return { ...base, available: true, software, detail: renderer || 'unnamed renderer' };
  } finally {
    // Free the probe's context at once: browsers cap live WebGL contexts, and TF.js will create its own.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/**
 * Probes WebAssembly. The wasm backend is wired up for browsers only (its binaries come through Vite), so in Node
 * it is reported unavailable.
 *
 * @example
 * probeWasm(true); // { name: 'wasm', available: false, detail: 'the wasm backend is only set up for browsers', … }
 */
export function probeWasm(isNode: boolean): BackendProbe {
  const base = { name: 'wasm' as const, software: false };
  if (typeof WebAssembly !== 'object') return { ...base, available: false, detail: 'this browser has no WebAssembly' };
  if (isNode) return { ...base, available: false, detail: 'the wasm backend is only set up for browsers' };
  const simd = WebAssembly.validate(
    // The same tiny SIMD module TF.js uses for its WASM_HAS_SIMD_SUPPORT check.
    new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11]),
  );
  return { ...base, available: true, detail: simd ? 'WebAssembly with SIMD' : 'WebAssembly without SIMD' };
}

/**
 * Probes all four backends, best-first order of names (cpu is always available).
 *
 * @example
 * const probes = await probeAll(false);
 */
export async function probeAll(isNode: boolean): Promise<BackendProbe[]> {
  const webgpu = await probeWebGpu();
  let webgl: BackendProbe;
  try {
    webgl = probeWebGl();
  } catch (err) {
    webgl = { name: 'webgl', available: false, software: false, detail: `WebGL failed: ${String(err)}` };
  }
  const cpu: BackendProbe = { name: 'cpu', available: true, software: false, detail: 'plain JavaScript' };
  return [webgpu, webgl, probeWasm(isNode), cpu];
}
