/**
 * §2 leave-one-subject-out folds and §1 per-fold channel standardisation.
 *
 * Stats (lab `data_loader_custom.py` `get_PAMAP2_data4`):
 *   mean[c] = mean over all training windows and time steps          (np.mean axis=(0,1,2))
 *   std[c]  = mean over training windows of that window's population std (np.std axis=(1,2), then mean)
 * computed on the training subjects only and applied to train and test. Windows overlap, so these
 * are window statistics, not row statistics — as in the lab.
 * A channel with std 0 (e.g. a channel that is all NaN → 0 in the excerpt) gets std 1, so it becomes
 * all zeros instead of NaN (the lab divides by 0 for signals and by machine eps for images).
 */
import { CHANNELS, WINDOW } from './format.ts';
import type { WindowSet } from './windows.ts';
import { asWindowSource, type Windows } from './window-source.ts';

export interface ChannelStats {
  /** (C) */
  mean: Float64Array;
  /** (C) */
  std: Float64Array;
}

export interface FoldSpec {
  testSubject: number;
  trainSubjects: number[];
}

/** §2: every subject is the test subject once; the others train. Subjects sorted ascending. */
export function losoFolds(subjects: Iterable<number>): FoldSpec[] {
  const all = [...new Set(subjects)].sort((a, b) => a - b);
  return all.map((testSubject) => ({ testSubject, trainSubjects: all.filter((s) => s !== testSubject) }));
}

export function subjectsOf(ws: WindowSet): number[] {
  return [...new Set(ws.subject)].sort((a, b) => a - b);
}

/** Copies the fold's windows only (a WindowSource never materialises the others). */
export function splitFold(windows: Windows, testSubject: number): { train: WindowSet; test: WindowSet } {
  const ws = asWindowSource(windows);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < ws.n; i++) (ws.subject[i] === testSubject ? test : train).push(i);
  return { train: ws.select(train), test: ws.select(test) };
}

/**
 * Stats of N items of L steps × C channels stored (N, L, C): the §1 rule. Shared by signals
 * (L = W, C = S) and is the definition the closed-form GAF stats reproduce.
 */
export function itemChannelStats(x: Float32Array, n: number, steps: number, channels: number): ChannelStats {
  const mean = new Float64Array(channels);
  const std = new Float64Array(channels);
  const s1 = new Float64Array(channels);
  const s2 = new Float64Array(channels);
  for (let i = 0; i < n; i++) {
    s1.fill(0);
    const base = i * steps * channels;
    for (let t = 0; t < steps; t++) {
      const o = base + t * channels;
      for (let c = 0; c < channels; c++) s1[c] = (s1[c] as number) + (x[o + c] as number);
    }
    for (let c = 0; c < channels; c++) s1[c] = (s1[c] as number) / steps; // window mean
    s2.fill(0);
    for (let t = 0; t < steps; t++) {
      const o = base + t * channels;
      for (let c = 0; c < channels; c++) {
        const d = (x[o + c] as number) - (s1[c] as number);
        s2[c] = (s2[c] as number) + d * d;
      }
    }
    for (let c = 0; c < channels; c++) {
      mean[c] = (mean[c] as number) + (s1[c] as number);
      std[c] = (std[c] as number) + Math.sqrt((s2[c] as number) / steps);
    }
  }
  for (let c = 0; c < channels; c++) {
    // Equal item sizes: the mean of window means is the mean over windows × steps.
    mean[c] = n > 0 ? (mean[c] as number) / n : 0;
    std[c] = n > 0 ? (std[c] as number) / n : 1;
  }
  return { mean, std };
}

export function signalStats(train: WindowSet): ChannelStats {
  return itemChannelStats(train.x, train.n, WINDOW, CHANNELS);
}

/** (x − mean[c]) / std[c] over a channels-last array; returns a new Float32Array (or writes `out`). */
export function standardize(x: Float32Array, stats: ChannelStats, channels: number, out?: Float32Array): Float32Array {
  const res = out ?? new Float32Array(x.length);
  const inv = Float64Array.from(stats.std, (s) => (s > 0 ? 1 / s : 1));
  for (let o = 0; o < x.length; o += channels) {
    for (let c = 0; c < channels; c++) {
      res[o + c] = ((x[o + c] as number) - (stats.mean[c] as number)) * (inv[c] as number);
    }
  }
  return res;
}

export interface PreparedFold extends FoldSpec {
  /** [0, 1]-scaled windows (the GAF input, §3). */
  train: WindowSet;
  test: WindowSet;
  /** Training-subject signal stats (§1). */
  stats: ChannelStats;
  /** (N_train, W, S) standardised with `stats`. */
  trainX: Float32Array;
  /** (N_test, W, S) standardised with the same `stats`. */
  testX: Float32Array;
}

/** The fold's windows and its training stats, without standardised copies (see prepareFold). */
export function foldSplit(ws: Windows, testSubject: number): Omit<PreparedFold, 'trainX' | 'testX'> {
  const { train, test } = splitFold(ws, testSubject);
  if (test.n === 0) throw new Error(`fold ${testSubject}: no windows for the test subject`);
  if (train.n === 0) throw new Error(`fold ${testSubject}: no training windows`);
  return { testSubject, trainSubjects: subjectsOf(train), train, test, stats: signalStats(train) };
}

export function prepareFold(ws: Windows, testSubject: number): PreparedFold {
  const f = foldSplit(ws, testSubject);
  return { ...f, trainX: standardize(f.train.x, f.stats, CHANNELS), testX: standardize(f.test.x, f.stats, CHANNELS) };
}
