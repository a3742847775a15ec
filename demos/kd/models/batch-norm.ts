/**
 * BatchNorm over the channel (last) axis with PyTorch semantics (kd-protocol §5 uses
 * nn.BatchNorm1d/2d defaults): eps 1e-5, momentum 0.1,
 *   train: normalise with the batch's biased variance; update running_mean/var with the
 *          batch mean and the UNBIASED variance (n/(n-1)), as PyTorch does;
 *   eval:  normalise with the running statistics.
 * The running-stat update is a side effect on non-trainable variables; it is not part of
 * the gradient tape's result (the loss never depends on it).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamStore } from './param-store';

export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;

export function addBatchNorm(store: ParamStore, prefix: string, channels: number): void {
  store.add(`${prefix}.weight`, tf.ones([channels]), true);
  store.add(`${prefix}.bias`, tf.zeros([channels]), true);
  store.add(`${prefix}.running_mean`, tf.zeros([channels]), false);
  store.add(`${prefix}.running_var`, tf.ones([channels]), false);
}

/** x (..., C) -> (..., C). */
export function batchNorm<T extends tf.Tensor>(store: ParamStore, prefix: string, x: T, training: boolean): T {
  const gamma = store.get(`${prefix}.weight`);
  const beta = store.get(`${prefix}.bias`);
  const rm = store.get(`${prefix}.running_mean`);
  const rv = store.get(`${prefix}.running_var`);
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  let mean: tf.Tensor, variance: tf.Tensor;
  if (training) {
    const m = tf.moments(x, axes);
    mean = m.mean;
    variance = m.variance;
    const n = x.size / x.shape[x.shape.length - 1]!;
    // Side effect only: values computed from the tape's tensors but detached by dataSync-free
    // assign; tidy frees the temporaries, the variables keep their new data.
    tf.tidy(() => {
      rm.assign(tf.add(tf.mul(rm, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)));
      rv.assign(tf.add(tf.mul(rv, 1 - BN_MOMENTUM), tf.mul(variance, (BN_MOMENTUM * n) / Math.max(n - 1, 1))));
    });
  } else {
    mean = rm;
    variance = rv;
  }
  // Folded affine: y = x·scale + shift, scale = γ/√(σ²+ε), shift = β − μ·scale (one pass).
  const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, BN_EPS)));
  const shift = tf.sub(beta, tf.mul(mean, scale));
  return tf.add(tf.mul(x, scale), shift) as T;
}
