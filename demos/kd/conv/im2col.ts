/**
 * Convolution as im2col + one matMul, built only from ops that have gradients in tfjs
 * (pad, reshape, slice, concat, matMul; never stridedSlice, which has no gradient), so it
 * trains on backends whose conv filter-gradient kernel is missing (WASM has no
 * Conv2DBackpropFilter) or slow (stock CPU).
 *
 * Padding is explicit and symmetric, as PyTorch's `padding=p` (tfjs 'same' pads
 * asymmetrically for stride 2, which would break checkpoint parity).
 *
 * Strided sampling without strided slices: pad the length to a multiple of the stride s,
 * reshape (.., L, ..) -> (.., L/s, s, ..), and take a plain slice at phase j % s starting at
 * row floor(j / s). Tap j of output t reads input j + s·t = s·(t + floor(j/s)) + j % s.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Output length of a conv along one axis (PyTorch formula). */
function convOutLen(len: number, k: number, stride: number, pad: number): number {
  return Math.floor((len + 2 * pad - k) / stride) + 1;
}

/** Taps of a 1D conv: (B, W, C) -> list of k tensors (B, Wout, C), tap j = x[j + s·t - pad]. */
function taps1d(x: tf.Tensor3D, k: number, stride: number, pad: number): tf.Tensor3D[] {
  const [B, W, C] = x.shape;
  const Wout = convOutLen(W, k, stride, pad);
  const Wp = W + 2 * pad;
  const extra = (stride - (Wp % stride)) % stride; // never read; makes the reshape exact
  const xp =
    pad > 0 || extra > 0
      ? tf.pad(x, [
          [0, 0],
          [pad, pad + extra],
          [0, 0],
        ])
      : x;
  if (stride === 1) return Array.from({ length: k }, (_, j) => tf.slice(xp, [0, j, 0], [B, Wout, C]));
  const L = (Wp + extra) / stride;
  const xr = tf.reshape(xp, [B, L, stride, C]); // (B, W/s, s, C)
  return Array.from({ length: k }, (_, j) =>
    tf.reshape(tf.slice(xr, [0, Math.floor(j / stride), j % stride, 0], [B, Wout, 1, C]), [B, Wout, C]),
  );
}

/** Taps of a 2D conv: (B, H, W, C) -> kh·kw tensors (B, Ho, Wo, C) in (dy, dx) row-major order. */
function taps2d(x: tf.Tensor4D, k: number, stride: number, pad: number): tf.Tensor4D[] {
  const [B, H, W, C] = x.shape;
  const Ho = convOutLen(H, k, stride, pad);
  const Wo = convOutLen(W, k, stride, pad);
  const Hp = H + 2 * pad,
    Wp = W + 2 * pad;
  const eh = (stride - (Hp % stride)) % stride,
    ew = (stride - (Wp % stride)) % stride;
  const xp =
    pad > 0 || eh > 0 || ew > 0
      ? tf.pad(x, [
          [0, 0],
          [pad, pad + eh],
          [pad, pad + ew],
          [0, 0],
        ])
      : x;
  const out: tf.Tensor4D[] = [];
  if (stride === 1) {
    for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) out.push(tf.slice(xp, [0, dy, dx, 0], [B, Ho, Wo, C]));
    return out;
  }
  const Lh = (Hp + eh) / stride,
    Lw = (Wp + ew) / stride;
  // (B, Hp, Wp, C) -> (B·Lh, s, Lw, s·C): rows split by phase; columns' phase folded into channels.
  const xr = tf.reshape(xp, [B * Lh, stride, Lw, stride * C]);
  for (let dy = 0; dy < k; dy++) {
    const rowPick = tf.reshape(tf.slice(xr, [0, dy % stride, 0, 0], [B * Lh, 1, Lw, stride * C]), [B, Lh, Lw, stride * C]);
    const rows = tf.slice(rowPick, [0, Math.floor(dy / stride), 0, 0], [B, Ho, Lw, stride * C]) as tf.Tensor4D;
    for (let dx = 0; dx < k; dx++) {
      out.push(tf.slice(rows, [0, 0, Math.floor(dx / stride), (dx % stride) * C], [B, Ho, Wo, C]));
    }
  }
  return out;
}

/**
 * matMul whose gradient uses no transposeA/transposeB flags (explicit tf.transpose + plain
 * matMul): on WASM the flagged matMul leaves XNNPACK for a naive loop (~7× slower here).
 */
const matMulNoTransposeGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy as tf.Tensor2D)];
    },
  };
}) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** 1D conv by im2col: x (B, W, Cin), w (k, Cin, Cout) -> (B, Wout, Cout). */
export function conv1dIm2col(x: tf.Tensor3D, w: tf.Tensor3D, stride: number, pad: number): tf.Tensor3D {
  const [k, Cin, Cout] = w.shape;
  const t = taps1d(x, k, stride, pad);
  const B = x.shape[0],
    Wout = t[0]!.shape[1];
  const p = t.length === 1 ? t[0]! : tf.concat(t, 2); // (B, Wout, k·Cin)
  const y = matMulNoTransposeGrad(tf.reshape(p, [B * Wout, k * Cin]), tf.reshape(w, [k * Cin, Cout])); // (B·Wout, Cout)
  return tf.reshape(y, [B, Wout, Cout]);
}

/** 2D conv by im2col: x (B, H, W, Cin), w (k, k, Cin, Cout) -> (B, Ho, Wo, Cout). */
export function conv2dIm2col(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: number): tf.Tensor4D {
  const [k, , Cin, Cout] = w.shape;
  const t = taps2d(x, k, stride, pad);
  const [B, Ho, Wo] = t[0]!.shape;
  const p = t.length === 1 ? t[0]! : tf.concat(t, 3); // (B, Ho, Wo, k·k·Cin)
  const y = matMulNoTransposeGrad(tf.reshape(p, [B * Ho * Wo, k * k * Cin]), tf.reshape(w, [k * k * Cin, Cout]));
  return tf.reshape(y, [B, Ho, Wo, Cout]);
}
