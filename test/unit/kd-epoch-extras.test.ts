/**
 * The per-epoch extras stay small on the full share: precise BN re-estimates over a FIXED seeded
 * subset of the training windows (train.ts preciseBnData: the same rows every epoch, all of a
 * small set such as the excerpt's 26), evaluation runs in large batches (predict.ts
 * inferenceBatch), and the page's batch follows the data (config.ts defaultBatchFor).
 */
import { describe, expect, it } from 'vitest';
import { preciseBnData, PRECISE_BN_WINDOWS, subsetData } from '@demos/kd/train/train';
import { arrayData } from '@demos/kd/train/train-data';
import { inferenceBatch } from '@demos/kd/train/predict';
import { DEFAULT_CONFIG, defaultBatchFor } from '@demos/kd/run/config';

const data = (n: number) =>
  arrayData(
    Float32Array.from({ length: n * 2 }, (_, i) => i),
    [1, 2],
    Int32Array.from({ length: n }, (_, i) => i % 12),
  );

describe('precise BN subset', () => {
  it('uses every window of a small training set', () => {
    const d = data(26);
    expect(preciseBnData(d, PRECISE_BN_WINDOWS, 1234)).toBe(d);
  });
  it('is a fixed seeded subset of distinct rows, served like the original', () => {
    const d = data(3000);
    const a = preciseBnData(d, 512, 1234),
      b = preciseBnData(d, 512, 1234);
    expect(a.n).toBe(512);
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    const out = new Float32Array(512 * 2);
    a.fill(
      Int32Array.from({ length: 512 }, (_, i) => i),
      out,
    );
    const rows = new Set<number>();
    for (let i = 0; i < 512; i++) {
      const row = out[2 * i]! / 2;
      expect(out[2 * i + 1]).toBe(2 * row + 1);
      expect(a.y[i]).toBe(row % 12);
      rows.add(row);
    }
    expect(rows.size).toBe(512);
    expect(preciseBnData(d, 512, 99).y).not.toEqual(a.y);
  });
  it('subsetData keeps the order it is given', () => {
    const s = subsetData(data(10), Int32Array.of(7, 2));
    const out = new Float32Array(4);
    s.fill([1, 0], out);
    expect(Array.from(out)).toEqual([4, 5, 14, 15]);
  });
});

describe('batches', () => {
  it('evaluates signal windows 256 at a time, big GAF images in small batches', () => {
    expect(inferenceBatch({ sampleShape: [100, 40] })).toBe(256);
    expect(inferenceBatch({ sampleShape: [16, 16, 40] })).toBe(102);
    expect(inferenceBatch({ sampleShape: [64, 64, 40] })).toBe(6);
  });
  it("trains the full share at the protocol's batch 64 and the excerpt at 8", () => {
    expect(defaultBatchFor('full')).toBe(64);
    expect(defaultBatchFor('upload')).toBe(64);
    expect(defaultBatchFor('excerpt')).toBe(DEFAULT_CONFIG.batchSize);
    expect(DEFAULT_CONFIG.batchSize).toBe(8);
  });
});
