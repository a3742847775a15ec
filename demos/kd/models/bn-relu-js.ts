/**
 * ReLU(BatchNorm(x)) as one custom op computed in JS, for the CPU and WASM backends (the
 * 'fast' path). Every BN in the pre-activation WRN is followed by a ReLU (§5), so fusing them
 * replaces ~35 small tfjs kernels per BN (moments, broadcasts and their gradients) with a few
 * loops. Semantics are those of ./batch-norm.ts (PyTorch: eps 1e-5, momentum 0.1, unbiased
 * running variance); test/unit/wrn.test.ts checks values, gradients and running stats.
 *
 * x (..., C) channels-last, R = size / C rows. Training backward, with x̂ = (x − μ)/σ and
 * g = dy·[y > 0]:  dβ = Σ g,  dγ = Σ g·x̂,  dx = γ/σ · (g − dβ/R − x̂·dγ/R).
 * The loops are top-level functions over typed arrays (monomorphic, easy for the JIT).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPS, BN_MOMENTUM } from './batch-norm';
import type { ParamStore } from './param-store';
import { giveScratch, readNow, takeScratch, tensorFilled } from '../conv/scratch';
import { wasmHeap } from '../wasm/kernels';
import { bnReluWasm } from './bn-relu-wasm';

/** Per-channel batch mean and biased variance (float64 accumulation). */
function moments(x: Float32Array, R: number, C: number, mean: Float64Array, variance: Float64Array): void {
  let o = 0;
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) mean[c] = mean[c]! + x[o++]!;
  for (let c = 0; c < C; c++) mean[c] = mean[c]! / R;
  o = 0;
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const d = x[o++]! - mean[c]!;
      variance[c] = variance[c]! + d * d;
    }
  for (let c = 0; c < C; c++) variance[c] = variance[c]! / R;
}

/** y = relu(x·scale + shift); also x̂ = (x − μ)·invStd when xhat is given. */
function normalise(
  x: Float32Array,
  R: number,
  C: number,
  mean: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  xhat: Float32Array,
  y: Float32Array,
): void {
  let o = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const h = (x[o]! - mean[c]!) * invStd[c]!;
      xhat[o] = h;
      const t = h * gamma[c]! + beta[c]!;
      y[o] = (t + Math.abs(t)) * 0.5; // relu without a branch (exact: t+t halves back to t)
      o++;
    }
  }
}

function backward(
  dy: Float32Array,
  y: Float32Array,
  xhat: Float32Array,
  R: number,
  C: number,
  gamma: Float32Array,
  invStd: Float32Array,
  dx: Float32Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
): void {
  let o = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const v = dy[o]! * +(y[o]! > 0); // branch-free mask: ReLU signs are unpredictable (3× faster)
      dBeta[c] = dBeta[c]! + v;
      dGamma[c] = dGamma[c]! + v * xhat[o]!;
      o++;
    }
  }
  const k = new Float32Array(C),
    mb = new Float32Array(C),
    mg = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    k[c] = gamma[c]! * invStd[c]!;
    mb[c] = dBeta[c]! / R;
    mg[c] = dGamma[c]! / R;
  }
  o = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const g = dy[o]! * +(y[o]! > 0);
      dx[o] = k[c]! * (g - mb[c]! - xhat[o]! * mg[c]!);
      o++;
    }
  }
}

function evalForward(x: Float32Array, R: number, C: number, scale: Float32Array, shift: Float32Array, y: Float32Array): void {
  let o = 0;
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const t = x[o]! * scale[c]! + shift[c]!;
      y[o++] = (t + Math.abs(t)) * 0.5;
    }
}

export function bnReluJs<T extends tf.Tensor>(store: ParamStore, prefix: string, x: T, training: boolean): T {
  const gamma = store.get(`${prefix}.weight`),
    beta = store.get(`${prefix}.bias`);
  const rm = store.get(`${prefix}.running_mean`),
    rv = store.get(`${prefix}.running_var`);
  const C = x.shape[x.rank - 1]!;
  const heap = wasmHeap();
  if (heap && C % 4 === 0) return bnReluWasm(heap, store, prefix, x, training); // same op, SIMD loops in WASM
  const n = x.size,
    R = n / C;
  if (!training) {
    const m = rm.dataSync(),
      v = rv.dataSync(),
      gm = gamma.dataSync(),
      bt = beta.dataSync();
    const scale = new Float32Array(C),
      shift = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      scale[c] = gm[c]! / Math.sqrt(v[c]! + BN_EPS);
      shift[c] = bt[c]! - m[c]! * scale[c]!;
    }
    return tensorFilled([...x.shape], (y) => evalForward(readNow(x), R, C, scale, shift, y)) as T;
  }
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, g, b] = args as [tf.Tensor, tf.Tensor, tf.Tensor];
    const gd = g.dataSync() as Float32Array,
      bd = b.dataSync() as Float32Array;
    const xd = readNow(xi); // read fully below before any tensor is created
    const mean = new Float64Array(C),
      variance = new Float64Array(C);
    moments(xd, R, C, mean, variance);
    const invStd = new Float32Array(C),
      m32 = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      invStd[c] = 1 / Math.sqrt(variance[c]! + BN_EPS);
      m32[c] = mean[c]!;
    }
    // x̂ and y stay in JS memory for the backward pass (scratch buffers returned there).
    const xhat = takeScratch(n, false),
      y = takeScratch(n, false);
    normalise(xd, R, C, m32, invStd, gd, bd, xhat, y);
    // Running statistics (side effect, as PyTorch's BN in train mode; unbiased variance).
    const rmd = rm.dataSync(),
      rvd = rv.dataSync();
    const nrm = new Float32Array(C),
      nrv = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      nrm[c] = (1 - BN_MOMENTUM) * rmd[c]! + BN_MOMENTUM * mean[c]!;
      nrv[c] = (1 - BN_MOMENTUM) * rvd[c]! + BN_MOMENTUM * ((variance[c]! * R) / Math.max(R - 1, 1));
    }
    tf.tidy(() => {
      rm.assign(tf.tensor1d(nrm));
      rv.assign(tf.tensor1d(nrv));
    });
    return {
      value: tf.tensor(y, xi.shape),
      gradFunc: (dy: tf.Tensor) => {
        const dBeta = new Float64Array(C),
          dGamma = new Float64Array(C);
        // dy is viewed inside the fill, after dx's memory exists (the WASM heap may move).
        const dxT = tensorFilled([...xi.shape], (dx) => backward(readNow(dy), y, xhat, R, C, gd, invStd, dx, dGamma, dBeta));
        giveScratch(xhat);
        giveScratch(y);
        return [dxT, tf.tensor1d(Float32Array.from(dGamma)), tf.tensor1d(Float32Array.from(dBeta))];
      },
    };
  });
  return op(x, gamma, beta) as T;
}
