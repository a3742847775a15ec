import { beforeAll, describe, expect, it } from 'vitest';
import { losoFolds, prepareFold, signalStats, splitFold, standardize } from '@demos/kd/pamap2/folds.ts';
import { loadExcerptWindows } from '@demos/kd/pamap2/node/excerpt.ts';
import type { WindowSet } from '@demos/kd/pamap2/windows.ts';

let ws: WindowSet;
beforeAll(async () => {
  ws = await loadExcerptWindows();
});

/** Naive §1 stats: per channel, mean over all windows × steps; std = mean of per-window population stds. */
function naiveStats(x: Float32Array, n: number): { mean: number[]; std: number[] } {
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < 40; c++) {
    let all = 0;
    let stds = 0;
    for (let i = 0; i < n; i++) {
      const v = Array.from({ length: 100 }, (_, t) => x[i * 4000 + t * 40 + c]!);
      const m = v.reduce((a, b) => a + b, 0) / 100;
      all += m;
      stds += Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / 100);
    }
    mean.push(all / n);
    std.push(stds / n);
  }
  return { mean, std };
}

describe('§2 leave-one-subject-out folds and §1 per-fold standardisation (excerpt)', () => {
  it('one fold per subject, the others train', () => {
    const folds = losoFolds(ws.subject);
    expect(folds.map((f) => f.testSubject)).toEqual([101, 102, 103, 105, 107, 108]);
    expect(folds[2]).toEqual({ testSubject: 103, trainSubjects: [101, 102, 105, 107, 108] });
  });

  it('split: no test-subject window in train, counts add up', () => {
    const { train, test } = splitFold(ws, 108);
    expect(test.n).toBe(12);
    expect(train.n).toBe(126);
    expect(Array.from(test.subject).every((s) => s === 108)).toBe(true);
    expect(Array.from(train.subject).includes(108)).toBe(false);
  });

  it('stats come from the training subjects only and match the naive rule', () => {
    const fold = prepareFold(ws, 102);
    const ref = naiveStats(fold.train.x, fold.train.n);
    for (let c = 0; c < 40; c++) {
      expect(fold.stats.mean[c]).toBeCloseTo(ref.mean[c]!, 6);
      expect(fold.stats.std[c]).toBeCloseTo(ref.std[c]!, 6);
    }
    // A different test subject gives different training stats (the fold really excludes it).
    expect(prepareFold(ws, 101).stats.mean[3]).not.toBeCloseTo(fold.stats.mean[3]!, 3);
  });

  it('train is centred per channel; test uses the train stats (not its own)', () => {
    const fold = prepareFold(ws, 101);
    const perChannelMean = (x: Float32Array, n: number): number[] => {
      const m = new Array<number>(40).fill(0);
      for (let o = 0; o < x.length; o++) m[o % 40]! += x[o]! / (n * 100);
      return m;
    };
    const trainMeans = perChannelMean(fold.trainX, fold.train.n);
    expect(Math.max(...trainMeans.map(Math.abs))).toBeLessThan(1e-5);
    const expectTest = standardize(fold.test.x, fold.stats, 40);
    expect(Array.from(fold.testX)).toEqual(Array.from(expectTest));
    const ownStats = signalStats(fold.test);
    expect(ownStats.mean[4]).not.toBeCloseTo(fold.stats.mean[4]!, 3);
    expect(fold.trainX.some(Number.isNaN) || fold.testX.some(Number.isNaN)).toBe(false);
  });

  it('a channel constant over all training windows gets std 1 (becomes 0, not NaN)', () => {
    const fold = prepareFold(ws, 101); // train = alexchow windows only: temperatures are NaN → 0
    expect(fold.stats.std[1]).toBe(0); // hand temperature
    for (let o = 1; o < fold.trainX.length; o += 40) expect(fold.trainX[o]).toBe(0);
  });

  it('a subject with no windows is an error naming the fold', () => {
    expect(() => prepareFold(ws, 104)).toThrow(/fold 104: no windows for the test subject/);
  });
});
