/**
 * Windows and folds of the story. Each recording (R = 500 rows) is split in time into two halves
 * with a GAP-row gap at the boundary; every window (W = 50 rows, stride 5) lies wholly inside one
 * half, so no training and test window share a row. Fold 0 trains on the first half and tests on
 * the second; fold 1 is its mirror. Channels are z-scored with the training half's mean and
 * standard deviation (over all recordings), so the test rows never inform the scaling.
 */
import { ROWS, STORY_CHANNELS as S, STORY_CLASSES as K } from './recordings';

export const WINDOW = 50;
const STRIDE = 5;
/** Rows left out at the boundary: neighbouring rows are strongly correlated. */
export const GAP = 10;
const HALF = (ROWS - GAP) / 2; // 245 rows on each side
export const WINDOWS_PER_HALF = Math.floor((HALF - WINDOW) / STRIDE) + 1; // 40

export interface FoldData {
  /** (N, W, S) z-scored windows, N = K · WINDOWS_PER_HALF, class-major then time. */
  trainX: Float32Array;
  trainY: Int32Array;
  testX: Float32Array;
  testY: Int32Array;
}

/** First row of the half: 0 for the first, HALF + GAP for the second. */
const halfStart = (second: boolean): number => (second ? HALF + GAP : 0);

/** rows (K, R, S) -> the fold's windows. fold 0: train = first half; fold 1: train = second half. */
export function foldData(rows: Float32Array, fold: 0 | 1): FoldData {
  const trainStart = halfStart(fold === 1);
  const testStart = halfStart(fold === 0);
  // mean / std of the training half, per channel
  const mean = new Float64Array(S);
  const sq = new Float64Array(S);
  for (let k = 0; k < K; k++)
    for (let r = trainStart; r < trainStart + HALF; r++)
      for (let c = 0; c < S; c++) {
        const v = rows[(k * ROWS + r) * S + c]!;
        mean[c]! += v;
        sq[c]! += v * v;
      }
  const n = K * HALF;
  const std = new Float64Array(S);
  for (let c = 0; c < S; c++) {
    mean[c] = mean[c]! / n;
    std[c] = Math.sqrt(Math.max(sq[c]! / n - mean[c]! * mean[c]!, 1e-12)) || 1;
  }
  const cut = (start: number) => {
    const N = K * WINDOWS_PER_HALF;
    const x = new Float32Array(N * WINDOW * S);
    const y = new Int32Array(N);
    for (let k = 0; k < K; k++)
      for (let w = 0; w < WINDOWS_PER_HALF; w++) {
        const i = k * WINDOWS_PER_HALF + w;
        y[i] = k;
        const r0 = start + w * STRIDE;
        for (let t = 0; t < WINDOW; t++)
          for (let c = 0; c < S; c++) x[(i * WINDOW + t) * S + c] = (rows[(k * ROWS + r0 + t) * S + c]! - mean[c]!) / std[c]!;
      }
    return { x, y };
  };
  const tr = cut(trainStart);
  const te = cut(testStart);
  return { trainX: tr.x, trainY: tr.y, testX: te.x, testY: te.y };
}

/** Row span [first, last] of window i of a half, for tests (no train/test overlap). */
export function windowRows(fold: 0 | 1, split: 'train' | 'test', w: number): [number, number] {
  const start = halfStart((split === 'train') === (fold === 1)) + w * STRIDE;
  return [start, start + WINDOW - 1];
}

/** F = W/2 + 1 frequency bins of a real DFT of W samples. */
export const FFT_BINS = WINDOW / 2 + 1;

/**
 * The teacher's other view: per-channel DFT magnitudes, log1p-compressed.
 * (N, W, S) -> (N, F · S) laid out (F, S). Naive DFT: W = 50 is tiny.
 */
export function fftView(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * FFT_BINS * S);
  const cos = new Float64Array(FFT_BINS * WINDOW);
  const sin = new Float64Array(FFT_BINS * WINDOW);
  for (let f = 0; f < FFT_BINS; f++)
    for (let t = 0; t < WINDOW; t++) {
      cos[f * WINDOW + t] = Math.cos((2 * Math.PI * f * t) / WINDOW);
      sin[f * WINDOW + t] = Math.sin((2 * Math.PI * f * t) / WINDOW);
    }
  for (let i = 0; i < n; i++)
    for (let c = 0; c < S; c++)
      for (let f = 0; f < FFT_BINS; f++) {
        let re = 0;
        let im = 0;
        for (let t = 0; t < WINDOW; t++) {
          const v = x[(i * WINDOW + t) * S + c]!;
          re += v * cos[f * WINDOW + t]!;
          im -= v * sin[f * WINDOW + t]!;
        }
        out[(i * FFT_BINS + f) * S + c] = Math.log1p(Math.hypot(re, im) / WINDOW);
      }
  return out;
}
