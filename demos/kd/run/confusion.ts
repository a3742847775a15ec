/** Confusion matrix and accuracy from integer labels; pure, no tfjs. */

/** K × K counts: rows = true class, columns = predicted class. Labels outside 0..K-1 throw. */
export function confusionMatrix(truth: ArrayLike<number>, pred: ArrayLike<number>, k: number): number[][] {
  if (truth.length !== pred.length) throw new Error(`confusionMatrix: ${truth.length} labels vs ${pred.length} predictions`);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!,
      p = pred[i]!;
    if (!(t >= 0 && t < k && p >= 0 && p < k)) throw new Error(`confusionMatrix: label out of range at ${i} (${t}, ${p})`);
    m[t]![p]!++;
  }
  return m;
}

/** Fraction of the diagonal in %, or NaN for an empty matrix. */
export function accuracyOf(m: number[][]): number {
  let diag = 0,
    all = 0;
  m.forEach((row, i) =>
    row.forEach((v, j) => {
      all += v;
      if (i === j) diag += v;
    }),
  );
  return all === 0 ? Number.NaN : (100 * diag) / all;
}

/** Per-class recall in % (NaN where the class has no windows). */
export function recallPerClass(m: number[][]): number[] {
  return m.map((row, i) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n === 0 ? Number.NaN : (100 * (row[i] ?? 0)) / n;
  });
}
