/**
 * The tiny causal language model of the step-by-step mode (trained by scripts/train-lm.py on
 * the project's own prose; demos/attention/README.md). Loads lm.json (metadata,
 * vocabulary, tensor layout, the script's held-out numbers) + lm.bin (float16, row-major),
 * and runs the forward pass on the reader's tokens:
 *   x      = (E[word] + Σ_b G[b]) / (1 + #b) + P[pos]                 (T, D)   lm-vocab.ts
 *   layer ℓ: a = Attn(LN1(x)) (causal, scaled; computeAttention on tfjs); x += a.output
 *            x += fc2(relu(fc1(LN2(x))))                              (T, D)
 *   logits = LN_f(x) Eᵀ + c                                           (T, V)
 * Attention runs through the same tfjs code as the random-weights mode (attention.ts), so the
 * golden test (test/unit/attention-lm-golden.test.ts) checks the page's own path; the rest is
 * plain loops (T ≤ 64, D = 64: microseconds).
 */
import { z } from 'zod';
import type * as tfc from '@tensorflow/tfjs-core';
import { computeAttention, type AttentionData } from './attention';
import { tokenIds } from './lm-vocab';
import { formatZodError } from '../shared/zod-error';

type Tf = typeof tfc;

const headSchema = z.object({
  layer: z.number().int().nonnegative(),
  head: z.number().int().nonnegative(),
  prev: z.number(),
  first: z.number(),
  self: z.number(),
});

const lmMetaSchema = z.object({
  format: z.literal('tiny-lm-f16-v1'),
  seed: z.number().int(),
  d: z.number().int().positive(),
  heads: z.number().int().positive(),
  layers: z.number().int().positive(),
  maxPos: z.number().int().positive(),
  buckets: z.number().int().positive(),
  vocab: z.array(z.string()).min(2),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()), offset: z.number().int().nonnegative() })),
  training: z.object({
    steps: z.number().int(),
    bestStep: z.number().int(),
    seconds: z.number(),
    cpuSeconds: z.number(),
    trainTokens: z.number().int(),
    testTokens: z.number().int(),
  }),
  heldOut: z.object({ tokens: z.number().int(), loss: z.number(), unigramLoss: z.number(), oovShare: z.number() }),
  headStats: z.array(headSchema),
  uniformPrev: z.number(),
  finding: z.object({ layer: z.number().int(), head: z.number().int(), prev: z.number() }),
});
export type LmMeta = z.infer<typeof lmMetaSchema>;

export interface TinyLm {
  meta: LmMeta;
  vocab: Map<string, number>;
  w: Map<string, Float32Array>;
}

/** IEEE 754 half -> float (exact). */
function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1,
    e = (h >> 10) & 0x1f,
    f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? Number.NaN : s * Number.POSITIVE_INFINITY;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

export function parseLm(json: unknown, bin: ArrayBuffer): TinyLm {
  const r = lmMetaSchema.safeParse(json);
  if (!r.success) throw new Error(`lm.json: ${formatZodError(r.error)}`);
  const meta = r.data;
  const halves = new DataView(bin);
  const w = new Map<string, Float32Array>();
  for (const t of meta.tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    if ((t.offset + n) * 2 > bin.byteLength)
      throw new Error(`lm.bin: ${t.name} needs ${(t.offset + n) * 2} bytes, file has ${bin.byteLength}`);
    w.set(
      t.name,
      Float32Array.from({ length: n }, (_, i) => halfToFloat(halves.getUint16((t.offset + i) * 2, true))),
    );
  }
  return { meta, vocab: new Map(meta.vocab.map((k, i) => [k, i])), w };
}

function get(lm: TinyLm, name: string): Float32Array {
  const a = lm.w.get(name);
  if (!a) throw new Error(`lm: tensor ${name} missing`);
  return a;
}

/** Input x = fastText-style token embedding + learned position, (T, D). */
function lmInput(lm: TinyLm, tokens: readonly string[]): Float32Array {
  const { d, buckets, maxPos } = lm.meta;
  if (tokens.length > maxPos) throw new Error(`T=${tokens.length} > ${maxPos}`);
  const E = get(lm, 'E'),
    G = get(lm, 'G'),
    P = get(lm, 'P');
  const x = new Float32Array(tokens.length * d);
  tokens.forEach((tok, i) => {
    const ids = tokenIds(tok, lm.vocab, buckets);
    const inv = 1 / (1 + ids.buckets.length);
    for (let c = 0; c < d; c++) {
      let s = E[ids.word * d + c]!;
      for (const b of ids.buckets) s += G[b * d + c]!;
      x[i * d + c] = s * inv + P[i * d + c]!;
    }
  });
  return x;
}

function layerNorm(x: Float32Array, t: number, d: number, g: Float32Array, b: Float32Array): Float32Array {
  const y = new Float32Array(t * d);
  for (let i = 0; i < t; i++) {
    let m = 0,
      v = 0;
    for (let c = 0; c < d; c++) m += x[i * d + c]!;
    m /= d;
    for (let c = 0; c < d; c++) v += (x[i * d + c]! - m) ** 2;
    const inv = 1 / Math.sqrt(v / d + 1e-5);
    for (let c = 0; c < d; c++) y[i * d + c] = (x[i * d + c]! - m) * inv * g[c]! + b[c]!;
  }
  return y;
}

/** y = x·W + b for (T, In) x (In, Out). */
function dense(x: Float32Array, t: number, nIn: number, w: Float32Array, nOut: number, b: Float32Array | null): Float32Array {
  const y = new Float32Array(t * nOut);
  for (let i = 0; i < t; i++)
    for (let o = 0; o < nOut; o++) {
      let s = b ? b[o]! : 0;
      for (let k = 0; k < nIn; k++) s += x[i * nIn + k]! * w[k * nOut + o]!;
      y[i * nOut + o] = s;
    }
  return y;
}

interface LmLayer {
  /** LN1(x): the attention's input, (T, D). */
  xIn: Float32Array;
  data: AttentionData;
}
export interface LmResult {
  layers: LmLayer[];
  /** The five likeliest next words after the last token. */
  next: { word: string; p: number }[];
}

/** `scale` = false is a what-if (the model was trained WITH 1/√Dh): it shows the sharper softmax. */
export async function lmForward(tf: Tf, lm: TinyLm, tokens: readonly string[], scale = true): Promise<LmResult> {
  const { d, heads } = lm.meta,
    t = tokens.length;
  let x = lmInput(lm, tokens);
  const layers: LmLayer[] = [];
  for (let l = 0; l < lm.meta.layers; l++) {
    const p = (n: string) => get(lm, `l${l}.${n}`);
    const xIn = layerNorm(x, t, d, p('ln1.g'), p('ln1.b'));
    const w = tf.tidy(() => ({
      wq: tf.tensor2d(p('wq'), [d, d]),
      wk: tf.tensor2d(p('wk'), [d, d]),
      wv: tf.tensor2d(p('wv'), [d, d]),
      wo: tf.tensor2d(p('wo'), [d, d]),
    }));
    let data: AttentionData;
    try {
      data = await computeAttention(tf, xIn, t, d, w, { heads, causal: true, scale });
    } finally {
      tf.dispose(Object.values(w));
    }
    layers.push({ xIn, data });
    x = x.map((v, k) => v + data.output[k]!);
    const hid = dense(layerNorm(x, t, d, p('ln2.g'), p('ln2.b')), t, d, p('fc1.w'), 4 * d, p('fc1.b')).map((v) => Math.max(0, v));
    const out = dense(hid, t, 4 * d, p('fc2.w'), d, p('fc2.b'));
    x = x.map((v, k) => v + out[k]!);
  }
  const last = layerNorm(x.subarray((t - 1) * d), 1, d, get(lm, 'lnf.g'), get(lm, 'lnf.b'));
  const E = get(lm, 'E'),
    c = get(lm, 'c'),
    V = lm.meta.vocab.length;
  const logits = Float32Array.from({ length: V }, (_, v) => {
    let s = c[v]!;
    for (let k = 0; k < d; k++) s += last[k]! * E[v * d + k]!;
    return s;
  });
  const mx = logits.reduce((a, b) => Math.max(a, b), -Infinity);
  let z = 0;
  for (const l of logits) z += Math.exp(l - mx);
  const order = Array.from(logits.keys()).sort((a, b) => logits[b]! - logits[a]!);
  return { layers, next: order.slice(0, 5).map((v) => ({ word: lm.meta.vocab[v]!, p: Math.exp(logits[v]! - mx) / z })) };
}

/**
 * Share of attention, averaged over queries i ≥ 1, on the previous token (j = i−1), on the
 * first token (j = 0) and on itself (j = i) — the script's head statistics, here for any
 * (H, T, T) weights (e.g. the reader's sentence). null when T < 2.
 */
export function headShares(weights: Float32Array, h: number, t: number): { prev: number; first: number; self: number }[] | null {
  if (t < 2) return null;
  return Array.from({ length: h }, (_, hd) => {
    let prev = 0,
      first = 0,
      self = 0;
    for (let i = 1; i < t; i++) {
      const row = hd * t * t + i * t;
      prev += weights[row + i - 1]!;
      first += weights[row]!;
      self += weights[row + i]!;
    }
    return { prev: prev / (t - 1), first: first / (t - 1), self: self / (t - 1) };
  });
}

/** Mean over queries i = 1..T−1 of 1/(i+1): the previous-token share of uniform causal attention. */
export function uniformPrevShare(t: number): number {
  let s = 0;
  for (let i = 1; i < t; i++) s += 1 / (i + 1);
  return t > 1 ? s / (t - 1) : 0;
}

/**
 * What the page may claim about the best previous-token head: 'clear' only when its share is
 * at least twice that of uniform attention, 'weak' when above it by 10 %, else 'none'. The
 * sentence on the page follows this verdict, never a fixed wording.
 */
export function prevHeadVerdict(prev: number, uniform: number): 'clear' | 'weak' | 'none' {
  return prev >= 2 * uniform ? 'clear' : prev >= 1.1 * uniform ? 'weak' : 'none';
}
