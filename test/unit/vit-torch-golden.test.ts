import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { z } from 'zod';
import { patchify } from '@demos/vit/patchify';
import { projectMatMul, projectConv, weightsFromTorchConv } from '@demos/vit/projection';
import { sincos2dPositionEmbedding } from '@demos/vit/position-embedding';
import { maxAbsDiff } from '@demos/shared/self-check';

// Made by test/golden/vit/make-torch-golden.py (PyTorch conv2d + einops-style reshape, numpy MAE sin-cos).
const golden = z
  .object({
    S: z.number(),
    p: z.number(),
    D: z.number(),
    image: z.array(z.number()),
    weight: z.array(z.number()),
    bias: z.array(z.number()),
    patches: z.array(z.number()),
    out: z.array(z.number()),
    sincos: z.object({ grid: z.number(), D: z.number(), table: z.array(z.number()) }),
  })
  .parse(JSON.parse(readFileSync(new URL('../golden/vit/torch-patch-embed.json', import.meta.url), 'utf8')));

/** float32 sums of 768 products of O(0.05) terms: PyTorch and tfjs agree to ~1e-6; 1e-5 leaves margin. */
const TOL = 1e-5;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('against PyTorch', () => {
  it("patchify order == einops 'b c (h p1) (w p2) -> b (h w) (p1 p2 c)'", () => {
    expect(maxAbsDiff(patchify(Float32Array.from(golden.image), golden.S, golden.p), golden.patches)).toBe(0);
  });
  it('conv2d and matMul projections == torch F.conv2d(stride=p).flatten(2).transpose(1, 2)', () => {
    const wt = weightsFromTorchConv(golden.weight, golden.bias, golden.p, golden.D);
    const before = tf.memory().numTensors;
    const [a, b] = tf.tidy(() => {
      const x = tf.tensor3d(golden.image, [golden.S, golden.S, 3]);
      return [projectMatMul(tf, x, wt), projectConv(tf, x, wt)];
    });
    const av = a!.dataSync(),
      bv = b!.dataSync();
    tf.dispose([a!, b!]);
    expect(tf.memory().numTensors).toBe(before);
    expect(maxAbsDiff(av, golden.out)).toBeLessThan(TOL);
    expect(maxAbsDiff(bv, golden.out)).toBeLessThan(TOL);
  });
  it("2D sin-cos == numpy table in MAE's layout (column first)", () => {
    const { grid, D, table } = golden.sincos;
    expect(maxAbsDiff(sincos2dPositionEmbedding(grid, D), table)).toBeLessThan(1e-6);
  });
});
