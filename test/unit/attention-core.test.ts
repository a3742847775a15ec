import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { computeAttention, buildMask, type AttentionData, type AttentionWeights } from '@demos/attention/attention';
import { attentionReference, type RefWeights } from '@demos/attention/reference';
import { createRng } from '@demos/shared/rng';

// Tolerance: float32 tfjs vs float64-accumulating JS loops; |a − b| <= ABS + REL·|b|.
const ABS = 1e-4,
  REL = 1e-4;

function randn(n: number, seed: number, scale = 1): Float32Array {
  const r = createRng(seed);
  return Float32Array.from({ length: n }, () => r.normal() * scale);
}
function refWeights(d: number, seed: number, scale = 1 / Math.sqrt(d)): RefWeights {
  return {
    wq: randn(d * d, seed + 1, scale),
    wk: randn(d * d, seed + 2, scale),
    wv: randn(d * d, seed + 3, scale),
    wo: randn(d * d, seed + 4, scale),
  };
}
function toTensors(w: RefWeights, d: number): AttentionWeights {
  return { wq: tf.tensor2d(w.wq, [d, d]), wk: tf.tensor2d(w.wk, [d, d]), wv: tf.tensor2d(w.wv, [d, d]), wo: tf.tensor2d(w.wo, [d, d]) };
}
const FIELDS = ['q', 'k', 'v', 'rawScores', 'scaledScores', 'mask', 'weights', 'headOutputs', 'output'] as const;
function expectClose(got: AttentionData, want: AttentionData): void {
  for (const f of FIELDS) {
    const a = got[f],
      b = want[f];
    expect(a.length, f).toBe(b.length);
    for (let i = 0; i < a.length; i++) {
      const ok = Math.abs(a[i]! - b[i]!) <= ABS + REL * Math.abs(b[i]!);
      if (!ok) expect.fail(`${f}[${i}]: tfjs ${a[i]} vs reference ${b[i]}`);
    }
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('multi-head attention core vs naive loops (CPU backend)', () => {
  const cases = [
    { t: 5, d: 16, h: 1, causal: false, scale: true },
    { t: 7, d: 16, h: 2, causal: true, scale: true },
    { t: 12, d: 32, h: 4, causal: false, scale: false },
    { t: 32, d: 64, h: 4, causal: true, scale: true },
  ];
  for (const [n, c] of cases.entries()) {
    it(`T=${c.t} D=${c.d} H=${c.h} causal=${c.causal} scale=${c.scale}: every intermediate matches`, async () => {
      const x = randn(c.t * c.d, 100 + n),
        rw = refWeights(c.d, 200 + n * 10);
      const w = toTensors(rw, c.d);
      const before = tf.memory().numTensors;
      const got = await computeAttention(tf, x, c.t, c.d, w, { heads: c.h, causal: c.causal, scale: c.scale });
      expect(tf.memory().numTensors).toBe(before); // no leaks per call
      expectClose(got, attentionReference(x, c.t, c.d, rw, c.h, c.scale, buildMask(c.t, c.causal)));
      // Rows of the weights are distributions; causal rows put no weight on the future.
      for (let hh = 0; hh < c.h; hh++)
        for (let i = 0; i < c.t; i++) {
          let s = 0;
          for (let j = 0; j < c.t; j++) {
            const p = got.weights[hh * c.t * c.t + i * c.t + j]!;
            if (c.causal && j > i) expect(p).toBe(0);
            s += p;
          }
          expect(s).toBeCloseTo(1, 5);
        }
      tf.dispose(Object.values(w));
    });
  }

  it('a fully masked row gets weights 0 and output 0, not NaN; other rows unaffected', async () => {
    const t = 4,
      d = 8,
      h = 2;
    const x = randn(t * d, 7),
      rw = refWeights(d, 8),
      w = toTensors(rw, d);
    const mask = buildMask(t, true);
    mask.fill(0, 2 * t, 3 * t); // row 2 sees nothing
    const got = await computeAttention(tf, x, t, d, w, { heads: h, causal: true, scale: true, mask });
    for (let hh = 0; hh < h; hh++) for (let j = 0; j < t; j++) expect(got.weights[hh * t * t + 2 * t + j]).toBe(0);
    for (let c = 0; c < d; c++) expect(got.output[2 * d + c]).toBe(0);
    expect(got.weights.every(Number.isFinite) && got.output.every(Number.isFinite)).toBe(true);
    expectClose(got, attentionReference(x, t, d, rw, h, true, mask));
    tf.dispose(Object.values(w));
  });

  it('large logits (|score| ~ 1e6) do not overflow: finite, rows sum to 1, match reference', async () => {
    const t = 6,
      d = 8,
      h = 1;
    const x = randn(t * d, 11, 300),
      rw = refWeights(d, 12, 3);
    const w = toTensors(rw, d);
    for (const causal of [false, true]) {
      const got = await computeAttention(tf, x, t, d, w, { heads: h, causal, scale: false });
      expect(Math.max(...got.rawScores.map(Math.abs))).toBeGreaterThan(1e5);
      expect(got.weights.every(Number.isFinite)).toBe(true);
      for (let i = 0; i < t; i++) expect(got.weights.subarray(i * t, i * t + t).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const want = attentionReference(x, t, d, rw, h, false, buildMask(t, causal));
      for (let i = 0; i < want.weights.length; i++) expect(Math.abs(got.weights[i]! - want.weights[i]!)).toBeLessThan(1e-4);
    }
    tf.dispose(Object.values(w));
  });

  it('a single token attends to itself with weight 1; output = v·Wo', async () => {
    const d = 16,
      h = 4;
    const x = randn(d, 21),
      rw = refWeights(d, 22),
      w = toTensors(rw, d);
    const got = await computeAttention(tf, x, 1, d, w, { heads: h, causal: true, scale: true });
    expect(Array.from(got.weights)).toEqual([1, 1, 1, 1]);
    expectClose(got, attentionReference(x, 1, d, rw, h, true, buildMask(1, true)));
    tf.dispose(Object.values(w));
  });

  it('rejects bad shapes with a clear message', async () => {
    const w = toTensors(refWeights(8, 1), 8);
    await expect(computeAttention(tf, new Float32Array(0), 0, 8, w, { heads: 2, causal: false, scale: true })).rejects.toThrow(/no tokens/);
    await expect(computeAttention(tf, new Float32Array(16), 2, 8, w, { heads: 3, causal: false, scale: true })).rejects.toThrow(
      /not divisible/,
    );
    await expect(computeAttention(tf, new Float32Array(15), 2, 8, w, { heads: 2, causal: false, scale: true })).rejects.toThrow(
      /expected T\*D/,
    );
    tf.dispose(Object.values(w));
  });
});
