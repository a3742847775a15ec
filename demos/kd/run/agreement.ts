/**
 * What a student takes from each teacher, measured on logits: softmax at a temperature,
 * top-1 agreement between two models, and the mean KL divergence KL(p_teacher ‖ p_student)
 * at temperature T (the quantity the KD loss minimises, demos/kd/loss.ts, without its T²
 * factor). Pure; logits are (N, K) row-major Float32Array / number[].
 */

type Logits = ArrayLike<number>;

/** softmax(z_i / T) of row i, computed stably (max subtracted). */
export function softmaxRow(logits: Logits, k: number, i: number, T = 1): Float64Array {
  const out = new Float64Array(k);
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, logits[i * k + j]! / T);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    out[j] = Math.exp(logits[i * k + j]! / T - max);
    sum += out[j]!;
  }
  for (let j = 0; j < k; j++) out[j] = out[j]! / sum;
  return out;
}

/** argmax of row i (first on ties). */
export function argmaxRow(logits: Logits, k: number, i: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (logits[i * k + j]! > logits[i * k + best]!) best = j;
  return best;
}

/** Rows of (N, K) logits. */
function rowsOf(logits: Logits, k: number): number {
  if (logits.length % k !== 0) throw new Error(`logits length ${logits.length} is not a multiple of K = ${k}`);
  return logits.length / k;
}

/**
 * Share (%) of rows where a and b have the same top-1 class; only rows where `where(i)` holds
 * when given (e.g. the windows on which two teachers disagree). NaN when no row qualifies.
 */
export function topAgreement(a: Logits, b: Logits, k: number, where?: (i: number) => boolean): number {
  const n = rowsOf(a, k);
  if (rowsOf(b, k) !== n) throw new Error(`agreement: ${n} vs ${rowsOf(b, k)} rows`);
  let same = 0,
    count = 0;
  for (let i = 0; i < n; i++) {
    if (where && !where(i)) continue;
    count++;
    if (argmaxRow(a, k, i) === argmaxRow(b, k, i)) same++;
  }
  return count > 0 ? (100 * same) / count : Number.NaN;
}

/** Mean over rows of KL(softmax(t/T) ‖ softmax(s/T)) in nats. */
export function meanKl(teacher: Logits, student: Logits, k: number, T: number): number {
  const n = rowsOf(teacher, k);
  if (rowsOf(student, k) !== n) throw new Error(`KL: ${n} vs ${rowsOf(student, k)} rows`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = softmaxRow(teacher, k, i, T),
      q = softmaxRow(student, k, i, T);
    for (let j = 0; j < k; j++) if (p[j]! > 0) total += p[j]! * Math.log(p[j]! / Math.max(q[j]!, 1e-300));
  }
  return n > 0 ? total / n : Number.NaN;
}

/** Indices of rows on which the two teachers' top-1 classes differ. */
export function disagreeing(a: Logits, b: Logits, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rowsOf(a, k); i++) if (argmaxRow(a, k, i) !== argmaxRow(b, k, i)) out.push(i);
  return out;
}

/** A student's relation to the two teachers [GAF, signal] on the same windows. */
export interface TeacherFit {
  /** Top-1 agreement (%) with the GAF / signal teacher, over all windows. */
  agreeGaf: number;
  agreeSig: number;
  /** Mean KL(p_teacher ‖ p_student) at the run's T. */
  klGaf: number;
  klSig: number;
  /** On the windows where the teachers disagree: % where the student sides with GAF / signal (null: none). */
  followGaf: number | null;
  followSig: number | null;
  /** How many windows the teachers disagree on. */
  disagree: number;
}

export function teacherFit(student: Logits, gaf: Logits, sig: Logits, k: number, T: number): TeacherFit {
  const split = new Set(disagreeing(gaf, sig, k));
  const onSplit = (i: number): boolean => split.has(i);
  return {
    agreeGaf: topAgreement(student, gaf, k),
    agreeSig: topAgreement(student, sig, k),
    klGaf: meanKl(gaf, student, k, T),
    klSig: meanKl(sig, student, k, T),
    followGaf: split.size > 0 ? topAgreement(student, gaf, k, onSplit) : null,
    followSig: split.size > 0 ? topAgreement(student, sig, k, onSplit) : null,
    disagree: split.size,
  };
}
