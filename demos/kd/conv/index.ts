/**
 * One entry point for the WRN's convolutions, with two interchangeable implementations:
 *  - 'tf':     tf.conv1d / tf.conv2d on an explicitly padded input (stock kernels).
 *  - 'im2col': patches from pad/slice/concat + matMul (./im2col.ts), plain autodiff; any backend.
 *  - 'fast':   JS im2col/col2im + transpose-free matMul gradients in one custom op
 *              (./fast-conv.ts); cpu and wasm only. Trains on WASM (no filter-grad kernel there).
 * Both use PyTorch's symmetric zero padding, so checkpoints give identical logits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv1dIm2col, conv2dIm2col } from './im2col';
import { conv1dFast, conv2dFast } from './fast-conv';

export type ConvImpl = 'tf' | 'im2col' | 'fast';

/** x (B, W, Cin), w (k, Cin, Cout) -> (B, Wout, Cout). */
/** `inputGrad: false` (fast path only) returns a zero gradient for x: for the stem, whose input is data. */
export function conv1d(x: tf.Tensor3D, w: tf.Tensor3D, stride: number, pad: number, impl: ConvImpl, inputGrad = true): tf.Tensor3D {
  if (impl === 'fast') return conv1dFast(x, w, stride, pad, inputGrad);
  if (impl === 'im2col') return conv1dIm2col(x, w, stride, pad);
  const xp =
    pad > 0
      ? tf.pad(x, [
          [0, 0],
          [pad, pad],
          [0, 0],
        ])
      : x;
  return tf.conv1d(xp, w, stride, 'valid');
}

/** x (B, H, W, Cin), w (k, k, Cin, Cout) -> (B, Ho, Wo, Cout). */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: number, impl: ConvImpl, inputGrad = true): tf.Tensor4D {
  if (impl === 'fast') return conv2dFast(x, w, stride, pad, inputGrad);
  if (impl === 'im2col') return conv2dIm2col(x, w, stride, pad);
  return tf.conv2d(x, w, stride, [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ]);
}

/** The implementation we measured to be faster on `backend` (demos/kd/wasm/README.md; figures in docs/measurements.md). */
export function defaultConvImpl(backend: string): ConvImpl {
  return backend === 'cpu' || backend === 'wasm' ? 'fast' : 'tf';
}
