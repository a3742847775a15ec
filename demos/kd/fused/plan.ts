/**
 * The fused WRN training step's "plan": compiled once from a WRN configuration and a batch shape,
 * it lays every tensor of one SGD step out in a handful of flat buffers and lists the step as a
 * short sequence of kernel launches (ops) over regions of those buffers. The WebGPU runner
 * (./gpu.ts) turns each op into one dispatch with a bind group made once; the CPU reference
 * (./reference.ts) runs the same ops with plain loops. Pure: no DOM, no tfjs.
 *
 * Why a plan instead of tfjs ops: a tfjs step of a WRN16-1 is ~1,880 kernels, each with its own
 * JS bookkeeping and dispatch; here the step is ~75 launches (forward, backward, one optimiser
 * update over every parameter), in one command buffer, with no readback inside the step.
 *
 * Layout (every bound region starts on a 64-float = 256-byte boundary, WebGPU's
 * minStorageBufferOffsetAlignment):
 *  - params  trainable parameters, tfjs layout (conv (k[, k], Cin, Cout), fc (C, K) then its bias,
 *            BN γ then β in one region); grads and mom (SGD momentum) share these offsets.
 *  - state   per BN: running mean, running var, the batch mean and 1/√(var+ε) kept for backward.
 *  - acts    activations and their gradients (channels-last, 1D as H = 1).
 *  - io      the batch: x, labels (as floats), teacher logits; losses: (loss, ce) per step slot.
 * Shapes: B batch, H×W spatial (1D: 1×W), C channels, K classes.
 */
import { wrnBlocks } from '../models/wrn';
import { BN_EPS, BN_MOMENTUM } from '../models/batch-norm';

export type BufferName = 'params' | 'grads' | 'mom' | 'state' | 'acts' | 'io' | 'losses';
export const ALIGN = 64; // floats (256 bytes)

export interface Region {
  buffer: BufferName;
  offset: number; // floats
  size: number; // floats
}

export type OpKind = 'convFwd' | 'convDx' | 'convDw' | 'bnFwd' | 'bnBwd' | 'pool' | 'poolBwd' | 'head' | 'sgd';

export interface Op {
  kind: OpKind;
  label: string;
  bind: Record<string, Region>;
  p: Record<string, number>; // the kernel's uniform fields (names: ./kernels.ts)
}

export interface FusedShape {
  dims: 1 | 2;
  depth: number;
  widen: number;
  inChannels: number;
  numClasses: number;
  batch: number;
  spatial: readonly number[]; // 1D [W]; 2D [H, W]
  teachers: 0 | 1 | 2;
}

interface ParamSlot {
  name: string;
  shape: number[];
  offset: number; // floats, in params/grads/mom
  size: number;
}

interface BnSlot {
  prefix: string;
  channels: number;
  state: Region; // [running_mean, running_var, mean, invstd], C each
}

export interface Plan {
  shape: FusedShape;
  params: ParamSlot[];
  bns: BnSlot[];
  sizes: Record<BufferName, number>; // floats
  ops: Op[];
  input: Region; // (B, H, W, S)
  labels: Region; // (B) as floats
  teacherLogits: Region; // (nT, B, K)
  losses: Region; // (lossSlots, 2)
  lossSlots: number;
}

export interface StepHyper {
  momentum: number; // 0.9 (§8)
  weightDecay: number; // 1e-4 (§8)
  lambda: number; // KD weight; 0 with no teachers
  T: number; // temperature
  teacherWeights: readonly number[]; // one per teacher
}

const alignUp = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

class Arena {
  size = 0;
  constructor(readonly buffer: BufferName) {}
  take(size: number): Region {
    const r: Region = { buffer: this.buffer, offset: this.size, size };
    this.size = alignUp(this.size + Math.max(size, 1));
    return r;
  }
}

interface Act {
  r: Region; // (B, H, W, C)
  h: number;
  w: number;
  c: number;
}

/** Compiles the step for one WRN and batch shape. `lossSlots`: how many steps' losses stay on the GPU between reads. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the forward sections register their backward ops as closures over the same arenas and op list; the walk over the WRN reads top to bottom as the network does.
export function compilePlan(shape: FusedShape, hyper: StepHyper, lossSlots = 256): Plan {
  const { dims, depth, widen, inChannels: S, numClasses: K, batch: B } = shape;
  if (shape.spatial.length !== dims) throw new Error(`spatial has ${shape.spatial.length} sizes, expected ${dims}`);
  if (hyper.teacherWeights.length !== shape.teachers)
    throw new Error(`${shape.teachers} teachers but ${hyper.teacherWeights.length} weights`);
  if (K > 32) throw new Error(`the fused head supports at most 32 classes, got ${K}`);
  if (B * K > 2048) throw new Error(`the fused head supports B·K ≤ 2048, got ${B}·${K}`);
  const [H0, W0] = dims === 1 ? [1, shape.spatial[0]!] : [shape.spatial[0]!, shape.spatial[1]!];
  const params = new Arena('params');
  const state = new Arena('state');
  const acts = new Arena('acts');
  const io = new Arena('io');
  const slots: ParamSlot[] = [];
  const bns: BnSlot[] = [];
  const ops: Op[] = [];
  const back: (() => Op[])[] = []; // backward ops per forward section, built at the end (regions known) and replayed in reverse

  const paramRegion = (size: number): Region => params.take(size);
  const convParam = (name: string, k: number, cin: number, cout: number): Region => {
    const shp = dims === 1 ? [k, cin, cout] : [k, k, cin, cout];
    const size = shp.reduce((a, b) => a * b, 1);
    const r = paramRegion(size);
    slots.push({ name, shape: shp, offset: r.offset, size });
    return r;
  };
  const bnParam = (prefix: string, c: number): { gb: Region; st: Region } => {
    const gb = paramRegion(2 * c);
    slots.push({ name: `${prefix}.weight`, shape: [c], offset: gb.offset, size: c });
    slots.push({ name: `${prefix}.bias`, shape: [c], offset: gb.offset + c, size: c });
    const st = state.take(4 * c);
    bns.push({ prefix, channels: c, state: st });
    return { gb, st };
  };
  const grad = (r: Region): Region => ({ ...r, buffer: 'grads' });
  const act = (h: number, w: number, c: number): Act => ({ r: acts.take(B * h * w * c), h, w, c });
  const dummy = acts.take(1);

  const convGeom = (x: Act, k: number, stride: number, pad: number, cout: number) => {
    const kh = dims === 1 ? 1 : k;
    const padH = dims === 1 ? 0 : pad;
    const ho = Math.floor((x.h + 2 * padH - kh) / stride) + 1;
    const wo = Math.floor((x.w + 2 * pad - k) / stride) + 1;
    return { ho, wo, p: { B, H: x.h, W: x.w, Cin: x.c, Ho: ho, Wo: wo, Cout: cout, kh, kw: k, stride, padH, padW: pad } };
  };
  /** out = conv(x) [+ res | + out]; backward: dW, and dx (written or accumulated) unless dx is null. */
  const conv = (
    label: string,
    x: Act,
    w: Region,
    k: number,
    stride: number,
    pad: number,
    cout: number,
    o: { out?: Act; mode?: 0 | 1 | 2; res?: Act; dOut: () => Region; dx: Region | null; dxAcc?: boolean },
  ): Act => {
    const g = convGeom(x, k, stride, pad, cout);
    const out = o.out ?? act(g.ho, g.wo, cout);
    ops.push({ kind: 'convFwd', label, bind: { x: x.r, w, out: out.r, res: o.res?.r ?? dummy }, p: { ...g.p, mode: o.mode ?? 0 } });
    const dx = o.dx;
    back.push(() => [
      ...(dx
        ? [{ kind: 'convDx' as const, label: `${label} dx`, bind: { dy: o.dOut(), w, dx }, p: { ...g.p, mode: o.dxAcc ? 2 : 0 } }]
        : []),
      { kind: 'convDw', label: `${label} dW`, bind: { x: x.r, dy: o.dOut(), dw: grad(w) }, p: { ...g.p, mode: 0 } },
    ]);
    return out;
  };
  const bnRelu = (prefix: string, x: Act, dy: () => Region, dx: Region, acc: boolean): Act => {
    const { gb, st } = bnParam(prefix, x.c);
    const y = act(x.h, x.w, x.c);
    const n = B * x.h * x.w;
    const p = {
      C: x.c,
      N: n,
      acc: acc ? 1 : 0,
      eps: BN_EPS,
      keep: 1 - BN_MOMENTUM,
      mom: BN_MOMENTUM,
      momUnbiased: (BN_MOMENTUM * n) / Math.max(n - 1, 1),
    };
    ops.push({ kind: 'bnFwd', label: `${prefix} fwd`, bind: { x: x.r, y: y.r, gb, st }, p });
    back.push(() => [{ kind: 'bnBwd', label: `${prefix} bwd`, bind: { x: x.r, y: y.r, dy: dy(), dx, gb, dgb: grad(gb), st }, p }]);
    return y;
  };

  // Gradient buffers are made when the forward pass knows the shapes; backward ops reference
  // them lazily (the closures run while the forward section is built, after the buffer exists).
  const input: Act = { r: io.take(B * H0 * W0 * S), h: H0, w: W0, c: S };
  const labels = io.take(B);
  const teacherLogits = io.take(Math.max(shape.teachers, 1) * B * K);

  const stemW = convParam('conv1.weight', 3, S, 16);
  let stemGrad: Region | null = null; // read when the backward is built, so a const, not dH
  let h = conv('conv1', input, stemW, 3, 1, 1, 16, { dOut: () => stemGrad!, dx: null });
  stemGrad = acts.take(h.r.size);
  let dH: Region = stemGrad;
  for (const b of wrnBlocks(depth, widen)) {
    // Allocate this block's gradient regions now; the block's output gradient is dOut.
    const inGrad = dH; // gradient of the block input h
    const preGrad = acts.take(h.r.size); // gradient of pre = relu(bn1(h)), same shape as h
    const hIn = h;
    let dOut: Region | null = null;
    const dOutRef = (): Region => dOut!;
    const pre = bnRelu(`${b.prefix}.batch_norm1`, hIn, () => preGrad, inGrad, !b.shortcut);
    const w1 = convParam(`${b.prefix}.conv1.weight`, 3, b.cin, b.cout);
    let dA: Region | null = null;
    // Backward runs conv_inp's dx (written) before conv1's (accumulated) when there is a shortcut.
    const a = conv(`${b.prefix}.conv1`, pre, w1, 3, b.stride, 1, b.cout, { dOut: () => dA!, dx: preGrad, dxAcc: b.shortcut });
    dA = acts.take(a.r.size);
    let dQ: Region | null = null;
    const q = bnRelu(`${b.prefix}.batch_norm2`, a, () => dQ!, dA, false);
    dQ = acts.take(q.r.size);
    const w2 = convParam(`${b.prefix}.conv2.weight`, 3, b.cout, b.cout);
    let out: Act;
    if (b.shortcut) {
      const wi = convParam(`${b.prefix}.conv_inp.weight`, 1, b.cin, b.cout);
      out = conv(`${b.prefix}.conv_inp`, pre, wi, 1, b.stride, 0, b.cout, { dOut: dOutRef, dx: preGrad });
      conv(`${b.prefix}.conv2`, q, w2, 3, 1, 1, b.cout, { out, mode: 2, dOut: dOutRef, dx: dQ });
      dOut = acts.take(out.r.size);
    } else {
      // Identity shortcut: out = conv2(q) + h, and the block's input gradient is accumulated in
      // place into the output gradient's region (batch_norm1's backward adds into it, last).
      out = conv(`${b.prefix}.conv2`, q, w2, 3, 1, 1, b.cout, { mode: 1, res: hIn, dOut: dOutRef, dx: dQ });
      dOut = inGrad;
    }
    h = out;
    dH = dOut;
  }
  // Head: BN → ReLU → global average pool → Linear → loss.
  const C = h.c;
  const dFinal = dH;
  let dR: Region | null = null;
  const r = bnRelu('batch_norm', h, () => dR!, dFinal, false);
  dR = acts.take(r.r.size);
  const pooled = acts.take(B * C);
  const dPooled = acts.take(B * C);
  const L = r.h * r.w;
  ops.push({ kind: 'pool', label: 'pool', bind: { x: r.r, out: pooled }, p: { B, L, C } });
  const fc = paramRegion(C * K + K);
  slots.push({ name: 'fc.weight', shape: [C, K], offset: fc.offset, size: C * K });
  slots.push({ name: 'fc.bias', shape: [K], offset: fc.offset + C * K, size: K });
  const losses = new Arena('losses').take(2 * lossSlots);
  const tw = [...hyper.teacherWeights, 0, 0];
  ops.push({
    kind: 'head',
    label: 'fc + loss',
    bind: { x: pooled, fc, dfc: grad(fc), labels, teachers: teacherLogits, losses, dx: dPooled },
    p: { B, C, K, nT: shape.teachers, slot: 0, lam: hyper.lambda, T: hyper.T, w0: tw[0]!, w1: tw[1]! },
  });
  ops.push({ kind: 'poolBwd', label: 'pool bwd', bind: { dy: dPooled, dx: dR }, p: { B, L, C } });
  for (let i = back.length - 1; i >= 0; i--) ops.push(...back[i]!());
  const n = params.size;
  ops.push({
    kind: 'sgd',
    label: 'sgd',
    bind: {
      w: { buffer: 'params', offset: 0, size: n },
      g: { buffer: 'grads', offset: 0, size: n },
      m: { buffer: 'mom', offset: 0, size: n },
    },
    p: { n, lr: 0, mu: hyper.momentum, wd: hyper.weightDecay },
  });
  return {
    shape,
    params: slots,
    bns,
    sizes: { params: n, grads: n, mom: n, state: state.size, acts: acts.size, io: io.size, losses: alignUp(2 * lossSlots) },
    ops,
    input: input.r,
    labels,
    teacherLogits,
    losses,
    lossSlots,
  };
}

/** How many of each kernel one step launches (every op is one dispatch). */
export function opCounts(plan: Plan): Record<OpKind, number> {
  const c = { convFwd: 0, convDx: 0, convDw: 0, bnFwd: 0, bnBwd: 0, pool: 0, poolBwd: 0, head: 0, sgd: 0 };
  for (const op of plan.ops) c[op.kind]++;
  return c;
}
