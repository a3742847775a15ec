import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { createWrn, type WrnConfig } from '@demos/kd/models/wrn';
import { stepLr } from '@demos/kd/train/schedule';
import { Sgd } from '@demos/kd/train/sgd';
import { arrayData } from '@demos/kd/train/train-data';
import { trainModel, trainStep } from '@demos/kd/train/train';
import { predictLogits } from '@demos/kd/train/predict';
import { teacherWeights } from '@demos/kd/loss';
import { createRng } from '@demos/shared/rng';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

const W = 16,
  S = 4,
  K = 3;
const cfg: WrnConfig = { dims: 1, depth: 10, widen: 1, inChannels: S, numClasses: K, seed: 5 };
// Separable toy task: class c raises channel c's mean by 1.5 over unit noise.
function toy(n: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float32Array(n * W * S),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % K;
    for (let t = 0; t < W; t++) for (let s = 0; s < S; s++) x[(i * W + t) * S + s] = rng.normal() + (s === y[i] ? 1.5 : 0);
  }
  return arrayData(x, [W, S], y);
}

describe('§8 step schedule', () => {
  it('E = 200: boundaries 11, 66, 133', () => {
    expect([0, 10, 11, 65, 66, 132, 133, 199].map((e) => stepLr(e, 200))).toEqual([0.05, 0.05, 0.01, 0.01, 0.001, 0.001, 0.0001, 0.0001]);
    expect(stepLr(0, 10)).toBe(0.01); // int(10/18) = 0: no 0.05 epoch at E = 10
    expect(stepLr(0, 36, 0.1)).toBeCloseTo(0.1, 12);
  });
});

describe('SGD (PyTorch semantics)', () => {
  for (const impl of ['tensor', 'js'] as const)
    it(`${impl}: v = μv + g + wd·p; p -= lr·v, two steps by hand`, () => {
      const p = tf.variable(tf.tensor1d([1, -2]), true, 'sgd-p');
      const opt = new Sgd([p], { momentum: 0.9, weightDecay: 0.1, impl });
      const g = () => ({ 'sgd-p': tf.tensor1d([0.5, 0.5]) });
      const g1 = g();
      opt.step(g1, 0.1);
      tf.dispose(g1['sgd-p']);
      // v1 = g + 0.1p = [0.6, 0.3]; p1 = [0.94, -2.03]
      const p1 = Array.from(p.dataSync());
      expect(p1[0]).toBeCloseTo(0.94, 6);
      expect(p1[1]).toBeCloseTo(-2.03, 6);
      const g2 = g();
      opt.step(g2, 0.1);
      tf.dispose(g2['sgd-p']);
      // v2 = 0.9·v1 + g + 0.1·p1 = [0.54+0.5+0.094, 0.27+0.5-0.203]
      const p2 = Array.from(p.dataSync());
      expect(p2[0]).toBeCloseTo(0.94 - 0.1 * 1.134, 6);
      expect(p2[1]).toBeCloseTo(-2.03 - 0.1 * 0.567, 6);
      opt.dispose();
      p.dispose();
    });
});

describe('training loop', () => {
  it('a training step leaks no tensors (CE and two-teacher KD)', () => {
    const m = createWrn(cfg);
    const opt = new Sgd(m.params.trainable(), { momentum: 0.9, weightDecay: 1e-4 });
    const x = tf.randomNormal([8, W, S]);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32');
    const t1 = tf.randomNormal([8, K]) as tf.Tensor2D,
      t2 = tf.randomNormal([8, K]) as tf.Tensor2D;
    trainStep({ model: m, opt, x, y, teachers: [], kd: null, lr: 0.05 }); // warm-up (kernels, lazily created state)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainStep({ model: m, opt, x, y, teachers: [], kd: null, lr: 0.05 });
    trainStep({ model: m, opt, x, y, teachers: [t1, t2], kd: { weights: teacherWeights(2, 0.7), lambda: 0.7, T: 4 }, lr: 0.05 });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, t1, t2]);
    opt.dispose();
    m.dispose();
  });

  it('a training step leaks no tensors on WASM with the fast path (2D, two teachers)', async () => {
    await useNodeBackend('wasm');
    try {
      const m = createWrn({ ...cfg, dims: 2 });
      expect(m.convImpl).toBe('auto');
      const opt = new Sgd(m.params.trainable(), { momentum: 0.9, weightDecay: 1e-4 });
      expect(opt.impl).toBe('js');
      const x = tf.randomNormal([4, 8, 8, S]);
      const y = tf.tensor1d([0, 1, 2, 0], 'int32');
      const t1 = tf.randomNormal([4, K]) as tf.Tensor2D,
        t2 = tf.randomNormal([4, K]) as tf.Tensor2D;
      const kd = { weights: teacherWeights(2, 0.7), lambda: 0.7, T: 4 };
      trainStep({ model: m, opt, x, y, teachers: [t1, t2], kd, lr: 0.05 });
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) trainStep({ model: m, opt, x, y, teachers: [t1, t2], kd, lr: 0.05 });
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, y, t1, t2]);
      opt.dispose();
      m.dispose();
    } finally {
      await useNodeBackend('cpu');
    }
  });

  it('CE training learns a separable task; callbacks, best and last epoch reported; seeded', async () => {
    const train = toy(96, 1),
      test = toy(48, 2);
    const run = async () => {
      const m = createWrn(cfg);
      const steps: number[] = [],
        epochs: number[] = [];
      const r = await trainModel({
        model: m,
        train,
        test,
        epochs: 3,
        batchSize: 16,
        seed: 7,
        learningRate: 0.05 * 18,
        onStep: (s) => steps.push(s.loss),
        onEpoch: (e) => epochs.push(e.testAccuracy),
      });
      m.dispose();
      return { r, steps, epochs };
    };
    const before = tf.memory().numTensors;
    const a = await run();
    expect(tf.memory().numTensors).toBe(before);
    expect(a.steps.length).toBe(3 * 6);
    expect(a.epochs).toEqual(a.r.epochs.map((e) => e.testAccuracy));
    expect(a.r.bestAccuracy).toBe(Math.max(...a.epochs));
    expect(a.r.lastAccuracy).toBe(a.epochs[2]);
    expect(a.r.bestAccuracy).toBeGreaterThan(0.8); // chance is 1/3
    const b = await run();
    expect(b.steps).toEqual(a.steps); // same seed, same data -> identical run
  });

  it('KD from precomputed teacher logits trains; abort stops between batches', async () => {
    const train = toy(64, 3),
      test = toy(30, 4);
    const teacher = createWrn({ ...cfg, seed: 11 });
    const tl = await predictLogits(teacher, train, { batchSize: 32 });
    expect(tl.length).toBe(64 * K);
    const student = createWrn(cfg);
    const r = await trainModel({
      model: student,
      train,
      test,
      epochs: 1,
      batchSize: 16,
      seed: 1,
      kd: { teacherLogits: [tl, tl], weights: teacherWeights(2, 0.3), lambda: 0.7, T: 4 },
    });
    expect(r.epochs.length).toBe(1);
    expect(Number.isFinite(r.epochs[0]!.trainLoss)).toBe(true);
    const ac = new AbortController();
    let n = 0;
    const r2 = await trainModel({
      model: student,
      train,
      test,
      epochs: 5,
      batchSize: 16,
      seed: 1,
      signal: ac.signal,
      onStep: () => {
        if (++n === 2) ac.abort();
      },
    });
    expect(r2.aborted).toBe(true);
    expect(n).toBe(2);
    expect(r2.epochs.length).toBe(0);
    teacher.dispose();
    student.dispose();
  });

  it('bad input gets a clear message', async () => {
    const m = createWrn(cfg);
    const train = toy(8, 1);
    await expect(trainModel({ model: m, train, test: train, epochs: 0, batchSize: 4, seed: 1 })).rejects.toThrow(/epochs/);
    await expect(
      trainModel({
        model: m,
        train: arrayData(new Float32Array(8 * W * 5), [W, 5], new Int32Array(8)),
        test: train,
        epochs: 1,
        batchSize: 4,
        seed: 1,
      }),
    ).rejects.toThrow(/expects 2 axes ending in 4 channels/);
    await expect(
      trainModel({
        model: m,
        train,
        test: train,
        epochs: 1,
        batchSize: 4,
        seed: 1,
        kd: { teacherLogits: [new Float32Array(3)], weights: [1], lambda: 0.5, T: 4 },
      }),
    ).rejects.toThrow(/teacher 1 logits/);
    expect(() => arrayData(new Float32Array(5), [W, S], new Int32Array(1))).toThrow(/needs 64/);
    m.dispose();
  });
});
