/**
 * Scores and seed statistics of the story: accuracy and macro-F1 of predictions, and the mean
 * with its 95 % Student-t interval over seeds. The t quantile is computed (the shared
 * demos/kd/stats/subject-stats.ts), not typed in from a table.
 */
import { studentTQuantile } from '../stats/subject-stats';

export interface Scores {
  accuracy: number;
  macroF1: number;
}

/** logits (N, K), labels (N) -> accuracy and macro-F1 (mean over the K classes of per-class F1; a class never predicted nor present scores 0). */
export function scoreLogits(logits: Float32Array, labels: Int32Array, K: number): Scores {
  const n = labels.length;
  const tp = new Float64Array(K);
  const fp = new Float64Array(K);
  const fn = new Float64Array(K);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (logits[i * K + k]! > logits[i * K + best]!) best = k;
    const y = labels[i]!;
    if (best === y) {
      correct++;
      tp[y]!++;
    } else {
      fp[best]!++;
      fn[y]!++;
    }
  }
  let f1 = 0;
  for (let k = 0; k < K; k++) {
    const d = 2 * tp[k]! + fp[k]! + fn[k]!;
    f1 += d > 0 ? (2 * tp[k]!) / d : 0;
  }
  return { accuracy: correct / n, macroF1: f1 / K };
}

/**
 * Two-sided quantile: q with P(|T| ≤ q) = level, e.g. tQuantile(0.95, 4) ≈ 2.776. One t
 * distribution for the site (the results pages' subject intervals use the same function).
 */
export function tQuantile(level: number, df: number): number {
  return studentTQuantile((1 + level) / 2, df);
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  /** 95 % t interval of the mean: [lo, hi]; lo = hi = mean when n = 1. */
  lo: number;
  hi: number;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? (tQuantile(0.95, n - 1) * sd) / Math.sqrt(n) : 0;
  return { n, mean, sd, lo: mean - half, hi: mean + half };
}
