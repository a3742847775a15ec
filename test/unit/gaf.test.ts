import { beforeAll, describe, expect, it } from 'vitest';
import { itemChannelStats } from '@demos/kd/pamap2/folds.ts';
import { gafBatch, gafStats, gasfWindow, paaBounds } from '@demos/kd/pamap2/gaf.ts';
import { loadExcerptWindows } from '@demos/kd/pamap2/node/excerpt.ts';
import type { WindowSet } from '@demos/kd/pamap2/windows.ts';

// numpy: np.linspace(0, 100, 65).astype('int64') — the pyts PAA segment bounds (§3).
const NUMPY_BOUNDS_64 = [
  0, 1, 3, 4, 6, 7, 9, 10, 12, 14, 15, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37, 39, 40, 42, 43, 45, 46, 48, 50, 51, 53, 54,
  56, 57, 59, 60, 62, 64, 65, 67, 68, 70, 71, 73, 75, 76, 78, 79, 81, 82, 84, 85, 87, 89, 90, 92, 93, 95, 96, 98, 100,
];
const NUMPY_BOUNDS_16 = [0, 6, 12, 18, 25, 31, 37, 43, 50, 56, 62, 68, 75, 81, 87, 93, 100];

/** The formula, one channel at a time, with arccos and cos(φi + φj) literally. */
function naiveGasf(series: number[], bounds: number[]): number[][] {
  const paa = bounds.slice(0, -1).map((a, k) => {
    const seg = series.slice(a, bounds[k + 1]);
    return seg.reduce((s, v) => s + v, 0) / seg.length;
  });
  const lo = Math.min(...paa);
  const hi = Math.max(...paa);
  const scaled = paa.map((v) => (hi === lo ? -1 : ((v - lo) / (hi - lo)) * 2 - 1));
  const phi = scaled.map((v) => Math.acos(Math.max(-1, Math.min(1, v))));
  return phi.map((a) => phi.map((b) => Math.cos(a + b)));
}

function channel(ws: WindowSet, k: number, c: number): number[] {
  return Array.from({ length: 100 }, (_, t) => ws.x[k * 4000 + t * 40 + c]!);
}

let ws: WindowSet;
beforeAll(async () => {
  ws = await loadExcerptWindows();
});

describe('§3 GASF', () => {
  it('PAA bounds equal numpy floor(linspace(0, 100, G + 1))', () => {
    expect(Array.from(paaBounds(100, 64))).toEqual(NUMPY_BOUNDS_64);
    expect(Array.from(paaBounds(100, 16))).toEqual(NUMPY_BOUNDS_16);
    expect(() => paaBounds(100, 101)).toThrow(/PAA/);
  });

  for (const size of [64, 32, 16]) {
    it(`equals the naive arccos / cos(φi+φj) formula on real windows, G = ${size}`, () => {
      const bounds = Array.from(paaBounds(100, size));
      let maxErr = 0;
      for (const k of [0, 50, 104, 120, 137]) {
        const img = gasfWindow(ws.x.subarray(k * 4000, (k + 1) * 4000), size);
        expect(img).toHaveLength(size * size * 40);
        for (const c of [0, 1, 2, 5, 17, 29, 39]) {
          const ref = naiveGasf(channel(ws, k, c), bounds);
          for (let i = 0; i < size; i++)
            for (let j = 0; j < size; j++) {
              maxErr = Math.max(maxErr, Math.abs(img[(i * size + j) * 40 + c]! - ref[i]![j]!));
            }
        }
      }
      expect(maxErr).toBeLessThan(1e-5);
    });
  }

  it('GASF properties: symmetric, diagonal = cos(2φ) = 2x² − 1, values in [−1, 1]', () => {
    const img = gasfWindow(ws.x.subarray(120 * 4000, 121 * 4000), 64);
    let maxAsym = 0;
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 64; j++)
        for (const c of [0, 3, 30]) {
          maxAsym = Math.max(maxAsym, Math.abs(img[(i * 64 + j) * 40 + c]! - img[(j * 64 + i) * 40 + c]!));
        }
    expect(maxAsym).toBe(0);
    expect(img.every((v) => v >= -1 - 1e-6 && v <= 1 + 1e-6)).toBe(true);
  });

  it('a constant channel gives all 1s (no NaN); the excerpt has such channels (temp / acc6 NaN → 0)', () => {
    const win = new Float32Array(4000);
    for (let t = 0; t < 100; t++) win[t * 40 + 1] = t / 99; // channel 1 ramps, all others constant 0
    const img = gasfWindow(win, 16);
    expect(img.some(Number.isNaN)).toBe(false);
    for (let p = 0; p < 256; p++) expect(img[p * 40 + 7]).toBe(1);
    // A ramp maps to −1..1: corner (0, 0) is cos(2π) = 1, (0, last) is cos(π + 0) = −1.
    expect(img[1]).toBeCloseTo(1, 6);
    expect(img[15 * 40 + 1]).toBeCloseTo(-1, 6);
  });

  it('gafStats (closed form) equals the §1 rule applied to materialised images', () => {
    const idx = Array.from({ length: 40 }, (_, k) => k * 3);
    const imgs = gafBatch(ws, idx, 32);
    const direct = itemChannelStats(imgs, idx.length, 32 * 32, 40);
    const sub = { n: idx.length, x: new Float32Array(idx.flatMap((k) => Array.from(ws.x.subarray(k * 4000, (k + 1) * 4000)))) };
    const closed = gafStats(sub, 32);
    for (let c = 0; c < 40; c++) {
      expect(closed.mean[c]).toBeCloseTo(direct.mean[c]!, 5);
      expect(closed.std[c]).toBeCloseTo(direct.std[c]!, 5);
    }
  });

  it('gafBatch with stats standardises each image channel: (g − mean) / std, std 0 → 1', () => {
    const idx = [3, 60, 130];
    const raw = gafBatch(ws, idx, 16);
    const stats = gafStats(ws, 16);
    const norm = gafBatch(ws, idx, 16, stats);
    for (const o of [0, 1234, 16 * 16 * 40 * 3 - 1]) {
      const c = o % 40;
      const s = stats.std[c]! > 0 ? stats.std[c]! : 1;
      expect(norm[o]).toBeCloseTo((raw[o]! - stats.mean[c]!) / s, 4);
    }
    expect(norm.some(Number.isNaN)).toBe(false);
  });
});
