/**
 * Subject-level uncertainty of LOSO results (pure; no DOM, no src/ imports).
 *
 * WHY the subject is the unit: in leave-one-subject-out CV every trial of a fold is scored on the
 * SAME held-out subject, so the 3 (or 6) trials of a fold are not independent draws — they share
 * that subject's difficulty (folds range from ~60 % to 100 %). The independent units are the
 * S = 9 subjects: the per-subject value is the mean over that fold's trials, and the standard error
 * of the mean over subjects is s/√S. The sheets' "std" is s/√27 (it counts the 27 runs as
 * independent), √3 ≈ 1.73 times smaller.
 *
 * For a comparison of two settings run on the same subjects the right test is PAIRED: per subject
 * the difference d_s = b_s − a_s, then mean(d) ± t_{0.975, S−1}·s_d/√S. Pairing removes the
 * between-subject spread that both settings share.
 */
import { z } from 'zod';

/** Per-subject values (one per LOSO fold, in fold order): S ≥ 2 finite numbers. */
const subjectValuesSchema = z.array(z.number().finite()).min(2);
const pairedInputSchema = z
  .object({ a: subjectValuesSchema, b: subjectValuesSchema })
  .refine((p) => p.a.length === p.b.length, { message: 'a and b must have one value per subject each (same length)' });

export interface SubjectSummary {
  /** number of subjects S */
  n: number;
  mean: number;
  /** sample standard deviation over subjects (n − 1) */
  sd: number;
  /** standard error of the mean, sd/√S */
  se: number;
  /** degrees of freedom S − 1 and the two-sided 95 % t quantile t_{0.975, df} */
  df: number;
  t: number;
  /** 95 % t-interval of the mean */
  lo: number;
  hi: number;
}

export interface PairedDifference extends SubjectSummary {
  /** per-subject differences b − a, fold order */
  diffs: number[];
  /** true when the 95 % interval of the mean difference excludes 0 */
  distinguishable: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Mean over subjects with its subject-level SE and 95 % t-interval. */
export function summarizeSubjects(values: readonly number[]): SubjectSummary {
  const xs = subjectValuesSchema.parse(values);
  const n = xs.length;
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const t = studentTQuantile(0.975, df);
  return { n, mean: m, sd, se, df, t, lo: m - t * se, hi: m + t * se };
}

/** Paired difference b − a over the same subjects (fold order must match). */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  const p = pairedInputSchema.parse({ a, b });
  const diffs = p.b.map((x, i) => x - p.a[i]!);
  const s = summarizeSubjects(diffs);
  return { ...s, diffs, distinguishable: s.lo > 0 || s.hi < 0 };
}

/** Mean of one fold's trials: the per-subject value. */
export const foldMean = (trials: readonly number[]) => mean(z.array(z.number().finite()).min(1).parse(trials));

// ---- Student t distribution (no table: the quantile is computed, so any S works) ----

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), |error| < 1e-13 for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularized incomplete beta (Numerical Recipes' betacf, modified Lentz). */
function betaCf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  return x < (a + 1) / (a + b + 2) ? (Math.exp(lbt) * betaCf(a, b, x)) / a : 1 - (Math.exp(lbt) * betaCf(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom. */
function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** t with P(T ≤ t) = p (0.5 < p < 1), by bisection on the CDF (monotone). */
export function studentTQuantile(p: number, df: number): number {
  z.number().gt(0.5).lt(1).parse(p);
  z.number().int().positive().parse(df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
