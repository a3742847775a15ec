/**
 * The one place that reaches into tfjs internals for the fast path (tfjs-core and
 * tfjs-backend-wasm 4.22, locked by package-lock.json): the wasm backend's heap, allocator and
 * tensor table, and the engine's gradient-recording state. Every accessor returns null (or a
 * safe default) when the internals are not as expected, and callers then take the public API.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface WasmBackendInternals {
  dataIdMap?: { get(id: object): { memoryOffset: number; dtype: string } | undefined };
  wasm?: {
    HEAPU8?: Uint8Array;
    asm?: { memory?: WebAssembly.Memory };
    wasmMemory?: WebAssembly.Memory;
    _malloc?: (n: number) => number;
    _free?: (p: number) => void;
  };
  write?(values: null, shape: number[], dtype: 'float32'): object;
}

/** The active backend's internals when it is 'wasm', else null. */
export function wasmInternals(): WasmBackendInternals | null {
  return tf.getBackend() === 'wasm' ? (tf.backend() as unknown as WasmBackendInternals) : null;
}

/**
 * The heap's WebAssembly.Memory: exported by the single-threaded builds (asm.memory), created
 * by the JS glue and imported by the threaded build (wasmMemory, a shared memory).
 */
export function heapMemory(b: WasmBackendInternals): WebAssembly.Memory | null {
  const m = b.wasm?.asm?.memory ?? b.wasm?.wasmMemory;
  return m instanceof WebAssembly.Memory ? m : null;
}

/**
 * The heap's bytes now. Prefer the memory's current buffer: on the threaded build the glue's
 * HEAPU8 view is refreshed lazily and can be the pre-growth buffer.
 */
export function heapBytes(b: WasmBackendInternals): Uint8Array | null {
  const m = heapMemory(b);
  if (m) return new Uint8Array(m.buffer);
  return b.wasm?.HEAPU8 ?? null;
}

/** Heap byte offset of a float32 tensor's values on the wasm backend, or null. */
export function heapOffset(b: WasmBackendInternals, t: tf.Tensor): number | null {
  const info = b.dataIdMap?.get(t.dataId);
  return info && info.dtype === 'float32' && info.memoryOffset % 4 === 0 ? info.memoryOffset : null;
}

/** A new float32 tensor with uninitialised heap memory (no JS array, no upload copy), or null. */
export function allocHeapTensor(b: WasmBackendInternals, shape: number[]): { t: tf.Tensor; ptr: number } | null {
  if (typeof b.write !== 'function' || !b.dataIdMap) return null;
  const dataId = b.write(null, shape, 'float32');
  const t = tf.engine().makeTensorFromDataId(dataId, shape, 'float32', tf.backend());
  const ptr = heapOffset(b, t);
  if (ptr === null) {
    t.dispose();
    return null;
  }
  return { t, ptr };
}

/**
 * Whether the custom op now running its forward pass is being recorded for a backward pass
 * (as engine.runKernelFunc decides it: inside a gradient, and not nested in another kernel;
 * our forward runs at kernelDepth 1). Unknown internals: true (keep what backward may need).
 */
export function recordingForBackward(): boolean {
  const st = (tf.engine() as unknown as { state?: { gradientDepth?: unknown; kernelDepth?: unknown } }).state;
  if (typeof st?.gradientDepth !== 'number' || typeof st.kernelDepth !== 'number') return true;
  return st.gradientDepth > 0 && st.kernelDepth === 1;
}
