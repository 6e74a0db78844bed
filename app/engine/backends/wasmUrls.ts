/**
 * Browser-only: the wasm backend's three binaries as URLs of hashed assets emitted by Vite (`?url`), handed to
 * setWasmPaths so nothing is fetched from a CDN. Imported dynamically by init.ts only when wasm is started, so
 * Node never evaluates it. All three are listed because setWasmPaths requires every name, even though the
 * threaded build is switched off.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/**
 * File name → URL, in the form `setWasmPaths` accepts.
 *
 * @example
 * const { wasmPaths } = await import('./wasmUrls');
 * setWasmPaths(wasmPaths);
 */
export const wasmPaths = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};
