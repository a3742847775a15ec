/**
 * The seeded, untrained model of the step-by-step mode: every number on screen comes from
 * here and can be recomputed from (seed, D, H, tokens).
 *   embedding(token): D values ~ N(0, 1) drawn from an rng seeded by hash(seed, token), so the
 *                     same word always gets the same vector, whatever its position;
 *   x = embedding + sinusoidal PE                         (T, D)
 *   Wq, Wk, Wv, Wo ~ N(0, 1/D), from createRng(seed)      (D, D) each
 * Pure data (typed arrays); the island turns the weights into tensors.
 */
import { createRng } from '../shared/rng';
import { sinusoidalPE } from './positional';
import type { RefWeights } from './reference';

export const TOY_SEED = 20250502;
export const D_CHOICES = [16, 32, 64] as const;
export const H_CHOICES = [1, 2, 4] as const;

/** FNV-1a over UTF-16 code units, mixed with the seed. */
function hashToken(token: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function tokenEmbedding(token: string, d: number, seed = TOY_SEED): Float32Array {
  const rng = createRng(hashToken(token, seed));
  return Float32Array.from({ length: d }, () => rng.normal());
}

/** x = embedding + PE, (T, D) row-major. */
export function embedTokens(tokens: readonly string[], d: number, seed = TOY_SEED): Float32Array {
  const t = tokens.length;
  const x = sinusoidalPE(t, d);
  tokens.forEach((tok, i) => {
    const e = tokenEmbedding(tok, d, seed);
    for (let c = 0; c < d; c++) x[i * d + c]! += e[c]!;
  });
  return x;
}

export function toyWeights(d: number, seed = TOY_SEED): RefWeights {
  const rng = createRng(seed ^ (d * 7919));
  const std = 1 / Math.sqrt(d);
  const mat = (): Float32Array => Float32Array.from({ length: d * d }, () => rng.normal() * std);
  return { wq: mat(), wk: mat(), wv: mat(), wo: mat() };
}
