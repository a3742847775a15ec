/**
 * Knowledge-distillation loss, kd-protocol §6 (two teachers, as in all PAMAP2 tables):
 *
 *   L = (1 − λ)·CE(z_S, y) + λ·T²·[ α·KL(p_T1 ‖ p_S) + (1 − α)·KL(p_T2 ‖ p_S) ]
 *
 * p = softmax(z / T) (softened), T1 = the GAF (image) teacher, T2 = the signal teacher, so α
 * weights the GAF teacher (§6 "Evidence that α weights the image teacher"). KL uses
 * `batchmean` reduction (sum over classes, mean over the batch) — the textbook Hinton form
 * §6 recommends for the demo (the lab code's nn.KLDivLoss() default 'mean' is 1/K of it).
 *
 * Why T²: softening by T scales the KL's gradient by 1/T², so T² keeps the KD term's gradient
 * magnitude comparable to CE's as T changes (Hinton et al. 2015).
 * Numerics: everything goes through log-softmax (max-subtracted), never log(softmax), so huge
 * logits or tiny T give finite values; p_T·log p_T is 0·finite when p_T underflows.
 *
 * Shapes: logits (B, K), labels int32 (B). All functions return scalars; call inside tf.tidy
 * (or a gradient function).
 */
import * as tf from '@tensorflow/tfjs-core';

export interface KdLossConfig {
  lambda: number; // λ ∈ [0, 1]: weight of the KD term (1 − λ on CE)
  T: number; // temperature > 0 (the lab uses 4)
}

/** Mean cross-entropy of logits (B, K) against integer labels (B). */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const K = logits.shape[1];
  const logp = tf.logSoftmax(logits); // (B, K)
  const onehot = tf.oneHot(tf.cast(labels, 'int32'), K); // (B, K)
  return tf.neg(tf.mean(tf.sum(tf.mul(onehot, logp), 1))) as tf.Scalar;
}

/** KL(softmax(zT/T) ‖ softmax(zS/T)), batchmean: Σ_k p_T(log p_T − log p_S), mean over B. */
export function softKl(teacherLogits: tf.Tensor2D, studentLogits: tf.Tensor2D, T: number): tf.Scalar {
  const logpT = tf.logSoftmax(tf.div(teacherLogits, T));
  const logpS = tf.logSoftmax(tf.div(studentLogits, T));
  return tf.mean(tf.sum(tf.mul(tf.exp(logpT), tf.sub(logpT, logpS)), 1));
}

/** Per-teacher weights: none, [1], or [α, 1 − α] with α on T1 (the GAF teacher). */
export function teacherWeights(count: 0 | 1 | 2, alpha: number): number[] {
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`alpha must be in [0, 1], got ${alpha}`);
  return count === 0 ? [] : count === 1 ? [1] : [alpha, 1 - alpha];
}

export interface KdLossParts {
  total: tf.Scalar;
  ce: tf.Scalar;
  kl: tf.Scalar[];
}

/**
 * (1 − λ)·CE + λ·T²·Σ_i w_i·KL(p_Ti ‖ p_S). `teachers[i]` are frozen logits (B, K); their
 * gradient is not needed (they are inputs). With no teachers λ must be 0 (plain CE training).
 */
export function kdLossParts(
  studentLogits: tf.Tensor2D,
  labels: tf.Tensor1D,
  teachers: readonly tf.Tensor2D[],
  weights: readonly number[],
  cfg: KdLossConfig,
): KdLossParts {
  const { lambda, T } = cfg;
  if (!(lambda >= 0 && lambda <= 1)) throw new Error(`lambda must be in [0, 1], got ${lambda}`);
  if (!(T > 0) || !Number.isFinite(T)) throw new Error(`temperature T must be a finite number > 0, got ${T}`);
  if (teachers.length !== weights.length) throw new Error(`${teachers.length} teacher logit tensors but ${weights.length} weights`);
  if (teachers.length === 0 && lambda !== 0) throw new Error(`lambda = ${lambda} needs at least one teacher (use lambda = 0 for plain CE)`);
  for (const t of teachers) {
    if (t.shape[0] !== studentLogits.shape[0] || t.shape[1] !== studentLogits.shape[1]) {
      throw new Error(`teacher logits [${t.shape.join(', ')}] do not match student logits [${studentLogits.shape.join(', ')}]`);
    }
  }
  const ce = crossEntropy(studentLogits, labels);
  const kl = teachers.map((t) => softKl(t, studentLogits, T));
  let total: tf.Scalar = tf.mul(ce, 1 - lambda);
  if (kl.length > 0 && lambda > 0) {
    const mix = kl.reduce<tf.Scalar>((acc, k, i) => tf.add(acc, tf.mul(k, weights[i]!)), tf.scalar(0));
    total = tf.add(total, tf.mul(mix, lambda * T * T));
  }
  return { total, ce, kl };
}

export function kdLoss(
  studentLogits: tf.Tensor2D,
  labels: tf.Tensor1D,
  teachers: readonly tf.Tensor2D[],
  weights: readonly number[],
  cfg: KdLossConfig,
): tf.Scalar {
  return kdLossParts(studentLogits, labels, teachers, weights, cfg).total;
}
