/**
 * Scaled dot-product attention, multi-head, returning every named intermediate.
 *
 * Shapes (vocabulary of ARCHITECTURE.md): B batch, T tokens, D model dim, H heads,
 * Dh = D / H head dim.
 *   x                       (B, T, D)
 *   Wq, Wk, Wv, Wo          (D, D)
 *   q, k, v                 (B, H, T, Dh)   x·W split into heads
 *   rawScores               (B, H, T, T)    q·kᵀ
 *   scaledScores            (B, H, T, T)    rawScores / √Dh  (or rawScores when scale=false)
 *   mask                    (T, T)          1 = query i may attend to key j, 0 = masked
 *   weights                 (B, H, T, T)    masked, numerically stable softmax over keys
 *   headOutputs             (B, H, T, Dh)   weights·v
 *   output                  (B, T, D)       concat(heads)·Wo
 *
 * Masked softmax: masked logits are replaced by a large negative finite number, the row
 * max is subtracted before exp() (so logits of ±1e30 do not overflow), masked entries are
 * zeroed after exp(), and the row is divided by max(sum, tiny). A row whose keys are ALL
 * masked therefore has weights exactly 0 (and output 0), never NaN. With the causal mask
 * that cannot happen (the diagonal is always allowed); `mask` may be passed in to test it.
 *
 * Tensors: attentionTensors() returns fresh tensors the caller owns (use inside tf.tidy);
 * computeAttention() reads everything into typed arrays and disposes what it made.
 * Uses only ops with gradients (no stridedSlice), so training can call attentionTensors.
 */
import type * as tfc from '@tensorflow/tfjs-core';

type Tf = typeof tfc;

export interface AttentionWeights {
  wq: tfc.Tensor2D; // (D, D)
  wk: tfc.Tensor2D; // (D, D)
  wv: tfc.Tensor2D; // (D, D)
  wo: tfc.Tensor2D; // (D, D)
}

export interface AttentionOptions {
  heads: number;
  /** Causal: query i sees keys j <= i only. Ignored when `mask` is given. */
  causal: boolean;
  /** Divide scores by √Dh (the "scaled" in scaled dot-product). */
  scale: boolean;
  /** Optional explicit (T, T) 0/1 mask (row-major), e.g. to test fully masked rows. */
  mask?: Float32Array;
}

export interface AttentionTensors {
  q: tfc.Tensor4D;
  k: tfc.Tensor4D;
  v: tfc.Tensor4D;
  rawScores: tfc.Tensor4D;
  scaledScores: tfc.Tensor4D;
  mask: tfc.Tensor2D;
  weights: tfc.Tensor4D;
  headOutputs: tfc.Tensor4D;
  output: tfc.Tensor3D;
}

/** Stand-in for −∞ on masked logits: finite, so (masked − rowMax) never makes NaN. */
const MASK_FILL = -1e30;
/** Floor for the softmax denominator: a fully masked row divides 0 by this, giving 0. */
const SUM_FLOOR = 1e-30;

/** (T, T) 0/1 mask, row-major: all ones, or lower-triangular when causal. */
export function buildMask(t: number, causal: boolean): Float32Array {
  const m = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) m[i * t + j] = !causal || j <= i ? 1 : 0;
  return m;
}

/** Softmax over the last axis with a 0/1 mask broadcast over leading axes. */
function maskedSoftmax(tf: Tf, scores: tfc.Tensor, mask: tfc.Tensor): tfc.Tensor {
  return tf.tidy(() => {
    const inv = tf.sub(1, mask);
    // Masked logits -> MASK_FILL; allowed ones unchanged (s·1 + 0).
    const filled = tf.add(tf.mul(scores, mask), tf.mul(inv, MASK_FILL));
    // Subtracting the row max keeps every exponent <= 0: exp() cannot overflow.
    const shifted = tf.sub(filled, tf.max(filled, -1, true));
    const e = tf.mul(tf.exp(shifted), mask);
    return tf.div(e, tf.maximum(tf.sum(e, -1, true), SUM_FLOOR));
  });
}

export function attentionTensors(tf: Tf, x: tfc.Tensor3D, w: AttentionWeights, opts: AttentionOptions): AttentionTensors {
  const [b, t, d] = x.shape;
  const h = opts.heads;
  if (d % h !== 0) throw new Error(`D=${d} is not divisible by H=${h}`);
  const dh = d / h;
  return tf.tidy(() => {
    // (B, T, D) x (D, D) -> (B, T, D) -> (B, T, H, Dh) -> (B, H, T, Dh)
    const split = (wm: tfc.Tensor2D): tfc.Tensor4D =>
      tf.transpose(tf.reshape(tf.matMul(tf.reshape(x, [b * t, d]), wm), [b, t, h, dh]), [0, 2, 1, 3]);
    const q = split(w.wq),
      k = split(w.wk),
      v = split(w.wv);
    // (B, H, T, Dh) x (B, H, Dh, T) -> (B, H, T, T)
    const rawScores = tf.matMul(q, k, false, true) as tfc.Tensor4D;
    const scaledScores: tfc.Tensor4D = opts.scale ? tf.mul(rawScores, 1 / Math.sqrt(dh)) : tf.clone(rawScores);
    const maskData = opts.mask ?? buildMask(t, opts.causal);
    if (maskData.length !== t * t) throw new Error(`mask has ${maskData.length} entries, expected T*T=${t * t}`);
    const mask = tf.tensor2d(maskData, [t, t]);
    // Nothing masked: plain tf.softmax (also max-subtracted) saves the broadcast ops of the
    // masked path, which dominate on the CPU backend.
    const weights = (maskData.every((m) => m === 1) ? tf.softmax(scaledScores) : maskedSoftmax(tf, scaledScores, mask)) as tfc.Tensor4D;
    // (B, H, T, T) x (B, H, T, Dh) -> (B, H, T, Dh)
    const headOutputs = tf.matMul(weights, v) as tfc.Tensor4D;
    // (B, H, T, Dh) -> (B, T, H, Dh) -> (B*T, D) x (D, D) -> (B, T, D)
    const concat = tf.reshape(tf.transpose(headOutputs, [0, 2, 1, 3]), [b * t, d]);
    const output = tf.reshape(tf.matMul(concat, w.wo), [b, t, d]) as tfc.Tensor3D;
    return { q, k, v, rawScores, scaledScores, mask, weights, headOutputs, output };
  });
}

/** Every intermediate of one sequence (B = 1), as typed arrays. Shapes as in the header, B dropped. */
export interface AttentionData {
  t: number;
  d: number;
  h: number;
  dh: number;
  q: Float32Array; // (H, T, Dh)
  k: Float32Array; // (H, T, Dh)
  v: Float32Array; // (H, T, Dh)
  rawScores: Float32Array; // (H, T, T)
  scaledScores: Float32Array; // (H, T, T)
  mask: Float32Array; // (T, T)
  weights: Float32Array; // (H, T, T)
  headOutputs: Float32Array; // (H, T, Dh)
  output: Float32Array; // (T, D)
}

/** x: (T, D) row-major. Runs on the active backend; disposes every tensor it makes. */
export async function computeAttention(
  tf: Tf,
  x: Float32Array,
  t: number,
  d: number,
  w: AttentionWeights,
  opts: AttentionOptions,
): Promise<AttentionData> {
  if (t < 1) throw new Error('no tokens: attention needs T >= 1');
  if (x.length !== t * d) throw new Error(`x has ${x.length} values, expected T*D=${t * d}`);
  const xs = tf.tensor3d(x, [1, t, d]);
  const r = attentionTensors(tf, xs, w, opts);
  xs.dispose();
  try {
    const order = [r.q, r.k, r.v, r.rawScores, r.scaledScores, r.mask, r.weights, r.headOutputs, r.output];
    const vals = (await Promise.all(order.map((z) => z.data<'float32'>()))) as Float32Array[];
    const [q, k, v, rawScores, scaledScores, mask, weights, headOutputs, output] = vals as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    return { t, d, h: opts.heads, dh: d / opts.heads, q, k, v, rawScores, scaledScores, mask, weights, headOutputs, output };
  } finally {
    tf.dispose(Object.values(r));
  }
}
