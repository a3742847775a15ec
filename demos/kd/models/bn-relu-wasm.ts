/**
 * ReLU(BatchNorm(x)) on the WASM backend with the SIMD kernels of ../wasm/kernels.as.ts: the
 * same op and semantics as ./bn-relu-js.ts (which calls this when wasmHeap() is available and
 * C % 4 == 0), with every pass over x, x̂, dy and dx done in WASM on the tensors in place.
 * Only per-channel work (C values) stays in JS. x̂ is kept in the tfjs heap from the forward to
 * the backward pass; the ReLU mask is recomputed from it (x̂·γ + β > 0, the forward's own
 * arithmetic), so y is not kept.
 *
 * Heap block per training call (C % 4 == 0 keeps every part 16-byte aligned relative to the
 * block): f64 [tot1 | tot2] (2C) · f32 [mean | invStd | gamma | beta | accA | accB | k | mb | mg] (9C)
 * · f32 x̂ (R·C).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPS, BN_MOMENTUM } from './batch-norm';
import type { ParamStore } from './param-store';
import { holdUntilBackward, type WasmHeap } from '../wasm/kernels';

export function bnReluWasm<T extends tf.Tensor>(heap: WasmHeap, store: ParamStore, prefix: string, x: T, training: boolean): T {
  const gamma = store.get(`${prefix}.weight`),
    beta = store.get(`${prefix}.bias`);
  const rm = store.get(`${prefix}.running_mean`),
    rv = store.get(`${prefix}.running_var`);
  const C = x.shape[x.rank - 1]!;
  const R = x.size / C;
  const { k } = heap;
  if (!training) {
    const m = rm.dataSync(),
      v = rv.dataSync(),
      gm = gamma.dataSync(),
      bt = beta.dataSync();
    const blk = heap.malloc(8 * C);
    try {
      const sc = heap.f32(blk, 2 * C);
      for (let c = 0; c < C; c++) {
        sc[c] = gm[c]! / Math.sqrt(v[c]! + BN_EPS);
        sc[C + c] = bt[c]! - m[c]! * sc[c]!;
      }
      const y = heap.alloc([...x.shape]);
      k.affineRelu(heap.ptr(x), R, C, blk, blk + 4 * C, y.ptr);
      return y.t as T;
    } finally {
      heap.free(blk);
    }
  }
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, g, b] = args as [tf.Tensor, tf.Tensor, tf.Tensor];
    const gd = g.dataSync(),
      bd = b.dataSync(),
      rmd = rm.dataSync(),
      rvd = rv.dataSync();
    const blk = heap.malloc(16 * C + 36 * C + 4 * R * C);
    const tot1 = blk,
      tot2 = blk + 8 * C,
      f = blk + 16 * C;
    const mean = f,
      invStd = f + 4 * C,
      gam = f + 8 * C,
      bet = f + 12 * C,
      accA = f + 16 * C,
      accB = f + 20 * C;
    const kk = f + 24 * C,
      mb = f + 28 * C,
      mg = f + 32 * C,
      xhat = f + 36 * C;
    const y = heap.alloc([...xi.shape]); // allocated first: the views below stay valid
    const xp = heap.ptr(xi);
    const m32 = heap.f32(mean, C);
    m32.fill(0);
    k.colSums(xp, R, C, mean, 0, accA, tot1); // Σx (center 0)
    const s1 = heap.f64(tot1, C);
    for (let c = 0; c < C; c++) m32[c] = s1[c]! / R;
    k.colSums(xp, R, C, mean, 1, accA, tot2); // Σ(x − μ)² in f32 blocks around the f32 mean
    const s2 = heap.f64(tot2, C),
      inv = heap.f32(invStd, C),
      gv = heap.f32(gam, C),
      bv = heap.f32(bet, C);
    const nrm = new Float32Array(C),
      nrv = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      const variance = s2[c]! / R;
      inv[c] = 1 / Math.sqrt(variance + BN_EPS);
      gv[c] = gd[c]!;
      bv[c] = bd[c]!; // γ, β as of this forward pass, for the backward pass
      // Running statistics (side effect, as PyTorch's BN in train mode; unbiased variance).
      nrm[c] = (1 - BN_MOMENTUM) * rmd[c]! + (BN_MOMENTUM * s1[c]!) / R;
      nrv[c] = (1 - BN_MOMENTUM) * rvd[c]! + BN_MOMENTUM * ((variance * R) / Math.max(R - 1, 1));
    }
    k.bnForward(xp, R, C, mean, invStd, gam, bet, xhat, y.ptr);
    tf.tidy(() => {
      rm.assign(tf.tensor1d(nrm));
      rv.assign(tf.tensor1d(nrv));
    });
    const release = holdUntilBackward(heap, blk, y.t);
    return {
      value: y.t,
      gradFunc: (dy: tf.Tensor) => {
        const dx = heap.alloc([...xi.shape]);
        const dyp = heap.ptr(dy);
        k.bnBackwardSums(dyp, xhat, R, C, gam, bet, accA, accB, tot1, tot2); // tot1 = Σg·x̂, tot2 = Σg
        const sg = heap.f64(tot1, C),
          sb = heap.f64(tot2, C);
        const kv = heap.f32(kk, C),
          mbv = heap.f32(mb, C),
          mgv = heap.f32(mg, C),
          gv2 = heap.f32(gam, C),
          inv2 = heap.f32(invStd, C);
        const dGamma = new Float32Array(C),
          dBeta = new Float32Array(C);
        for (let c = 0; c < C; c++) {
          kv[c] = gv2[c]! * inv2[c]!;
          mbv[c] = sb[c]! / R;
          mgv[c] = sg[c]! / R;
          dGamma[c] = sg[c]!;
          dBeta[c] = sb[c]!;
        }
        k.bnBackwardDx(dyp, xhat, R, C, gam, bet, kk, mb, mg, dx.ptr);
        release();
        return [dx.t, tf.tensor1d(dGamma), tf.tensor1d(dBeta)];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
