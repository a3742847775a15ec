/**
 * Training one model of the story (Adam, seeded batch order). The loss per step:
 *   (1 − λ)·CE_ε(student(labelled), y) + λ·T²·KL(p_T ‖ p_S)(transfer batch)
 * CE_ε is cross-entropy against label-smoothed targets ((1 − ε)·one-hot + ε/K; ε = 0: plain CE).
 * Without a teacher λ = 0. In the few-label setting "labelled" is the K windows with labels and
 * the transfer batch is drawn from all training windows; in the lab's setting both are the
 * same minibatch of all training windows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/rng';
import { softKl } from '../loss';
import type { StoryModel } from './models';
import { STORY_CLASSES as K } from './recordings';

export interface TrainSpec {
  /** Per-sample shape, e.g. [W, S] or [F·S]. */
  shape: number[];
  /** (N, ...shape) all training inputs. */
  x: Float32Array;
  /** Labels of all training windows (only `labelled` are read). */
  y: Int32Array;
  /** Indices with labels (few-label: K of them; lab: all). */
  labelled: number[];
  /** Teacher logits (N, K) over all training windows, or null. */
  teacher: Float32Array | null;
  lambda: number;
  T: number;
  smoothing: number;
  steps: number;
  batch: number;
  lr: number;
  seed: number;
  /** Called between steps; may await (the worker yields so a cancel arrives). */
  onStep?: (step: number) => Promise<void> | void;
}

function gather(x: Float32Array, per: number, idx: readonly number[]): Float32Array {
  const out = new Float32Array(idx.length * per);
  idx.forEach((i, j) => out.set(x.subarray(i * per, (i + 1) * per), j * per));
  return out;
}

function smoothedCe(logits: tf.Tensor2D, labels: Int32Array, eps: number): tf.Scalar {
  const target = tf.add(tf.mul(tf.oneHot(tf.tensor1d(labels, 'int32'), K), 1 - eps), eps / K);
  return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

/** Indices for each step: a seeded shuffle of `pool`, cut into batches (reshuffled per pass). */
function batches(pool: readonly number[], batch: number, steps: number, seed: number): number[][] {
  const rng = createRng(seed);
  const out: number[][] = [];
  let order: number[] = [];
  while (out.length < steps) {
    if (order.length < Math.min(batch, pool.length)) {
      const p = [...pool];
      for (let i = p.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [p[i], p[j]] = [p[j]!, p[i]!];
      }
      order = order.concat(p);
    }
    out.push(order.splice(0, Math.min(batch, pool.length)));
  }
  return out;
}

export async function trainStory(model: StoryModel, spec: TrainSpec): Promise<void> {
  const per = spec.shape.reduce((a, b) => a * b, 1);
  const all = Array.from({ length: spec.y.length }, (_, i) => i);
  const fewLabels = spec.labelled.length < spec.y.length;
  const labelledPlan = batches(spec.labelled, spec.batch, spec.steps, spec.seed * 31 + 5);
  const transferPlan = spec.teacher && fewLabels ? batches(all, spec.batch, spec.steps, spec.seed * 31 + 6) : null;
  const opt = tf.train.adam(spec.lr);
  try {
    for (let s = 0; s < spec.steps; s++) {
      const li = labelledPlan[s]!;
      const ti = transferPlan ? transferPlan[s]! : li;
      const cost = tf.tidy((): tf.Scalar => {
        const xl = tf.tensor(gather(spec.x, per, li), [li.length, ...spec.shape]);
        const yl = Int32Array.from(li, (i) => spec.y[i]!);
        const c = opt.minimize(
          () => {
            const logitsL = model.apply(xl);
            let loss = tf.mul(smoothedCe(logitsL, yl, spec.smoothing), 1 - spec.lambda) as tf.Scalar;
            if (spec.teacher && spec.lambda > 0) {
              const logitsT = transferPlan ? model.apply(tf.tensor(gather(spec.x, per, ti), [ti.length, ...spec.shape])) : logitsL;
              const teacher = tf.tensor2d(gather(spec.teacher, K, ti), [ti.length, K]);
              loss = tf.add(loss, tf.mul(softKl(teacher, logitsT, spec.T), spec.lambda * spec.T * spec.T));
            }
            return loss;
          },
          true,
          model.vars,
        );
        return c ?? tf.scalar(0);
      });
      cost.dispose();
      await spec.onStep?.(s);
    }
  } finally {
    opt.dispose();
  }
}

/** Logits (N, K) in batches of 256. */
export async function predict(model: StoryModel, x: Float32Array, shape: number[]): Promise<Float32Array> {
  const per = shape.reduce((a, b) => a * b, 1);
  const n = x.length / per;
  const out = new Float32Array(n * K);
  for (let i = 0; i < n; i += 256) {
    const m = Math.min(256, n - i);
    const l = tf.tidy(() => model.apply(tf.tensor(x.subarray(i * per, (i + m) * per), [m, ...shape])));
    out.set(await l.data(), i * K);
    l.dispose();
  }
  return out;
}
