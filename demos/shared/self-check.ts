/**
 * Backend self-check: a small matMul and a softmax on the candidate backend, compared
 * with plain-JS references. A backend that registers but computes wrongly (a broken
 * driver, a software adapter with a bug) is rejected before any demo trusts it.
 * Pure: takes the tf namespace, touches no DOM, disposes every tensor it makes.
 */
import type * as tfc from '@tensorflow/tfjs-core';

const SELF_CHECK_TOLERANCE = 1e-3;

/** Plain-JS (M, K) x (K, N) -> (M, N), row-major. */
export function matMulRef(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a[i * k + t]! * b[t * n + j]!;
      out[i * n + j] = s;
    }
  return out;
}

/** Row-wise softmax of (M, N), max-subtracted so large logits do not overflow exp(). */
export function softmaxRef(x: Float32Array, m: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) max = Math.max(max, x[i * n + j]!);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += out[i * n + j] = Math.exp(x[i * n + j]! - max);
    for (let j = 0; j < n; j++) out[i * n + j]! /= sum;
  }
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]! - b[i]!);
    if (!(x <= d)) d = Number.isNaN(x) ? Infinity : x;
  }
  return d;
}

/** Returns null when the backend agrees with the references, else a human-readable reason. */
export async function selfCheck(tf: typeof tfc): Promise<string | null> {
  const m = 8,
    k = 16,
    n = 8;
  const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i * 0.37));
  const b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.11));
  // Logits up to ~±90 exercise the overflow guard of softmax.
  const logits = Float32Array.from({ length: m * n }, (_, i) => ((i * 7919) % 181) - 90);
  const [mm, sm] = tf.tidy(() => [tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])), tf.softmax(tf.tensor2d(logits, [m, n]))]);
  try {
    const [mmv, smv] = await Promise.all([mm!.data(), sm!.data()]);
    const dm = maxAbsDiff(mmv as Float32Array, matMulRef(a, b, m, k, n));
    if (!(dm <= SELF_CHECK_TOLERANCE)) return `matMul differs from reference by ${dm}`;
    const ds = maxAbsDiff(smv as Float32Array, softmaxRef(logits, m, n));
    if (!(ds <= SELF_CHECK_TOLERANCE)) return `softmax differs from reference by ${ds}`;
    return null;
  } finally {
    mm!.dispose();
    sm!.dispose();
  }
}
