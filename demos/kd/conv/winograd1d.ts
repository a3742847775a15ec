/**
 * 3-tap, stride-1, pad-1 1D convolution as Winograd F(2,3) on the WASM backend: per pair of
 * outputs 4 multiplications instead of 6, so each of the three training matMuls (forward, dW,
 * dx) does 2/3 of the direct (im2col) work. Used by ./fast-conv.ts for the WRN's 3-tap stride-1
 * convs (most of the network's FLOPs) when the WASM kernels are available and C, O are
 * multiples of 4 and wide enough (winogradApplies). Tiles and transforms: ../wasm/kernels.as.ts (winoIn … winoGradIn).
 *
 *   V_ξ = (G g)_ξ: V0 = g0, V1 = (g0 + g1 + g2)/2, V2 = (g0 − g1 + g2)/2, V3 = g2   (C × O each)
 *   forward   M_ξ = U_ξ·V_ξ;  y = Aᵀm                                             4 × (T×C)·(C×O)
 *   backward  dM = A·dy;  dV_ξ = U_ξᵀ·dM_ξ;  dU_ξ = dM_ξ·V_ξᵀ;  dx = B·dU;  dg = Gᵀ·dV
 * with T = B·⌈W/2⌉ tiles. The gradient is the exact adjoint of this computation; it differs
 * from tf.conv1d's only by float rounding (test/unit/conv.test.ts, wasm-kernels.test.ts).
 * Shapes: x (B, W, C), w (3, C, O) -> y (B, W, O).
 */
import * as tf from '@tensorflow/tfjs-core';
import { holdUntilBackward, type WasmHeap } from '../wasm/kernels';
import { heapMatMul } from '../wasm/matmul';

/**
 * Where Winograd is used: 3-tap stride-1 pad-1 convs with C, O multiples of 4 and at least 40
 * channels. Measured with `npm run bench:conv` (forward + both gradients, batch 128): no gain at
 * 16–64 channels (the 4 matMuls with K = C are too small for XNNPACK to run at full rate),
 * 15–35 % faster at 48–192 channels at the WRN's lengths.
 */
export const WINOGRAD_MIN_CHANNELS = 40;

let enabled = true;
let minChannels = WINOGRAD_MIN_CHANNELS;
/**
 * Turns the Winograd path off (direct im2col convs instead), or on from `min` channels
 * (default WINOGRAD_MIN_CHANNELS); for benchmarks and tests.
 */
export function setWinogradEnabled(on: boolean, min = WINOGRAD_MIN_CHANNELS): void { enabled = on; minChannels = min; }

export function winogradApplies(heap: WasmHeap | null, kw: number, s: number, p: number, C: number, O: number): heap is WasmHeap {
  return enabled && heap !== null && kw === 3 && s === 1 && p === 1 && C % 4 === 0 && O % 4 === 0
    && Math.min(C, O) >= minChannels;
}

type Quad = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];

function allocQuad(heap: WasmHeap, rows: number, cols: number): { t: Quad; p: [number, number, number, number] } {
  const a = [0, 1, 2, 3].map(() => heap.alloc([rows, cols]));
  return { t: a.map((e) => e.t) as Quad, p: a.map((e) => e.ptr) as [number, number, number, number] };
}

/** V_ξ (C×O) from g (3, C, O), in JS (small). The backward pass reads V_ξ as V_ξᵀ's transpose in place. */
function filterTransform(g: Float32Array, C: number, O: number): Float32Array[] {
  const n = C * O;
  const v = [0, 1, 2, 3].map(() => new Float32Array(n));
  const [v0, v1, v2, v3] = v as [Float32Array, Float32Array, Float32Array, Float32Array];
  for (let i = 0; i < n; i++) {
    const g0 = g[i]!, g1 = g[n + i]!, g2 = g[2 * n + i]!;
    v0[i] = g0; v1[i] = (g0 + g1 + g2) * 0.5; v2[i] = (g0 - g1 + g2) * 0.5; v3[i] = g2;
  }
  return v;
}

/** x (B, W, C), w (3, C, O) -> (B, W, O). inputGrad false: zero dx (the stem). */
export function conv1dWinograd(heap: WasmHeap, x: tf.Tensor3D, w: tf.Tensor3D, inputGrad: boolean): tf.Tensor3D {
  const [B, W, C] = x.shape;
  const O = w.shape[2];
  const Tw = (W + 1) >> 1, T = B * Tw;
  const { k } = heap;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, wi] = args as [tf.Tensor, tf.Tensor];
    const v = filterTransform(wi.dataSync() as Float32Array, C, O);
    const xp = heap.ptr(xi);
    // xᵀ (C, B·W) stays in the heap for the backward pass, which builds U_ξᵀ from it.
    const xT = heap.malloc(4 * B * W * C);
    if ((B * W) % 4 === 0) k.transpose4(xp, B * W, C, xT); else k.transpose(xp, B * W, C, xT);
    const U = allocQuad(heap, T, C);
    k.winoIn(xp, B, W, C, ...U.p);
    const value = tf.tidy(() => {
      const m = U.t.map((u, i) => heapMatMul(heap, u, tf.tensor2d(v[i]!, [C, O]))) as Quad;
      const y = heap.alloc([B, W, O]);
      k.winoOut(heap.ptr(m[0]), heap.ptr(m[1]), heap.ptr(m[2]), heap.ptr(m[3]), B, W, O, y.ptr);
      return y.t;
    });
    tf.dispose(U.t);
    const release = holdUntilBackward(heap, xT, value);
    return {
      value,
      gradFunc: (dy: tf.Tensor) => {
        const dM = allocQuad(heap, T, O);
        k.winoGradOut(heap.ptr(dy), B, W, O, ...dM.p);
        const UT = allocQuad(heap, C, T);
        k.winoInT(xT, B, W, C, ...UT.p);
        release(); // xᵀ's last reader
        const dV = dM.t.map((d, i) => heapMatMul(heap, UT.t[i]!, d)) as Quad; // (C, O)
        tf.dispose(UT.t);
        // dg = Gᵀ·dV: dg0 = dV0 + (dV1 + dV2)/2, dg1 = (dV1 − dV2)/2, dg2 = (dV1 + dV2)/2 + dV3.
        const n = C * O;
        const dw = heap.alloc([3, C, O]);
        const dv = dV.map((t) => heap.f32(heap.ptr(t), n)), out = heap.f32(dw.ptr, 3 * n);
        for (let i = 0; i < n; i++) {
          const a = dv[0]![i]!, b = dv[1]![i]!, c = dv[2]![i]!, d = dv[3]![i]!;
          const h = (b + c) * 0.5;
          out[i] = a + h; out[n + i] = (b - c) * 0.5; out[2 * n + i] = h + d;
        }
        tf.dispose(dV);
        if (!inputGrad) { tf.dispose(dM.t); return [tf.zeros(x.shape), dw.t]; }
        const vs = tf.tidy(() => v.map((vi) => tf.tensor2d(vi, [C, O])));
        const dU = dM.t.map((d, i) => heapMatMul(heap, d, vs[i]!, true)) as Quad; // (T, C) = dM·Vᵀ, V read in place
        tf.dispose(vs);
        tf.dispose(dM.t);
        const dx = heap.alloc([B, W, C]);
        k.winoGradIn(heap.ptr(dU[0]), heap.ptr(dU[1]), heap.ptr(dU[2]), heap.ptr(dU[3]), B, W, C, dx.ptr);
        tf.dispose(dU);
        return [dx.t, dw.t];
      },
    };
  });
  return op(x, w) as tf.Tensor3D;
}
