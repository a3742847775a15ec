/**
 * The fast path's WASM SIMD kernels (demos/kd/wasm/): the committed binary is what the
 * AssemblyScript source compiles to, the module only imports tfjs's memory, and on the wasm
 * backend the kernels give the JS loops' results (values, gradients, BN running statistics)
 * and release every heap block they hold between the forward and backward passes.
 * conv.test.ts and wrn.test.ts compare the same paths against tf.conv1d and the op-based WRN.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { conv1d, conv2d } from '@demos/kd/conv/index';
import { bnReluJs } from '@demos/kd/models/bn-relu-js';
import { ParamStore } from '@demos/kd/models/param-store';
import { KERNELS_WASM_BASE64 } from '@demos/kd/wasm/kernels-wasm';
import { heldHeapBlocks, setWasmKernelsEnabled, wasmHeap } from '@demos/kd/wasm/kernels';
import { setWinogradEnabled, WINOGRAD_MIN_CHANNELS } from '@demos/kd/conv/winograd';

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
/** Max difference relative to the reference's largest magnitude (at least 1): float32 sums of many terms. */
const relDiff = (a: Float32Array, b: Float32Array) => maxDiff(a, b) / Math.max(1, ...Array.from(b, Math.abs));

beforeAll(async () => {
  await useNodeBackend('wasm');
});
afterAll(async () => {
  setWasmKernelsEnabled(true);
  await useNodeBackend('cpu');
});

describe('WASM kernel module', () => {
  it('the committed binary is up to date with kernels.as.ts (npm run build:wasm -- --check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 120_000);
  it('every build imports only env.memory and is available on the wasm backend', () => {
    for (const b64 of Object.values(KERNELS_WASM_BASE64)) {
      const mod = new WebAssembly.Module(new Uint8Array(Buffer.from(b64, 'base64')));
      expect(WebAssembly.Module.imports(mod)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(WebAssembly.Module.exports(mod).every((e) => e.kind === 'function')).toBe(true);
    }
    expect(wasmHeap()).not.toBeNull();
    setWasmKernelsEnabled(false);
    expect(wasmHeap()).toBeNull();
    setWasmKernelsEnabled(true);
  });
});

type ConvOut = { y: Float32Array; dx: Float32Array; dw: Float32Array };
/** Values and both gradients agree to `tol` (default 1e-6) of the reference's largest magnitude. */
function expectSame(a: ConvOut, b: ConvOut, tol = 1e-6): void {
  expect(a.y.length).toBe(b.y.length);
  for (const key of ['y', 'dx', 'dw'] as const) {
    if (process.env.SHOW_DIFF) console.log(key, relDiff(a[key], b[key]));
    expect(relDiff(a[key], b[key]), key).toBeLessThan(tol);
  }
}

/** Value and both gradients of sum(f(x, w)·r), with the kernels on or off (and Winograd on or off). */
function convGrads(kernels: boolean, xs: number[], ws: number[], s: number, p: number, winograd = true) {
  setWasmKernelsEnabled(kernels);
  setWinogradEnabled(winograd);
  try {
    return tf.tidy(() => {
      const x = tf.randomNormal(xs, 0, 1, 'float32', 1),
        w = tf.randomNormal(ws, 0, 0.3, 'float32', 2);
      const f = (a: tf.Tensor, b: tf.Tensor) =>
        xs.length === 3
          ? conv1d(a as tf.Tensor3D, b as tf.Tensor3D, s, p, 'fast')
          : conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, p, 'fast');
      const y = f(x, w);
      const r = tf.randomNormal(y.shape, 0, 1, 'float32', 3);
      let heldInside = 0;
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
        const o = f(a, b);
        heldInside = heldHeapBlocks();
        return tf.sum(tf.mul(o, r));
      })([x, w]);
      return { y: y.dataSync() as Float32Array, dx: g[0]!.dataSync() as Float32Array, dw: g[1]!.dataSync() as Float32Array, heldInside };
    });
  } finally {
    setWasmKernelsEnabled(true);
    setWinogradEnabled(true);
  }
}

describe('1D conv: WASM kernels equal the JS loops', () => {
  // [B, W, C, O, k, s, p]: C % 4 == 0 (SIMD col2im) and not; B·W % 4 == 0 (4×4 transpose) and not.
  const cases: [number, number, number, number, number, number, number][] = [
    [4, 25, 8, 12, 3, 1, 1],
    [3, 25, 8, 12, 3, 1, 1],
    [2, 20, 16, 8, 3, 2, 1],
    [3, 25, 12, 4, 3, 2, 1],
    [2, 9, 5, 7, 3, 1, 1],
    [2, 50, 8, 16, 1, 2, 0],
    [4, 10, 8, 8, 1, 1, 0],
    // Winograd F(5,3): every W mod 5, the WRN's lengths, and edge tiles W = 1 … 8.
    [4, 25, 40, 48, 3, 1, 1],
    [3, 20, 48, 40, 3, 1, 1],
    [2, 50, 48, 48, 3, 1, 1],
    [1, 100, 40, 40, 3, 1, 1],
    [1, 1, 44, 40, 3, 1, 1],
    [1, 2, 40, 40, 3, 1, 1],
    [2, 3, 40, 44, 3, 1, 1],
    [2, 4, 40, 40, 3, 1, 1],
    [2, 5, 40, 40, 3, 1, 1],
    [1, 6, 40, 40, 3, 1, 1],
    [2, 7, 40, 40, 3, 1, 1],
    [1, 8, 40, 40, 3, 1, 1],
  ];
  for (const [B, W, C, O, k, s, p] of cases) {
    const winograd = k === 3 && s === 1 && p === 1 && C % 4 === 0 && O % 4 === 0 && Math.min(C, O) >= WINOGRAD_MIN_CHANNELS;
    it(`B${B} W${W} C${C}→${O} k${k} s${s} p${p}${winograd ? ' (Winograd)' : ''}`, () => {
      const before = heldHeapBlocks();
      const a = convGrads(true, [B, W, C], [k, C, O], s, p),
        b = convGrads(false, [B, W, C], [k, C, O], s, p);
      // Winograd's transforms carry coefficients up to 16 (F(5,3) interpolates at ±2 and 1/2): its
      // float32 rounding is a few times a direct conv's (measured up to 1.5e-6 of the largest magnitude).
      expectSame(a, b, winograd ? 4e-6 : 1e-6);
      expect(heldHeapBlocks()).toBe(before);
      // While a gradient is being recorded, one heap block (P; Winograd: its U and V) is held until the backward pass.
      expect(a.heldInside).toBe(before + 1);
      expect(b.heldInside).toBe(before);
      // The direct (im2col) kernels where Winograd would apply.
      expectSame(convGrads(true, [B, W, C], [k, C, O], s, p, false), b);
    });
  }
});

describe('2D conv: WASM kernels equal the JS loops', () => {
  // [B, H = W, C, O, k, s, p]: C % 4 == 0 (SIMD col2im) and not; odd sizes; 1×1 shortcuts;
  // Winograd F(2×2,3×3) (3×3 stride 1, C, O multiples of 4): even and odd sizes, 1 … 4, the stem's 40→16.
  const cases: [number, number, number, number, number, number, number][] = [
    [2, 9, 4, 8, 3, 2, 1],
    [1, 7, 12, 4, 3, 2, 1],
    [2, 8, 8, 16, 1, 2, 0],
    [2, 6, 8, 8, 1, 1, 0],
    [1, 5, 6, 4, 3, 1, 1],
    [2, 8, 8, 12, 3, 1, 1],
    [2, 7, 12, 8, 3, 1, 1],
    [1, 1, 8, 8, 3, 1, 1],
    [2, 2, 8, 8, 3, 1, 1],
    [1, 3, 8, 12, 3, 1, 1],
    [1, 4, 16, 8, 3, 1, 1],
    [2, 6, 40, 16, 3, 1, 1],
  ];
  for (const [B, L, C, O, k, s, p] of cases) {
    const winograd = k === 3 && s === 1 && p === 1 && C % 4 === 0 && O % 4 === 0 && Math.min(C, O) >= WINOGRAD_MIN_CHANNELS;
    it(`B${B} ${L}×${L} C${C}→${O} k${k} s${s} p${p}${winograd ? ' (Winograd)' : ''}`, () => {
      const before = heldHeapBlocks();
      const a = convGrads(true, [B, L, L, C], [k, k, C, O], s, p),
        b = convGrads(false, [B, L, L, C], [k, k, C, O], s, p);
      expectSame(a, b, winograd ? 4e-6 : 1e-6);
      expect(heldHeapBlocks()).toBe(before);
      expect(a.heldInside).toBe(before + 1);
      if (winograd) expectSame(convGrads(true, [B, L, L, C], [k, k, C, O], s, p, false), b); // the direct kernels there
    });
  }
});

describe('BN + ReLU: WASM kernels equal the JS loops', () => {
  for (const [R, C] of [
    [300, 16],
    [7, 48],
    [1000, 4],
  ] as const) {
    it(`R${R} C${C}: training values, gradients, running stats; eval values`, () => {
      const run = (kernels: boolean) => {
        setWasmKernelsEnabled(kernels);
        const store = new ParamStore();
        const seedT = (n: number, s: number, lo: number) => tf.add(tf.mul(tf.randomUniform([n], 0, 1, 'float32', s), 1), lo);
        store.add('bn.weight', seedT(C, 11, 0.5) as tf.Tensor, true);
        store.add('bn.bias', seedT(C, 12, -0.5) as tf.Tensor, true);
        store.add('bn.running_mean', tf.zeros([C]), false);
        store.add('bn.running_var', tf.ones([C]), false);
        try {
          const out = tf.tidy(() => {
            const x = tf.add(tf.mul(tf.randomNormal([R, C], 0, 1, 'float32', 4), 3), 1);
            const r = tf.randomNormal([R, C], 0, 1, 'float32', 5);
            const y = bnReluJs(store, 'bn', x, true);
            const { grads } = tf.variableGrads(() => tf.sum(tf.mul(bnReluJs(store, 'bn', x, true), r)) as tf.Scalar, store.trainable());
            const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(bnReluJs(store, 'bn', a, true), r)))(x);
            const ev = bnReluJs(store, 'bn', x, false);
            return {
              y: y.dataSync() as Float32Array,
              dx: dx.dataSync() as Float32Array,
              ev: ev.dataSync() as Float32Array,
              dg: grads[store.get('bn.weight').name]!.dataSync() as Float32Array,
              db: grads[store.get('bn.bias').name]!.dataSync() as Float32Array,
              rm: store.get('bn.running_mean').dataSync() as Float32Array,
              rv: store.get('bn.running_var').dataSync() as Float32Array,
            };
          });
          return out;
        } finally {
          store.dispose();
          setWasmKernelsEnabled(true);
        }
      };
      const before = heldHeapBlocks();
      const a = run(true),
        b = run(false);
      expect(heldHeapBlocks()).toBe(before);
      expect(a.y.some((v) => v > 0) && a.y.some((v) => v === 0)).toBe(true); // both ReLU sides exercised
      for (const key of ['y', 'dx', 'ev', 'rm', 'rv'] as const) expect(maxDiff(a[key], b[key]), key).toBeLessThan(1e-4);
      const scale = Math.max(1, ...Array.from(b.dg, Math.abs), ...Array.from(b.db, Math.abs));
      expect(maxDiff(a.dg, b.dg) / scale).toBeLessThan(1e-5);
      expect(maxDiff(a.db, b.db) / scale).toBeLessThan(1e-5);
    });
  }
});
