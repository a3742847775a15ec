/**
 * §1 windows without materialising all of them. A WindowSet is (N, W, S) float32, 16 KB a window:
 * the deployed site's full browser share (≈ 27k windows) would be ≈ 440 MB, while one in-page run
 * uses at most a few thousand windows (demos/kd/experiment/cap.ts). A WindowSource keeps the rows as they
 * were loaded — the uint8 shard bytes (value = q · scale, 1 byte a value) or float32 series — plus
 * the window index (label, subject, start row: 12 bytes a window), and copies out only the windows
 * a run asks for. The copied values are bit-identical to makeWindows on decoded shards
 * (shards.ts decodeSeries computes the same float32 q · scale).
 */
import { CHANNELS, WINDOW } from './format.ts';
import type { SubjectSeries } from './series.ts';
import { selectWindows, windowStarts, type WindowSet } from './windows.ts';

/** One subject's rows as loaded: a SubjectSeries, or a uint8 shard kept as bytes. */
export type RowSeries = SubjectSeries | QuantisedSeries;
export interface QuantisedSeries {
  subject: number;
  rows: number;
  /** (R, S) row-major shard bytes; value = q · scale. */
  x: Uint8Array;
  scale: number;
  /** (R) class 0..11 */
  y: Uint8Array | Int32Array;
  segments: number[];
}

export interface WindowSource {
  readonly n: number;
  /** (N) class 0..11 */
  readonly y: Int32Array;
  /** (N) subject id */
  readonly subject: Int32Array;
  /** (N) first row of the window in its subject's rows */
  readonly start: Int32Array;
  /** A new WindowSet of the windows `idx` (in that order): (N_idx, W, S). */
  select(idx: ArrayLike<number>): WindowSet;
  /** Window i: a new (W, S) array. */
  window(i: number): Float32Array;
}

/** What the run's inputs accept: a materialised WindowSet (Node, tests) or a source. */
export type Windows = WindowSet | WindowSource;

const SIZE = WINDOW * CHANNELS;

/** Windows over the rows of each subject (§1 windowing, as makeWindows), nothing copied yet. */
export function seriesWindows(series: readonly RowSeries[]): WindowSource {
  const starts = series.map(windowStarts);
  const n = starts.reduce((acc, s) => acc + s.length, 0);
  const y = new Int32Array(n),
    subject = new Int32Array(n),
    start = new Int32Array(n),
    owner = new Int32Array(n);
  let i = 0;
  series.forEach((s, k) => {
    for (const st of starts[k] as Int32Array) {
      y[i] = s.y[st] as number;
      subject[i] = s.subject;
      start[i] = st;
      owner[i] = k;
      i++;
    }
  });
  const copy = (i: number, out: Float32Array, at: number): void => {
    const s = series[owner[i]!]!;
    const from = start[i]! * CHANNELS;
    if (s.x instanceof Float32Array) {
      out.set(s.x.subarray(from, from + SIZE), at);
      return;
    }
    const { x, scale } = s as QuantisedSeries;
    for (let v = 0; v < SIZE; v++) out[at + v] = (x[from + v] as number) * scale;
  };
  return {
    n,
    y,
    subject,
    start,
    select(idx) {
      const m = idx.length;
      const ws: WindowSet = {
        n: m,
        x: new Float32Array(m * SIZE),
        y: new Int32Array(m),
        subject: new Int32Array(m),
        start: new Int32Array(m),
      };
      for (let k = 0; k < m; k++) {
        const w = idx[k] as number;
        if (!(w >= 0 && w < n)) throw new RangeError(`window ${w} out of 0..${n - 1}`);
        copy(w, ws.x, k * SIZE);
        ws.y[k] = y[w]!;
        ws.subject[k] = subject[w]!;
        ws.start[k] = start[w]!;
      }
      return ws;
    },
    window(i) {
      const out = new Float32Array(SIZE);
      copy(i, out, 0);
      return out;
    },
  };
}

/** A subset of a source (windows `keep`, in that order) without copying rows. */
export function subsetWindows(src: Windows, keep: ArrayLike<number>): WindowSource {
  const from = asWindowSource(src);
  const map = Int32Array.from(keep);
  const pick = (a: Int32Array): Int32Array => map.map((i) => a[i]!);
  return {
    n: map.length,
    y: pick(from.y),
    subject: pick(from.subject),
    start: pick(from.start),
    select: (idx) => from.select(Array.from(idx, (k) => map[k]!)),
    window: (i) => from.window(map[i]!),
  };
}

function isWindowSource(w: Windows): w is WindowSource {
  return typeof (w as Partial<WindowSource>).select === 'function';
}

export function asWindowSource(w: Windows): WindowSource {
  if (isWindowSource(w)) return w;
  return {
    n: w.n,
    y: w.y,
    subject: w.subject,
    start: w.start,
    select: (idx) => selectWindows(w, idx),
    window: (i) => w.x.slice(i * SIZE, (i + 1) * SIZE),
  };
}
