/**
 * WGSL for the fused step's nine kernels, one per op kind of ./plan.ts, with their binding order
 * and uniform fields. The math is ./reference.ts's, loop for loop (read them side by side).
 *
 * Every storage binding is `read_write`: all regions live in a few shared buffers, and WebGPU
 * forbids one buffer as read-only and writable storage in the same dispatch, while writable
 * bindings of disjoint ranges may share a buffer (the plan never binds overlapping ranges).
 * Elementwise kernels use 64 threads per workgroup on a 2D grid (x ≤ 65,535 workgroups);
 * per-channel BN kernels use a workgroup per channel with a tree reduction, so their long sums
 * (B·H·W terms) are split over 64 threads.
 */
import type { OpKind } from './plan';

type FieldType = 'u' | 'f';
export interface KernelSpec {
  bindings: readonly string[]; // storage bindings 0..n-1, in order; the uniform is binding n
  fields: readonly (readonly [string, FieldType])[];
  code: string; // WGSL body after the generated bindings and uniform struct
  /** Workgroups: 'threads' = ceil(count / 64) on a 2D grid; 'groups' = one workgroup per item. */
  grid(p: Record<string, number>): { mode: 'threads' | 'groups'; count: number };
}

const CONV_FIELDS = ['B', 'H', 'W', 'Cin', 'Ho', 'Wo', 'Cout', 'kh', 'kw', 'stride', 'padH', 'padW', 'mode'].map((n) => [n, 'u'] as const);
const BN_FIELDS = [
  ['C', 'u'],
  ['N', 'u'],
  ['acc', 'u'],
  ['eps', 'f'],
  ['keep', 'f'],
  ['mom', 'f'],
  ['momUnbiased', 'f'],
] as const;
const POOL_FIELDS = [
  ['B', 'u'],
  ['L', 'u'],
  ['C', 'u'],
] as const;

/** Linear index of this thread on the 2D grid of 64-thread workgroups. */
const IDX = 'let idx = gid.x + gid.y * nw.x * 64u;';
const ENTRY_T = '@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u)';
const ENTRY_G = (size: number) =>
  `@compute @workgroup_size(${size}) fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u, @builtin(local_invocation_index) lid: u32)`;
/** Tree sum over the workgroup; called from uniform control flow. */
const REDUCE = (size: number) => `
var<workgroup> red: array<f32, ${size}>;
fn reduce(v: f32, lid: u32) -> f32 {
  red[lid] = v;
  workgroupBarrier();
  for (var s = ${size / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { red[lid] = red[lid] + red[lid + s]; }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();
  return r;
}`;

export const KERNELS: Record<OpKind, KernelSpec> = {
  convFwd: {
    bindings: ['x', 'w', 'out', 'res'],
    fields: CONV_FIELDS,
    grid: (p) => ({ mode: 'threads', count: p.B! * p.Ho! * p.Wo! * p.Cout! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.B * u.Ho * u.Wo * u.Cout) { return; }
  let o = idx % u.Cout; var t = idx / u.Cout;
  let ow = t % u.Wo; t = t / u.Wo;
  let oh = t % u.Ho; let b = t / u.Ho;
  var s = 0.0;
  for (var i = 0u; i < u.kh; i++) {
    let ih = i32(oh * u.stride + i) - i32(u.padH);
    if (ih < 0 || ih >= i32(u.H)) { continue; }
    for (var j = 0u; j < u.kw; j++) {
      let iw = i32(ow * u.stride + j) - i32(u.padW);
      if (iw < 0 || iw >= i32(u.W)) { continue; }
      let xb = ((b * u.H + u32(ih)) * u.W + u32(iw)) * u.Cin;
      let wb = (i * u.kw + j) * u.Cin * u.Cout + o;
      for (var c = 0u; c < u.Cin; c++) { s = s + x[xb + c] * w[wb + c * u.Cout]; }
    }
  }
  if (u.mode == 1u) { s = s + res[idx]; } else if (u.mode == 2u) { s = s + out[idx]; }
  out[idx] = s;
}`,
  },
  convDx: {
    bindings: ['dy', 'w', 'dx'],
    fields: CONV_FIELDS,
    grid: (p) => ({ mode: 'threads', count: p.B! * p.H! * p.W! * p.Cin! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.B * u.H * u.W * u.Cin) { return; }
  let c = idx % u.Cin; var t = idx / u.Cin;
  let iw = t % u.W; t = t / u.W;
  let ih = t % u.H; let b = t / u.H;
  var s = 0.0;
  for (var i = 0u; i < u.kh; i++) {
    let th = i32(ih + u.padH) - i32(i);
    if (th < 0 || u32(th) % u.stride != 0u) { continue; }
    let oh = u32(th) / u.stride;
    if (oh >= u.Ho) { continue; }
    for (var j = 0u; j < u.kw; j++) {
      let tw = i32(iw + u.padW) - i32(j);
      if (tw < 0 || u32(tw) % u.stride != 0u) { continue; }
      let ow = u32(tw) / u.stride;
      if (ow >= u.Wo) { continue; }
      let yb = ((b * u.Ho + oh) * u.Wo + ow) * u.Cout;
      let wb = ((i * u.kw + j) * u.Cin + c) * u.Cout;
      for (var o = 0u; o < u.Cout; o++) { s = s + dy[yb + o] * w[wb + o]; }
    }
  }
  if (u.mode == 2u) { s = s + dx[idx]; }
  dx[idx] = s;
}`,
  },
  convDw: {
    // One thread per weight, summing over B·Ho·Wo: no barriers. A workgroup per weight with a
    // tree reduction took 150 s instead of 5 s for 5 small 1D WRN16-1 steps in Chromium's
    // software adapter (one run each, same loaded machine): tens of thousands of
    // barrier-synchronised workgroups. On a real GPU the split sum may pay off at batch 64.
    bindings: ['x', 'dy', 'dw'],
    fields: CONV_FIELDS,
    grid: (p) => ({ mode: 'threads', count: p.kh! * p.kw! * p.Cin! * p.Cout! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.kh * u.kw * u.Cin * u.Cout) { return; }
  let o = idx % u.Cout; var t = idx / u.Cout;
  let c = t % u.Cin; t = t / u.Cin;
  let j = t % u.kw; let i = t / u.kw;
  var s = 0.0;
  for (var b = 0u; b < u.B; b++) {
    for (var oh = 0u; oh < u.Ho; oh++) {
      let ih = i32(oh * u.stride + i) - i32(u.padH);
      if (ih < 0 || ih >= i32(u.H)) { continue; }
      for (var ow = 0u; ow < u.Wo; ow++) {
        let iw = i32(ow * u.stride + j) - i32(u.padW);
        if (iw < 0 || iw >= i32(u.W)) { continue; }
        s = s + x[((b * u.H + u32(ih)) * u.W + u32(iw)) * u.Cin + c] * dy[((b * u.Ho + oh) * u.Wo + ow) * u.Cout + o];
      }
    }
  }
  dw[idx] = s;
}`,
  },
  bnFwd: {
    bindings: ['x', 'y', 'gb', 'st'],
    fields: BN_FIELDS,
    grid: (p) => ({ mode: 'groups', count: p.C! }),
    code: `${REDUCE(64)}
${ENTRY_G(64)} {
  let c = wid.x;
  let C = u.C;
  var s = 0.0;
  for (var r = lid; r < u.N; r += 64u) { s = s + x[r * C + c]; }
  let mean = reduce(s, lid) / f32(u.N);
  var q = 0.0;
  for (var r = lid; r < u.N; r += 64u) { let d = x[r * C + c] - mean; q = q + d * d; }
  let variance = reduce(q, lid) / f32(u.N);
  let invstd = inverseSqrt(variance + u.eps);
  let scale = gb[c] * invstd;
  let shift = gb[C + c] - mean * scale;
  for (var r = lid; r < u.N; r += 64u) { y[r * C + c] = max(x[r * C + c] * scale + shift, 0.0); }
  if (lid == 0u) {
    st[c] = st[c] * u.keep + mean * u.mom;
    st[C + c] = st[C + c] * u.keep + variance * u.momUnbiased;
    st[2u * C + c] = mean;
    st[3u * C + c] = invstd;
  }
}`,
  },
  bnBwd: {
    bindings: ['x', 'y', 'dy', 'dx', 'gb', 'dgb', 'st'],
    fields: BN_FIELDS,
    grid: (p) => ({ mode: 'groups', count: p.C! }),
    code: `${REDUCE(64)}
${ENTRY_G(64)} {
  let c = wid.x;
  let C = u.C;
  let mean = st[2u * C + c];
  let invstd = st[3u * C + c];
  var sg = 0.0;
  var sgx = 0.0;
  for (var r = lid; r < u.N; r += 64u) {
    let i = r * C + c;
    let g = select(0.0, dy[i], y[i] > 0.0);
    sg = sg + g;
    sgx = sgx + g * (x[i] - mean) * invstd;
  }
  let tg = reduce(sg, lid);
  let tgx = reduce(sgx, lid);
  if (lid == 0u) { dgb[c] = tgx; dgb[C + c] = tg; }
  let k = gb[c] * invstd / f32(u.N);
  let n = f32(u.N);
  for (var r = lid; r < u.N; r += 64u) {
    let i = r * C + c;
    let g = select(0.0, dy[i], y[i] > 0.0);
    var d = k * (n * g - tg - (x[i] - mean) * invstd * tgx);
    if (u.acc == 1u) { d = d + dx[i]; }
    dx[i] = d;
  }
}`,
  },
  pool: {
    bindings: ['x', 'out'],
    fields: POOL_FIELDS,
    grid: (p) => ({ mode: 'threads', count: p.B! * p.C! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.B * u.C) { return; }
  let c = idx % u.C; let b = idx / u.C;
  var s = 0.0;
  for (var l = 0u; l < u.L; l++) { s = s + x[(b * u.L + l) * u.C + c]; }
  out[idx] = s / f32(u.L);
}`,
  },
  poolBwd: {
    bindings: ['dy', 'dx'],
    fields: POOL_FIELDS,
    grid: (p) => ({ mode: 'threads', count: p.B! * p.L! * p.C! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.B * u.L * u.C) { return; }
  let c = idx % u.C; let b = idx / (u.L * u.C);
  dx[idx] = dy[b * u.C + c] / f32(u.L);
}`,
  },
  head: {
    bindings: ['x', 'fc', 'dfc', 'labels', 'teachers', 'losses', 'dx'],
    fields: [
      ['B', 'u'],
      ['C', 'u'],
      ['K', 'u'],
      ['nT', 'u'],
      ['slot', 'u'],
      ['lam', 'f'],
      ['T', 'f'],
      ['w0', 'f'],
      ['w1', 'f'],
    ],
    grid: () => ({ mode: 'groups', count: 1 }),
    code: `var<workgroup> dz: array<f32, 2048>;
var<workgroup> redL: array<f32, 64>;
var<workgroup> redC: array<f32, 64>;
${ENTRY_G(64)} {
  let K = u.K; let C = u.C; let B = u.B;
  let invB = 1.0 / f32(B);
  var lossAcc = 0.0;
  var ceAcc = 0.0;
  for (var b = lid; b < B; b += 64u) {
    var z: array<f32, 32>;
    for (var k = 0u; k < K; k++) {
      var s = fc[C * K + k];
      for (var c = 0u; c < C; c++) { s = s + x[b * C + c] * fc[c * K + k]; }
      z[k] = s;
    }
    var m = z[0];
    for (var k = 1u; k < K; k++) { m = max(m, z[k]); }
    var se = 0.0;
    for (var k = 0u; k < K; k++) { se = se + exp(z[k] - m); }
    let lse = m + log(se);
    let y = u32(labels[b]);
    let ce = lse - z[y];
    ceAcc = ceAcc + ce;
    var loss = (1.0 - u.lam) * ce;
    for (var k = 0u; k < K; k++) {
      dz[b * K + k] = (1.0 - u.lam) * (exp(z[k] - lse) - select(0.0, 1.0, k == y)) * invB;
    }
    if (u.nT > 0u && u.lam > 0.0) {
      var ms = z[0] / u.T;
      for (var k = 1u; k < K; k++) { ms = max(ms, z[k] / u.T); }
      var ss = 0.0;
      for (var k = 0u; k < K; k++) { ss = ss + exp(z[k] / u.T - ms); }
      let lseS = ms + log(ss);
      for (var t = 0u; t < u.nT; t++) {
        let wt = select(u.w1, u.w0, t == 0u);
        let tb = (t * B + b) * K;
        var mt = teachers[tb] / u.T;
        for (var k = 1u; k < K; k++) { mt = max(mt, teachers[tb + k] / u.T); }
        var st = 0.0;
        for (var k = 0u; k < K; k++) { st = st + exp(teachers[tb + k] / u.T - mt); }
        let lseT = mt + log(st);
        var kl = 0.0;
        for (var k = 0u; k < K; k++) {
          let lpT = teachers[tb + k] / u.T - lseT;
          let pT = exp(lpT);
          let lpS = z[k] / u.T - lseS;
          kl = kl + pT * (lpT - lpS);
          dz[b * K + k] = dz[b * K + k] + u.lam * u.T * wt * (exp(lpS) - pT) * invB;
        }
        loss = loss + u.lam * u.T * u.T * wt * kl;
      }
    }
    lossAcc = lossAcc + loss;
  }
  redL[lid] = lossAcc;
  redC[lid] = ceAcc;
  workgroupBarrier();
  for (var i = lid; i < C * K; i += 64u) {
    let c = i / K; let k = i % K;
    var s = 0.0;
    for (var b = 0u; b < B; b++) { s = s + x[b * C + c] * dz[b * K + k]; }
    dfc[i] = s;
  }
  for (var k = lid; k < K; k += 64u) {
    var s = 0.0;
    for (var b = 0u; b < B; b++) { s = s + dz[b * K + k]; }
    dfc[C * K + k] = s;
  }
  for (var i = lid; i < B * C; i += 64u) {
    let b = i / C; let c = i % C;
    var s = 0.0;
    for (var k = 0u; k < K; k++) { s = s + dz[b * K + k] * fc[c * K + k]; }
    dx[i] = s;
  }
  if (lid == 0u) {
    var l = 0.0;
    var e = 0.0;
    for (var i = 0u; i < 64u; i++) { l = l + redL[i]; e = e + redC[i]; }
    losses[2u * u.slot] = l * invB;
    losses[2u * u.slot + 1u] = e * invB;
  }
}`,
  },
  sgd: {
    bindings: ['w', 'g', 'm'],
    fields: [
      ['n', 'u'],
      ['lr', 'f'],
      ['mu', 'f'],
      ['wd', 'f'],
    ],
    grid: (p) => ({ mode: 'threads', count: p.n! }),
    code: `${ENTRY_T} {
  ${IDX}
  if (idx >= u.n) { return; }
  let v = u.mu * m[idx] + g[idx] + u.wd * w[idx];
  m[idx] = v;
  w[idx] = w[idx] - u.lr * v;
}`,
  },
};

/** The whole WGSL module of one kernel: bindings, uniform struct, body. */
export function kernelSource(kind: OpKind): string {
  const k = KERNELS[kind];
  const binds = k.bindings.map((b, i) => `@group(0) @binding(${i}) var<storage, read_write> ${b}: array<f32>;`).join('\n');
  const struct = `struct U {\n${k.fields.map(([n, t]) => `  ${n}: ${t === 'u' ? 'u32' : 'f32'},`).join('\n')}\n}`;
  return `${struct}\n${binds}\n@group(0) @binding(${k.bindings.length}) var<uniform> u: U;\n${k.code}\n`;
}

/** A 2D workgroup grid for `groups` workgroups (x ≤ 65,535). */
export function grid2d(groups: number): [number, number] {
  const x = Math.min(Math.max(groups, 1), 65535);
  return [x, Math.ceil(Math.max(groups, 1) / x)];
}

/** The uniform block of one op: its fields in order, u32 or f32, padded to 256 bytes. */
export function packUniform(kind: OpKind, p: Record<string, number>, out: DataView, byteOffset: number): void {
  KERNELS[kind].fields.forEach(([name, t], i) => {
    const v = p[name];
    if (v === undefined) throw new Error(`fused WRN: ${kind} needs uniform field ${name}`);
    if (t === 'u') out.setUint32(byteOffset + 4 * i, v, true);
    else out.setFloat32(byteOffset + 4 * i, v, true);
  });
}
