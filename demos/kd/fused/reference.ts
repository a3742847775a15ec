/**
 * The CPU reference of the fused step: runs a plan's ops (./plan.ts) with plain loops over
 * Float32Arrays, one function per kernel, written to match the WGSL kernels (./kernels.ts)
 * line for line (same loop bounds, same per-channel two-pass BN statistics). It proves the plan
 * (regions, accumulation order, the backward's wiring) against tfjs in Node, where a GPU is not
 * needed, and it is the spec the WGSL is read against. Not a fast path.
 */
import type { BufferName, Op, Plan, Region } from './plan';

export type Buffers = Record<BufferName, Float32Array<ArrayBuffer>>;

export function allocBuffers(plan: Plan): Buffers {
  const b = {} as Buffers;
  for (const [k, n] of Object.entries(plan.sizes) as [BufferName, number][]) b[k] = new Float32Array(n);
  return b;
}

const view = (bufs: Buffers, r: Region): Float32Array => bufs[r.buffer].subarray(r.offset, r.offset + r.size);

function convFwd(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, H, W, Cin, Ho, Wo, Cout, kh, kw, stride, padH, padW, mode } = p as Record<string, number>;
  const { x, w, out, res } = v as Record<string, Float32Array>;
  for (let b = 0; b < B!; b++)
    for (let oh = 0; oh < Ho!; oh++)
      for (let ow = 0; ow < Wo!; ow++)
        for (let o = 0; o < Cout!; o++) {
          let s = 0;
          for (let i = 0; i < kh!; i++) {
            const ih = oh * stride! + i - padH!;
            if (ih < 0 || ih >= H!) continue;
            for (let j = 0; j < kw!; j++) {
              const iw = ow * stride! + j - padW!;
              if (iw < 0 || iw >= W!) continue;
              const xb = ((b * H! + ih) * W! + iw) * Cin!;
              const wb = (i * kw! + j) * Cin! * Cout! + o;
              for (let c = 0; c < Cin!; c++) s += x![xb + c]! * w![wb + c * Cout!]!;
            }
          }
          const idx = ((b * Ho! + oh) * Wo! + ow) * Cout! + o;
          out![idx] = mode === 1 ? s + res![idx]! : mode === 2 ? s + out![idx]! : s;
        }
}

function convDx(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, H, W, Cin, Ho, Wo, Cout, kh, kw, stride, padH, padW, mode } = p as Record<string, number>;
  const { dy, w, dx } = v as Record<string, Float32Array>;
  for (let b = 0; b < B!; b++)
    for (let ih = 0; ih < H!; ih++)
      for (let iw = 0; iw < W!; iw++)
        for (let c = 0; c < Cin!; c++) {
          let s = 0;
          for (let i = 0; i < kh!; i++) {
            const th = ih + padH! - i;
            if (th < 0 || th % stride! !== 0) continue;
            const oh = th / stride!;
            if (oh >= Ho!) continue;
            for (let j = 0; j < kw!; j++) {
              const tw = iw + padW! - j;
              if (tw < 0 || tw % stride! !== 0) continue;
              const ow = tw / stride!;
              if (ow >= Wo!) continue;
              const yb = ((b * Ho! + oh) * Wo! + ow) * Cout!;
              const wb = ((i * kw! + j) * Cin! + c) * Cout!;
              for (let o = 0; o < Cout!; o++) s += dy![yb + o]! * w![wb + o]!;
            }
          }
          const idx = ((b * H! + ih) * W! + iw) * Cin! + c;
          dx![idx] = mode === 2 ? dx![idx]! + s : s;
        }
}

function convDw(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, H, W, Cin, Ho, Wo, Cout, kh, kw, stride, padH, padW } = p as Record<string, number>;
  const { x, dy, dw } = v as Record<string, Float32Array>;
  for (let i = 0; i < kh!; i++)
    for (let j = 0; j < kw!; j++)
      for (let c = 0; c < Cin!; c++)
        for (let o = 0; o < Cout!; o++) {
          let s = 0;
          for (let b = 0; b < B!; b++)
            for (let oh = 0; oh < Ho!; oh++) {
              const ih = oh * stride! + i - padH!;
              if (ih < 0 || ih >= H!) continue;
              for (let ow = 0; ow < Wo!; ow++) {
                const iw = ow * stride! + j - padW!;
                if (iw < 0 || iw >= W!) continue;
                s += x![((b * H! + ih) * W! + iw) * Cin! + c]! * dy![((b * Ho! + oh) * Wo! + ow) * Cout! + o]!;
              }
            }
          dw![((i * kw! + j) * Cin! + c) * Cout! + o] = s;
        }
}

/** BN (batch statistics) + ReLU; st = [running_mean, running_var, mean, invstd]. */
function bnFwd(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { C, N, eps, keep, mom, momUnbiased } = p as Record<string, number>;
  const { x, y, gb, st } = v as Record<string, Float32Array>;
  for (let c = 0; c < C!; c++) {
    let s = 0;
    for (let r = 0; r < N!; r++) s += x![r * C! + c]!;
    const mean = Math.fround(s / N!);
    let q = 0;
    for (let r = 0; r < N!; r++) {
      const d = x![r * C! + c]! - mean;
      q += d * d;
    }
    const variance = Math.fround(q / N!);
    const invstd = Math.fround(1 / Math.sqrt(variance + eps!));
    const scale = Math.fround(gb![c]! * invstd);
    const shift = Math.fround(gb![C! + c]! - mean * scale);
    for (let r = 0; r < N!; r++) y![r * C! + c] = Math.max(x![r * C! + c]! * scale + shift, 0);
    st![c] = st![c]! * keep! + mean * mom!;
    st![C! + c] = st![C! + c]! * keep! + variance * momUnbiased!;
    st![2 * C! + c] = mean;
    st![3 * C! + c] = invstd;
  }
}

function bnBwd(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { C, N, acc } = p as Record<string, number>;
  const { x, y, dy, dx, gb, dgb, st } = v as Record<string, Float32Array>;
  for (let c = 0; c < C!; c++) {
    const mean = st![2 * C! + c]!,
      invstd = st![3 * C! + c]!;
    let sg = 0,
      sgx = 0;
    for (let r = 0; r < N!; r++) {
      const i = r * C! + c;
      const g = y![i]! > 0 ? dy![i]! : 0;
      sg += g;
      sgx += g * (x![i]! - mean) * invstd;
    }
    dgb![c] = sgx;
    dgb![C! + c] = sg;
    const k = (gb![c]! * invstd) / N!;
    for (let r = 0; r < N!; r++) {
      const i = r * C! + c;
      const g = y![i]! > 0 ? dy![i]! : 0;
      const d = k * (N! * g - sg - (x![i]! - mean) * invstd * sgx);
      dx![i] = acc ? dx![i]! + d : d;
    }
  }
}

function pool(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, L, C } = p as Record<string, number>;
  for (let b = 0; b < B!; b++)
    for (let c = 0; c < C!; c++) {
      let s = 0;
      for (let l = 0; l < L!; l++) s += v.x![(b * L! + l) * C! + c]!;
      v.out![b * C! + c] = s / L!;
    }
}

function poolBwd(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, L, C } = p as Record<string, number>;
  for (let b = 0; b < B!; b++)
    for (let l = 0; l < L!; l++) for (let c = 0; c < C!; c++) v.dx![(b * L! + l) * C! + c] = v.dy![b * C! + c]! / L!;
}

/** logits = x·W + b; L = (1 − λ)·CE + λ·T²·Σ w_t·KL(p_t ‖ p_S); writes dW, db, dx and (loss, ce) at the slot. */
function head(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { B, C, K, nT, slot, lam: lambda, T, w0, w1 } = p as Record<string, number>;
  const { x, fc, dfc, labels, teachers, losses, dx } = v as Record<string, Float32Array>;
  const dz = new Float32Array(B! * K!);
  let lossSum = 0,
    ceSum = 0;
  const softmax = (z: Float64Array, t: number): { p: Float64Array; logp: Float64Array } => {
    let m = -Infinity;
    for (const zi of z) m = Math.max(m, zi / t);
    let s = 0;
    for (const zi of z) s += Math.exp(zi / t - m);
    const logp = z.map((zi) => zi / t - m - Math.log(s));
    return { p: logp.map(Math.exp), logp };
  };
  for (let b = 0; b < B!; b++) {
    const z = new Float64Array(K!);
    for (let k = 0; k < K!; k++) {
      let s = fc![C! * K! + k]!;
      for (let c = 0; c < C!; c++) s += x![b * C! + c]! * fc![c * K! + k]!;
      z[k] = Math.fround(s);
    }
    const y = labels![b]!;
    const s1 = softmax(z, 1);
    const ce = -s1.logp[y]!;
    ceSum += ce;
    let loss = (1 - lambda!) * ce;
    const g = new Float64Array(K!);
    for (let k = 0; k < K!; k++) g[k] = ((1 - lambda!) * (s1.p[k]! - (k === y ? 1 : 0))) / B!;
    if (nT! > 0 && lambda! > 0) {
      const sS = softmax(z, T!);
      for (let t = 0; t < nT!; t++) {
        const wt = t === 0 ? w0! : w1!;
        const zt = new Float64Array(K!);
        for (let k = 0; k < K!; k++) zt[k] = teachers![(t * B! + b) * K! + k]!;
        const sT = softmax(zt, T!);
        let kl = 0;
        for (let k = 0; k < K!; k++) {
          kl += sT.p[k]! * (sT.logp[k]! - sS.logp[k]!);
          g[k] = g[k]! + (lambda! * T! * wt * (sS.p[k]! - sT.p[k]!)) / B!;
        }
        loss += lambda! * T! * T! * wt * kl;
      }
    }
    lossSum += loss;
    for (let k = 0; k < K!; k++) dz[b * K! + k] = g[k]!;
  }
  for (let c = 0; c < C!; c++)
    for (let k = 0; k < K!; k++) {
      let s = 0;
      for (let b = 0; b < B!; b++) s += x![b * C! + c]! * dz[b * K! + k]!;
      dfc![c * K! + k] = s;
    }
  for (let k = 0; k < K!; k++) {
    let s = 0;
    for (let b = 0; b < B!; b++) s += dz[b * K! + k]!;
    dfc![C! * K! + k] = s;
  }
  for (let b = 0; b < B!; b++)
    for (let c = 0; c < C!; c++) {
      let s = 0;
      for (let k = 0; k < K!; k++) s += dz[b * K! + k]! * fc![c * K! + k]!;
      dx![b * C! + c] = s;
    }
  losses![2 * slot!] = lossSum / B!;
  losses![2 * slot! + 1] = ceSum / B!;
}

function sgd(v: Record<string, Float32Array>, p: Record<string, number>): void {
  const { n, lr, mu, wd } = p as Record<string, number>;
  const { w, g, m } = v as Record<string, Float32Array>;
  for (let i = 0; i < n!; i++) {
    const vi = mu! * m![i]! + g![i]! + wd! * w![i]!;
    m![i] = vi;
    w![i] = w![i]! - lr! * vi;
  }
}

const KERNELS: Record<Op['kind'], (v: Record<string, Float32Array>, p: Record<string, number>) => void> = {
  convFwd,
  convDx,
  convDw,
  bnFwd,
  bnBwd,
  pool,
  poolBwd,
  head,
  sgd,
};

/** One training step on the CPU; the batch must already be in bufs.io, lr and slot are this step's. */
export function runStepCpu(plan: Plan, bufs: Buffers, lr: number, slot: number): void {
  for (const op of plan.ops) {
    const v: Record<string, Float32Array> = {};
    for (const [k, r] of Object.entries(op.bind)) v[k] = view(bufs, r);
    const p = op.kind === 'sgd' ? { ...op.p, lr } : op.kind === 'head' ? { ...op.p, slot } : op.p;
    KERNELS[op.kind](v, p);
  }
}
