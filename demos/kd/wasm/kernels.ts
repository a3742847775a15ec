/**
 * The fast path's WASM SIMD kernels (./kernels.as.ts), instantiated on tfjs-backend-wasm's own
 * memory so they read and write tensors in place. Used by conv/fast-conv.ts and
 * models/bn-relu-wasm.ts when the active backend is 'wasm'; everywhere else (cpu backend, a
 * browser without WASM SIMD, tfjs internals not as expected) the JS loops run instead, with
 * the same results to float rounding.
 *
 * Relies on tfjs-backend-wasm 4.22 internals (all reached through ./internals.ts):
 * backend.wasm.asm.memory or .wasmMemory (the heap's WebAssembly.Memory; threaded build: shared), backend.wasm._malloc/_free,
 * backend.dataIdMap (tensor -> heap offset) and backend.write(null, shape, dtype) (allocate
 * without values). If any is missing, wasmHeap() returns null and the JS loops run.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { KERNELS_WASM_BASE64, type KernelBuild } from './kernels-wasm';
import { allocHeapTensor, heapMemory, heapOffset, recordingForBackward, wasmInternals } from './internals';
import { kernelThreadsWanted } from './threads';
import { startKernelPool, type GemmKernel } from './pool';
import { RELAXED_PROBE } from './relaxed-probe';

/** Exports of kernels.as.ts; every pointer is a byte offset into the tfjs heap. */
export interface KdKernels {
  colSums(x: number, R: number, C: number, center: number, square: number, acc: number, tot: number): void;
  bnForward(x: number, R: number, C: number, mean: number, invStd: number, gamma: number, beta: number, xhat: number, y: number): void;
  affineRelu(x: number, R: number, C: number, scale: number, shift: number, y: number): void;
  bnBackwardSums(
    dy: number,
    xhat: number,
    R: number,
    C: number,
    gamma: number,
    beta: number,
    accG: number,
    accB: number,
    totG: number,
    totB: number,
  ): void;
  bnBackwardDx(
    dy: number,
    xhat: number,
    R: number,
    C: number,
    gamma: number,
    beta: number,
    k: number,
    mb: number,
    mg: number,
    dx: number,
  ): void;
  transpose4(a: number, rows: number, cols: number, out: number): void;
  transpose(a: number, rows: number, cols: number, out: number): void;
  im2col2d(
    x: number,
    B: number,
    H: number,
    W: number,
    C: number,
    kh: number,
    kw: number,
    s: number,
    ph: number,
    pw: number,
    Ho: number,
    Wo: number,
    out: number,
  ): void;
  patchesT2d(
    xT: number,
    B: number,
    H: number,
    W: number,
    C: number,
    kh: number,
    kw: number,
    s: number,
    ph: number,
    pw: number,
    Ho: number,
    Wo: number,
    out: number,
  ): void;
  col2im2d(
    dp: number,
    B: number,
    H: number,
    W: number,
    C: number,
    kh: number,
    kw: number,
    s: number,
    ph: number,
    pw: number,
    Ho: number,
    Wo: number,
    dx: number,
  ): void;
  wino5Filter(g: number, C: number, O: number, v: number): void;
  wino5FilterGrad(dv: number, C: number, O: number, dg: number): void;
  wino5In(x: number, B: number, W: number, C: number, u: number, ms: number): void;
  wino5Out(m: number, B: number, W: number, O: number, y: number, ms: number): void;
  wino5GradOut(dy: number, B: number, W: number, O: number, m: number, ms: number): void;
  wino5GradIn(du: number, B: number, W: number, C: number, dx: number, ms: number): void;
  wino2Filter(g: number, C: number, O: number, v: number): void;
  wino2FilterGrad(dv: number, C: number, O: number, dg: number): void;
  wino2In(x: number, B: number, H: number, W: number, C: number, u: number, ms: number): void;
  wino2Out(m: number, B: number, H: number, W: number, O: number, y: number, ms: number): void;
  wino2GradOut(dy: number, B: number, H: number, W: number, O: number, m: number, ms: number): void;
  wino2GradIn(du: number, B: number, H: number, W: number, C: number, dx: number, ms: number): void;
  packedBytes(K: number, N: number): number;
  packB(b: number, ldb: number, K: number, N: number, trans: number, out: number): void;
  gemm: GemmKernel;
}

/** The kernels bound to one tfjs-wasm heap, with the heap's allocator and tensor helpers. */
export interface WasmHeap {
  k: KdKernels;
  /** Which build runs: 'relaxed…' has the fused multiply-add matMul; '…Shared' sits on a shared (threaded) heap. */
  build: KernelBuild;
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

// Per build: undefined = not tried yet, null = does not compile here (e.g. no WASM SIMD).
const compiled = new Map<KernelBuild, WebAssembly.Module | null>();
const heaps = new WeakMap<WebAssembly.Memory, Map<KernelBuild, WasmHeap | null>>();
let enabled = true;
let forced: 'simd' | 'relaxed' | null = null;

function bytes(build: KernelBuild): Uint8Array {
  const s = atob(KERNELS_WASM_BASE64[build]);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

let relaxed: boolean | undefined;
/** Whether this engine has relaxed SIMD (fused multiply-add); checked once, by validating RELAXED_PROBE. */
export function relaxedSimdSupported(): boolean {
  relaxed ??= typeof WebAssembly.validate === 'function' && WebAssembly.validate(RELAXED_PROBE as BufferSource);
  return relaxed;
}

/** The build for a heap: relaxed SIMD where the engine has it (unless forced), shared where the heap is. */
function kernelBuildFor(memory: WebAssembly.Memory): KernelBuild {
  const r = forced ? forced === 'relaxed' : relaxedSimdSupported();
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  return `${r ? 'relaxed' : 'simd'}${shared ? 'Shared' : ''}` as KernelBuild;
}

function compileSync(build: KernelBuild): WebAssembly.Module | null {
  if (!compiled.has(build)) {
    try {
      compiled.set(build, new WebAssembly.Module(bytes(build) as BufferSource));
    } catch {
      compiled.set(build, null);
    }
  }
  return compiled.get(build) ?? null;
}

/**
 * Compiles the builds this engine can use off the main thread's critical path (call once the
 * wasm backend is chosen) and, on tfjs's threaded build (shared heap), starts helper threads
 * for the matMuls, as many as the runtime allows (./threads.ts, ./pool.ts). Optional: without it the first use
 * compiles synchronously (fine in Node and in workers; browsers may refuse large synchronous
 * compiles on the main thread, ours are ~7 KB) and products run on one thread.
 * Resolves false if WASM SIMD is missing.
 */
export async function prepareWasmKernels(): Promise<boolean> {
  const wanted: KernelBuild[] = relaxedSimdSupported() ? ['relaxed', 'relaxedShared', 'simd', 'simdShared'] : ['simd', 'simdShared'];
  await Promise.all(
    wanted
      .filter((b) => !compiled.has(b))
      .map(async (b) => {
        try {
          compiled.set(b, await WebAssembly.compile(bytes(b) as BufferSource));
        } catch {
          compiled.set(b, null);
        }
      }),
  );
  const heap = wasmHeap(),
    b = wasmInternals();
  const mod = heap ? compiled.get(heap.build) : null;
  if (heap && mod && b && heap.build.endsWith('Shared')) await startKernelPool(heap, mod, kernelThreadsWanted());
  return (compiled.get('simd') ?? null) !== null;
}

/** Turns the WASM kernels off (true: on, the default); for benchmarks and tests comparing with the JS loops. */
export function setWasmKernelsEnabled(on: boolean): void {
  enabled = on;
}
/**
 * Forces the build without relaxed SIMD ('simd': the mul + add matMul, what an engine without
 * relaxed SIMD runs) or with it; null (the default) picks by feature detection. For tests and benches.
 */
export function forceKernelBuild(b: 'simd' | 'relaxed' | null): void {
  forced = b;
}

/** The kernels for the active backend's heap, or null (not 'wasm', disabled, or unavailable). */
export function wasmHeap(): WasmHeap | null {
  const b = enabled ? wasmInternals() : null;
  const memory = b ? heapMemory(b) : null;
  const malloc = b?.wasm?._malloc,
    free = b?.wasm?._free;
  if (!b || !memory || !malloc || !free || !b.dataIdMap || typeof b.write !== 'function') return null;
  let build = kernelBuildFor(memory);
  // An engine that validates the relaxed probe but not the relaxed module: the plain build.
  if (build.startsWith('relaxed') && !compileSync(build)) build = build.replace('relaxed', 'simd') as KernelBuild;
  let perBuild = heaps.get(memory);
  if (!perBuild) {
    perBuild = new Map();
    heaps.set(memory, perBuild);
  }
  const known = perBuild.get(build);
  if (known !== undefined) return known;
  let heap: WasmHeap | null = null;
  try {
    const mod = compileSync(build);
    if (mod) {
      const inst = new WebAssembly.Instance(mod, { env: { memory } });
      heap = {
        k: inst.exports as unknown as KdKernels,
        build,
        memory,
        malloc: (n) => {
          const p = malloc(n);
          if (!p) throw new Error(`wasm kernels: out of memory allocating ${n} bytes`);
          return p;
        },
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
    heap = null;
  }
  perBuild.set(build, heap);
  return heap;
}

/**
 * Heap blocks that live from a custom op's forward pass to its backward pass. The backward
 * pass frees them; if it never runs (a training-mode forward outside a gradient), the block
 * is freed when the op's output tensor object is garbage-collected.
 */
const orphans = new FinalizationRegistry<{ heap: WasmHeap; ptr: number }>(({ heap, ptr }) => {
  held--;
  heap.free(ptr);
});

let held = 0;
/** Blocks held from a forward pass and not yet released (tests check it returns to 0). */
export function heldHeapBlocks(): number {
  return held;
}

/**
 * Call at the end of a custom op's forward pass: keeps `ptr` for the backward pass and returns
 * its release. Without a backward pass to come (no gradient being recorded) it frees at once.
 */
export function holdUntilBackward(heap: WasmHeap, ptr: number, owner: object): () => void {
  if (!recordingForBackward()) {
    heap.free(ptr);
    return () => {};
  }
  const token = {};
  orphans.register(owner, { heap, ptr }, token);
  held++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    held--;
    orphans.unregister(token);
    heap.free(ptr);
  };
}
