/**
 * demos/kd/pamap2/window-source.ts: windows copied out of the loaded rows on demand (the page
 * keeps the uint8 shard bytes instead of an (N, 100, 40) float32 WindowSet). Every window it hands
 * out must be bit-identical to makeWindows on the decoded shards, and a run's inputs identical to
 * those built from the materialised WindowSet, capped or not.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { excerptSeries } from '@demos/kd/pamap2/excerpt.ts';
import { CHANNELS, NUM_CLASSES, WINDOW } from '@demos/kd/pamap2/format.ts';
import { readManifest } from '@demos/kd/pamap2/node/shard-files.ts';
import { readExcerptTexts } from '@demos/kd/pamap2/node/excerpt.ts';
import { loadShardRows, loadShards } from '@demos/kd/pamap2/shards.ts';
import { makeWindows, type WindowSet } from '@demos/kd/pamap2/windows.ts';
import { seriesWindows, subsetWindows, type QuantisedSeries, type RowSeries } from '@demos/kd/pamap2/window-source.ts';
import { runInputs, type FoldInputs } from '@demos/kd/experiment/inputs';
import type { Pamap2Manifest } from '@demos/kd/pamap2/manifest-schema.ts';
import { foldSplit } from '@demos/kd/pamap2/folds.ts';
import { gafBatch, gafStats } from '@demos/kd/pamap2/gaf.ts';

const SHARE = 'public/data/pamap2'; // the committed browser share (uint8, from the excerpt)
const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const bytesOf = (a: Float32Array | Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSet(a: WindowSet, b: WindowSet): void {
  expect(a.n).toBe(b.n);
  expect(bytesOf(a.x).equals(bytesOf(b.x))).toBe(true); // bit-identical values
  expect(Array.from(a.y)).toEqual(Array.from(b.y));
  expect(Array.from(a.subject)).toEqual(Array.from(b.subject));
  expect(Array.from(a.start)).toEqual(Array.from(b.start));
}

let manifest: Pamap2Manifest;
const fetchBytes = async (f: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(SHARE, f)));

beforeAll(async () => {
  manifest = await readManifest(SHARE);
});

describe('window source', () => {
  it('over the uint8 share kept as bytes: every window bit-identical to makeWindows on the decoded share', async () => {
    const rows = await loadShardRows(manifest, fetchBytes);
    expect(rows.every((s) => s.x instanceof Uint8Array)).toBe(true); // not decoded
    const src = seriesWindows(rows);
    const ws = makeWindows(await loadShards(manifest, fetchBytes));
    expect(src.n).toBe(138);
    expectSameSet(src.select(all(src.n)), ws);
    const size = WINDOW * CHANNELS;
    for (const i of [0, 57, 137]) expect(bytesOf(src.window(i)).equals(bytesOf(ws.x.subarray(i * size, (i + 1) * size)))).toBe(true);
    // A selection in any order copies exactly those windows.
    const pick = [130, 3, 77, 3];
    const sel = src.select(pick);
    pick.forEach((i, k) =>
      expect(bytesOf(sel.x.subarray(k * size, (k + 1) * size)).equals(bytesOf(ws.x.subarray(i * size, (i + 1) * size)))).toBe(true),
    );
    expect(() => src.select([138])).toThrow(/window 138 out of 0\.\.137/);
  });

  it('over float32 series (the excerpt, uploads): the same as makeWindows; a subset maps its indices', async () => {
    const series = excerptSeries(await readExcerptTexts());
    const src = seriesWindows(series);
    const ws = makeWindows(series);
    expectSameSet(src.select(all(ws.n)), ws);
    const sub = subsetWindows(src, [10, 20, 30]);
    expect(sub.n).toBe(3);
    expect(Array.from(sub.start)).toEqual([ws.start[10], ws.start[20], ws.start[30]]);
    expectSameSet(sub.select([2, 0]), src.select([30, 10]));
  });

  it("a run's inputs from the source equal those from the materialised WindowSet, under the cap and above it", () => {
    // Quantised rows of 6 subjects, 1,400+ windows (above the G 64 cap of 307), classes in blocks.
    const series: QuantisedSeries[] = [101, 102, 103, 104, 105, 106].map((subject, k) => {
      const rows = 5000 + 700 * k;
      const x = new Uint8Array(rows * CHANNELS);
      for (let i = 0; i < x.length; i++) x[i] = (i * 2654435761 + k) >>> 24;
      const y = new Uint8Array(rows);
      for (let r = 0; r < rows; r++) y[r] = (Math.floor(r / 600) + k) % NUM_CLASSES;
      return { subject, rows, x, scale: 1 / 255, y, segments: [0] };
    });
    const src = seriesWindows(series as RowSeries[]);
    const ws = src.select(all(src.n));
    expect(src.n).toBeGreaterThan(1000);
    const same = (a: FoldInputs, b: FoldInputs): void => {
      expect(a.capped).toEqual(b.capped);
      for (const part of ['signal', 'gaf'] as const)
        for (const side of ['train', 'test'] as const) {
          const da = a[part][side],
            db = b[part][side];
          expect(da.n).toBe(db.n);
          const size = da.sampleShape.reduce((p, q) => p * q, 1);
          const oa = new Float32Array(da.n * size),
            ob = new Float32Array(db.n * size);
          da.fill(all(da.n), oa);
          db.fill(all(db.n), ob);
          expect(bytesOf(oa).equals(bytesOf(ob)), `${part} ${side}`).toBe(true);
          expect(Array.from(da.y)).toEqual(Array.from(db.y));
        }
    };
    for (const c of [
      { split: 'loso' as const, testSubject: 104, seed: 3, gafSize: 64 }, // capped
      { split: 'window' as const, testSubject: 101, seed: 5, gafSize: 64 }, // capped
      { split: 'loso' as const, testSubject: 102, seed: 1, gafSize: 8 }, // under the cap
    ]) {
      const a = runInputs(src, c),
        b = runInputs(ws, c);
      same(a, b);
      if (c.split === 'loso' && a.capped === null) {
        // Produced per batch, equal to the images built whole from the fold's windows.
        const f = foldSplit(ws, c.testSubject);
        const eager = gafBatch(f.test, all(f.test.n), c.gafSize, gafStats(f.train, c.gafSize));
        const lazy = new Float32Array(eager.length);
        a.gaf.test.fill(all(a.gaf.test.n), lazy);
        expect(bytesOf(lazy).equals(bytesOf(eager))).toBe(true);
      }
      if (c.gafSize === 64) expect(a.capped?.used).toBeLessThanOrEqual(307);
      else expect(a.capped).toBeNull();
    }
  });
});
