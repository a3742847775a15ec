/**
 * 3-tap, stride-1, pad-1 1D convolution as Winograd F(4,3) on the WASM backend (./winograd.ts):
 * per four outputs 6 multiplications instead of 12, so each of the three training products
 * (forward, dW, dx) does half the direct (im2col) work, less the ragged last tile (W = 25: 28
 * outputs computed for 25). Transforms: ../wasm/wino1d.as.ts. T = B·⌈W/4⌉ tiles, 6 matrices.
 * Shapes: x (B, W, C), w (3, C, O) -> y (B, W, O).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WasmHeap } from '../wasm/kernels';
import { winogradConv } from './winograd';

/** x (B, W, C), w (3, C, O) -> (B, W, O). inputGrad false: zero dx (the stem). */
export function conv1dWinograd(heap: WasmHeap, x: tf.Tensor3D, w: tf.Tensor3D, inputGrad: boolean): tf.Tensor3D {
  const [B, W, C] = x.shape;
  const O = w.shape[2];
  const { k } = heap;
  return winogradConv(heap, {
    n: 6, T: B * ((W + 3) >> 2), C, O, xShape: [B, W, C], yShape: [B, W, O], wShape: [3, C, O],
    filter: (g, v) => k.wino4Filter(g, C, O, v),
    filterGrad: (dv, dg) => k.wino4FilterGrad(dv, C, O, dg),
    input: (xp, u, ms) => k.wino4In(xp, B, W, C, u, ms),
    output: (m, y, ms) => k.wino4Out(m, B, W, O, y, ms),
    gradOut: (dy, dm, ms) => k.wino4GradOut(dy, B, W, O, dm, ms),
    gradIn: (du, dx, ms) => k.wino4GradIn(du, B, W, C, dx, ms),
  }, x, w, inputGrad) as tf.Tensor3D;
}
