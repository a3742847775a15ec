/**
 * The fast CPU/WASM convolution: one custom op (tf.customGrad) per conv.
 *   forward   P = im2col(x) (JS loop, ./im2col-js.ts);  y = P·W       (M, kC)·(kC, O)
 *   backward  dW = Pᵀ·dy;  dP = dy·Wᵀ;  dx = col2im(dP)
 * Transposes are explicit (tf.transpose, then a plain matMul): the WASM backend's matMul
 * with transposeA/transposeB leaves XNNPACK for a naive loop, measured ~7× slower for these
 * shapes (see demos/kd/wasm/README.md), which is why autodiff's own matMul gradient is avoided.
 * 1×1 stride-1 convs skip im2col (P is x itself).
 *
 * Only for backends whose tensors live in CPU memory (cpu, wasm): dataSync() here would be a
 * GPU read-back on WebGL/WebGPU. Shapes: x (B, H, W, C) NHWC (1D: H = 1), w (kh, kw, C, O).
 */
import * as tf from '@tensorflow/tfjs-core';
import { col2im, geom, im2col, type ConvGeom } from './im2col-js';
import { giveScratch, readNow, takeScratch, tensorFilled } from './scratch';
import { holdUntilBackward, wasmHeap, type WasmHeap } from '../wasm/kernels';
import { heapMatMul, wasmMatMulEnabled } from '../wasm/matmul';
import { convDirectHeap } from './direct-heap';
import { winogradApplies } from './winograd';
import { conv1dWinograd } from './winograd1d';
import { conv2dWinograd } from './winograd2d';

/** (rows, cols) row-major -> (cols, rows) row-major, in 32-row blocks (cache-friendly writes). */
function transposeJs(a: Float32Array, rows: number, cols: number, out: Float32Array): void {
  const BS = 32;
  for (let r0 = 0; r0 < rows; r0 += BS) {
    const r1 = Math.min(rows, r0 + BS);
    for (let c = 0; c < cols; c++) {
      const dst = c * rows;
      for (let r = r0; r < r1; r++) out[dst + r] = a[r * cols + c]!;
    }
  }
}

/**
 * 1D only (kh = 1): Pᵀ (kw·C, B·Wo) from xᵀ (C, B·W). Row (j, c) of Pᵀ is channel c of x,
 * shifted by j − pw (and strided by s) within each sample, zero outside: for stride 1 one
 * contiguous copy per (j, c, b) instead of a transpose of the 3× larger P.
 */
function patchesTFromXT(xT: Float32Array, g: ConvGeom, out: Float32Array): void {
  const { B, W, C, kw, s, pw, Wo } = g;
  const M = B * Wo,
    BW = B * W;
  for (let j = 0; j < kw; j++) {
    const sh = j - pw; // iw = ow·s + sh
    const lo = Math.max(0, Math.ceil(-sh / s)),
      hi = Math.min(Wo, Math.floor((W - 1 - sh) / s) + 1);
    for (let c = 0; c < C; c++) {
      const rowOut = (j * C + c) * M,
        rowIn = c * BW;
      for (let b = 0; b < B; b++) {
        const o = rowOut + b * Wo,
          src = rowIn + b * W + sh;
        if (hi <= lo) {
          out.fill(0, o, o + Wo);
          continue;
        }
        if (lo > 0) out.fill(0, o, o + lo);
        if (s === 1) out.set(xT.subarray(src + lo, src + hi), o + lo);
        else for (let ow = lo; ow < hi; ow++) out[o + ow] = xT[src + ow * s]!;
        if (hi < Wo) out.fill(0, o + hi, o + Wo);
      }
    }
  }
}

/**
 * x (B, H, W, C) or, 1D, (B, W, C); w (kh, kw, C, O) or (kw, C, O). Shapes are passed, not
 * reshaped outside the custom op: a tf.reshape recorded on the tape saves (clones = copies on
 * WASM) its input, so gradients come back in x's and w's own shapes.
 */
function convCore(
  x4: tf.Tensor,
  w4: tf.Tensor,
  xs: [number, number, number, number],
  ws4: [number, number, number, number],
  s: number,
  p: number,
  is1d: boolean,
  inputGrad: boolean,
): tf.Tensor {
  const [B, H, W, C] = xs;
  const [kh, kw, , O] = ws4;
  const g: ConvGeom = geom(B, H, W, C, kh, kw, s, is1d ? 0 : p, p);
  const M = B * g.Ho * g.Wo,
    KC = kh * kw * C;
  const direct = kh === 1 && kw === 1 && s === 1 && p === 0;
  // 3-tap / 3×3 stride-1 convs on WASM: Winograd, F(5,3) in 1D (./winograd1d.ts, 7/15 of the
  // matMul work) and F(2×2,3×3) in 2D (./winograd2d.ts, 4/9 of it, and no 9× patch matrix).
  const heapW = wasmHeap();
  if (kh === (is1d ? 1 : kw) && winogradApplies(heapW, kw, s, p, C, O)) {
    return is1d
      ? conv1dWinograd(heapW, x4 as tf.Tensor3D, w4 as tf.Tensor3D, inputGrad)
      : conv2dWinograd(heapW, x4 as tf.Tensor4D, w4 as tf.Tensor4D, inputGrad);
  }
  // The other convs on WASM with the matMul kernel: P kept on the heap, read as Pᵀ in place (./direct-heap.ts).
  if (heapW && wasmMatMulEnabled()) return convDirectHeap(heapW, x4, w4, g, O, is1d ? [B, g.Wo, O] : [B, g.Ho, g.Wo, O], inputGrad);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const w2 = tf.reshape(w, [KC, O]) as tf.Tensor2D;
    save([w2]);
    const heap = wasmHeap();
    if (heap) {
      // On WASM with the matMul kernel off (tf.matMul): the same steps as below, done by the SIMD kernels on the tfjs heap (1D and 2D);
      // xᵀ (C, B·H·W) is a heap block held until the backward pass, which rebuilds Pᵀ from it.
      const { k } = heap;
      const xp = heap.ptr(x);
      const xT = heap.malloc(4 * B * H * W * C);
      if ((B * H * W) % 4 === 0 && C % 4 === 0) k.transpose4(xp, B * H * W, C, xT);
      else k.transpose(xp, B * H * W, C, xT);
      let pT: tf.Tensor2D;
      if (direct) pT = tf.reshape(x, [M, KC]);
      else {
        const a = heap.alloc([M, KC]);
        k.im2col2d(xp, B, H, W, C, kh, kw, s, g.ph, g.pw, g.Ho, g.Wo, a.ptr); // 1D: H = kh = 1
        pT = a.t as tf.Tensor2D;
      }
      const value1 = tf.tidy(() => tf.reshape(heapMatMul(heap, pT, w2), is1d ? [B, g.Wo, O] : [B, g.Ho, g.Wo, O])) as tf.Tensor;
      pT.dispose();
      const release = holdUntilBackward(heap, xT, value1);
      return {
        value: value1,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const ptT = heap.alloc([KC, M]);
          k.patchesT2d(xT, B, H, W, C, kh, kw, s, g.ph, g.pw, g.Ho, g.Wo, ptT.ptr);
          release(); // the backward pass is xᵀ's last reader
          return backwardRest(ptT.t, dy, saved[0] as tf.Tensor2D, heap);
        },
      };
    }
    if (is1d) {
      // 1D: P is written straight into a new tensor's memory (on WASM: no JS array, no upload
      // copy); for dW the backward pass rebuilds Pᵀ from xᵀ, kept in JS memory (1/kw of P's size).
      const xT = takeScratch(B * W * C, false);
      transposeJs(readNow(x), B * W, C, xT);
      const pT = (direct ? tf.reshape(x, [M, KC]) : tensorFilled([M, KC], (out) => im2col(readNow(x), g, out))) as tf.Tensor2D;
      const value1 = tf.tidy(() => tf.reshape(tf.matMul(pT, w2), [B, g.Wo, O])) as tf.Tensor;
      pT.dispose();
      return {
        value: value1,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const ptT = tensorFilled([KC, M], (out) => patchesTFromXT(xT, g, out));
          giveScratch(xT); // the backward pass is its last reader
          return backwardRest(ptT, dy, saved[0] as tf.Tensor2D);
        },
      };
    }
    // The patch matrix stays in JS memory until the backward pass needs Pᵀ (no save() needed).
    // direct: a copy (kept until backward); otherwise read x in place and copy patches out.
    const pData = direct ? (x.dataSync() as Float32Array) : im2col(readNow(x), g, takeScratch(M * KC, false));
    const value = tf.tidy(() => tf.reshape(tf.matMul(tf.tensor2d(pData, [M, KC]), w2), [B, g.Ho, g.Wo, O]));
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        // Pᵀ built in JS: cheaper than the WASM Transpose kernel on these shapes.
        const ptT = tensorFilled([KC, M], (out) => transposeJs(pData, M, KC, out));
        if (!direct) giveScratch(pData); // the backward pass is its last reader
        return backwardRest(ptT, dy, saved[0] as tf.Tensor2D);
      },
    };
  });
  /** dW = Pᵀ·dy; dP = dy·Wᵀ; dx = col2im(dP). */
  const backwardRest = (ptT: tf.Tensor, dy: tf.Tensor, ws: tf.Tensor2D, heap: WasmHeap | null = null): tf.Tensor[] => {
    const dy2 = tf.reshape(dy, [M, O]) as tf.Tensor2D;
    const dw = tf.reshape(heap ? heapMatMul(heap, ptT, dy2) : tf.matMul(ptT as tf.Tensor2D, dy2), w4.shape);
    if (heap) ptT.dispose();
    // The stem's input is data: its gradient is never used, so skip dP and col2im.
    if (!inputGrad) return [tf.zeros(x4.shape), dw];
    // (M, kC); on the heap Wᵀ is read in place (packed from W), elsewhere transposed first (small).
    const dP = heap ? heapMatMul(heap, dy2, ws, true) : tf.matMul(dy2, tf.transpose(ws));
    if (direct) return [tf.reshape(dP, x4.shape), dw];
    if (heap && C % 4 === 0) {
      const dx = heap.alloc([...x4.shape]);
      heap.k.col2im2d(heap.ptr(dP), B, H, W, C, kh, kw, s, g.ph, g.pw, g.Ho, g.Wo, dx.ptr);
      return [dx.t, dw];
    }
    // dP is viewed only after dx's memory exists (an allocation may move the WASM heap).
    const dx = tensorFilled([...x4.shape], (out) => {
      if (!is1d) out.fill(0);
      col2im(readNow(dP), g, out);
    });
    return [dx, dw];
  };
  return op(x4, w4);
}

/** x (B, W, Cin), w (k, Cin, Cout), symmetric zero padding p -> (B, Wout, Cout). */
export function conv1dFast(x: tf.Tensor3D, w: tf.Tensor3D, stride: number, pad: number, inputGrad = true): tf.Tensor3D {
  const [B, W, C] = x.shape;
  const [k, , O] = w.shape;
  return convCore(x, w, [B, 1, W, C], [1, k, C, O], stride, pad, true, inputGrad) as tf.Tensor3D;
}

/** x (B, H, W, Cin), w (k, k, Cin, Cout) -> (B, Ho, Wo, Cout). */
export function conv2dFast(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: number, inputGrad = true): tf.Tensor4D {
  return convCore(x, w, x.shape, w.shape, stride, pad, false, inputGrad) as tf.Tensor4D;
}
