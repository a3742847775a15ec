import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend, type NodeBackend } from '@demos/kd/node/tf-node';
import { conv1d, conv2d, type ConvImpl } from '@demos/kd/conv/index';

// Reference: tf.conv1d / tf.conv2d on the explicitly zero-padded input (PyTorch's padding).
const ref1d = (x: tf.Tensor3D, w: tf.Tensor3D, s: number, p: number) =>
  tf.conv1d(
    tf.pad(x, [
      [0, 0],
      [p, p],
      [0, 0],
    ]),
    w,
    s,
    'valid',
  );
const ref2d = (x: tf.Tensor4D, w: tf.Tensor4D, s: number, p: number) =>
  tf.conv2d(x, w, s, [
    [0, 0],
    [p, p],
    [p, p],
    [0, 0],
  ]);

type Grads = { y: Float32Array; dx: Float32Array; dw: Float32Array; shape: number[] };

// Value, d/dx and d/dw of sum(conv · r) for a random r, so every output element's gradient matters.
function run(fn: (x: tf.Tensor, w: tf.Tensor) => tf.Tensor, xs: number[], ws: number[]): Grads {
  return tf.tidy(() => {
    const x = tf.randomNormal(xs, 0, 1, 'float32', 1),
      w = tf.randomNormal(ws, 0, 0.3, 'float32', 2);
    const y = fn(x, w);
    const r = tf.randomNormal(y.shape, 0, 1, 'float32', 3);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(fn(a, b), r)))([x, w]);
    return { y: y.dataSync() as Float32Array, dx: g[0]!.dataSync() as Float32Array, dw: g[1]!.dataSync() as Float32Array, shape: y.shape };
  });
}
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

// The reference runs on the CPU backend (WASM has no Conv2DBackpropFilter kernel); seeded
// tf.randomNormal gives the same inputs on both backends.
async function check(
  backend: NodeBackend,
  impl: ConvImpl,
  dims: 1 | 2,
  B: number,
  L: number,
  C: number,
  O: number,
  k: number,
  s: number,
  p: number,
) {
  const xs = dims === 1 ? [B, L, C] : [B, L, L, C];
  const ws = dims === 1 ? [k, C, O] : [k, k, C, O];
  await useNodeBackend('cpu');
  const ref = run(
    (a, b) => (dims === 1 ? ref1d(a as tf.Tensor3D, b as tf.Tensor3D, s, p) : ref2d(a as tf.Tensor4D, b as tf.Tensor4D, s, p)),
    xs,
    ws,
  );
  await useNodeBackend(backend);
  const mine = run(
    (a, b) =>
      dims === 1 ? conv1d(a as tf.Tensor3D, b as tf.Tensor3D, s, p, impl) : conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, p, impl),
    xs,
    ws,
  );
  expect(mine.shape).toEqual(ref.shape);
  expect(mine.y.length).toBe(ref.y.length);
  return { y: maxDiff(mine.y, ref.y), dx: maxDiff(mine.dx, ref.dx), dw: maxDiff(mine.dw, ref.dw) };
}

// Tolerances: float32 sums of ≤ 9·C·B·L products of O(1) values; 1e-4 absolute is ~1e-6 relative.
const cases: [string, 1 | 2, number, number, number, number, number, number, number][] = [
  ['1D k3 s1 p1', 1, 3, 20, 5, 7, 3, 1, 1],
  // C, O multiples of 4: on wasm the fast path takes Winograd F(5,3) (conv/winograd1d.ts); W mod 5 = 0 and 0.
  ['1D k3 s1 p1 (Winograd on wasm, even W)', 1, 3, 20, 48, 40, 3, 1, 1],
  ['1D k3 s1 p1 (Winograd on wasm, odd W)', 1, 2, 25, 40, 44, 3, 1, 1],
  ['1D k3 s2 p1 (even)', 1, 2, 20, 6, 4, 3, 2, 1],
  ['1D k3 s2 p1 (odd)', 1, 2, 25, 4, 3, 3, 2, 1],
  ['1D k1 s2 p0 shortcut', 1, 2, 50, 8, 16, 1, 2, 0],
  ['1D k1 s1 p0', 1, 2, 9, 8, 5, 1, 1, 0],
  ['2D k3 s1 p1', 2, 2, 8, 5, 6, 3, 1, 1],
  ['2D k3 s2 p1', 2, 2, 8, 4, 6, 3, 2, 1],
  ['2D k3 s2 p1 (odd)', 2, 1, 7, 3, 2, 3, 2, 1],
  ['2D k1 s2 p0 shortcut', 2, 2, 8, 4, 8, 1, 2, 0],
];

for (const backend of ['cpu', 'wasm'] as NodeBackend[]) {
  describe(`conv paths equal tf.conv1d/conv2d in values and gradients (${backend})`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });
    for (const impl of ['im2col', 'fast'] as ConvImpl[]) {
      for (const [name, dims, B, L, C, O, k, s, p] of cases) {
        it(`${impl}: ${name}`, async () => {
          const d = await check(backend, impl, dims, B, L, C, O, k, s, p);
          expect(d.y).toBeLessThan(1e-4);
          expect(d.dx).toBeLessThan(1e-4);
          expect(d.dw).toBeLessThan(1e-4);
        });
      }
    }
    it('fast conv leaks no tensors through a gradient', async () => {
      await useNodeBackend(backend);
      const x = tf.randomNormal([2, 10, 3]) as tf.Tensor3D,
        w = tf.randomNormal([3, 3, 4]) as tf.Tensor3D;
      const g = () =>
        tf.tidy(() => {
          tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(conv1d(a as tf.Tensor3D, b as tf.Tensor3D, 2, 1, 'fast')))([x, w]);
        });
      g();
      const before = tf.memory().numTensors;
      g();
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, w]);
    });
  });
}
