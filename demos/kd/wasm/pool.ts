/**
 * Splits the fast path's matMuls across threads (placeholder: single thread until a pool is
 * attached; see startKernelPool).
 */
import type { WasmHeap } from './kernels';

/** Rows [0, M) of C = A·packed B. */
export function parallelGemm(heap: WasmHeap, a: number, lda: number, packed: number, c: number, M: number, K: number, N: number): void {
  heap.k.gemm(a, lda, packed, c, 0, M, K, N);
}
