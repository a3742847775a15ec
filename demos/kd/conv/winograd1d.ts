/**
 * 3-tap, stride-1, pad-1 1D convolution as Winograd F(4,3) on the WASM backend: per four
 * outputs 6 multiplications instead of 12, so each of the three training products (forward,
 * dW, dx) does half the direct (im2col) work, less the ragged last tile (W = 25: 28 of 25
 * outputs). Used by ./fast-conv.ts for the WRN's 3-tap stride-1 convs (most of the network's
 * FLOPs) when the WASM kernels and the matMul kernel are available and C, O are multiples of 4
 * and wide enough (winogradApplies). Transforms: ../wasm/wino1d.as.ts.
 *
 *   forward   U = Bᵀd, V = Gg;  M_ξ = U_ξ·V_ξ;  y = AᵀM                       6 × (T×C)·(C×O)
 *   backward  dM = A·dy;  dV_ξ = U_ξᵀ·dM_ξ;  dU_ξ = dM_ξ·V_ξᵀ;  dx = B·dU;  dg = Gᵀ·dV
 * with T = B·⌈W/4⌉ tiles. U and V are kept in one heap block from the forward pass to the
 * backward pass (U is 1.5× x), so dV reads U in place as Uᵀ (the matMul kernel's transposed-A
 * strides) and dU reads V in place as Vᵀ: no transposes, no rebuilt tiles. The gradient is the
 * exact adjoint of this computation; it differs from tf.conv1d's only by float rounding
 * (test/unit/conv.test.ts, wasm-kernels.test.ts, wasm-matmul.test.ts).
 * Shapes: x (B, W, C), w (3, C, O) -> y (B, W, O).
 */
import * as tf from '@tensorflow/tfjs-core';
import { holdUntilBackward, type WasmHeap } from '../wasm/kernels';
import { heapGemm, wasmMatMulEnabled } from '../wasm/matmul';

/**
 * Where Winograd is used: 3-tap stride-1 pad-1 convs with C, O multiples of 4 and at least this
 * many channels. `npm run bench:conv` (forward + both gradients, batch 128) measured it faster
 * than the direct kernels at every width tried, 8 to 192 channels (demos/kd/README.md).
 */
export const WINOGRAD_MIN_CHANNELS = 8;

let enabled = true;
let minChannels = WINOGRAD_MIN_CHANNELS;
/**
 * Turns the Winograd path off (direct im2col convs instead), or on from `min` channels
 * (default WINOGRAD_MIN_CHANNELS); for benchmarks and tests.
 */
export function setWinogradEnabled(on: boolean, min = WINOGRAD_MIN_CHANNELS): void { enabled = on; minChannels = min; }

/** Winograd's products run on raw heap blocks, so it needs the matMul kernel (no tf.matMul fallback). */
export function winogradApplies(heap: WasmHeap | null, kw: number, s: number, p: number, C: number, O: number): heap is WasmHeap {
  return enabled && heap !== null && wasmMatMulEnabled() && kw === 3 && s === 1 && p === 1 && C % 4 === 0 && O % 4 === 0
    && Math.min(C, O) >= minChannels;
}

/** x (B, W, C), w (3, C, O) -> (B, W, O). inputGrad false: zero dx (the stem). */
export function conv1dWinograd(heap: WasmHeap, x: tf.Tensor3D, w: tf.Tensor3D, inputGrad: boolean): tf.Tensor3D {
  const [B, W, C] = x.shape;
  const O = w.shape[2];
  const T = B * ((W + 3) >> 2);
  // Byte sizes of one U_ξ (T×C), V_ξ (C×O), M_ξ or dM_ξ (T×O); six of each.
  const uB = 4 * T * C, vB = 4 * C * O, mB = 4 * T * O;
  const { k } = heap;
  /** U, V into their block; y = AᵀM. */
  const forward = (xi: tf.Tensor, wi: tf.Tensor, u: number, v: number): tf.Tensor => {
    const m = heap.malloc(6 * mB);
    try {
      k.wino4Filter(heap.ptr(wi), C, O, v);
      k.wino4In(heap.ptr(xi), B, W, C, u);
      for (let j = 0; j < 6; j++) heapGemm(heap, u + j * uB, C, 1, v + j * vB, false, m + j * mB, T, C, O);
      const y = heap.alloc([B, W, O]);
      k.wino4Out(m, B, W, O, y.ptr);
      return y.t;
    } finally { heap.free(m); }
  };
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, wi] = args as [tf.Tensor, tf.Tensor];
    // One block [U (6, T, C) | V (6, C, O)], held until the backward pass.
    const u = heap.malloc(6 * (uB + vB)), v = u + 6 * uB;
    let y: tf.Tensor;
    try {
      y = forward(xi, wi, u, v);
    } catch (e) { heap.free(u); throw e; }
    const release = holdUntilBackward(heap, u, y);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor) => {
        const dm = heap.malloc(6 * mB);
        try {
          k.wino4GradOut(heap.ptr(dy), B, W, O, dm);
          // dV_ξ (C, O) = U_ξᵀ·dM_ξ: U_ξ (T, C) read as its transpose (lda 1, ka C).
          const dv = heap.malloc(6 * vB);
          let dw: { t: tf.Tensor; ptr: number };
          try {
            for (let j = 0; j < 6; j++) heapGemm(heap, u + j * uB, 1, C, dm + j * mB, false, dv + j * vB, C, T, O);
            dw = heap.alloc([3, C, O]);
            k.wino4FilterGrad(dv, C, O, dw.ptr);
          } finally { heap.free(dv); }
          if (!inputGrad) return [tf.zeros(x.shape), dw.t];
          // dU_ξ (T, C) = dM_ξ·V_ξᵀ: V_ξ (C, O) packed as the transposed right-hand side.
          const du = heap.malloc(6 * uB);
          try {
            for (let j = 0; j < 6; j++) heapGemm(heap, dm + j * mB, O, 1, v + j * vB, true, du + j * uB, T, O, C);
            const dx = heap.alloc([B, W, C]);
            k.wino4GradIn(du, B, W, C, dx.ptr);
            return [dx.t, dw.t];
          } finally { heap.free(du); }
        } finally {
          heap.free(dm);
          release(); // U and V: the backward pass is their last reader
        }
      },
    };
  });
  return op(x, w) as tf.Tensor3D;
}
