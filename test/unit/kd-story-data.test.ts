import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  decodeRecordings,
  deriveRecordings,
  encodeRecordings,
  ROWS,
  STORY_CHANNELS,
  STORY_CLASSES,
  StoryDataError,
} from '@demos/kd/story/recordings';
import { fftView, FFT_BINS, foldData, GAP, WINDOW, windowRows, WINDOWS_PER_HALF } from '@demos/kd/story/windows';
import { fewLabelIndices } from '@demos/kd/story/scenario';

const raw = (f: string) => readFileSync(`data/pamap2/${f}`, 'utf8');
const derived = deriveRecordings(raw('alexchow-windows.uci54.dat'), raw('alexchow-windows.index.csv'));
const header: unknown = JSON.parse(readFileSync('public/data/kd-story/recordings.json', 'utf8'));
const bin = readFileSync('public/data/kd-story/recordings.i16.bin');
const asset = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);

describe('KD story asset', () => {
  it('equals a re-derivation from the raw rows (same bytes, same header)', () => {
    const again = encodeRecordings(derived);
    expect(again.header).toEqual(header);
    expect(Buffer.from(again.bytes).equals(bin)).toBe(true);
  });

  it('decodes to the raw rows within half a quantisation step, with no NaN left', () => {
    const rows = decodeRecordings(header, asset);
    expect(rows.length).toBe(STORY_CLASSES * ROWS * STORY_CHANNELS);
    const h = header as { scale: number[] };
    let worst = 0;
    for (let i = 0; i < rows.length; i++) {
      expect(Number.isFinite(rows[i]!)).toBe(true);
      worst = Math.max(worst, Math.abs(rows[i]! - derived[i]!) / h.scale[i % STORY_CHANNELS]!);
    }
    expect(worst).toBeLessThanOrEqual(0.51);
    // first row of lying (class 1): hand ±16 g acc x of the raw file's matching line
    const lying = raw('alexchow-windows.uci54.dat').split('\n')[500]!.trim().split(/\s+/);
    expect(lying[1]).toBe('1');
    expect(derived[(1 * ROWS + 0) * STORY_CHANNELS]).toBeCloseTo(Number(lying[4]), 4);
  });

  it('refuses a header or a file that does not fit, naming it', () => {
    expect(() => decodeRecordings({ ...(header as object), channels: 28 }, asset)).toThrow(/recordings\.json: channels/);
    expect(() => decodeRecordings(header, asset.slice(0, 100))).toThrow(StoryDataError);
    expect(() => decodeRecordings(header, asset.slice(0, 100))).toThrow(/recordings\.i16\.bin: 100 bytes/);
  });
});

describe('KD story folds', () => {
  it('no training and test window share a row, and the folds mirror each other', () => {
    expect(WINDOWS_PER_HALF).toBe(40);
    for (const fold of [0, 1] as const) {
      const train = windowRows(fold, 'train', WINDOWS_PER_HALF - 1);
      const test = windowRows(fold, 'test', 0);
      const lastTrain = fold === 0 ? train[1] : windowRows(fold, 'test', WINDOWS_PER_HALF - 1)[1];
      const firstOther = fold === 0 ? test[0] : windowRows(fold, 'train', 0)[0];
      expect(firstOther - lastTrain).toBeGreaterThan(GAP);
    }
    expect(windowRows(0, 'train', 3)).toEqual(windowRows(1, 'test', 3));
    expect(windowRows(0, 'test', 0)[1]).toBeLessThan(ROWS);
  });

  it('windows are the z-scored rows (training-half statistics), class-major', () => {
    const f = foldData(derived, 1);
    expect(f.trainY.length).toBe(STORY_CLASSES * WINDOWS_PER_HALF);
    expect(f.trainY[WINDOWS_PER_HALF]).toBe(1);
    // training-half mean of each channel is ~0 over the windows' union; test windows differ
    const [r0] = windowRows(1, 'train', 0);
    const [t0] = windowRows(1, 'test', 0);
    const ratio = (f.trainX[1 * STORY_CHANNELS]! - f.trainX[0]!) / (derived[(r0 + 1) * STORY_CHANNELS]! - derived[r0 * STORY_CHANNELS]!);
    const ratioTest = (f.testX[1 * STORY_CHANNELS]! - f.testX[0]!) / (derived[(t0 + 1) * STORY_CHANNELS]! - derived[t0 * STORY_CHANNELS]!);
    expect(ratio).toBeCloseTo(ratioTest, 4); // one scaling for both splits
    expect(f.trainX.length).toBe(f.trainY.length * WINDOW * STORY_CHANNELS);
  });

  it('one labelled window per class, seeded', () => {
    const a = fewLabelIndices(11);
    expect(a.map((i) => Math.floor(i / WINDOWS_PER_HALF))).toEqual([...Array(STORY_CLASSES).keys()]);
    expect(fewLabelIndices(11)).toEqual(a);
    expect(fewLabelIndices(12)).not.toEqual(a);
  });

  it('the FFT view of a pure tone peaks at its bin', () => {
    const x = new Float32Array(WINDOW * STORY_CHANNELS);
    for (let t = 0; t < WINDOW; t++) x[t * STORY_CHANNELS + 2] = Math.cos((2 * Math.PI * 5 * t) / WINDOW);
    const v = fftView(x, 1);
    const ch2 = Array.from({ length: FFT_BINS }, (_, f) => v[f * STORY_CHANNELS + 2]!);
    expect(ch2.indexOf(Math.max(...ch2))).toBe(5);
  });
});
