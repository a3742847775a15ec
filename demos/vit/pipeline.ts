/**
 * The whole patch-embedding path for one (S, S, 3) image, as plain typed arrays out:
 *   image (S, S, 3) -> normalise -> patches (P, p²·3) -> embeddings (P, D)
 *   -> prepend [CLS] -> (T, D), T = P + 1 -> + position embedding (T, D) = tokens
 * plus the (P, P) cosine similarity of the position embeddings, and the largest difference
 * between the matMul and the conv2d projection on this backend (shown in the UI as a live
 * check). Every tensor made here is disposed before returning.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { vitCounts, type VitConfig } from './config';
import { patchWeights, normalisePixels, projectMatMul, projectConv } from './projection';
import { learnedPositionEmbedding, sincos2dPositionEmbedding, positionSimilarity } from './position-embedding';
import { createRng } from '../shared/rng';

type Tf = typeof tfc;

export interface VitEmbedding {
  grid: number;
  patches: number;
  dim: number;
  /** (P, D): projected patches, before [CLS] and position. */
  embeddings: Float32Array;
  /** (T, D): [CLS] + embeddings, plus the position embedding. */
  tokens: Float32Array;
  /** (T, D): the position embedding that was added. */
  position: Float32Array;
  /** (P, P): cosine similarity of patch position embeddings. */
  positionSimilarity: Float32Array;
  /** max |matMul − conv2d| over (P, D). */
  convMatMulMaxDiff: number;
}

/** Seeds: weights use `seed`, [CLS] `seed + 1`, learned position `seed + 2`. */
export async function embedImage(tf: Tf, rgb: Float32Array, cfg: VitConfig): Promise<VitEmbedding> {
  const s = cfg.imageSize;
  const { grid: g, patches: P, tokens: T } = vitCounts(s, cfg.patch);
  const D = cfg.dim;
  const wt = patchWeights(cfg.patch, D, cfg.seed);
  const pos = cfg.pos === 'sincos' ? sincos2dPositionEmbedding(g, D) : learnedPositionEmbedding(g, D, cfg.seed + 2);
  const clsRng = createRng(cfg.seed + 1);
  const cls = Float32Array.from({ length: D }, () => 0.02 * clsRng.normal());

  const [emb, tokens, sim, diff] = tf.tidy(() => {
    const x = normalisePixels(tf, tf.tensor3d(rgb, [s, s, 3])); // (S, S, 3) in [−1, 1]
    const e = projectMatMul(tf, x, wt); // (P, D)
    const ec = projectConv(tf, x, wt); // (P, D)
    const d = tf.max(tf.abs(tf.sub(e, ec))); // ()
    const seq = tf.concat([tf.tensor2d(cls, [1, D]), e], 0); // (1, D) ++ (P, D) -> (T, D)
    const pe = tf.tensor2d(pos, [T, D]); // (T, D)
    const tok = tf.add(seq, pe); // (T, D)
    const sm = positionSimilarity(tf, tf.slice(pe, [1, 0], [P, D])); // (P, P)
    return [e, tok, sm, d];
  });
  try {
    const [ev, tv, sv, dv] = await Promise.all([emb.data(), tokens.data(), sim.data(), diff.data()]);
    return {
      grid: g, patches: P, dim: D,
      embeddings: ev as Float32Array, tokens: tv as Float32Array, position: pos,
      positionSimilarity: sv as Float32Array, convMatMulMaxDiff: dv[0]!,
    };
  } finally {
    emb.dispose(); tokens.dispose(); sim.dispose(); diff.dispose();
  }
}
