/**
 * The demo's second evaluation split: "창 단위 층화 분할 (LOSO 아님)" — a seeded, stratified
 * random split of WINDOWS (not subjects). Per class, about a third of the windows are held out
 * for testing (at least one when the class has ≥ 2 windows; a class with a single window stays
 * in training). Pure.
 *
 * Why it exists: in the bundled excerpt every activity comes from one subject only, so every
 * leave-one-subject-out fold (protocol §2) tests on classes never seen in training and accuracy
 * is ≈ 0 by construction. This split makes the four phases' accuracies mean something on the
 * excerpt. It is NOT the paper's protocol: windows of one subject (and, since windows overlap
 * by 78 of 100 steps, neighbouring windows) fall on both sides, so it is optimistic.
 *
 * Standardisation exactly as the LOSO path (folds.ts prepareFold): signal stats from the
 * TRAINING windows only, applied to train and test.
 */
import { CHANNELS, NUM_CLASSES } from '../pamap2/format';
import type { WindowSet } from '../pamap2/windows';
import { asWindowSource, type Windows } from '../pamap2/window-source';
import { signalStats, standardize, subjectsOf, type ChannelStats } from '../pamap2/folds';
import { createRng, permutation } from '../../shared/rng';
import type { SplitKind } from './config';

export { SPLITS, type SplitKind } from './config';

/** Share of each class's windows held out for testing. */
export const TEST_FRACTION = 1 / 3;

/** Korean labels for the selector and the page text. */
export const SPLIT_LABELS: Record<SplitKind, string> = {
  loso: '피험자 단위 (LOSO, 논문 프로토콜)',
  window: '창 단위 층화 분할 (LOSO 아님)',
};

/** Test windows of a class with `count` windows: round(count / 3), at least 1 if count ≥ 2, never all. */
export function testCountFor(count: number): number {
  if (count < 2) return 0;
  return Math.min(count - 1, Math.max(1, Math.round(count * TEST_FRACTION)));
}

/** Train / test window counts of the window split, from the per-class counts alone (the seed only picks which). */
export function windowSplitCounts(classCounts: readonly number[]): { train: number; test: number } {
  let train = 0, test = 0;
  for (const n of classCounts) { const t = testCountFor(n); test += t; train += n - t; }
  return { train, test };
}

/** Window indices `idx` grouped by their class y[i] (NUM_CLASSES lists, order kept). */
export function groupByClass(idx: readonly number[], y: ArrayLike<number>): number[][] {
  const byClass: number[][] = Array.from({ length: NUM_CLASSES }, () => []);
  for (const i of idx) {
    const c = y[i]!;
    if (c < 0 || c >= NUM_CLASSES) throw new Error(`window ${i}: class ${c} out of range`);
    byClass[c]!.push(i);
  }
  return byClass;
}

/**
 * Stratified split of window indices. y: (N) class 0..11. Returns sorted, disjoint index
 * arrays covering 0..N-1: train (N_train), test (N_test). Deterministic for (y, seed).
 */
export function stratifiedWindowSplit(y: ArrayLike<number>, seed: number): { train: Int32Array; test: Int32Array } {
  const byClass = groupByClass(Array.from({ length: y.length }, (_, i) => i), y);
  const train: number[] = [], test: number[] = [];
  byClass.forEach((idx, c) => {
    // One stream per class (seed mixed with the class), so one class's size does not move another's pick.
    const perm = permutation(idx.length, createRng((seed ^ Math.imul(c + 1, 0x9e3779b1)) >>> 0));
    const nTest = testCountFor(idx.length);
    perm.forEach((p, k) => (k < nTest ? test : train).push(idx[p]!));
  });
  const sorted = (a: number[]): Int32Array => Int32Array.from(a).sort();
  return { train: sorted(train), test: sorted(test) };
}

export interface PreparedWindowSplit {
  seed: number;
  /** [0, 1]-scaled windows (the GAF input, §3). */
  train: WindowSet;
  test: WindowSet;
  /** Indices into the windows given: (N_train), (N_test). */
  trainIdx: Int32Array;
  testIdx: Int32Array;
  /** Subjects present in train / test (both usually hold every subject). */
  trainSubjects: number[];
  testSubjects: number[];
  /** Signal stats of the TRAINING windows only (§1 rule, as in prepareFold). */
  stats: ChannelStats;
  /** (N_train, W, S) standardised with `stats`. */
  trainX: Float32Array;
  /** (N_test, W, S) standardised with the same `stats`. */
  testX: Float32Array;
}

/** The split's windows and training stats, without standardised copies (see prepareWindowSplit). */
export function windowSplit(windows: Windows, seed: number): Omit<PreparedWindowSplit, 'trainX' | 'testX'> {
  const ws = asWindowSource(windows);
  const { train: trainIdx, test: testIdx } = stratifiedWindowSplit(ws.y, seed);
  if (testIdx.length === 0) throw new Error('창 단위 분할: 평가 창이 없습니다 (창이 2개 이상인 클래스가 없음)');
  const train = ws.select(trainIdx);
  const test = ws.select(testIdx);
  return { seed, train, test, trainIdx, testIdx, trainSubjects: subjectsOf(train), testSubjects: subjectsOf(test), stats: signalStats(train) };
}

/** The window split's counterpart of folds.ts prepareFold. */
export function prepareWindowSplit(windows: Windows, seed: number): PreparedWindowSplit {
  const f = windowSplit(windows, seed);
  return { ...f, trainX: standardize(f.train.x, f.stats, CHANNELS), testX: standardize(f.test.x, f.stats, CHANNELS) };
}

/** Default split for a data source: the window split where LOSO is degenerate (the excerpt), LOSO elsewhere. */
export function defaultSplitFor(source: 'excerpt' | 'full' | 'upload'): SplitKind {
  return source === 'excerpt' ? 'window' : 'loso';
}
