/**
 * Naive loop implementation of multi-head attention on plain Float32Arrays: the trusted
 * reference the tfjs core is tested against, and the baseline of `npm run bench:attention`.
 * Same shapes and masked-softmax rule as attention.ts (fully masked row -> zeros).
 */
import type { AttentionData } from './attention';

/** Weights as row-major (D, D) arrays. */
export interface RefWeights {
  wq: Float32Array;
  wk: Float32Array;
  wv: Float32Array;
  wo: Float32Array;
}

export function attentionReference(
  x: Float32Array,
  t: number,
  d: number,
  w: RefWeights,
  heads: number,
  scale: boolean,
  mask: Float32Array,
): AttentionData {
  const h = heads,
    dh = d / h;
  const proj = (wm: Float32Array): Float32Array => {
    // (T, D) x (D, D) -> (H, T, Dh)
    const out = new Float32Array(h * t * dh);
    for (let i = 0; i < t; i++)
      for (let c = 0; c < d; c++) {
        let s = 0;
        for (let e = 0; e < d; e++) s += x[i * d + e]! * wm[e * d + c]!;
        out[Math.floor(c / dh) * t * dh + i * dh + (c % dh)] = s;
      }
    return out;
  };
  const q = proj(w.wq),
    k = proj(w.wk),
    v = proj(w.wv);
  const rawScores = new Float32Array(h * t * t),
    scaledScores = new Float32Array(h * t * t);
  const weights = new Float32Array(h * t * t),
    headOutputs = new Float32Array(h * t * dh);
  const f = scale ? 1 / Math.sqrt(dh) : 1;
  for (let hh = 0; hh < h; hh++)
    for (let i = 0; i < t; i++) {
      const row = hh * t * t + i * t;
      let max = -Infinity;
      for (let j = 0; j < t; j++) {
        let s = 0;
        for (let e = 0; e < dh; e++) s += q[hh * t * dh + i * dh + e]! * k[hh * t * dh + j * dh + e]!;
        rawScores[row + j] = s;
        scaledScores[row + j] = s * f;
        if (mask[i * t + j]! > 0) max = Math.max(max, s * f);
      }
      let sum = 0;
      for (let j = 0; j < t; j++) {
        const p = mask[i * t + j]! > 0 ? Math.exp(scaledScores[row + j]! - max) : 0;
        weights[row + j] = p;
        sum += p;
      }
      for (let j = 0; j < t; j++) weights[row + j] = sum > 0 ? weights[row + j]! / sum : 0;
      for (let e = 0; e < dh; e++) {
        let s = 0;
        for (let j = 0; j < t; j++) s += weights[row + j]! * v[hh * t * dh + j * dh + e]!;
        headOutputs[hh * t * dh + i * dh + e] = s;
      }
    }
  const output = new Float32Array(t * d);
  for (let i = 0; i < t; i++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let e = 0; e < d; e++) s += headOutputs[Math.floor(e / dh) * t * dh + i * dh + (e % dh)]! * w.wo[e * d + c]!;
      output[i * d + c] = s;
    }
  return { t, d, h, dh, q, k, v, rawScores, scaledScores, mask: Float32Array.from(mask), weights, headOutputs, output };
}
