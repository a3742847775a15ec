/**
 * Classification metrics from a confusion matrix (rows = true class, columns = predicted),
 * as activity-recognition papers report them beside accuracy, plus the majority-class
 * baseline that says what a number is worth on an unbalanced test set. Pure; percentages.
 *
 * Conventions (those of scikit-learn's defaults, so a reader can check them there):
 * - macro-F1: the unweighted mean of per-class F1 over the classes that occur in the truth
 *   OR in the predictions; a class with no true and no predicted window is left out, a class
 *   predicted but never true counts with F1 = 0.
 * - balanced accuracy: the mean per-class recall over the classes that occur in the truth.
 */
import { classCounts } from '../../shared/arrays';
import { NUM_CLASSES } from '../pamap2/format';

export interface ClassMetrics {
  /** % of windows classified correctly. */
  accuracy: number;
  macroF1: number;
  balancedAccuracy: number;
  /** The class predicted most often, and the share (%) of windows that got it. */
  topClass: number;
  topShare: number;
  /** How many distinct classes the model predicted at all. */
  predictedClasses: number;
  windows: number;
}

export function metricsOf(m: readonly (readonly number[])[]): ClassMetrics {
  const K = m.length;
  const rowSum = m.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: K }, (_, j) => m.reduce((a, r) => a + (r[j] ?? 0), 0));
  const N = rowSum.reduce((a, b) => a + b, 0);
  let diag = 0,
    f1Sum = 0,
    f1Count = 0,
    recallSum = 0,
    recallCount = 0;
  for (let c = 0; c < K; c++) {
    const tp = m[c]![c] ?? 0;
    diag += tp;
    if (rowSum[c]! + colSum[c]! > 0) {
      // F1 = 2·TP / (2·TP + FP + FN) = 2·TP / (row + column); 0 when TP = 0.
      f1Sum += (2 * tp) / (rowSum[c]! + colSum[c]!);
      f1Count++;
    }
    if (rowSum[c]! > 0) {
      recallSum += tp / rowSum[c]!;
      recallCount++;
    }
  }
  let topClass = 0;
  for (let c = 1; c < K; c++) if (colSum[c]! > colSum[topClass]!) topClass = c;
  const pct = (x: number, n: number): number => (n > 0 ? (100 * x) / n : Number.NaN);
  return {
    accuracy: pct(diag, N),
    macroF1: pct(f1Sum, f1Count),
    balancedAccuracy: pct(recallSum, recallCount),
    topClass,
    topShare: pct(colSum[topClass]!, N),
    predictedClasses: colSum.filter((n) => n > 0).length,
    windows: N,
  };
}

/** Index of the largest count (the first on ties). */
/** Per-class counts of class ids 0..K−1 (K = 12). */
export const countsOf = (labels: ArrayLike<number>): number[] => classCounts(labels, NUM_CLASSES);

function majorityClass(counts: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
  return best;
}

/**
 * The baseline row: always answer the TRAINING set's most frequent class. Its metrics on the
 * test set (class counts per class), e.g. 76 % accuracy where 76 % of the test windows are
 * that class.
 */
export function majorityBaseline(trainCounts: readonly number[], testCounts: readonly number[]): ClassMetrics & { cls: number } {
  const cls = majorityClass(trainCounts);
  const m = testCounts.map((n) => testCounts.map((_, j) => (j === cls ? n : 0)));
  return { ...metricsOf(m), cls };
}

/** Chance level (%) for K classes: what a uniform random guess scores on average. */
export function chanceLevel(classes: number): number {
  return 100 / classes;
}

/**
 * Chance level (%) of a split: a uniform guess among the classes the model could learn — those
 * with training windows — scores 100 / K on average, whatever the test classes. (Counting the
 * TEST classes instead gave "chance 100 %" on a fold whose test windows are all one class.)
 * Null when the training set is empty.
 */
export function chanceOfSplit(trainClassCounts: readonly number[]): number | null {
  const k = trainClassCounts.filter((n) => n > 0).length;
  return k > 0 ? chanceLevel(k) : null;
}
