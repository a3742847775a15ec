/**
 * `npm run bench:gemm`: the fast path's matMul kernel (demos/kd/wasm/gemm.as.ts) on the
 * product shapes of the WRNs' training steps, against tf.matMul on the wasm backend (XNNPACK,
 * what the kernel replaced), in one process, rounds interleaved: plain SIMD (mul + add),
 * relaxed SIMD (fused multiply-add) on one thread, and relaxed on 2 threads (the kernel pool,
 * helpers in worker_threads over a shared memory, as the page's helpers share tfjs's heap).
 * Prints median ms and GFLOP/s (2·M·K·N per product).
 */
import * as tf from '@tensorflow/tfjs-core';
import { spawnNodeHelper } from '../demos/kd/node/pool-worker';
import { loadavg } from 'node:os';
import { median } from './median';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { KERNELS_WASM_BASE64 } from '../demos/kd/wasm/kernels-wasm';
import type { KdKernels, WasmHeap } from '../demos/kd/wasm/kernels';
import { parallelGemm, startKernelPool, stopKernelPool } from '../demos/kd/wasm/pool';

const ROUNDS = 7;
// [label, M, K, N]: products of representative convs as the fast path runs them (Winograd's per-
// matrix products with T tiles, the direct stride-2 convs' im2col products).
const SHAPES: [string, number, number, number][] = [
  ['1D16-1 Winograd fwd (T 2560, 16→16)', 2560, 16, 16],
  ['1D16-3 Winograd fwd (T 2560, 48→48)', 2560, 48, 48],
  ['1D16-3 Winograd fwd (T 640, 192→192)', 640, 192, 192],
  ['1D16-3 Winograd dV (192×640·192)', 192, 640, 192],
  ['1D16-3 s2 fwd (W50, 96→96 K288)', 6400, 288, 96],
  ['1D16-3 s2 dW (288×6400·96)', 288, 6400, 96],
  ['2D16-1 stem Winograd fwd (T 16384, 40→16)', 16384, 40, 16],
  ['2D16-1 Winograd dV (16×16384·16)', 16, 16384, 16],
  ['2D16-1 stage3 Winograd fwd (T 1024, 64→64)', 1024, 64, 64],
];

function instance(build: 'simdShared' | 'relaxedShared', memory: WebAssembly.Memory): { k: KdKernels; module: WebAssembly.Module } {
  const module = new WebAssembly.Module(new Uint8Array(Buffer.from(KERNELS_WASM_BASE64[build], 'base64')));
  return { k: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KdKernels, module };
}

await useNodeBackend('wasm');
const memory = new WebAssembly.Memory({ initial: 8192, maximum: 65536, shared: true } as WebAssembly.MemoryDescriptor); // 512 MiB
const plain = instance('simdShared', memory),
  relaxed = instance('relaxedShared', memory);
const heap = { k: relaxed.k, build: 'relaxedShared', memory } as unknown as WasmHeap;
const threads = await startKernelPool(heap, relaxed.module, 2, spawnNodeHelper);
console.log(`bench:gemm — median of ${ROUNDS} rounds; load average ${loadavg()[0]!.toFixed(1)}; pool threads ${threads}`);
for (const [label, M, K, N] of SHAPES) {
  let top = 64;
  const take = (bytes: number) => {
    const p = top;
    top += Math.ceil(bytes / 64) * 64;
    return p;
  };
  const a = take(4 * M * K),
    b = take(4 * K * N),
    pk = take(relaxed.k.packedBytes(K, N)),
    c = take(4 * M * N);
  new Float32Array(memory.buffer, a, M * K).forEach((_, i, v) => {
    v[i] = Math.sin(i);
  });
  new Float32Array(memory.buffer, b, K * N).forEach((_, i, v) => {
    v[i] = Math.cos(i);
  });
  const ta = tf.randomNormal([M, K]),
    tb = tf.randomNormal([K, N]);
  const ways: [string, () => void][] = [
    [
      'tf.matMul',
      () =>
        tf.tidy(() => {
          tf.matMul(ta as tf.Tensor2D, tb as tf.Tensor2D).dataSync();
        }),
    ],
    [
      'simd',
      () => {
        plain.k.packB(b, N, K, N, 0, pk);
        plain.k.gemm(a, K, 1, pk, 8, 8 * K, c, N, 0, M, K, N);
      },
    ],
    [
      'relaxed',
      () => {
        relaxed.k.packB(b, N, K, N, 0, pk);
        relaxed.k.gemm(a, K, 1, pk, 8, 8 * K, c, N, 0, M, K, N);
      },
    ],
    [
      `relaxed ×${threads}`,
      () => {
        relaxed.k.packB(b, N, K, N, 0, pk);
        parallelGemm(heap, a, K, 1, pk, 8, 8 * K, c, N, M, K, N);
      },
    ],
  ];
  const times = ways.map(() => [] as number[]);
  for (let r = -1; r < ROUNDS; r++) {
    ways.forEach(([, f], i) => {
      const t0 = performance.now();
      f();
      const dt = performance.now() - t0;
      if (r >= 0) times[i]!.push(dt);
    });
  }
  const flops = 2 * M * K * N;
  console.log(
    `${label.padEnd(44)} ${ways
      .map(([name], i) => {
        const ms = median(times[i]!);
        return `${name} ${ms.toFixed(2)} ms ${(flops / ms / 1e6).toFixed(1)} GF/s`;
      })
      .join(' | ')}`,
  );
  tf.dispose([ta, tb]);
}
stopKernelPool(memory);
