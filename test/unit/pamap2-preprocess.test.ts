import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNEL_SOURCE_COLUMNS, CLIP_HIGH, NORM_MAX, NORM_MIN } from '@demos/kd/pamap2/format.ts';
import { ProtocolLineParser } from '@demos/kd/pamap2/parse.ts';
import { preprocessSubjectText, SubjectPreprocessor } from '@demos/kd/pamap2/preprocess.ts';
import { loadExcerptSeries, readExcerptTexts } from '@demos/kd/pamap2/node/excerpt.ts';
import { excerptSubjectTexts } from '@demos/kd/pamap2/excerpt.ts';
import type { SubjectSeries } from '@demos/kd/pamap2/series.ts';
import { countWindowsPerClass, makeWindows, windowStarts } from '@demos/kd/pamap2/windows.ts';

function rowsOf(text: string): Float64Array[] {
  const rows: Float64Array[] = [];
  const p = new ProtocolLineParser({ file: 't', onRow: (r) => rows.push(r.slice()) });
  p.push(text);
  p.end();
  return rows;
}

/** Straight transcription of the lab's process_dataset_file on whole arrays (§1, §13). */
function naiveLab(rows: Float64Array[]): { x: number[][]; y: number[] } {
  const del = new Set([0, 8, 9, 10, 11, 18, 19, 20]);
  const relabel = new Map([
    [24, 0],
    [12, 8],
    [13, 9],
    [16, 10],
    [17, 11],
  ]);
  const kept = rows.filter((r) => !del.has(r[1]!));
  const y = kept.map((r) => relabel.get(r[1]!) ?? r[1]!);
  // select_columns_opp on data[:, 2:]: delete 14..17, 31..34, 48..51
  const drop = new Set([14, 15, 16, 17, 31, 32, 33, 34, 48, 49, 50, 51]);
  let x = kept.map((r) => Array.from(r.slice(2)).filter((_, k) => !drop.has(k)));
  // complete_HR: fill forward from each reading; before the first reading it stays NaN
  const valid = x.map((r, i) => (Number.isNaN(r[0]!) ? -1 : i)).filter((i) => i >= 0);
  const hr = x.map(() => Number.NaN);
  for (let k = 0; k < valid.length; k++) {
    const to = k + 1 < valid.length ? valid[k + 1]! : x.length;
    for (let i = valid[k]!; i < to; i++) hr[i] = x[valid[k]!]![0]!;
  }
  x.forEach((r, i) => (r[0] = hr[i]!));
  x = x.map((r) => r.map((v) => (Number.isNaN(v) ? 0 : v)));
  x = x.map((r) => r.map((v, c) => (v - NORM_MIN[c]!) / (NORM_MAX[c]! - NORM_MIN[c]!)).map((v) => (v > 1 ? 0.99 : Math.max(v, 0))));
  const idx = x.map((_, i) => i).filter((i) => i % 3 === 0);
  return { x: idx.map((i) => x[i]!), y: idx.map((i) => y[i]!) };
}

let first10000 = '';
let protocol33 = '';
let excerpt: SubjectSeries[] = [];

beforeAll(async () => {
  first10000 = await readFile('data/pamap2/subject101.first10000.dat', 'utf8');
  protocol33 = await readFile('data/pamap2/subject101.first10000.protocol-33hz.dat', 'utf8');
  excerpt = await loadExcerptSeries();
});

describe('§1 preprocessing on the real subject101 excerpt', () => {
  it('channel layout: 40 channels, orientation columns dropped (§1, §13 order)', () => {
    expect(CHANNEL_NAMES).toHaveLength(40);
    expect(CHANNEL_SOURCE_COLUMNS).toHaveLength(40);
    for (const c of [16, 17, 18, 19, 33, 34, 35, 36, 50, 51, 52, 53, 0, 1]) expect(CHANNEL_SOURCE_COLUMNS).not.toContain(c);
    expect(CHANNEL_NAMES[1]).toBe('hand_temp');
    expect(CHANNEL_NAMES[14]).toBe('chest_temp');
    expect(CHANNEL_NAMES[39]).toBe('ankle_mag_z');
  });

  it('streaming output equals the naive whole-array lab transcription', () => {
    const s = preprocessSubjectText(101, first10000, { file: 'subject101' });
    const ref = naiveLab(rowsOf(first10000));
    expect(s.rows).toBe(ref.y.length);
    expect(s.rows).toBe(2_358); // ceil(7,072 / 3)
    expect(Array.from(s.y)).toEqual(ref.y);
    let maxErr = 0;
    for (let i = 0; i < s.rows; i++) for (let c = 0; c < 40; c++) maxErr = Math.max(maxErr, Math.abs(s.x[i * 40 + c]! - ref.x[i]![c]!));
    expect(maxErr).toBeLessThan(1e-6); // float32 storage of float64 values
  });

  it('delete-labels-then-every-3rd gives exactly the rows of the committed protocol-33hz excerpt', () => {
    const s = preprocessSubjectText(101, first10000, { file: 'subject101' });
    const lines = rowsOf(protocol33);
    expect(lines).toHaveLength(s.rows);
    let maxErr = 0;
    for (let i = 0; i < s.rows; i++) {
      for (let c = 1; c < 40; c++) {
        const raw = lines[i]![CHANNEL_SOURCE_COLUMNS[c]!]!;
        const scaled = (raw - NORM_MIN[c]!) / (NORM_MAX[c]! - NORM_MIN[c]!);
        const want = scaled > 1 ? CLIP_HIGH : Math.max(scaled, 0);
        maxErr = Math.max(maxErr, Math.abs(s.x[i * 40 + c]! - want));
      }
    }
    expect(maxErr).toBeLessThan(1e-6);
  });

  it('heart rate is forward-filled over the kept 100 Hz rows; values stay in [0, 1]', () => {
    const s = preprocessSubjectText(101, first10000, { file: 'subject101' });
    const hr = Array.from({ length: s.rows }, (_, i) => s.x[i * 40]!);
    // The first kept row (t = 37.66 s) comes after HR readings only in deleted rows: HR is NaN
    // until the first kept reading, so leading values are 0, later ones never 0.
    const firstNonZero = hr.findIndex((v) => v > 0);
    expect(firstNonZero).toBeGreaterThanOrEqual(0);
    expect(hr.slice(firstNonZero).every((v) => v > 0)).toBe(true);
    expect(s.x.reduce((a, v) => Math.min(a, v), Infinity)).toBeGreaterThanOrEqual(0);
    expect(s.x.reduce((a, v) => Math.max(a, v), -Infinity)).toBeLessThanOrEqual(1);
  });

  it('scaling clips: above max → 0.99 (not 1), below min → 0, NaN → 0 then scaled', () => {
    const pre = new SubjectPreprocessor(101);
    const row = new Float64Array(54).fill(Number.NaN);
    row[0] = 1;
    row[1] = 24; // rope jumping → class 0
    row[2] = 500; // HR above 202 → 0.99
    row[4] = -1000; // hand acc16 x below min → 0
    pre.push(row);
    const s = pre.finish();
    expect(Array.from(s.y)).toEqual([0]);
    expect(s.x[0]).toBeCloseTo(0.99, 7);
    expect(s.x[2]).toBe(0);
    // hand temp NaN → 0 → (0 − 0)/35.5 = 0; chest acc16 x NaN → 0 → (0 + 29.0888)/(26.386 + 29.0888)
    expect(s.x[1]).toBe(0);
    expect(CHANNEL_NAMES[15]).toBe('chest_acc16_x');
    expect(s.x[15]).toBeCloseTo(29.0888 / (26.386 + 29.0888), 6);
  });

  it('relabels the 12 protocol activities and deletes 0, 9, 10, 11, 18, 19, 20', () => {
    const pre = new SubjectPreprocessor(101);
    const ids = [24, 1, 2, 3, 4, 5, 6, 7, 12, 13, 16, 17, 0, 9, 10, 11, 18, 19, 20];
    // Each id three times in a row so that every 3rd row keeps one of each.
    for (const id of ids)
      for (let k = 0; k < 3; k++) {
        const row = new Float64Array(54);
        row[1] = id;
        pre.push(row);
      }
    const s = pre.finish();
    expect(Array.from(s.y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(pre.deletedRows).toBe(7 * 3);
  });
});

describe('§1 windowing and the excerpt dataset', () => {
  it('windows start at range(22, len − 100, 22) and keep only first label == label at +99', () => {
    const y = new Int32Array(300).fill(4);
    for (let i = 150; i < 300; i++) y[i] = 5;
    const s: SubjectSeries = { subject: 1, rows: 300, x: new Float32Array(300 * 40), y, segments: [0] };
    // range(22, 200, 22) = 22..198; a window [j, j+99] is kept iff it does not cross row 150.
    const expected = [22, 44, 66, 88, 110, 132, 154, 176, 198].filter((j) => j < 150 === j + 99 < 150);
    expect(Array.from(windowStarts(s))).toEqual(expected);
    const ws = makeWindows([s]);
    expect(Array.from(ws.y)).toEqual(expected.map((j) => (j < 150 ? 4 : 5)));
  });

  it('windows never cross a segment boundary', () => {
    const s: SubjectSeries = { subject: 1, rows: 334, x: new Float32Array(334 * 40), y: new Int32Array(334).fill(1), segments: [0, 167] };
    expect(Array.from(windowStarts(s))).toEqual([22, 44, 66, 189, 211, 233]);
  });

  it('the excerpt: 6 subjects, segments split at the timestamp jumps, 138 windows (105 lying)', () => {
    expect(excerpt.map((s) => s.subject)).toEqual([101, 102, 103, 105, 107, 108]);
    expect(excerpt.map((s) => s.segments)).toEqual([[0, 2358], [0, 167, 334], [0], [0], [0, 167], [0, 167, 334, 501]]);
    const ws = makeWindows(excerpt);
    expect(ws.n).toBe(138);
    const per = new Map<number, number>();
    for (const s of ws.subject) per.set(s, (per.get(s) ?? 0) + 1);
    expect(Object.fromEntries(per)).toEqual({ 101: 105, 102: 9, 103: 3, 105: 3, 107: 6, 108: 12 });
    expect(countWindowsPerClass(ws)).toEqual([3, 105, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    // (N, W, S) layout: window k equals rows start..start+99 of its subject's series.
    const k = 110;
    const s = excerpt.find((e) => e.subject === ws.subject[k])!;
    const st = ws.start[k]!;
    expect(Array.from(ws.x.subarray(k * 4000, k * 4000 + 4000))).toEqual(Array.from(s.x.subarray(st * 40, st * 40 + 4000)));
    // Class of the alexchow windows follows the index csv: subject 105 is rope jumping (24 → 0).
    expect(Array.from(ws.y.filter((_, i) => ws.subject[i] === 105))).toEqual([0, 0, 0]);
  });

  it('excerpt texts: subject101 = the 10,000 raw rows + its 500-row window, in time order', async () => {
    const texts = excerptSubjectTexts(await readExcerptTexts());
    expect([...texts.keys()]).toEqual([101, 102, 103, 105, 107, 108]);
    const rows101 = rowsOf(texts.get(101)!);
    expect(rows101).toHaveLength(10_500);
    expect(rows101.every((r, i) => i === 0 || r[0]! > rows101[i - 1]![0]!)).toBe(true);
    expect(rowsOf(texts.get(108)!)).toHaveLength(2_500);
  });

  it('without segment splitting (the lab mode) the excerpt windows would straddle the jumps', async () => {
    const texts = excerptSubjectTexts(await readExcerptTexts());
    // Subject 101: 100 s of lying, a 29-s gap, 5 s of lying. Joined, windows over the gap survive
    // the label check (both ends lying) although they mix two recordings.
    const joined = preprocessSubjectText(101, texts.get(101)!, { file: 's101', segmentGapS: null });
    expect(joined.segments).toEqual([0]);
    const straddling = Array.from(windowStarts(joined)).filter((j) => j < 2358 && j + 99 >= 2358);
    expect(straddling.length).toBeGreaterThan(0);
    const split = excerpt.find((e) => e.subject === 101)!;
    expect(Array.from(windowStarts(split)).filter((j) => j < 2358 && j + 99 >= 2358)).toEqual([]);
  });
});
