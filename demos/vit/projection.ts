/**
 * Linear patch projection (P, p²·3) -> (P, D), written twice with the same weights:
 *  1. reshape + matMul: (S, S, 3) -> (g, p, g, p, 3) -> (g, g, p, p, 3) -> (P, p²·3) · W(p²·3, D) + b
 *  2. stride-p convolution: conv2d((1, S, S, 3), filter (p, p, 3, D), stride p, 'valid')
 *     -> (1, g, g, D) -> (P, D) + b — what ViT implementations actually run (`nn.Conv2d`).
 * Reading W (p²·3, D) as (p, p, 3, D) is a no-op reshape because both use (p1, p2, c)
 * order (see patchify.ts), so the two are the same linear map; a unit test checks it.
 * Pixels are normalised to [−1, 1] ((x − 0.5) / 0.5, as the original ViT checkpoints expect)
 * before projecting. Callers own returned tensors.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng } from '../shared/rng';

type Tf = typeof tfc;

export interface PatchWeights {
  p: number;
  dim: number;
  /** (p²·3, D), rows in (p1, p2, c) order. */
  w: Float32Array;
  /** (D). */
  b: Float32Array;
}

/**
 * Seeded weights with PyTorch's default Conv2d/Linear init, U(−1/√fan_in, 1/√fan_in),
 * fan_in = p²·3 — an untrained projection (a random linear map), stated as such in the UI.
 */
export function patchWeights(p: number, dim: number, seed: number): PatchWeights {
  const rng = createRng(seed);
  const fanIn = p * p * 3;
  const bound = 1 / Math.sqrt(fanIn);
  const w = new Float32Array(fanIn * dim);
  for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * bound;
  const b = new Float32Array(dim);
  for (let i = 0; i < dim; i++) b[i] = (rng.next() * 2 - 1) * bound;
  return { p, dim, w, b };
}

/** [0, 1] -> [−1, 1]. (S, S, 3) -> (S, S, 3). */
export function normalisePixels(tf: Tf, image: tfc.Tensor3D): tfc.Tensor3D {
  return tf.tidy(() => tf.sub(tf.mul(image, 2), 1));
}

/** reshape + matMul: (S, S, 3) -> (P, D). */
export function projectMatMul(tf: Tf, image: tfc.Tensor3D, wt: PatchWeights): tfc.Tensor2D {
  const [s] = image.shape;
  const { p, dim } = wt;
  const g = s / p;
  return tf.tidy(() => {
    const split = tf.reshape(image, [g, p, g, p, 3]); // (g_row, p1, g_col, p2, c)
    const grouped = tf.transpose(split, [0, 2, 1, 3, 4]); // (g_row, g_col, p1, p2, c)
    const patches = tf.reshape(grouped, [g * g, p * p * 3]) as tfc.Tensor2D; // (P, p²·3)
    const w = tf.tensor2d(wt.w, [p * p * 3, dim]); // (p²·3, D)
    return tf.add(tf.matMul(patches, w), tf.tensor1d(wt.b)) as tfc.Tensor2D; // (P, D)
  });
}

/** stride-p conv2d with the same weights: (S, S, 3) -> (P, D). */
export function projectConv(tf: Tf, image: tfc.Tensor3D, wt: PatchWeights): tfc.Tensor2D {
  const [s] = image.shape;
  const { p, dim } = wt;
  const g = s / p;
  return tf.tidy(() => {
    const x = tf.expandDims(image, 0) as tfc.Tensor4D; // (1, S, S, 3)
    const filter = tf.tensor4d(wt.w, [p, p, 3, dim]); // (p, p, 3, D), HWIO
    const y = tf.conv2d(x, filter, p, 'valid'); // (1, g, g, D)
    return tf.add(tf.reshape(y, [g * g, dim]), tf.tensor1d(wt.b)) as tfc.Tensor2D; // (P, D)
  });
}

/**
 * A PyTorch `nn.Conv2d(3, D, p, stride=p)` weight (D, 3, p, p) and bias (D) as our
 * (p²·3, D) matrix in (p1, p2, c) row order: W[(i·p + j)·3 + c, d] = weight[d, c, i, j].
 * This is how pretrained timm/ViT weights would be loaded; a golden test checks it.
 */
export function weightsFromTorchConv(weight: ArrayLike<number>, bias: ArrayLike<number>, p: number, dim: number): PatchWeights {
  if (weight.length !== dim * 3 * p * p) throw new Error(`expected a (${dim}, 3, ${p}, ${p}) weight, got ${weight.length} values`);
  const w = new Float32Array(p * p * 3 * dim);
  for (let d = 0; d < dim; d++)
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) w[((i * p + j) * 3 + c) * dim + d] = weight[((d * 3 + c) * p + i) * p + j]!;
  return { p, dim, w, b: Float32Array.from(bias) };
}
