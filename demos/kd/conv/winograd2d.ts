/**
 * 3×3, stride-1, pad-1 2D convolution as Winograd F(2×2,3×3) on the WASM backend
 * (./winograd.ts): per 2×2 outputs 16 multiplications instead of 36, so each of the three
 * training products does 4/9 of the direct (im2col) work, and no 9× patch matrix is built:
 * U is 4× x (16 matrices of T = B·⌈H/2⌉·⌈W/2⌉ rows). Transforms: ../wasm/wino2d.as.ts.
 * Shapes: x (B, H, W, C), w (3, 3, C, O) -> y (B, H, W, O).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { WasmHeap } from '../wasm/kernels';
import { winogradConv } from './winograd';

/** x (B, H, W, C), w (3, 3, C, O) -> (B, H, W, O). inputGrad false: zero dx (the stem). */
export function conv2dWinograd(heap: WasmHeap, x: tf.Tensor4D, w: tf.Tensor4D, inputGrad: boolean): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  const O = w.shape[3];
  const { k } = heap;
  return winogradConv(
    heap,
    {
      n: 16,
      T: B * ((H + 1) >> 1) * ((W + 1) >> 1),
      C,
      O,
      xShape: [B, H, W, C],
      yShape: [B, H, W, O],
      wShape: [3, 3, C, O],
      filter: (g, v) => k.wino2Filter(g, C, O, v),
      filterGrad: (dv, dg) => k.wino2FilterGrad(dv, C, O, dg),
      input: (xp, u, ms) => k.wino2In(xp, B, H, W, C, u, ms),
      output: (m, y, ms) => k.wino2Out(m, B, H, W, O, y, ms),
      gradOut: (dy, dm, ms) => k.wino2GradOut(dy, B, H, W, O, dm, ms),
      gradIn: (du, dx, ms) => k.wino2GradIn(du, B, H, W, C, dx, ms),
    },
    x,
    w,
    inputGrad,
  ) as tf.Tensor4D;
}
