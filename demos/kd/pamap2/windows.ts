/**
 * §1 windowing. Per segment of a subject's 33.3 Hz sequence (the whole file for UCI data), window
 * starts run over `range(22, len − 100, 22)` (lab `pamap2_load.py`); a window is kept only when the
 * label at its start equals the label at +99, and its label is the first label.
 *
 * WindowSet.x: (N, W, S) channels-last (NWC, what tf.conv1d wants), the [0, 1]-scaled values;
 * z-normalisation is per fold (folds.ts). 16 KB per window.
 */
import { CHANNELS, FIRST_START, NUM_CLASSES, STEP, WINDOW } from './format.ts';
import { segmentRanges, type SubjectSeries } from './series.ts';

export interface WindowSet {
  n: number;
  /** (N, W, S) */
  x: Float32Array;
  /** (N) class 0..11 */
  y: Int32Array;
  /** (N) subject id, e.g. 101 */
  subject: Int32Array;
  /** (N) first row of the window in its SubjectSeries */
  start: Int32Array;
}

/** Row indices where kept windows start, in order. */
export function windowStarts(s: Pick<SubjectSeries, 'segments' | 'rows'> & { y: ArrayLike<number> }): Int32Array {
  const out: number[] = [];
  for (const [a, b] of segmentRanges(s)) {
    const len = b - a;
    // range(22, len − 100, 22): the last start is < len − 100 (the lab's bound, one short of the
    // last possible window; kept as is).
    for (let j = FIRST_START; j < len - WINDOW; j += STEP) {
      if (s.y[a + j] === s.y[a + j + WINDOW - 1]) out.push(a + j);
    }
  }
  return Int32Array.from(out);
}

export function makeWindows(series: readonly SubjectSeries[]): WindowSet {
  const starts = series.map(windowStarts);
  const n = starts.reduce((acc, s) => acc + s.length, 0);
  const size = WINDOW * CHANNELS;
  const ws: WindowSet = {
    n,
    x: new Float32Array(n * size),
    y: new Int32Array(n),
    subject: new Int32Array(n),
    start: new Int32Array(n),
  };
  let i = 0;
  series.forEach((s, k) => {
    for (const st of starts[k] as Int32Array) {
      ws.x.set(s.x.subarray(st * CHANNELS, st * CHANNELS + size), i * size);
      ws.y[i] = s.y[st] as number;
      ws.subject[i] = s.subject;
      ws.start[i] = st;
      i++;
    }
  });
  return ws;
}

/** (12) window count per class. */
export function countWindowsPerClass(ws: Pick<WindowSet, 'y'>): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (const c of ws.y) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

/** Subset of a WindowSet by window indices (copies). */
export function selectWindows(ws: WindowSet, idx: ArrayLike<number>): WindowSet {
  const size = WINDOW * CHANNELS;
  const n = idx.length;
  const out: WindowSet = {
    n,
    x: new Float32Array(n * size),
    y: new Int32Array(n),
    subject: new Int32Array(n),
    start: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = idx[k] as number;
    out.x.set(ws.x.subarray(i * size, (i + 1) * size), k * size);
    out.y[k] = ws.y[i] as number;
    out.subject[k] = ws.subject[i] as number;
    out.start[k] = ws.start[i] as number;
  }
  return out;
}
