/**
 * One subject's preprocessed 33.3 Hz sequence.
 * x: (R, S) row-major Float32, each value in [0, 1] (§1/§13 min–max scaling, before z-norm).
 * y: (R) class index 0..11 (§1 relabelling).
 * segments: start row of each contiguous recording segment, ascending, first is 0. Windows never
 * cross a segment boundary. Full UCI files are one segment (the lab's behaviour); the excerpt
 * dataset has one per non-contiguous piece.
 */
export interface SubjectSeries {
  subject: number;
  rows: number;
  x: Float32Array;
  y: Int32Array;
  segments: number[];
}

/** Half-open [start, end) row ranges of the segments. */
export function segmentRanges(s: Pick<SubjectSeries, 'segments' | 'rows'>): Array<[number, number]> {
  return s.segments.map((start, k) => [start, s.segments[k + 1] ?? s.rows]);
}
