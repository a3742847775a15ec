/**
 * The fast path's matMul kernel (demos/kd/wasm/gemm.as.ts via matmul.ts) against tf.matMul
 * (XNNPACK) on every product shape a training step of the WRNs runs (recorded from real steps:
 * 1D WRN16-1 and WRN16-3 at batch 128, 2D WRN16-1 at batch 16 on 64×64×40 GAF images), for
 * the relaxed-SIMD build (fused multiply-add), the plain SIMD build (what an engine without
 * relaxed SIMD loads) and the kernel switched off (the tf.matMul fallback); and the whole conv
 * gradients with each of them against tf.conv1d/conv2d.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { createWrn } from '@demos/kd/models/wrn';
import { Sgd } from '@demos/kd/train/sgd';
import { trainStep } from '@demos/kd/train/train';
import { conv1d, conv2d } from '@demos/kd/conv/index';
import { forceKernelBuild, relaxedSimdSupported, wasmHeap } from '@demos/kd/wasm/kernels';
import { heapGemm, heapMatMul, setWasmMatMulEnabled, traceMatMuls } from '@demos/kd/wasm/matmul';
import { fusedMultiplyAdd } from '@demos/kd/wasm/relaxed-probe';

type Shape = [m: number, k: number, n: number, transB: boolean, transA: boolean];

/** Largest |a − b| over the reference's largest magnitude. */
function rel(a: Float32Array, b: Float32Array): number {
  let d = 0,
    m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / m;
}

/** The distinct (M, K, N, transB) of one training step of each WRN the demos train. */
function recordShapes(): Shape[] {
  const seen = new Map<string, Shape>();
  traceMatMuls((m, k, n, tb, ta) => seen.set(`${m},${k},${n},${tb},${ta}`, [m, k, n, tb, ta]));
  try {
    for (const [dims, widen, batch, len] of [
      [1, 1, 128, 100],
      [1, 3, 128, 100],
      [2, 1, 16, 64],
    ] as const) {
      const model = createWrn({ dims, depth: 16, widen, inChannels: 40, numClasses: 12, seed: 1, convImpl: 'fast' });
      const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4, impl: 'js' });
      const x = tf.randomNormal(dims === 1 ? [batch, len, 40] : [batch, len, len, 40], 0, 1, 'float32', 1);
      const y = tf.tensor1d(
        Array.from({ length: batch }, (_, i) => i % 12),
        'int32',
      );
      trainStep({ model, opt, x, y, teachers: [], kd: null, lr: 0.01 });
      tf.dispose([x, y]);
      opt.dispose();
      model.dispose();
    }
  } finally {
    traceMatMuls(null);
  }
  return [...seen.values()];
}

/**
 * The kernel and tf.matMul (on explicitly transposed operands) of the same random operands:
 * heapMatMul, or with transA heapGemm reading A = Sᵀ from S (K, M) through its strides.
 */
function compare([M, K, N, transB, transA]: Shape): number {
  return tf.tidy(() => {
    const a = tf.randomNormal(transA ? [K, M] : [M, K], 0, 1, 'float32', 7),
      b = tf.randomNormal(transB ? [N, K] : [K, N], 0, 1, 'float32', 8);
    const ref = tf.matMul(transA ? tf.transpose(a) : a, transB ? tf.transpose(b) : b).dataSync() as Float32Array;
    const heap = wasmHeap()!;
    let got: Float32Array;
    if (transA) {
      const c = heap.alloc([M, N]);
      heapGemm(heap, M, K, N, heap.ptr(a), 1, M, heap.ptr(b), transB ? K : N, transB, c.ptr, N);
      got = c.t.dataSync() as Float32Array;
      c.t.dispose();
    } else got = heapMatMul(heap, a, b, transB).dataSync() as Float32Array;
    return rel(got, ref);
  });
}

let shapes: Shape[] = [];
beforeAll(async () => {
  await useNodeBackend('wasm');
  shapes = recordShapes();
}, 300_000);
afterAll(async () => {
  forceKernelBuild(null);
  setWasmMatMulEnabled(true);
  await useNodeBackend('cpu');
});

describe('heapMatMul equals tf.matMul within 1e-5 relative on the WRNs’ shapes', () => {
  it('relaxed SIMD is detected in this engine (Node 22) and its multiply-add is fused here', () => {
    expect(relaxedSimdSupported()).toBe(true);
    expect(fusedMultiplyAdd()).toBe(true);
    forceKernelBuild(null);
    expect(wasmHeap()!.build).toBe('relaxed');
  });
  it('the recorded shapes cover forward, weight-gradient and input-gradient products of all three nets', () => {
    expect(shapes.length).toBeGreaterThan(20);
    expect(shapes.some((s) => s[3])).toBe(true); // dy·Wᵀ
    expect(shapes.some(([m, k]) => k > m)).toBe(true); // Pᵀ·dy: K = B·Ho·Wo
    expect(shapes.some((s) => s[4])).toBe(true); // Winograd's Uᵀ·dM, U read in place
    expect(shapes.some(([m, k, n]) => m === 16 * 32 * 32 && k === 40 && n === 16)).toBe(true); // 2D stem, forward (Winograd: T = B·32², 40 → 16)
  });
  for (const build of ['relaxed', 'simd'] as const) {
    it(`${build} build (forced), every shape, and odd shapes (row and column tails)`, () => {
      forceKernelBuild(build);
      expect(wasmHeap()!.build).toBe(build);
      // Odd shapes; K across the kernel's chunks of 1024 (1024, 1025, 3000), with A transposed too.
      const odd: Shape[] = [
        [5, 7, 3, false, false],
        [7, 13, 12, true, false],
        [1, 300, 9, false, false],
        [6, 1, 20, true, false],
        [9, 1024, 12, false, false],
        [12, 1025, 20, false, true],
        [5, 3000, 11, false, true],
        [8, 2049, 16, true, true],
      ];
      for (const s of [...shapes, ...odd]) {
        expect(compare(s), s.join('×')).toBeLessThan(1e-5);
      }
      forceKernelBuild(null);
    }, 300_000);
  }
});

/** y, dx, dw of sum(conv(x, w)·r) for fixed random x, w, r on the active backend. */
function convGrads(xs: number[], ws: number[], s: number, impl: 'tf' | 'fast'): Float32Array[] {
  return tf.tidy(() => {
    const rand = (shape: number[], seed: number, sd: number) =>
      tf.tensor(
        Float32Array.from(
          { length: shape.reduce((p, q) => p * q, 1) },
          (_, i) => sd * Math.sin(seed * 1000 + i * 0.7) * Math.cos(i * 0.13),
        ),
        shape,
      );
    const x = rand(xs, 1, 1),
      w = rand(ws, 2, 0.3);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      xs.length === 3 ? conv1d(a as tf.Tensor3D, b as tf.Tensor3D, s, 1, impl) : conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, 1, impl);
    const r = rand(f(x, w).shape, 3, 1);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, b), r)))([x, w]);
    return [f(x, w), ...g].map((t) => t.dataSync() as Float32Array);
  });
}

describe('conv values and gradients through each matMul path equal tf.conv on the cpu backend (forced fallbacks)', () => {
  // [x shape, w shape, stride]: 1D direct (stride 2), 1D Winograd F(5,3), 2D direct (stride 2),
  // 2D Winograd F(2×2,3×3). With the tf.matMul fallback Winograd does not apply: the direct path runs.
  const convs: [number[], number[], number][] = [
    [[4, 25, 16], [3, 16, 32], 2],
    [[3, 21, 48], [3, 48, 48], 1],
    [[2, 9, 9, 8], [3, 3, 8, 16], 2],
    [[2, 9, 9, 8], [3, 3, 8, 12], 1],
  ];
  let refs: Float32Array[][] = [];
  beforeAll(async () => {
    await useNodeBackend('cpu');
    refs = convs.map(([xs, ws, s]) => convGrads(xs, ws, s, 'tf'));
    await useNodeBackend('wasm');
  });
  const paths = [
    ['relaxed', true],
    ['simd', true],
    ['relaxed', false],
  ] as const; // [build, WASM matMul on]
  for (const [build, on] of paths) {
    it(`${on ? `${build} kernel` : 'tf.matMul fallback'}: 1D and 2D, direct and Winograd`, () => {
      forceKernelBuild(build);
      setWasmMatMulEnabled(on);
      try {
        expect(wasmHeap()!.build).toBe(build);
        convs.forEach(([xs, ws, s], c) => {
          convGrads(xs, ws, s, 'fast').forEach((v, i) => expect(rel(v, refs[c]![i]!), `${xs} ${['y', 'dx', 'dw'][i]}`).toBeLessThan(1e-5));
        });
      } finally {
        forceKernelBuild(null);
        setWasmMatMulEnabled(true);
      }
    });
  }
});
