/**
 * Eval-mode inference over a whole dataset in batches: logits (for precomputing frozen
 * teachers' outputs once per dataset, §6) and accuracy (held-out evaluation, §2).
 * Yields between batches; leaks nothing (each batch runs in tf.tidy; its logits are disposed
 * even when the readback fails).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Wrn } from '../models/wrn';
import { sampleSize, type TrainData } from './train-data';
import { yieldToEventLoop } from '../../shared/yield';

export interface PredictOptions {
  batchSize?: number;
  signal?: AbortSignal;
}

/**
 * Default inference batch: about 2²⁰ input values (4 MiB), 1 to 256 windows — 256 signal
 * windows (100 × 40), 102 GAF images at 16 × 16, 6 at 64 × 64. Large batches because the cost
 * of a small one is per-op overhead (≈ 400 tfjs ops per forward), not arithmetic; bounded so a
 * 64 × 64 GAF batch stays a few MiB.
 */
export function inferenceBatch(data: Pick<TrainData, 'sampleShape'>): number {
  return Math.max(1, Math.min(256, Math.floor(2 ** 20 / sampleSize(data))));
}

/** Logits (N, K) row-major, model in eval mode (BN running statistics). */
export async function predictLogits(model: Wrn, data: TrainData, opts: PredictOptions = {}): Promise<Float32Array> {
  const bs = opts.batchSize ?? inferenceBatch(data);
  const K = model.config.numClasses;
  const size = sampleSize(data);
  const out = new Float32Array(data.n * K);
  const buf = new Float32Array(bs * size);
  for (let start = 0; start < data.n; start += bs) {
    opts.signal?.throwIfAborted();
    const b = Math.min(bs, data.n - start);
    const idx = Array.from({ length: b }, (_, i) => start + i);
    data.fill(idx, buf);
    const logits = tf.tidy(() => model.apply(tf.tensor(buf.subarray(0, b * size), [b, ...data.sampleShape]), { training: false }).logits);
    // The readback can reject (a lost WebGPU device fails its mapAsync): dispose the (b, K)
    // logits either way, else the tensor stays registered after the fallback (KD page e2e).
    try {
      out.set((await logits.data()) as Float32Array, start * K);
    } finally {
      logits.dispose();
    }
    await yieldToEventLoop();
  }
  return out;
}

/** argmax per row of (N, K) logits. */
export function argmaxRows(logits: Float32Array, k: number): Int32Array {
  const n = logits.length / k;
  const pred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (logits[i * k + j]! > logits[i * k + best]!) best = j;
    pred[i] = best;
  }
  return pred;
}

export interface EvalResult {
  accuracy: number;
  predictions: Int32Array;
  logits: Float32Array;
}

/** Held-out accuracy in [0, 1] plus per-sample predictions (e.g. for a confusion matrix). */
export async function evaluate(model: Wrn, data: TrainData, opts: PredictOptions = {}): Promise<EvalResult> {
  return resultOf(await predictLogits(model, data, opts), data.y, model.config.numClasses);
}

/** Accuracy and predictions of (N, K) logits against labels `y` (logits computed earlier, e.g. by the last epoch's evaluation). */
export function resultOf(logits: Float32Array, y: ArrayLike<number>, k: number): EvalResult {
  const predictions = argmaxRows(logits, k);
  let correct = 0;
  for (let i = 0; i < y.length; i++) if (predictions[i] === y[i]) correct++;
  return { accuracy: y.length > 0 ? correct / y.length : Number.NaN, predictions, logits };
}
