import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { patchWeights, projectMatMul, projectConv, normalisePixels } from '@demos/vit/projection';
import {
  sincos2dPositionEmbedding,
  learnedPositionEmbedding,
  positionSimilarity,
  unitRows,
  similarityRow,
} from '@demos/vit/position-embedding';
import { patchify } from '@demos/vit/patchify';
import { embedImage } from '@demos/vit/pipeline';
import { matMulRef, maxAbsDiff } from '@demos/shared/self-check';

/** Max |a − b| tolerated between the two float32 projections (sums of up to 3072 products of O(1) terms). */
const PROJ_TOL = 1e-4;

function randomImage(size: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: size * size * 3 }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('patch projection', () => {
  it.each([8, 14, 16, 32])('p=%i: stride-p conv2d == reshape + matMul == naive patchify·W', (p) => {
    const size = 224,
      D = 64;
    const rgb = randomImage(size, p);
    const wt = patchWeights(p, D, 7);
    const before = tf.memory().numTensors;
    const [a, b] = tf.tidy(() => {
      const x = normalisePixels(tf, tf.tensor3d(rgb, [size, size, 3]));
      return [projectMatMul(tf, x, wt), projectConv(tf, x, wt)];
    });
    const av = a!.dataSync(),
      bv = b!.dataSync();
    expect(a!.shape).toEqual([(size / p) ** 2, D]);
    expect(b!.shape).toEqual([(size / p) ** 2, D]);
    tf.dispose([a!, b!]);
    expect(tf.memory().numTensors).toBe(before);
    expect(maxAbsDiff(av, bv)).toBeLessThan(PROJ_TOL);
    // Independent reference: plain-JS patchify then matMul, plus bias.
    const P = (size / p) ** 2,
      K = p * p * 3;
    const ref = matMulRef(
      patchify(
        rgb.map((v) => 2 * v - 1),
        size,
        p,
      ),
      wt.w,
      P,
      K,
      D,
    );
    for (let n = 0; n < P; n++) for (let d = 0; d < D; d++) ref[n * D + d]! += wt.b[d]!;
    expect(maxAbsDiff(av, ref)).toBeLessThan(PROJ_TOL);
    // And the projection is not trivially zero.
    expect(Math.max(...Array.from(av, Math.abs))).toBeGreaterThan(0.1);
  });

  it('weights are reproducible from the seed and differ across seeds', () => {
    expect(maxAbsDiff(patchWeights(16, 8, 3).w, patchWeights(16, 8, 3).w)).toBe(0);
    expect(maxAbsDiff(patchWeights(16, 8, 3).w, patchWeights(16, 8, 4).w)).toBeGreaterThan(0);
  });
});

describe('2D sin-cos position embedding', () => {
  it.each([
    [14, 192],
    [16, 64],
    [7, 768],
  ])('g=%i, D=%i matches the formula element by element', (g, D) => {
    const pe = sincos2dPositionEmbedding(g, D);
    expect(pe.length).toBe((g * g + 1) * D);
    for (let d = 0; d < D; d++) expect(pe[d]).toBe(0); // [CLS]
    const q = D / 4;
    let worst = 0;
    for (let r = 0; r < g; r++)
      for (let c = 0; c < g; c++)
        for (let d = 0; d < D; d++) {
          // Naive: which quarter, which frequency, which coordinate.
          const quarter = Math.floor(d / q),
            k = d % q;
          const omega = 1 / 10000 ** (k / q);
          const coord = quarter < 2 ? c : r;
          const want = quarter % 2 === 0 ? Math.sin(coord * omega) : Math.cos(coord * omega);
          worst = Math.max(worst, Math.abs(pe[(1 + r * g + c) * D + d]! - want));
        }
    expect(worst).toBeLessThan(1e-6);
  });
  it('refuses D not divisible by 4', () => {
    expect(() => sincos2dPositionEmbedding(14, 6)).toThrow(/divisible by 4/);
  });
});

describe('position similarity', () => {
  it('equals a naive cosine loop; the diagonal is 1; no leaks', () => {
    const g = 7,
      D = 32,
      P = g * g;
    const pe = sincos2dPositionEmbedding(g, D).subarray(D);
    const before = tf.memory().numTensors;
    const sim = tf.tidy(() => positionSimilarity(tf, tf.tensor2d(pe, [P, D])));
    const sv = sim.dataSync();
    sim.dispose();
    expect(tf.memory().numTensors).toBe(before);
    let worst = 0;
    for (let i = 0; i < P; i++)
      for (let j = 0; j < P; j++) {
        let dot = 0,
          ni = 0,
          nj = 0;
        for (let d = 0; d < D; d++) {
          dot += pe[i * D + d]! * pe[j * D + d]!;
          ni += pe[i * D + d]! ** 2;
          nj += pe[j * D + d]! ** 2;
        }
        worst = Math.max(worst, Math.abs(sv[i * P + j]! - dot / Math.sqrt(ni * nj)));
      }
    expect(worst).toBeLessThan(1e-5);
    for (let i = 0; i < P; i++) expect(sv[i * P + i]).toBeCloseTo(1, 5);
    // Sin-cos neighbours are more alike than far-apart positions (the structure of ViT fig. 7).
    expect(sv[0 * P + 1]!).toBeGreaterThan(sv[0 * P + (P - 1)]!);
    // The per-hover row function gives the same rows as the tf matrix.
    const unit = unitRows(pe, P, D);
    for (const n of [0, 24, 48]) expect(maxAbsDiff(similarityRow(unit, P, D, n), sv.subarray(n * P, (n + 1) * P))).toBeLessThan(1e-5);
    expect(Array.from(unitRows(new Float32Array(4), 2, 2))).toEqual([0, 0, 0, 0]); // zero row: 0, not NaN
  });
  it('learned-style embeddings are seeded N(0, 0.02²)', () => {
    const e = learnedPositionEmbedding(14, 192, 5);
    const mean = e.reduce((s, v) => s + v, 0) / e.length;
    const sd = Math.sqrt(e.reduce((s, v) => s + (v - mean) ** 2, 0) / e.length);
    expect(Math.abs(mean)).toBeLessThan(0.002);
    expect(sd).toBeGreaterThan(0.019);
    expect(sd).toBeLessThan(0.021);
  });
});

describe('embedImage pipeline', () => {
  it('p=16, D=192: 197 × 192 tokens, [CLS] first, position added, no tensor leaks', async () => {
    const rgb = randomImage(224, 1);
    const before = tf.memory().numTensors;
    const cache = new Map();
    const cfg = { imageSize: 224, patch: 16, dim: 192, pos: 'sincos', seed: 0 } as const;
    const first = await embedImage(tf, rgb, cfg, cache);
    const out = await embedImage(tf, rgb, cfg, cache); // from cached weights: same numbers
    expect(maxAbsDiff(first.tokens, out.tokens)).toBe(0);
    expect(cache.size).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    expect(out.patches).toBe(196);
    expect(out.embeddings.length).toBe(196 * 192);
    expect(out.tokens.length).toBe(197 * 192);
    expect(out.convMatMulMaxDiff).toBeLessThan(PROJ_TOL);
    // token n+1 = embedding n + position n+1.
    for (const n of [0, 100, 195])
      for (const d of [0, 50, 191])
        expect(out.tokens[(n + 1) * 192 + d]).toBeCloseTo(out.embeddings[n * 192 + d]! + out.position[(n + 1) * 192 + d]!, 5);
  });
});
