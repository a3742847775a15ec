/**
 * The training loop for plain (CE) models and KD students (kd-protocol §6, §8).
 *
 * Per epoch: seeded shuffle (demos/shared/rng.ts, seed + epoch) -> mini-batches -> one SGD
 * step each (forward in training mode, loss, backward, update; BN running stats updated) ->
 * precise BN statistics over a fixed subset of the training set (precise-bn.ts: eval mode must not read the
 * stale moving averages of a short run) -> held-out evaluation in eval mode. Reports every epoch's test accuracy, the best epoch (what
 * the lab reports, §9) and the last epoch.
 *
 * Teachers are frozen: their logits on the training set are computed once (predictLogits)
 * and passed in as (N, K) arrays, so teachers that take other inputs (GAF images vs
 * signals) cost nothing per step. 0 teachers = CE (λ must be 0), 1 or 2 = KD; with two,
 * pass weights [α, 1 − α] with T1 the GAF teacher (teacherWeights in ../loss).
 *
 * Responsiveness: awaits a macrotask between batches; `signal` aborts between batches and
 * the promise resolves with `aborted: true` and the epochs finished so far.
 * Memory: every step runs inside tf.tidy; no tensors survive a step (tested).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, permutation } from '../../shared/rng';
import type { Wrn } from '../models/wrn';
import { kdLossParts } from '../loss';
import { Sgd } from './sgd';
import { stepLr } from './schedule';
import { gatherRows, sampleSize, type TrainData } from './train-data';
import { yieldToEventLoop } from '../../shared/yield';
import { evaluate } from './predict';
import { recomputeBnStats } from './precise-bn';

export interface KdSetup {
  /** Frozen teachers' logits on the TRAINING set, each (N, K) row-major, same order as train. */
  teacherLogits: readonly Float32Array[];
  /** One weight per teacher: [1] or [α, 1 − α] (α on the GAF teacher T1). */
  weights: readonly number[];
  lambda: number;
  T: number;
}

interface StepInfo {
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
  ce: number;
  lr: number;
  samples: number;
}
export interface EpochInfo {
  epoch: number; // 0-based
  lr: number;
  trainLoss: number; // mean of the step losses
  testAccuracy: number; // held-out accuracy in [0, 1], eval mode
  testLogits: Float32Array; // (N_test, K) row-major, the evaluation's logits (agreement with teachers, per epoch)
  seconds: number; // wall time of the epoch's training steps (excludes evaluation)
  /** Wall time of the per-epoch extras: precise BN statistics and the held-out evaluation. */
  bnSeconds: number;
  evalSeconds: number;
  samplesPerSec: number;
}
export interface TrainOptions {
  model: Wrn;
  train: TrainData;
  test: TrainData;
  epochs: number;
  batchSize: number;
  seed: number;
  learningRate?: number; // base of the §8 step schedule, default 0.05
  /** Per-epoch learning rate instead of §8's step schedule (stepLr). */
  schedule?: (epoch: number, epochs: number) => number;
  momentum?: number; // default 0.9 (§8)
  weightDecay?: number; // default 1e-4 (§8)
  kd?: KdSetup; // absent: plain cross-entropy
  evalBatchSize?: number;
  /** Re-estimate BN statistics over `train` before every evaluation (precise-bn.ts); default true. */
  preciseBn?: boolean;
  /**
   * Windows precise BN re-estimates over: a FIXED seeded subset of `train` (the same every
   * epoch), default PRECISE_BN_WINDOWS. Why a subset: over the whole training set the pass is
   * one extra forward of every window per epoch (≈ a third of the epoch's training on the full
   * share); the population statistics of a few hundred windows are already close (Wu & Johnson
   * 2021 use a few hundred batches' worth at ImageNet scale). The excerpt's 26 windows are all used.
   */
  preciseBnWindows?: number;
  onStep?: (s: StepInfo) => void;
  onEpoch?: (e: EpochInfo) => void;
  signal?: AbortSignal;
}
export interface TrainResult {
  epochs: EpochInfo[];
  bestEpoch: number; // argmax of testAccuracy (first on ties); -1 if no epoch finished
  bestAccuracy: number; // what the lab reports (best epoch on the held-out subject)
  lastAccuracy: number; // the honest number without test-set model selection
  aborted: boolean;
}

/** One SGD step's inputs: the model and optimizer, a batch x (B, …) with labels y (B), the teachers' logits (B, K) each, and lr. */
export interface StepBatch {
  model: Wrn;
  opt: Sgd;
  x: tf.Tensor;
  y: tf.Tensor1D;
  teachers: readonly tf.Tensor2D[];
  /** null: plain cross-entropy. */
  kd: Pick<KdSetup, 'weights' | 'lambda' | 'T'> | null;
  lr: number;
}

/** One SGD step on a batch; returns the [loss, ce] scalars (the caller reads and disposes them). */
function stepTensors({ model, opt, x, y, teachers, kd, lr }: StepBatch): [tf.Tensor, tf.Tensor] {
  const vars = model.params.trainable();
  let ceVal: tf.Tensor | null = null;
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const { logits } = model.apply(x, { training: true });
      const parts = kdLossParts(logits, y, teachers, kd?.weights ?? [], kd ?? { lambda: 0, T: 1 });
      ceVal = tf.keep(parts.ce);
      return parts.total;
    }, vars);
    opt.step(grads, lr);
    return [value, ceVal!];
  });
}

/** One SGD step on a batch; returns [loss, ce]. Leaves no tensors behind. Reads synchronously: cpu/wasm callers. */
export function trainStep(step: StepBatch): [number, number] {
  const [loss, ce] = stepTensors(step);
  try {
    return [loss.dataSync()[0]!, ce.dataSync()[0]!];
  } finally {
    tf.dispose([loss, ce]); // also when the readback throws (e.g. a lost WebGPU device)
  }
}

/**
 * trainStep with an asynchronous readback, what the training loop uses: on WebGPU, tfjs's
 * synchronous read goes through OffscreenCanvas WebGPU contexts, which in a Web Worker under
 * Chromium's software adapter destroyed the device on the first step (measured: the KD page's
 * worker fell back to wasm within seconds of `?backend=webgpu`).
 */
export async function trainStepAsync(step: StepBatch): Promise<[number, number]> {
  const [loss, ce] = stepTensors(step);
  try {
    const [l, c] = await Promise.all([loss.data(), ce.data()]);
    return [l[0]!, c[0]!];
  } finally {
    tf.dispose([loss, ce]);
  }
}

/** Throws a clear message when no gradients are registered (see ../gradients.ts). */
function assertGradients(): void {
  if (!tf.getGradient('BatchMatMul') || !tf.getGradient('Relu')) {
    throw new Error(
      "tfjs gradients are not registered: import 'demos/shared/gradients' (bundled code) or call useNodeBackend() from demos/kd/node/tf-node (Node)",
    );
  }
}

function validate(o: TrainOptions): void {
  assertGradients();
  const { model, train, test, kd } = o;
  if (!(Number.isInteger(o.epochs) && o.epochs >= 1)) throw new Error(`epochs must be a positive integer, got ${o.epochs}`);
  if (!(Number.isInteger(o.batchSize) && o.batchSize >= 2))
    throw new Error(`batchSize must be an integer ≥ 2 (BatchNorm needs 2 samples), got ${o.batchSize}`);
  if (train.n < 2) throw new Error(`training set has ${train.n} samples; need at least 2`);
  const inShape = model.config.dims === 1 ? 2 : 3;
  for (const [name, d] of [
    ['train', train],
    ['test', test],
  ] as const) {
    if (d.sampleShape.length !== inShape || d.sampleShape[inShape - 1] !== model.config.inChannels) {
      throw new Error(
        `${name} samples are [${d.sampleShape.join(', ')}] but the ${model.config.dims}D model expects ${inShape} axes ending in ${model.config.inChannels} channels`,
      );
    }
    const K = model.config.numClasses;
    const bad = d.y.findIndex((v) => !(v >= 0 && v < K));
    if (bad >= 0) throw new Error(`${name} label #${bad} is ${d.y[bad]}, outside 0..${K - 1}`);
  }
  if (kd) {
    if (kd.teacherLogits.length !== kd.weights.length)
      throw new Error(`${kd.teacherLogits.length} teachers but ${kd.weights.length} weights`);
    kd.teacherLogits.forEach((t, i) => {
      if (t.length !== train.n * model.config.numClasses)
        throw new Error(`teacher ${i + 1} logits have ${t.length} values; expected N·K = ${train.n}·${model.config.numClasses}`);
    });
  }
}

/** Default size of precise BN's fixed subset (TrainOptions.preciseBnWindows). */
export const PRECISE_BN_WINDOWS = 512;

/** `data` restricted to the rows `keep` (ascending), served by index like the original. */
export function subsetData(data: TrainData, keep: Int32Array): TrainData {
  const y = Int32Array.from(keep, (i) => data.y[i]!);
  return {
    n: keep.length,
    sampleShape: data.sampleShape,
    y,
    fill(indices, out) {
      data.fill(
        Int32Array.from({ length: indices.length }, (_, i) => keep[indices[i]!]!),
        out,
      );
    },
  };
}

/** precise BN's windows: all of `train` when it is small, else a seeded fixed subset of `limit`. */
export function preciseBnData(train: TrainData, limit: number, seed: number): TrainData {
  if (train.n <= limit) return train;
  const keep = Int32Array.from(permutation(train.n, createRng((seed * 7919 + 17) >>> 0)).subarray(0, limit)).sort();
  return subsetData(train, keep);
}

export async function trainModel(o: TrainOptions): Promise<TrainResult> {
  validate(o);
  const { model, train, test, kd, signal } = o;
  const K = model.config.numClasses;
  const size = sampleSize(train);
  const opt = new Sgd(model.params.trainable(), { momentum: o.momentum ?? 0.9, weightDecay: o.weightDecay ?? 1e-4 });
  const xbuf = new Float32Array(o.batchSize * size);
  const bnData = preciseBnData(train, o.preciseBnWindows ?? PRECISE_BN_WINDOWS, o.seed);
  const epochs: EpochInfo[] = [];
  let aborted = false;
  try {
    for (let epoch = 0; epoch < o.epochs && !aborted; epoch++) {
      const lr = o.schedule ? o.schedule(epoch, o.epochs) : stepLr(epoch, o.epochs, o.learningRate ?? 0.05);
      const order = permutation(train.n, createRng((o.seed * 1000003 + epoch) >>> 0));
      // Like DataLoader(drop_last=False), but a trailing batch of 1 is skipped (BN needs 2).
      const steps = Math.ceil(train.n / o.batchSize) - (train.n % o.batchSize === 1 ? 1 : 0);
      let lossSum = 0,
        seen = 0;
      const t0 = performance.now();
      for (let step = 0; step < steps; step++) {
        if (signal?.aborted) {
          aborted = true;
          break;
        }
        const idx = order.subarray(step * o.batchSize, Math.min(train.n, (step + 1) * o.batchSize));
        const b = idx.length;
        train.fill(idx, xbuf);
        const yb = new Int32Array(b);
        for (let i = 0; i < b; i++) yb[i] = train.y[idx[i]!]!;
        const x = tf.tensor(xbuf.subarray(0, b * size), [b, ...train.sampleShape]);
        const y = tf.tensor1d(yb, 'int32');
        const teachers = (kd?.teacherLogits ?? []).map((t) => tf.tensor2d(gatherRows(t, K, idx), [b, K]));
        let loss: number, ce: number;
        try {
          [loss, ce] = await trainStepAsync({ model, opt, x, y, teachers, kd: kd ?? null, lr });
        } finally {
          tf.dispose([x, y, ...teachers]);
        }
        if (!Number.isFinite(loss))
          throw new Error(`loss became ${loss} at epoch ${epoch}, step ${step} (lr ${lr}); lower the learning rate`);
        lossSum += loss * b;
        seen += b;
        o.onStep?.({ epoch, step, stepsPerEpoch: steps, loss, ce, lr, samples: b });
        await yieldToEventLoop();
      }
      if (aborted) break;
      const seconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      if (o.preciseBn !== false) await recomputeBnStats(model, bnData, signal ? { signal } : {});
      const t2 = performance.now();
      const { accuracy, logits } = await evaluate(model, test, o.evalBatchSize ? { batchSize: o.evalBatchSize } : {});
      const t3 = performance.now();
      const info: EpochInfo = {
        epoch,
        lr,
        trainLoss: lossSum / seen,
        testAccuracy: accuracy,
        testLogits: logits,
        seconds,
        bnSeconds: (t2 - t1) / 1000,
        evalSeconds: (t3 - t2) / 1000,
        samplesPerSec: seen / seconds,
      };
      epochs.push(info);
      o.onEpoch?.(info);
    }
  } finally {
    opt.dispose();
  }
  return trainResultOf(epochs, aborted);
}

/** The lab's best-epoch number beside the last epoch's (what every trainer reports). */
export function trainResultOf(epochs: EpochInfo[], aborted: boolean): TrainResult {
  let bestEpoch = -1;
  epochs.forEach((e, i) => {
    if (bestEpoch < 0 || e.testAccuracy > epochs[bestEpoch]!.testAccuracy) bestEpoch = i;
  });
  return {
    epochs,
    bestEpoch,
    bestAccuracy: bestEpoch >= 0 ? epochs[bestEpoch]!.testAccuracy : Number.NaN,
    lastAccuracy: epochs.length > 0 ? epochs[epochs.length - 1]!.testAccuracy : Number.NaN,
    aborted,
  };
}
