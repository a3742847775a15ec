/**
 * The matMul thread pool (demos/kd/wasm/pool.ts) on a shared WebAssembly memory, with helpers
 * in Node worker_threads running the same helper source the page runs from a Blob: products
 * split over 2 and 3 threads equal the one-thread kernel exactly (each row is computed by the
 * same code in the same order), including row counts that are not multiples of the block.
 * (tfjs's own threaded build does not start in Node, so the page's shared heap is stood in for
 * by a shared memory made here; the e2e test runs the pool on tfjs's heap in Chromium.)
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawnNodeHelper } from '@demos/kd/node/pool-worker';
import { KERNELS_WASM_BASE64 } from '@demos/kd/wasm/kernels-wasm';
import type { KdKernels, WasmHeap } from '@demos/kd/wasm/kernels';
import { PARALLEL_MIN_MACS, parallelGemm, poolThreads, startKernelPool, stopKernelPool } from '@demos/kd/wasm/pool';

function sharedHeap(build: 'relaxedShared' | 'simdShared' | 'relaxed'): { heap: WasmHeap; module: WebAssembly.Module } {
  const shared = build.endsWith('Shared');
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 65536, shared } as WebAssembly.MemoryDescriptor); // 64 MiB
  const module = new WebAssembly.Module(new Uint8Array(Buffer.from(KERNELS_WASM_BASE64[build], 'base64')));
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KdKernels;
  let top = 1024;
  const malloc = (n: number) => {
    const p = top;
    top += Math.ceil(n / 64) * 64;
    return p;
  };
  const heap = {
    k,
    build,
    memory,
    malloc,
    free: () => {},
    f32: (p: number, n: number) => new Float32Array(memory.buffer, p, n),
  } as unknown as WasmHeap;
  return { heap, module };
}

const memories: WebAssembly.Memory[] = [];
afterEach(() => {
  memories.splice(0).forEach(stopKernelPool);
});

describe('matMul thread pool', () => {
  for (const threads of [2, 3]) {
    it(`${threads} threads give the one-thread result bit for bit`, async () => {
      const { heap, module } = sharedHeap('relaxedShared');
      memories.push(heap.memory);
      expect(await startKernelPool(heap, module, threads, spawnNodeHelper)).toBe(threads);
      expect(poolThreads(heap.memory)).toBe(threads);
      for (const [M, K, N, trans] of [
        [1001, 144, 48, 0],
        [48, 6400, 48, 0],
        [3203, 64, 20, 1],
      ] as const) {
        expect(M * K * N).toBeGreaterThanOrEqual(PARALLEL_MIN_MACS);
        const a = heap.malloc(4 * M * K),
          b = heap.malloc(4 * K * N),
          pk = heap.malloc(heap.k.packedBytes(K, N));
        const c1 = heap.malloc(4 * M * N),
          c2 = heap.malloc(4 * M * N);
        heap.f32(a, M * K).forEach((_, i, v) => {
          v[i] = Math.sin(i * 0.37);
        });
        heap.f32(b, K * N).forEach((_, i, v) => {
          v[i] = Math.cos(i * 0.11);
        });
        heap.f32(c2, M * N).fill(Number.NaN); // every row must be written by some thread
        heap.k.packB(b, trans ? K : N, K, N, trans, pk);
        heap.k.gemm(a, K, 1, pk, 8, 8 * K, c1, N, 0, M, K, N);
        parallelGemm(heap, a, K, 1, pk, 8, 8 * K, c2, N, M, K, N);
        expect(Array.from(heap.f32(c2, M * N))).toEqual(Array.from(heap.f32(c1, M * N)));
      }
    }, 60_000);
  }
  it('does not start on an unshared heap or a plain build, and then runs on one thread', async () => {
    const { heap, module } = sharedHeap('relaxed');
    expect(await startKernelPool(heap, module, 4, spawnNodeHelper)).toBe(1);
    expect(poolThreads(heap.memory)).toBe(1);
  });
});
