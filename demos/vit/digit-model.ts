/**
 * The tiny digit ViT trained by scripts/train-vit-digits.py, run with tfjs: the same maths as
 * the script's TinyViT.forward, so the page predicts what the script predicts (golden test:
 * test/unit/vit-digit-golden.test.ts).
 *   x (28, 28) -> patches (P, p²), row-major, pixels (p1, p2) -> · W_pe (p², D) + b
 *   -> [CLS] ++ -> + pos (N, D), N = P + 1
 *   -> L pre-norm blocks: z += Attn(LN(z)) · W_o + b; z += GELU(LN(z) · W_1 + b) · W_2 + b
 *   -> LN(z[0]) · W_head (D, 10) + b = logits (10)
 * Besides the logits it returns the [CLS] row of every head's attention (L, H, N): how much
 * the token that makes the prediction reads from each patch. The checkpoint is a JSON file
 * (config, metrics, float32 weights in base64), checked with zod before any tensor is made.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { z } from 'zod';

type Tf = typeof tfc;

const int = z.number().int().positive();
const digitConfigSchema = z
  .object({
    image: int,
    patch: int,
    dim: int,
    depth: int,
    heads: int,
    mlp: int,
    classes: int,
    lnEps: z.number().positive(),
  })
  .refine((c) => c.image % c.patch === 0 && c.dim % c.heads === 0, 'image % patch and dim % heads must be 0');
type DigitConfig = z.infer<typeof digitConfigSchema>;

export const digitCheckpointSchema = z.object({
  format: z.literal('vit-digits/1'),
  config: digitConfigSchema,
  training: z.object({
    data: z.string(),
    trainCount: int,
    testCount: int,
    testAccuracy: z.number().min(0).max(1),
    trainAccuracy: z.number().min(0).max(1),
    epochs: z.number().int().nonnegative(),
    seconds: z.number().nonnegative(),
    seed: z.number().int(),
    torch: z.string(),
  }),
  params: int,
  tensors: z.array(z.object({ name: z.string(), shape: z.array(int), offset: z.number().int().nonnegative(), length: int })),
  weights: z.string().min(1),
});

/** Held-out digits with the script's answers (public/models/vit-digits/samples.json). */
export const digitSamplesSchema = z.object({
  format: z.literal('vit-digits-samples/1'),
  note: z.string(),
  samples: z.array(
    z.object({
      label: z.number().int().min(0).max(9),
      index: z.number().int().nonnegative(),
      pixels: z.array(z.number().min(0).max(1)).length(784),
      logits: z.array(z.number()).length(10),
      clsAttention: z.array(z.array(z.array(z.number()))), // (L, H, N)
    }),
  ),
});

/** Token count and attention cost for an S×S image cut into p×p patches. */
export interface TokenCost {
  patch: number;
  grid: number;
  /** N = (S/p)² + 1 ([CLS]). */ tokens: number;
  /** N²: attention scores per head and layer. */ scores: number;
}
export function tokenCost(image: number, patch: number): TokenCost {
  if (image % patch !== 0) throw new Error(`image size ${image} is not a multiple of patch size ${patch}`);
  const grid = image / patch;
  const tokens = grid * grid + 1;
  return { patch, grid, tokens, scores: tokens * tokens };
}

function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Expected shape of every tensor, from the config (the script's parameter order). */
function expectedShapes(c: DigitConfig): Map<string, number[]> {
  const N = (c.image / c.patch) ** 2 + 1,
    D = c.dim;
  const m = new Map<string, number[]>([
    ['pe_w', [c.patch * c.patch, D]],
    ['pe_b', [D]],
    ['cls', [1, 1, D]],
    ['pos', [1, N, D]],
  ]);
  for (let l = 0; l < c.depth; l++) {
    const b = `b${l}_`;
    for (const [k, s] of [
      ['ln1_g', [D]],
      ['ln1_b', [D]],
      ['qkv_w', [D, 3 * D]],
      ['qkv_b', [3 * D]],
      ['proj_w', [D, D]],
      ['proj_b', [D]],
      ['ln2_g', [D]],
      ['ln2_b', [D]],
      ['fc1_w', [D, c.mlp]],
      ['fc1_b', [c.mlp]],
      ['fc2_w', [c.mlp, D]],
      ['fc2_b', [D]],
    ] as const)
      m.set(b + k, [...s]);
  }
  m.set('ln_g', [D]).set('ln_b', [D]).set('head_w', [D, c.classes]).set('head_b', [c.classes]);
  return m;
}

export interface DigitModel {
  config: DigitConfig;
  weights: Map<string, tfc.Tensor>;
}

/** Validates the checkpoint (schema, every tensor's name, shape and extent) and uploads it. */
export function loadDigitModel(tf: Tf, json: unknown): DigitModel {
  const ck = digitCheckpointSchema.parse(json);
  const bytes = base64ToBytes(ck.weights);
  if (bytes.length % 4 !== 0) throw new Error(`weights: ${bytes.length} bytes is not a whole number of float32`);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const want = expectedShapes(ck.config);
  if (ck.tensors.length !== want.size) throw new Error(`checkpoint has ${ck.tensors.length} tensors, expected ${want.size}`);
  const weights = new Map<string, tfc.Tensor>();
  for (const t of ck.tensors) {
    const shape = want.get(t.name);
    if (!shape || shape.join('x') !== t.shape.join('x')) throw new Error(`tensor ${t.name}: shape ${t.shape.join('×')} unexpected`);
    if (t.length !== shape.reduce((a, b) => a * b, 1) || t.offset + t.length > all.length)
      throw new Error(`tensor ${t.name}: extent ${t.offset}+${t.length} outside ${all.length} values`);
    weights.set(t.name, tf.tensor(all.slice(t.offset, t.offset + t.length), shape));
  }
  return { config: ck.config, weights };
}

export function disposeDigitModel(m: DigitModel): void {
  for (const t of m.weights.values()) t.dispose();
  m.weights.clear();
}

function layerNorm(tf: Tf, x: tfc.Tensor2D, g: tfc.Tensor, b: tfc.Tensor, eps: number): tfc.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true); // biased variance, as torch layer_norm
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), g), b) as tfc.Tensor2D;
}

/** Exact GELU (torch's default): x·Φ(x) = x/2·(1 + erf(x/√2)). */
function gelu(tf: Tf, x: tfc.Tensor): tfc.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

export interface DigitPrediction {
  /** (10) */ logits: Float32Array;
  /** (10) softmax of the logits. */ probs: Float32Array;
  /** (L, H, N) flattened: attention weights of the [CLS] query over all N tokens ([CLS] itself at 0). */
  clsAttention: Float32Array;
}

/** One 28×28 digit (row-major, ink = 1) -> logits, probabilities and the [CLS] attention rows. */
export async function predictDigit(tf: Tf, m: DigitModel, pixels: Float32Array): Promise<DigitPrediction> {
  const c = m.config;
  const S = c.image,
    p = c.patch,
    g = S / p,
    P = g * g,
    N = P + 1,
    D = c.dim,
    H = c.heads,
    Dh = D / H;
  if (pixels.length !== S * S) throw new Error(`expected ${S * S} pixels, got ${pixels.length}`);
  const w = (k: string): tfc.Tensor => {
    const t = m.weights.get(k);
    if (!t) throw new Error(`missing weight ${k}`);
    return t;
  };
  const [logits, probs, attn] = tf.tidy(() => {
    const img = tf.tensor2d(pixels, [S, S]); // (S, S)
    const patches = tf.reshape(tf.transpose(tf.reshape(img, [g, p, g, p]), [0, 2, 1, 3]), [P, p * p]); // (P, p²)
    const emb = tf.add(tf.matMul(patches, w('pe_w') as tfc.Tensor2D), w('pe_b')); // (P, D)
    let z = tf.add(tf.concat([tf.reshape(w('cls'), [1, D]), emb], 0), tf.reshape(w('pos'), [N, D])) as tfc.Tensor2D; // (N, D)
    const rows: tfc.Tensor[] = [];
    for (let l = 0; l < c.depth; l++) {
      const b = (k: string): tfc.Tensor => w(`b${l}_${k}`);
      const h = layerNorm(tf, z, b('ln1_g'), b('ln1_b'), c.lnEps);
      const qkv = tf.add(tf.matMul(h, b('qkv_w') as tfc.Tensor2D), b('qkv_b')); // (N, 3D)
      const heads = tf.transpose(tf.reshape(qkv, [N, 3, H, Dh]), [1, 2, 0, 3]); // (3, H, N, Dh)
      const [q, k, v] = tf.unstack(heads, 0) as [tfc.Tensor3D, tfc.Tensor3D, tfc.Tensor3D]; // (H, N, Dh) each
      const a = tf.softmax(tf.div(tf.matMul(q, k, false, true), Math.sqrt(Dh))); // (H, N, N)
      rows.push(tf.squeeze(tf.slice(a, [0, 0, 0], [H, 1, N]), [1])); // (H, N): the [CLS] query's row
      const o = tf.reshape(tf.transpose(tf.matMul(a, v), [1, 0, 2]), [N, D]); // (N, H, Dh) -> (N, D)
      z = tf.add(z, tf.add(tf.matMul(o, b('proj_w') as tfc.Tensor2D), b('proj_b'))) as tfc.Tensor2D;
      const h2 = layerNorm(tf, z, b('ln2_g'), b('ln2_b'), c.lnEps);
      const mlp = tf.matMul(
        gelu(tf, tf.add(tf.matMul(h2, b('fc1_w') as tfc.Tensor2D), b('fc1_b'))) as tfc.Tensor2D,
        b('fc2_w') as tfc.Tensor2D,
      );
      z = tf.add(z, tf.add(mlp, b('fc2_b'))) as tfc.Tensor2D;
    }
    const cls = layerNorm(tf, tf.slice(z, [0, 0], [1, D]), w('ln_g'), w('ln_b'), c.lnEps); // (1, D)
    const lg = tf.reshape(tf.add(tf.matMul(cls, w('head_w') as tfc.Tensor2D), w('head_b')), [c.classes]); // (10)
    return [lg, tf.softmax(lg), tf.stack(rows)]; // (10), (10), (L, H, N)
  });
  try {
    const [lv, pv, av] = await Promise.all([logits.data(), probs.data(), attn.data()]);
    return { logits: lv as Float32Array, probs: pv as Float32Array, clsAttention: av as Float32Array };
  } finally {
    logits.dispose();
    probs.dispose();
    attn.dispose();
  }
}
