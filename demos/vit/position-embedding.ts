/**
 * Position embeddings for T = P + 1 tokens ([CLS] first) and their similarity map.
 *
 * - learned-style: seeded N(0, 0.02²) per entry (timm/MAE init of `pos_embed`). Untrained,
 *   so it has no spatial structure yet: the structured map in the ViT paper's figure 7
 *   appears only after training. The UI says so.
 * - 2D sin-cos (MAE's get_2d_sincos_pos_embed, D divisible by 4): with ω_k = 1/10000^(k/(D/4)),
 *   k = 0..D/4−1, for the patch at (row r, col c)
 *     e[k]         = sin(c·ω_k),  e[D/4 + k]   = cos(c·ω_k)    (first half: column)
 *     e[D/2 + k]   = sin(r·ω_k),  e[3D/4 + k]  = cos(r·ω_k)    (second half: row)
 *   MAE names the first half "emb_h", but np.meshgrid(grid_w, grid_h) puts the column
 *   coordinate there; we follow the code, not the name. [CLS] gets the zero vector.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng } from '../shared/rng';

type Tf = typeof tfc;

/** (T, D) = (1 + g², D), std 0.02. */
export function learnedPositionEmbedding(g: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array((1 + g * g) * dim);
  for (let i = 0; i < out.length; i++) out[i] = 0.02 * rng.normal();
  return out;
}

/** 1D sin-cos of positions `pos` into (M, d): [sin(pos·ω) | cos(pos·ω)], ω_k = 10000^(−k/(d/2)). */
function sincos1d(d: number, pos: ArrayLike<number>): Float32Array {
  const half = d / 2;
  const out = new Float32Array(pos.length * d);
  for (let m = 0; m < pos.length; m++)
    for (let k = 0; k < half; k++) {
      const a = pos[m]! / 10000 ** (k / half);
      out[m * d + k] = Math.sin(a);
      out[m * d + half + k] = Math.cos(a);
    }
  return out;
}

/** (T, D) = (1 + g², D): row 0 ([CLS]) zeros, then patches in row-major order. */
export function sincos2dPositionEmbedding(g: number, dim: number): Float32Array {
  if (dim % 4 !== 0) throw new Error(`2D sin-cos needs D divisible by 4, got ${dim}`);
  const cols = new Float32Array(g * g),
    rows = new Float32Array(g * g);
  for (let n = 0; n < g * g; n++) {
    rows[n] = Math.floor(n / g);
    cols[n] = n % g;
  }
  const eCol = sincos1d(dim / 2, cols),
    eRow = sincos1d(dim / 2, rows); // (P, D/2) each
  const out = new Float32Array((1 + g * g) * dim);
  for (let n = 0; n < g * g; n++) {
    out.set(eCol.subarray((n * dim) / 2, ((n + 1) * dim) / 2), (1 + n) * dim);
    out.set(eRow.subarray((n * dim) / 2, ((n + 1) * dim) / 2), (1 + n) * dim + dim / 2);
  }
  return out;
}

/**
 * Cosine similarity of every patch position embedding with every other: (P, D) -> (P, P).
 * Row n reshaped to (g, g) is the ViT figure-7 map for position n. A zero row (none here,
 * [CLS] is excluded by the caller) would give 0, not NaN, thanks to the epsilon.
 */
export function positionSimilarity(tf: Tf, pos: tfc.Tensor2D): tfc.Tensor2D {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.add(tf.sum(tf.square(pos), 1, true), 1e-12)); // (P, 1)
    const u = tf.div(pos, norm); // (P, D), unit rows
    return tf.matMul(u, u, false, true) as tfc.Tensor2D; // (P, D) x (D, P) -> (P, P)
  });
}

/** Each row of (N, D) divided by its L2 norm (a zero row stays zero). (N, D) -> (N, D). */
export function unitRows(v: Float32Array, n: number, dim: number, offset = 0): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let ss = 0;
    for (let d = 0; d < dim; d++) ss += v[offset + i * dim + d]! ** 2;
    const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let d = 0; d < dim; d++) out[i * dim + d] = v[offset + i * dim + d]! * inv;
  }
  return out;
}

/**
 * Row n of the (P, P) cosine-similarity matrix from unit rows: (P, D) · (D) -> (P).
 * P·D multiply-adds (0.6 M for p = 8, D = 768), cheap enough to run on every hover,
 * where the full matrix would cost P²·D (0.5 G) for a map the reader sees one row of.
 */
export function similarityRow(unit: Float32Array, n: number, dim: number, row: number): Float32Array {
  const out = new Float32Array(n);
  const base = row * dim;
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += unit[k * dim + d]! * unit[base + d]!;
    out[k] = s;
  }
  return out;
}
