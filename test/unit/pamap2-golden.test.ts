/**
 * The TypeScript pipeline against an independent numpy transliteration of the lab's code
 * (test/golden/pamap2/make_golden.py → excerpt-golden.json), on the real excerpts:
 * §1 rows/labels/scaling per subject, window counts, fold statistics; §3 GASF values and
 * per-image-channel stats.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareFold } from '@demos/kd/pamap2/folds.ts';
import { gafStats, gasfWindow } from '@demos/kd/pamap2/gaf.ts';
import { loadExcerptSeries } from '@demos/kd/pamap2/node/excerpt.ts';
import type { SubjectSeries } from '@demos/kd/pamap2/series.ts';
import { countWindowsPerClass, makeWindows, type WindowSet } from '@demos/kd/pamap2/windows.ts';

interface Golden {
  subjects: Record<string, { rows: number; channelSums: number[]; labelCounts: number[]; windows: number }>;
  fold102: { trainWindows: number; mean: number[]; std: number[] };
  gaf: { window: number; g64: Record<string, number[]>; g16: Record<string, number[]> };
  gafFold102G16: { mean: number[]; std: number[] };
}

let golden: Golden;
let series: SubjectSeries[];
let ws: WindowSet;
beforeAll(async () => {
  golden = JSON.parse(await readFile('test/golden/pamap2/excerpt-golden.json', 'utf8')) as Golden;
  series = await loadExcerptSeries();
  ws = makeWindows(series);
});

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('PAMAP2 pipeline vs the numpy golden', () => {
  it('per subject: rows, label counts, channel sums (§1 scaling), window counts', () => {
    expect(series.map((s) => String(s.subject))).toEqual(Object.keys(golden.subjects));
    for (const s of series) {
      const g = golden.subjects[String(s.subject)]!;
      expect(s.rows).toBe(g.rows);
      expect(countWindowsPerClass({ y: s.y })).toEqual(g.labelCounts);
      const sums = new Float64Array(40);
      for (let i = 0; i < s.x.length; i++) sums[i % 40]! += s.x[i]!;
      // float32 storage: relative 1e-6 of sums up to a few thousand
      for (let c = 0; c < 40; c++)
        expect(Math.abs(sums[c]! - g.channelSums[c]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g.channelSums[c]!)) * 10);
      expect(makeWindows([s]).n).toBe(g.windows);
    }
  });

  it('fold 102 training stats (mean, mean per-window std)', () => {
    const f = prepareFold(ws, 102);
    expect(f.train.n).toBe(golden.fold102.trainWindows);
    expect(maxAbs(f.stats.mean, golden.fold102.mean)).toBeLessThan(1e-7);
    expect(maxAbs(f.stats.std, golden.fold102.std)).toBeLessThan(1e-7);
  });

  it('GASF values at G = 64 and 16 equal pyts-style numpy', () => {
    const k = golden.gaf.window;
    const win = ws.x.subarray(k * 4000, (k + 1) * 4000);
    for (const [G, table, stride] of [
      [64, golden.gaf.g64, 37],
      [16, golden.gaf.g16, 1],
    ] as const) {
      const img = gasfWindow(win, G);
      for (const [c, values] of Object.entries(table)) {
        const mine = values.map((_, n) => img[n * stride * 40 + Number(c)]!);
        expect(maxAbs(mine, values)).toBeLessThan(1e-6);
      }
    }
  });

  it('GAF per-image-channel stats of fold 102 at G = 16', () => {
    const f = prepareFold(ws, 102);
    const s = gafStats(f.train, 16);
    expect(maxAbs(s.mean, golden.gafFold102G16.mean)).toBeLessThan(1e-6);
    expect(maxAbs(s.std, golden.gafFold102G16.std)).toBeLessThan(1e-6);
  });
});
