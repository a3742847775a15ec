/**
 * The direct (im2col) conv on the WASM heap with the matMul kernel, for the convs Winograd does
 * not take (stride 2, 1×1 shortcuts, channels not a multiple of 4):
 *   forward   P = im2col(x) (M, kC), a heap block kept until the backward pass;  y = P·W
 *   backward  dW = Pᵀ·dy, P read in place as its transpose (the kernel's transposed-A strides);
 *             dP = dy·Wᵀ (W packed transposed);  dx = col2im(dP)
 * W and dy are read in place. Keeping P (kh·kw× x, over stride²) instead of xᵀ saves the
 * transpose in the forward pass and rebuilding Pᵀ from xᵀ in the backward pass. A 1×1 stride-1
 * conv's P is x itself, copied: x's tensor is not ours to keep.
 * Shapes: x (B, H, W, C) NHWC (1D: H = kh = 1), w (kh, kw, C, O).
 */
import * as tf from '@tensorflow/tfjs-core';
import { col2im, type ConvGeom } from './im2col-js';
import { tensorFilled } from './scratch';
import { holdUntilBackward, type WasmHeap } from '../wasm/kernels';
import { heapGemm } from '../wasm/matmul';

/** x, w as the caller's tensors (x4/w4 shapes in g); yShape: the output's shape (3D in 1D). */
export function convDirectHeap(
  heap: WasmHeap,
  x: tf.Tensor,
  w: tf.Tensor,
  g: ConvGeom,
  O: number,
  yShape: number[],
  inputGrad: boolean,
): tf.Tensor {
  const { B, H, W, C, kh, kw, s, ph, pw, Ho, Wo } = g;
  const M = B * Ho * Wo,
    KC = kh * kw * C;
  const direct = kh === 1 && kw === 1 && s === 1 && ph === 0 && pw === 0;
  const { k } = heap;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, wi] = args as [tf.Tensor, tf.Tensor];
    const p = heap.malloc(4 * M * KC);
    let y: { t: tf.Tensor; ptr: number };
    try {
      const xp = heap.ptr(xi);
      if (direct) heap.f32(p, M * KC).set(heap.f32(xp, M * KC));
      else k.im2col2d(xp, B, H, W, C, kh, kw, s, ph, pw, Ho, Wo, p);
      y = heap.alloc(yShape);
      heapGemm(heap, M, KC, O, p, KC, 1, heap.ptr(wi), O, false, y.ptr, O);
    } catch (e) {
      heap.free(p);
      throw e;
    }
    const release = holdUntilBackward(heap, p, y.t);
    return {
      value: y.t,
      gradFunc: (dy: tf.Tensor) => {
        let dw: { t: tf.Tensor; ptr: number };
        try {
          dw = heap.alloc([...wi.shape]);
          heapGemm(heap, KC, M, O, p, 1, KC, heap.ptr(dy), O, false, dw.ptr, O); // Pᵀ·dy
        } finally {
          release();
        } // the backward pass is P's last reader
        // The stem's input is data: its gradient is never used, so skip dP and col2im.
        if (!inputGrad) return [tf.zeros(xi.shape), dw.t];
        const dx = heap.alloc([...xi.shape]);
        if (direct) {
          heapGemm(heap, M, O, KC, heap.ptr(dy), O, 1, heap.ptr(wi), O, true, dx.ptr, KC);
          return [dx.t, dw.t];
        }
        const dp = heap.malloc(4 * M * KC);
        try {
          heapGemm(heap, M, O, KC, heap.ptr(dy), O, 1, heap.ptr(wi), O, true, dp, KC); // dy·Wᵀ
          if (C % 4 === 0) {
            k.col2im2d(dp, B, H, W, C, kh, kw, s, ph, pw, Ho, Wo, dx.ptr);
            return [dx.t, dw.t];
          }
          dx.t.dispose();
          // dP is viewed only after dx's memory exists (an allocation may move the WASM heap).
          return [
            tensorFilled([...xi.shape], (out) => {
              out.fill(0);
              col2im(heap.f32(dp, M * KC), g, out);
            }),
            dw.t,
          ];
        } finally {
          heap.free(dp);
        }
      },
    };
  });
  return op(x, w);
}
