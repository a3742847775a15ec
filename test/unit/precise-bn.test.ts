/**
 * Precise BN (demos/kd/train/precise-bn.ts): the pooled moments against hand-computed values,
 * the first BN layer's re-estimated statistics against the stem convolution's output computed
 * directly over the whole training set (any batch partition), and eval mode equal to
 * training mode when the set fits one batch (every layer's statistics exact).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { createWrn } from '@demos/kd/models/wrn';
import { arrayData } from '@demos/kd/train/train-data';
import { bnPositions, combineMoments, recomputeBnStats } from '@demos/kd/train/precise-bn';
import { createRng } from '@demos/shared/rng';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

describe('combineMoments', () => {
  it('pools per-group moments into the population mean and biased variance (hand-computed)', () => {
    // Group A = {1, 3}: mean 2, biased var 1. Group B = {2, 4, 9}: mean 5, biased var (9 + 1 + 16)/3 = 26/3.
    // Union {1, 2, 3, 4, 9}: mean 19/5 = 3.8; E[x²] = (1 + 4 + 9 + 16 + 81)/5 = 22.2; var = 22.2 − 14.44 = 7.76.
    const r = combineMoments([
      { count: 2, mean: [2], variance: [1] },
      { count: 3, mean: [5], variance: [26 / 3] },
    ]);
    expect(r.mean[0]).toBeCloseTo(3.8, 12);
    expect(r.variance[0]).toBeCloseTo(7.76, 12);
  });
});

describe('bnPositions', () => {
  it('counts the positions each BN layer of a 1D and a 2D WRN16 sees (100 → 100 → 50 → 25; 16 → 16 → 8 → 4)', () => {
    const p1 = bnPositions({ depth: 16, widen: 1 }, [100]);
    expect(p1.get('block1.nblockLayer.0.batch_norm1')).toBe(100);
    expect(p1.get('block2.nblockLayer.0.batch_norm1')).toBe(100);
    expect(p1.get('block2.nblockLayer.0.batch_norm2')).toBe(50);
    expect(p1.get('block3.nblockLayer.1.batch_norm1')).toBe(25);
    expect(p1.get('batch_norm')).toBe(25);
    const p2 = bnPositions({ depth: 16, widen: 1 }, [16, 16]);
    expect(p2.get('block3.nblockLayer.0.batch_norm2')).toBe(16);
    expect(p2.get('batch_norm')).toBe(16);
  });
});

describe('recomputeBnStats', () => {
  const W = 12,
    S = 3,
    N = 7;
  const data = (() => {
    const rng = createRng(11);
    const x = Float32Array.from({ length: N * W * S }, (_, i) => rng.normal() * (1 + (i % S)) + (i % S));
    return {
      x,
      d: arrayData(
        x,
        [W, S],
        Int32Array.from({ length: N }, (_, i) => i % 2),
      ),
    };
  })();
  const model = () => createWrn({ dims: 1, depth: 10, widen: 1, inChannels: S, numClasses: 2, seed: 4, convImpl: 'tf' });

  it('sets the first BN layer to the mean and variance of the stem output over all windows, for any batch size', async () => {
    // By hand: the stem conv (k3, pad 1, no bias) over all N windows, then per-channel moments over N·W positions.
    const stem = (m: ReturnType<typeof model>) =>
      tf.tidy(() => {
        const y = tf.conv1d(
          tf.pad(tf.tensor3d(data.x, [N, W, S]), [
            [0, 0],
            [1, 1],
            [0, 0],
          ]),
          m.params.get('conv1.weight') as tf.Tensor3D,
          1,
          'valid',
        );
        const v = tf.reshape(y, [N * W, 16]).arraySync() as number[][];
        const mean = v[0]!.map((_, c) => v.reduce((a, r) => a + r[c]!, 0) / v.length);
        const variance = mean.map((mu, c) => v.reduce((a, r) => a + (r[c]! - mu) ** 2, 0) / v.length);
        return { mean, variance };
      });
    for (const batchSize of [N, 3, 2]) {
      const m = model();
      const want = stem(m);
      const before = tf.memory().numTensors;
      await recomputeBnStats(m, data.d, { batchSize });
      expect(tf.memory().numTensors).toBe(before);
      const rm = Array.from(m.params.get('block1.nblockLayer.0.batch_norm1.running_mean').dataSync());
      const rv = Array.from(m.params.get('block1.nblockLayer.0.batch_norm1.running_var').dataSync());
      rm.forEach((v, c) => expect(v, `mean c${c} (batch ${batchSize})`).toBeCloseTo(want.mean[c]!, 4));
      rv.forEach((v, c) =>
        expect(Math.abs(v - want.variance[c]!) / want.variance[c]!, `var c${c} (batch ${batchSize})`).toBeLessThan(1e-4),
      );
      m.dispose();
    }
  });

  it('with the whole set in one batch, eval mode then computes exactly what training mode does on that batch', async () => {
    const m = model();
    const x = tf.tensor3d(data.x, [N, W, S]);
    const gap = () =>
      tf.tidy(() => {
        const ev = m.apply(x, { training: false }).logits;
        const tr = m.apply(x, { training: true }).logits; // batch statistics of all N windows
        return tf.max(tf.abs(tf.sub(ev, tr))).dataSync()[0]!;
      });
    const snapshot = m.params.snapshot();
    const stale = gap(); // running stats are the initial 0 / 1: eval mode differs
    m.params.restore(snapshot); // the training-mode pass above moved the running stats
    await recomputeBnStats(m, data.d, { batchSize: N });
    const exact = gap();
    expect(stale).toBeGreaterThan(1e-2);
    expect(exact).toBeLessThan(1e-4);
    x.dispose();
    m.dispose();
  });

  it('a cancel mid-way leaves the previous statistics in place', async () => {
    const m = model();
    const before = Array.from(m.params.get('batch_norm.running_var').dataSync());
    const ctl = new AbortController();
    ctl.abort();
    await expect(recomputeBnStats(m, data.d, { batchSize: 2, signal: ctl.signal })).rejects.toThrow();
    expect(Array.from(m.params.get('batch_norm.running_var').dataSync())).toEqual(before);
    m.dispose();
  });
});
