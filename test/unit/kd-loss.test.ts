import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { crossEntropy, softKl, kdLoss, teacherWeights } from '@demos/kd/loss';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

// Plain-JS references in float64.
const softmax = (z: number[], T: number) => {
  const m = Math.max(...z.map((v) => v / T));
  const e = z.map((v) => Math.exp(v / T - m));
  const s = e.reduce((a, b) => a + b);
  return e.map((v) => v / s);
};
const klRef = (zt: number[][], zs: number[][], T: number) =>
  zt.reduce((acc, row, b) => {
    const pt = softmax(row, T),
      ps = softmax(zs[b]!, T);
    return acc + pt.reduce((s, p, k) => s + (p > 0 ? p * Math.log(p / ps[k]!) : 0), 0);
  }, 0) / zt.length;
const ceRef = (z: number[][], y: number[]) => z.reduce((acc, row, b) => acc - Math.log(softmax(row, 1)[y[b]!]!), 0) / z.length;

const zs = [
  [1, 2, 0.5],
  [0.1, -1, 3],
];
const t1 = [
  [2, 0, 1],
  [0, 0, 5],
];
const t2 = [
  [-1, 3, 0],
  [1, 1, 1],
];
const y = [1, 2];
const run = (f: () => tf.Scalar) => tf.tidy(() => f().dataSync()[0]!);
const T2 = (a: number[][]) => tf.tensor2d(a);

describe('KD loss (§6)', () => {
  it('hand-computed: CE of uniform logits is ln K; KL of identical distributions is 0', () => {
    expect(run(() => crossEntropy(tf.zeros([2, 4]), tf.tensor1d([0, 3], 'int32')))).toBeCloseTo(Math.log(4), 6);
    expect(run(() => softKl(T2(zs), T2(zs), 4))).toBeCloseTo(0, 6);
    // two classes: p_T = (1, 0)-ish vs p_S uniform: KL = Σ p log(p/0.5)
    const p = 1 / (1 + Math.exp(-2)); // softmax([2,0]) at T=1
    expect(run(() => softKl(T2([[2, 0]]), T2([[0, 0]]), 1))).toBeCloseTo(p * Math.log(2 * p) + (1 - p) * Math.log(2 * (1 - p)), 6);
  });
  it('matches the float64 formula for λ=0.7, T=4, α=0.3 (two teachers)', () => {
    const got = run(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(t1), T2(t2)], teacherWeights(2, 0.3), { lambda: 0.7, T: 4 }));
    const want = 0.3 * ceRef(zs, y) + 0.7 * 16 * (0.3 * klRef(t1, zs, 4) + 0.7 * klRef(t2, zs, 4));
    expect(got).toBeCloseTo(want, 5);
  });
  it('α = 1 uses only T1 (GAF); α = 0 only T2', () => {
    const f = (a: number) =>
      run(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(t1), T2(t2)], teacherWeights(2, a), { lambda: 1, T: 2 }));
    expect(f(1)).toBeCloseTo(4 * klRef(t1, zs, 2), 5);
    expect(f(0)).toBeCloseTo(4 * klRef(t2, zs, 2), 5);
  });
  it('λ = 0 is plain CE; λ = 1 has no CE term', () => {
    const f = (l: number) => run(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(t1)], [1], { lambda: l, T: 4 }));
    expect(f(0)).toBeCloseTo(ceRef(zs, y), 6);
    expect(f(1)).toBeCloseTo(16 * klRef(t1, zs, 4), 5);
    expect(run(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [], [], { lambda: 0, T: 4 }))).toBeCloseTo(ceRef(zs, y), 6);
  });
  it('temperature extremes stay finite: T = 1e-3 with huge logits, T = 1e4', () => {
    const big = [
      [1000, -1000, 0],
      [50, 50, -3000],
    ];
    const small = run(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(big)], [1], { lambda: 0.5, T: 1e-3 }));
    expect(Number.isFinite(small)).toBe(true);
    // T → ∞: both distributions → uniform, T²·KL → Σ (zT − zS centred)² / (2K)·… stays finite and small relative to T²
    const hot = run(() => softKl(T2(t1), T2(zs), 1e4));
    expect(hot).toBeGreaterThanOrEqual(0);
    expect(hot).toBeLessThan(1e-6);
    expect(run(() => softKl(T2(big), T2(zs), 1))).toBeCloseTo(klRef(big, zs, 1), 3);
  });
  it('rejects bad hyper-parameters with clear messages', () => {
    const l = () => tf.tidy(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(t1)], [1], { lambda: 1.5, T: 4 }));
    expect(l).toThrow(/lambda must be in \[0, 1\]/);
    expect(() => tf.tidy(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2(t1)], [1], { lambda: 0.5, T: 0 }))).toThrow(/temperature/);
    expect(() => tf.tidy(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [], [], { lambda: 0.5, T: 4 }))).toThrow(/at least one teacher/);
    expect(() => teacherWeights(2, -0.1)).toThrow(/alpha/);
    expect(() => tf.tidy(() => kdLoss(T2(zs), tf.tensor1d(y, 'int32'), [T2([[1, 2]])], [1], { lambda: 0.5, T: 4 }))).toThrow(
      /do not match/,
    );
  });
  it('gradient w.r.t. student logits equals the closed form (1−λ)(p−y)/B + λT(p_S−p_T)/B', () => {
    const lam = 0.6,
      T = 3;
    const g = tf.tidy(
      () =>
        tf
          .grad((z: tf.Tensor) => kdLoss(z as tf.Tensor2D, tf.tensor1d(y, 'int32'), [T2(t1)], [1], { lambda: lam, T }))(T2(zs))
          .arraySync() as number[][],
    );
    zs.forEach((row, b) => {
      const p = softmax(row, 1),
        ps = softmax(row, T),
        pt = softmax(t1[b]!, T);
      row.forEach((_, k) => {
        const want = ((1 - lam) * (p[k]! - (k === y[b] ? 1 : 0)) + lam * T * (ps[k]! - pt[k]!)) / zs.length;
        expect(g[b]![k]).toBeCloseTo(want, 5);
      });
    });
  });
});
