/**
 * The fast path's WASM SIMD kernels (./kernels.as.ts), instantiated on tfjs-backend-wasm's own
 * memory so they read and write tensors in place. Used by conv/fast-conv.ts and
 * models/bn-relu-wasm.ts when the active backend is 'wasm'; everywhere else (cpu backend, a
 * browser without WASM SIMD, tfjs internals not as expected) the JS loops run instead, with
 * the same results to float rounding.
 *
 * Relies on tfjs-backend-wasm 4.22 internals (all reached through ./internals.ts):
 * backend.wasm.asm.memory (the heap's WebAssembly.Memory), backend.wasm._malloc/_free,
 * backend.dataIdMap (tensor -> heap offset) and backend.write(null, shape, dtype) (allocate
 * without values). If any is missing, wasmHeap() returns null and the JS loops run.
 */
import * as tf from '@tensorflow/tfjs-core';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';
import { allocHeapTensor, heapOffset, recordingForBackward, wasmInternals } from './internals';

/** Exports of kernels.as.ts; every pointer is a byte offset into the tfjs heap. */
export interface KdKernels {
  colSums(x: number, R: number, C: number, center: number, square: number, acc: number, tot: number): void;
  bnForward(x: number, R: number, C: number, mean: number, invStd: number, gamma: number, beta: number, xhat: number, y: number): void;
  affineRelu(x: number, R: number, C: number, scale: number, shift: number, y: number): void;
  bnBackwardSums(dy: number, xhat: number, R: number, C: number, gamma: number, beta: number, accG: number, accB: number, totG: number, totB: number): void;
  bnBackwardDx(dy: number, xhat: number, R: number, C: number, gamma: number, beta: number, k: number, mb: number, mg: number, dx: number): void;
  transpose4(a: number, rows: number, cols: number, out: number): void;
  transpose(a: number, rows: number, cols: number, out: number): void;
  im2col2d(x: number, B: number, H: number, W: number, C: number, kh: number, kw: number, s: number, ph: number, pw: number, Ho: number, Wo: number, out: number): void;
  patchesT2d(xT: number, B: number, H: number, W: number, C: number, kh: number, kw: number, s: number, ph: number, pw: number, Ho: number, Wo: number, out: number): void;
  col2im2d(dp: number, B: number, H: number, W: number, C: number, kh: number, kw: number, s: number, ph: number, pw: number, Ho: number, Wo: number, dx: number): void;
  winoIn(x: number, B: number, W: number, C: number, u0: number, u1: number, u2: number, u3: number): void;
  winoInT(xT: number, B: number, W: number, C: number, u0: number, u1: number, u2: number, u3: number): void;
  winoOut(m0: number, m1: number, m2: number, m3: number, B: number, W: number, O: number, y: number): void;
  winoGradOut(dy: number, B: number, W: number, O: number, m0: number, m1: number, m2: number, m3: number): void;
  winoGradIn(u0: number, u1: number, u2: number, u3: number, B: number, W: number, C: number, dx: number): void;
}

/** The kernels bound to one tfjs-wasm heap, with the heap's allocator and tensor helpers. */
export interface WasmHeap {
  k: KdKernels;
  memory: WebAssembly.Memory;
  /** Raw heap bytes (8-byte aligned); must be released with free(). */
  malloc(bytes: number): number;
  free(ptr: number): void;
  /** Heap byte offset of a float32 tensor's values. */
  ptr(t: tf.Tensor): number;
  /** A new float32 tensor whose values are uninitialised, and its heap offset. */
  alloc(shape: number[]): { t: tf.Tensor; ptr: number };
  /** Views for reading or writing small results; invalid after any allocation (the heap may grow). */
  f32(ptr: number, n: number): Float32Array;
  f64(ptr: number, n: number): Float64Array;
}

let compiled: WebAssembly.Module | null | undefined; // undefined: not tried yet; null: failed
const heaps = new WeakMap<WebAssembly.Memory, WasmHeap | null>();
let enabled = true;

function bytes(): Uint8Array {
  const s = atob(KERNELS_WASM_BASE64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Compiles the module off the main thread's critical path (call once the wasm backend is
 * chosen). Optional: without it the first use compiles synchronously (fine in Node and in
 * workers; browsers may refuse large synchronous compiles on the main thread, ours is ~4 KB). Resolves false if WASM SIMD is missing.
 */
export async function prepareWasmKernels(): Promise<boolean> {
  if (compiled !== undefined) return compiled !== null;
  try { compiled = await WebAssembly.compile(bytes() as BufferSource); } catch { compiled = null; }
  return compiled !== null;
}

/** Turns the WASM kernels off (true: on, the default); for benchmarks and tests comparing with the JS loops. */
export function setWasmKernelsEnabled(on: boolean): void { enabled = on; }
export function wasmKernelsEnabled(): boolean { return enabled; }

/** The kernels for the active backend's heap, or null (not 'wasm', disabled, or unavailable). */
export function wasmHeap(): WasmHeap | null {
  const b = enabled ? wasmInternals() : null;
  const memory = b?.wasm?.asm?.memory;
  const malloc = b?.wasm?._malloc, free = b?.wasm?._free;
  if (!b || !(memory instanceof WebAssembly.Memory) || !malloc || !free || !b.dataIdMap || typeof b.write !== 'function') return null;
  const known = heaps.get(memory);
  if (known !== undefined) return known;
  let heap: WasmHeap | null = null;
  try {
    if (compiled === undefined) compiled = new WebAssembly.Module(bytes() as BufferSource);
    if (compiled) {
      const inst = new WebAssembly.Instance(compiled, { env: { memory } });
      heap = {
        k: inst.exports as unknown as KdKernels,
        memory,
        malloc: (n) => { const p = malloc(n); if (!p) throw new Error(`wasm kernels: out of memory allocating ${n} bytes`); return p; },
        free: (p) => free(p),
        ptr: (t) => {
          const p = heapOffset(b, t);
          if (p === null) throw new Error('wasm kernels: tensor is not a float32 tensor of the wasm backend');
          return p;
        },
        alloc: (shape) => {
          const a = allocHeapTensor(b, shape);
          if (!a) throw new Error('wasm kernels: could not allocate a heap tensor');
          return a;
        },
        f32: (p, n) => new Float32Array(memory.buffer, p, n),
        f64: (p, n) => new Float64Array(memory.buffer, p, n),
      };
    }
  } catch {
    compiled = compiled ?? null;
    heap = null;
  }
  heaps.set(memory, heap);
  return heap;
}

/**
 * Heap blocks that live from a custom op's forward pass to its backward pass. The backward
 * pass frees them; if it never runs (a training-mode forward outside a gradient), the block
 * is freed when the op's output tensor object is garbage-collected.
 */
const orphans = new FinalizationRegistry<{ heap: WasmHeap; ptr: number }>(({ heap, ptr }) => { held--; heap.free(ptr); });

let held = 0;
/** Blocks held from a forward pass and not yet released (tests check it returns to 0). */
export function heldHeapBlocks(): number { return held; }

/**
 * Call at the end of a custom op's forward pass: keeps `ptr` for the backward pass and returns
 * its release. Without a backward pass to come (no gradient being recorded) it frees at once.
 */
export function holdUntilBackward(heap: WasmHeap, ptr: number, owner: object): () => void {
  if (!recordingForBackward()) { heap.free(ptr); return () => {}; }
  const token = {};
  orphans.register(owner, { heap, ptr }, token);
  held++;
  let done = false;
  return () => { if (done) return; done = true; held--; orphans.unregister(token); heap.free(ptr); };
}
