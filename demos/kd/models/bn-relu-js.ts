/**
 * ReLU(BatchNorm(x)) as one custom op computed in JS, for the CPU and WASM backends (the
 * 'fast' path). Every BN in the pre-activation WRN is followed by a ReLU (§5), so fusing them
 * replaces ~35 small tfjs kernels per BN (moments, broadcasts and their gradients) with two
 * loops; on these backends per-kernel overhead, not arithmetic, dominated the step.
 * Semantics are those of ./batch-norm.ts (PyTorch: eps 1e-5, momentum 0.1, unbiased running
 * variance); the unit test checks values and gradients against it.
 *
 * x (..., C) channels-last, R = size / C rows. Training backward, with x̂ = (x − μ)/σ and
 * g = dy·[y > 0]:  dβ = Σ g,  dγ = Σ g·x̂,  dx = γ/σ · (g − dβ/R − x̂·dγ/R).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPS, BN_MOMENTUM } from './batch-norm';
import type { ParamStore } from './param-store';

export function bnReluJs<T extends tf.Tensor>(store: ParamStore, prefix: string, x: T, training: boolean): T {
  const gamma = store.get(`${prefix}.weight`), beta = store.get(`${prefix}.bias`);
  const rm = store.get(`${prefix}.running_mean`), rv = store.get(`${prefix}.running_var`);
  const C = x.shape[x.rank - 1]!;
  const R = x.size / C;
  if (!training) {
    const m = rm.dataSync(), v = rv.dataSync(), gm = gamma.dataSync(), bt = beta.dataSync();
    const scale = new Float32Array(C), shift = new Float32Array(C);
    for (let c = 0; c < C; c++) { scale[c] = gm[c]! / Math.sqrt(v[c]! + BN_EPS); shift[c] = bt[c]! - m[c]! * scale[c]!; }
    const xd = x.dataSync();
    const y = new Float32Array(x.size);
    for (let r = 0, o = 0; r < R; r++) for (let c = 0; c < C; c++, o++) { const t = xd[o]! * scale[c]! + shift[c]!; y[o] = t > 0 ? t : 0; }
    return tf.tensor(y, x.shape) as T;
  }
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, g, b] = args as [tf.Tensor, tf.Tensor, tf.Tensor];
    const xd = xi.dataSync(), gd = g.dataSync(), bd = b.dataSync();
    const mean = new Float64Array(C), sq = new Float64Array(C);
    for (let r = 0, o = 0; r < R; r++) for (let c = 0; c < C; c++, o++) mean[c]! += xd[o]!;
    for (let c = 0; c < C; c++) mean[c]! /= R;
    for (let r = 0, o = 0; r < R; r++) for (let c = 0; c < C; c++, o++) { const d = xd[o]! - mean[c]!; sq[c]! += d * d; }
    const invStd = new Float32Array(C), m32 = new Float32Array(C);
    for (let c = 0; c < C; c++) { invStd[c] = 1 / Math.sqrt(sq[c]! / R + BN_EPS); m32[c] = mean[c]!; }
    const xhat = new Float32Array(x.size), y = new Float32Array(x.size);
    for (let r = 0, o = 0; r < R; r++) {
      for (let c = 0; c < C; c++, o++) {
        const h = (xd[o]! - m32[c]!) * invStd[c]!;
        xhat[o] = h;
        const t = h * gd[c]! + bd[c]!;
        y[o] = t > 0 ? t : 0;
      }
    }
    // Running statistics (side effect, as PyTorch's BN in train mode).
    const rmd = rm.dataSync(), rvd = rv.dataSync();
    const nrm = new Float32Array(C), nrv = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      nrm[c] = (1 - BN_MOMENTUM) * rmd[c]! + BN_MOMENTUM * mean[c]!;
      nrv[c] = (1 - BN_MOMENTUM) * rvd[c]! + BN_MOMENTUM * (sq[c]! / Math.max(R - 1, 1));
    }
    tf.tidy(() => { rm.assign(tf.tensor1d(nrm)); rv.assign(tf.tensor1d(nrv)); });
    return {
      value: tf.tensor(y, xi.shape),
      gradFunc: (dy: tf.Tensor) => {
        const dyd = dy.dataSync();
        const dBeta = new Float64Array(C), dGamma = new Float64Array(C);
        const gm = new Float32Array(x.size);
        for (let r = 0, o = 0; r < R; r++) {
          for (let c = 0; c < C; c++, o++) {
            const v = y[o]! > 0 ? dyd[o]! : 0;
            gm[o] = v; dBeta[c]! += v; dGamma[c]! += v * xhat[o]!;
          }
        }
        const k = new Float32Array(C), mb = new Float32Array(C), mg = new Float32Array(C);
        for (let c = 0; c < C; c++) { k[c] = gd[c]! * invStd[c]!; mb[c] = dBeta[c]! / R; mg[c] = dGamma[c]! / R; }
        const dx = new Float32Array(x.size);
        for (let r = 0, o = 0; r < R; r++) for (let c = 0; c < C; c++, o++) dx[o] = k[c]! * (gm[o]! - mb[c]! - xhat[o]! * mg[c]!);
        return [tf.tensor(dx, xi.shape), tf.tensor1d(Float32Array.from(dGamma)), tf.tensor1d(Float32Array.from(dBeta))];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
