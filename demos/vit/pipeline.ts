/**
 * The whole patch-embedding path for one (S, S, 3) image, as plain typed arrays out:
 *   image (S, S, 3) -> normalise -> patches (P, p²·3) -> embeddings (P, D)
 *   -> prepend [CLS] -> (T, D), T = P + 1 -> + position embedding (T, D) = tokens
 * plus the largest difference between the matMul and the conv2d projection on this backend
 * (shown in the UI as a live check). The position-similarity map is left to the caller
 * (`similarityRow`, one row per hovered patch; `positionSimilarity` gives the whole matrix).
 * Every tensor made here is disposed before returning. `cache` (optional) keeps the seeded
 * weights and position tables between calls, keyed by what they depend on.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { vitCounts, type VitConfig } from './config';
import { patchWeights, normalisePixels, projectMatMul, projectConv, type PatchWeights } from './projection';
import { learnedPositionEmbedding, sincos2dPositionEmbedding } from './position-embedding';
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
  /** max |matMul − conv2d| over (P, D). */
  convMatMulMaxDiff: number;
}

/** Seeds: weights use `seed`, [CLS] `seed + 1`, learned position `seed + 2`. */
export type VitCache = Map<string, Float32Array | PatchWeights>;

function memo<T extends Float32Array | PatchWeights>(cache: VitCache | undefined, key: string, make: () => T): T {
  const hit = cache?.get(key) as T | undefined;
  if (hit) return hit;
  const v = make();
  if (cache) {
    if (cache.size > 12) cache.clear(); // bounded: a few configs' worth of weights
    cache.set(key, v);
  }
  return v;
}

export async function embedImage(tf: Tf, rgb: Float32Array, cfg: VitConfig, cache?: VitCache): Promise<VitEmbedding> {
  const s = cfg.imageSize;
  const { grid: g, patches: P, tokens: T } = vitCounts(s, cfg.patch);
  const D = cfg.dim;
  const wt = memo(cache, `w:${cfg.patch}:${D}:${cfg.seed}`, () => patchWeights(cfg.patch, D, cfg.seed));
  const pos = memo(cache, `pos:${cfg.pos}:${g}:${D}:${cfg.seed}`, () =>
    cfg.pos === 'sincos' ? sincos2dPositionEmbedding(g, D) : learnedPositionEmbedding(g, D, cfg.seed + 2),
  );
  const cls = memo(cache, `cls:${D}:${cfg.seed}`, () => {
    const r = createRng(cfg.seed + 1);
    return Float32Array.from({ length: D }, () => 0.02 * r.normal());
  });

  const [emb, tokens, diff] = tf.tidy(() => {
    const x = normalisePixels(tf, tf.tensor3d(rgb, [s, s, 3])); // (S, S, 3) in [−1, 1]
    const e = projectMatMul(tf, x, wt); // (P, D)
    const ec = projectConv(tf, x, wt); // (P, D)
    const d = tf.max(tf.abs(tf.sub(e, ec))); // ()
    const seq = tf.concat([tf.tensor2d(cls, [1, D]), e], 0); // (1, D) ++ (P, D) -> (T, D)
    const pe = tf.tensor2d(pos, [T, D]); // (T, D)
    const tok = tf.add(seq, pe); // (T, D)
    return [e, tok, d];
  });
  try {
    const [ev, tv, dv] = await Promise.all([emb.data(), tokens.data(), diff.data()]);
    return {
      grid: g,
      patches: P,
      dim: D,
      // A copy of the (possibly cached) table: the result's buffers may be transferred away.
      embeddings: ev as Float32Array,
      tokens: tv as Float32Array,
      position: pos.slice(),
      convMatMulMaxDiff: dv[0]!,
    };
  } finally {
    emb.dispose();
    tokens.dispose();
    diff.dispose();
  }
}
