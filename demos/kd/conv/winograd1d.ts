/**
 * 3-tap, stride-1, pad-1 1D convolution as Winograd F(5,3) on the WASM backend (./winograd.ts):
 * per five outputs 7 multiplications instead of 15, so each of the three training products
 * (forward, dW, dx) does 7/15 of the direct (im2col) work; five outputs per tile divide the
 * WRN's lengths 100, 50 and 25 (F(4,3), 6/12 of the work, computed 28 outputs for 25: 0.56 there;
 * F(5,3) measured 10 % faster per 1D WRN16-3 step). Transforms: ../wasm/wino1d.as.ts. T = B·⌈W/5⌉ tiles,
 * 7 matrices. Shapes: x (B, W, C), w (3, C, O) -> y (B, W, O).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { WasmHeap } from '../wasm/kernels';
import { winogradConv } from './winograd';

/** x (B, W, C), w (3, C, O) -> (B, W, O). inputGrad false: zero dx (the stem). */
export function conv1dWinograd(heap: WasmHeap, x: tf.Tensor3D, w: tf.Tensor3D, inputGrad: boolean): tf.Tensor3D {
  const [B, W, C] = x.shape;
  const O = w.shape[2];
  const { k } = heap;
  return winogradConv(
    heap,
    {
      n: 7,
      T: B * Math.ceil(W / 5),
      C,
      O,
      xShape: [B, W, C],
      yShape: [B, W, O],
      wShape: [3, C, O],
      filter: (g, v) => k.wino5Filter(g, C, O, v),
      filterGrad: (dv, dg) => k.wino5FilterGrad(dv, C, O, dg),
      input: (xp, u, ms) => k.wino5In(xp, B, W, C, u, ms),
      output: (m, y, ms) => k.wino5Out(m, B, W, O, y, ms),
      gradOut: (dy, dm, ms) => k.wino5GradOut(dy, B, W, O, dm, ms),
      gradIn: (du, dx, ms) => k.wino5GradIn(du, B, W, C, dx, ms),
    },
    x,
    w,
    inputGrad,
  ) as tf.Tensor3D;
}
