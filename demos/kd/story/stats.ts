/**
 * Scores and seed statistics of the story: accuracy and macro-F1 of predictions, and the mean
 * with its 95 % Student-t interval over seeds. The t quantile is computed (Simpson integration of
 * the t density, then bisection), not typed in from a table.
 */
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

/** Density of Student's t with df degrees of freedom. */
function tDensity(x: number, df: number): number {
  const lg = (z: number): number => {
    // Lanczos log-gamma (g = 7, 9 terms)
    const c = [
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
      -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lg(1 - z);
    const zz = z - 1;
    let a = c[0]!;
    const t = zz + 7.5;
    for (let i = 1; i < 9; i++) a += c[i]! / (zz + i);
    return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(a);
  };
  return Math.exp(lg((df + 1) / 2) - lg(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((x * x) / df));
}

/** P(0 ≤ T ≤ x) by Simpson's rule (2,000 panels). */
function tMass(x: number, df: number): number {
  const n = 2000;
  const h = x / n;
  let s = tDensity(0, df) + tDensity(x, df);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * tDensity(i * h, df);
  return (s * h) / 3;
}

/** Two-sided quantile: q with P(|T| ≤ q) = level, e.g. tQuantile(0.95, 4) ≈ 2.776. */
export function tQuantile(level: number, df: number): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (2 * tMass(mid, df) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
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
