/**
 * The fast path's matrix products on the wasm backend: C = A·B or A·Bᵀ with the register-
 * blocked SIMD kernel of ./gemm.as.ts (fused multiply-add where the engine has relaxed SIMD),
 * reading A and B where tfjs keeps them and writing C into a new heap tensor. The three
 * training products of a conv (forward P·W, weight gradient Pᵀ·dy, input gradient dy·Wᵀ)
 * and Winograd's go through here. With the kernel switched off (setWasmMatMulEnabled(false))
 * it is tf.matMul, the path this replaced (XNNPACK, no FMA), with an explicit transpose: the
 * wasm backend's transposeB flag leaves XNNPACK for a naive loop.
 * Several threads share one product when ./pool.ts has helpers (row blocks of C).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WasmHeap } from './kernels';
import { parallelGemm } from './pool';

let enabled = true;
let trace: ((m: number, k: number, n: number, transB: boolean, transA: boolean) => void) | null = null;
/** Calls `cb` with the shape of every product, and whether A is read transposed (tests use it to check the shapes the WRNs really use). */
export function traceMatMuls(cb: typeof trace): void {
  trace = cb;
}
/** Turns the WASM matMul kernel off (tf.matMul instead); for tests and benches. */
export function setWasmMatMulEnabled(on: boolean): void {
  enabled = on;
}
export function wasmMatMulEnabled(): boolean {
  return enabled;
}

/**
 * a (M, K) · b (K, N), or with transB a (M, K) · bᵀ where b is (N, K). Shapes are read from
 * the tensors (any rank: rows = all but the last axis). Returns a new (M, N) tensor.
 */
export function heapMatMul(heap: WasmHeap, a: tf.Tensor, b: tf.Tensor, transB = false): tf.Tensor2D {
  const K = a.shape[a.rank - 1]!,
    M = a.size / K;
  const N = transB ? b.size / K : b.shape[b.rank - 1]!;
  if ((transB ? b.shape[b.rank - 1] : b.size / N) !== K)
    throw new Error(`heapMatMul: inner sizes differ (${a.shape} · ${b.shape}${transB ? 'ᵀ' : ''})`);
  if (!enabled) {
    trace?.(M, K, N, transB, false);
    return tf.tidy(() => {
      const b2 = tf.reshape(b, transB ? [N, K] : [K, N]) as tf.Tensor2D;
      return tf.matMul(tf.reshape(a, [M, K]) as tf.Tensor2D, transB ? tf.transpose(b2) : b2);
    });
  }
  const c = heap.alloc([M, N]);
  heapGemm(heap, M, K, N, heap.ptr(a), K, 1, heap.ptr(b), transB ? K : N, transB, c.ptr, N);
  return c.t as tf.Tensor2D;
}

/**
 * The same product on heap byte offsets, for callers that keep their operands in raw heap
 * blocks (Winograd's 7 or 16 matrices per conv): C = A·B, or A·bᵀ with transB,
 * where A(i, k) is at a + 4·(i·lda + k·ka) (lda = K, ka = 1: a row-major A; lda = 1, ka = the
 * stored row length: A = Sᵀ read from S in place), B's (or with transB bᵀ's) rows are ldb
 * floats apart and C's ldc. Traced like heapMatMul; the caller checks wasmMatMulEnabled()
 * (there is no tf.matMul fallback for raw blocks).
 */
export function heapGemm(
  heap: WasmHeap,
  M: number,
  K: number,
  N: number,
  a: number,
  lda: number,
  ka: number,
  b: number,
  ldb: number,
  transB: boolean,
  c: number,
  ldc: number,
): void {
  trace?.(M, K, N, transB, ka !== 1);
  const { k } = heap;
  // A row-major B whose rows hold whole 8-column panels is read in place: packing it was a copy
  // of B per product (K·N floats; for the weight gradients, B = dy or dM, as large as A) and
  // measured no faster to read. Bᵀ (transB) and ragged N are packed.
  if (!transB && N % 8 === 0) {
    parallelGemm(heap, a, lda, ka, b, ldb, 8, c, ldc, M, K, N);
    return;
  }
  const packed = heap.malloc(k.packedBytes(K, N));
  try {
    k.packB(b, ldb, K, N, transB ? 1 : 0, packed);
    parallelGemm(heap, a, lda, ka, packed, 8, 8 * K, c, ldc, M, K, N);
  } finally {
    heap.free(packed);
  }
}
