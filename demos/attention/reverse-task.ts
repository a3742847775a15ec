/**
 * The trained-mode task: reverse a string of digits. Input "3 1 4 1 5 9 2 6", target
 * "6 2 9 5 1 4 1 3": output position i must copy input position T−1−i, so a model that
 * solved it attends along the anti-diagonal — the map the page shows.
 * Data are plain Int32Arrays (B, T) from a seeded rng; no tensors here.
 */
import { createRng, type Rng } from '../shared/rng';

export interface Batch {
  b: number;
  t: number;
  inputs: Int32Array;
  targets: Int32Array;
} // (B, T) each

export function reverseBatch(rng: Rng, b: number, t: number, vocab = 10): Batch {
  const inputs = new Int32Array(b * t),
    targets = new Int32Array(b * t);
  for (let n = 0; n < b; n++) {
    for (let i = 0; i < t; i++) inputs[n * t + i] = rng.int(vocab);
    for (let i = 0; i < t; i++) targets[n * t + i] = inputs[n * t + (t - 1 - i)]!;
  }
  return { b, t, inputs, targets };
}

/** A fixed held-out set: same seed, same sequences, every time. */
const EVAL_SEED = 777;
export function evalSet(b: number, t: number, vocab = 10): Batch {
  return reverseBatch(createRng(EVAL_SEED), b, t, vocab);
}

/** Token accuracy (fraction of positions right) and sequence accuracy (all T right). */
export function accuracy(pred: Int32Array | Uint8Array | Float32Array, batch: Batch): { token: number; sequence: number } {
  let tok = 0,
    seq = 0;
  for (let n = 0; n < batch.b; n++) {
    let all = true;
    for (let i = 0; i < batch.t; i++) {
      const ok = pred[n * batch.t + i] === batch.targets[n * batch.t + i];
      if (ok) tok++;
      else all = false;
    }
    if (all) seq++;
  }
  return { token: tok / (batch.b * batch.t), sequence: seq / batch.b };
}
