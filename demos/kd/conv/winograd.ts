/**
 * Winograd convolutions on the WASM backend, the part shared by 1D F(5,3) (./winograd1d.ts)
 * and 2D F(2×2,3×3) (./winograd2d.ts): n transformed matrices per conv (7 or 16), one matMul
 * kernel product per matrix, in all three training passes:
 *
 *   forward   U = input transform of x (n × (T, C)), V = filter transform of w (n × (C, O));
 *             M_ξ = U_ξ·V_ξ;  y = output transform of M                        n × (T×C)·(C×O)
 *   backward  dM = adjoint output transform of dy;  dV_ξ = U_ξᵀ·dM_ξ;  dw = adjoint filter
 *             transform of dV;  dU_ξ = dM_ξ·V_ξᵀ;  dx = adjoint input transform of dU
 *
 * with T tiles. U and V are kept in one heap block from the forward pass to the backward pass,
 * so dV reads U in place as Uᵀ (the matMul kernel's transposed-A strides) and dU reads V in
 * place as Vᵀ (packed transposed): no transposes, no tiles rebuilt from x. The gradient is the
 * exact adjoint of this computation, so it differs from tf.conv's only by float rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { holdUntilBackward, type WasmHeap } from '../wasm/kernels';
import { heapGemm, wasmMatMulEnabled } from '../wasm/matmul';

/**
 * Where Winograd is used: 3-tap (3×3) stride-1 pad-1 convs with C, O multiples of 4 and at least
 * this many channels. `npm run bench:conv` (forward + both gradients) measured it faster than
 * the direct kernels at every width tried, 8 to 192 channels (docs/measurements.md, "WASM kernels").
 */
export const WINOGRAD_MIN_CHANNELS = 8;

let enabled = true;
let minChannels = WINOGRAD_MIN_CHANNELS;
/**
 * Turns the Winograd paths off (direct im2col convs instead), or on from `min` channels
 * (default WINOGRAD_MIN_CHANNELS); for benchmarks and tests.
 */
export function setWinogradEnabled(on: boolean, min = WINOGRAD_MIN_CHANNELS): void {
  enabled = on;
  minChannels = min;
}

/** Winograd's products run on raw heap blocks, so it needs the matMul kernel (no tf.matMul fallback). */
export function winogradApplies(heap: WasmHeap | null, k: number, s: number, p: number, C: number, O: number): heap is WasmHeap {
  return (
    enabled &&
    heap !== null &&
    wasmMatMulEnabled() &&
    k === 3 &&
    s === 1 &&
    p === 1 &&
    C % 4 === 0 &&
    O % 4 === 0 &&
    Math.min(C, O) >= minChannels
  );
}

/** One Winograd algorithm on concrete shapes: the transforms are WASM kernels on heap offsets. */
export interface WinogradPlan {
  n: number;
  T: number;
  C: number;
  O: number;
  xShape: number[];
  yShape: number[];
  wShape: number[];
  filter(w: number, v: number): void;
  filterGrad(dv: number, dw: number): void;
  /** ms: floats from one transformed matrix to the next (matrixStride). */
  input(x: number, u: number, ms: number): void;
  output(m: number, y: number, ms: number): void;
  gradOut(dy: number, dm: number, ms: number): void;
  gradIn(du: number, dx: number, ms: number): void;
}

/**
 * Floats from one of the n matrices to the next, for `size` floats each: at least `size`, and
 * 256 bytes past a multiple of 4 KiB, so that the n streams a transform reads or writes start
 * at n different offsets modulo 4 KiB (at T·C = 2^18, packed back to back, they all fell into
 * the same L1 cache sets and the writing transforms ran 2–3× slower).
 */
function matrixStride(size: number): number {
  return Math.ceil(size / 1024) * 1024 + 64;
}

/** The conv of `plan` as a custom op on x, w. inputGrad false: zero dx (the stem). */
export function winogradConv(heap: WasmHeap, plan: WinogradPlan, x: tf.Tensor, w: tf.Tensor, inputGrad: boolean): tf.Tensor {
  const { n, T, C, O } = plan;
  // U, dU: n (T, C) matrices msU floats apart; M, dM: n (T, O) msM apart; V, dV: n (C, O) back to back.
  const msU = matrixStride(T * C),
    msM = matrixStride(T * O);
  const uB = 4 * n * msU,
    vB = 4 * C * O,
    mB = 4 * n * msM;
  const forward = (xi: tf.Tensor, wi: tf.Tensor, u: number, v: number): tf.Tensor => {
    const m = heap.malloc(mB);
    try {
      plan.filter(heap.ptr(wi), v);
      plan.input(heap.ptr(xi), u, msU);
      for (let j = 0; j < n; j++) heapGemm(heap, T, C, O, u + 4 * j * msU, C, 1, v + j * vB, O, false, m + 4 * j * msM, O);
      const y = heap.alloc(plan.yShape);
      plan.output(m, y.ptr, msM);
      return y.t;
    } finally {
      heap.free(m);
    }
  };
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, wi] = args as [tf.Tensor, tf.Tensor];
    // One block [U | V], held until the backward pass.
    const u = heap.malloc(uB + n * vB),
      v = u + uB;
    let y: tf.Tensor;
    try {
      y = forward(xi, wi, u, v);
    } catch (e) {
      heap.free(u);
      throw e;
    }
    const release = holdUntilBackward(heap, u, y);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor) => {
        const dm = heap.malloc(mB);
        try {
          plan.gradOut(heap.ptr(dy), dm, msM);
          // dV_ξ (C, O) = U_ξᵀ·dM_ξ: U_ξ (T, C) read as its transpose (lda 1, ka C).
          const dv = heap.malloc(n * vB);
          let dw: { t: tf.Tensor; ptr: number };
          try {
            for (let j = 0; j < n; j++) heapGemm(heap, C, T, O, u + 4 * j * msU, 1, C, dm + 4 * j * msM, O, false, dv + j * vB, O);
            dw = heap.alloc(plan.wShape);
            plan.filterGrad(dv, dw.ptr);
          } finally {
            heap.free(dv);
          }
          if (!inputGrad) return [tf.zeros(plan.xShape), dw.t];
          // dU_ξ (T, C) = dM_ξ·V_ξᵀ: V_ξ (C, O) packed as the transposed right-hand side.
          const du = heap.malloc(uB);
          try {
            for (let j = 0; j < n; j++) heapGemm(heap, T, O, C, dm + 4 * j * msM, O, 1, v + j * vB, O, true, du + 4 * j * msU, C);
            const dx = heap.alloc(plan.xShape);
            plan.gradIn(du, dx.ptr, msU);
            return [dx.t, dw.t];
          } finally {
            heap.free(du);
          }
        } finally {
          heap.free(dm);
          release(); // U and V: the backward pass is their last reader
        }
      },
    };
  });
  return op(x, w);
}
