/**
 * What the training loop reads: N samples of a fixed shape plus int labels, served by index
 * so large inputs (e.g. 64×64×40 GAF images) can be produced per batch instead of held whole.
 */
export interface TrainData {
  n: number;
  /** Shape of one sample, e.g. [100, 40] (W, S) or [64, 64, 40] (H, W, S). */
  sampleShape: readonly number[];
  /** (N) class ids 0..K-1. */
  y: Int32Array;
  /** Writes the samples at `indices` into `out` (indices.length · prod(sampleShape) values). */
  fill(indices: ArrayLike<number>, out: Float32Array): void;
}

export function sampleSize(d: Pick<TrainData, 'sampleShape'>): number {
  return d.sampleShape.reduce((a, b) => a * b, 1);
}

/** Wraps a row-major (N, ...sampleShape) array. */
export function arrayData(x: Float32Array, sampleShape: readonly number[], y: Int32Array): TrainData {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  if (x.length !== y.length * size) {
    throw new Error(`x has ${x.length} values but ${y.length} labels × [${sampleShape.join(', ')}] needs ${y.length * size}`);
  }
  return {
    n: y.length,
    sampleShape,
    y,
    fill(indices, out) {
      for (let i = 0; i < indices.length; i++) {
        const s = indices[i]! * size;
        out.set(x.subarray(s, s + size), i * size);
      }
    },
  };
}

/** Rows `indices` of a row-major (N, K) matrix. */
export function gatherRows(m: Float32Array, k: number, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * k);
  for (let i = 0; i < indices.length; i++) out.set(m.subarray(indices[i]! * k, indices[i]! * k + k), i * k);
  return out;
}
