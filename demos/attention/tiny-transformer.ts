/**
 * A tiny encoder-only Transformer for the trained mode (digit-string reversal).
 *   ids (B, T) int -> oneHot·E + P                        (B, T, D)
 *   per layer: x += MHA(x);  x += W2·relu(W1·x+b1)+b2       (residual)
 *   logits = x·Wout + bout                                 (B, T, V)
 * No LayerNorm: at this size (2 layers, D=32) Adam trains fine without it, and its
 * broadcast subtractions were the slowest kernels on the tfjs CPU backend.
 * The attention is attentionTensors() from attention.ts (no mask: every position sees all
 * positions), so the maps shown are the very weights the model computes.
 * Lifecycle: createTinyModel() makes tf.Variables the caller owns; disposeTinyModel() frees
 * them. forward() must run inside tf.tidy (it returns fresh tensors).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../shared/rng';
import { attentionTensors } from './attention';

type Tf = typeof tfc;

export interface TinyConfig {
  vocab: number;
  seqLen: number;
  d: number;
  heads: number;
  layers: number;
  ff: number;
}
export const DEFAULT_TINY: TinyConfig = { vocab: 10, seqLen: 8, d: 32, heads: 2, layers: 2, ff: 64 };

/** Named parameters in a fixed order (the order of the checkpoint). */
interface NamedParam {
  name: string;
  shape: number[];
  variable: tfc.Variable;
}
export interface TinyModel {
  config: TinyConfig;
  params: NamedParam[];
}

/** Parameter names and shapes, and the std of their N(0, std²) init (0 = zeros). */
export function paramSpecs(c: TinyConfig): { name: string; shape: number[]; std: number }[] {
  const s = [
    { name: 'tokEmb', shape: [c.vocab, c.d], std: 1 },
    { name: 'posEmb', shape: [c.seqLen, c.d], std: 1 },
  ];
  for (let l = 0; l < c.layers; l++) {
    const p = `l${l}.`;
    s.push(
      ...['wq', 'wk', 'wv', 'wo'].map((n) => ({ name: p + n, shape: [c.d, c.d], std: 1 / Math.sqrt(c.d) })),
      { name: `${p}w1`, shape: [c.d, c.ff], std: Math.sqrt(2 / c.d) },
      { name: `${p}b1`, shape: [c.ff], std: 0 },
      { name: `${p}w2`, shape: [c.ff, c.d], std: 1 / Math.sqrt(c.ff) },
      { name: `${p}b2`, shape: [c.d], std: 0 },
    );
  }
  s.push({ name: 'wOut', shape: [c.d, c.vocab], std: 1 / Math.sqrt(c.d) }, { name: 'bOut', shape: [c.vocab], std: 0 });
  return s;
}

/** Seeded init, or `values` (same order as paramSpecs) e.g. from a checkpoint. */
export function createTinyModel(tf: Tf, config: TinyConfig, seed: number, values?: Float32Array[]): TinyModel {
  const rng: Rng = createRng(seed);
  const params = paramSpecs(config).map((spec, i) => {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    let data = values?.[i];
    if (values && (!data || data.length !== n)) throw new Error(`parameter ${spec.name}: expected ${n} values, got ${data?.length ?? 0}`);
    data ??= Float32Array.from({ length: n }, () => (spec.std === 0 ? 0 : rng.normal() * spec.std));
    const variable = tf.variable(tf.tensor(data, spec.shape), true, undefined);
    return { name: spec.name, shape: spec.shape, variable };
  });
  return { config, params };
}

export function disposeTinyModel(m: TinyModel): void {
  for (const p of m.params) p.variable.dispose();
}

function get(m: TinyModel, name: string): tfc.Variable {
  const p = m.params.find((q) => q.name === name);
  if (!p) throw new Error(`model has no parameter ${name}`);
  return p.variable;
}

export interface TinyOutputs {
  logits: tfc.Tensor3D; // (B, T, V)
  attention: tfc.Tensor4D[]; // per layer (B, H, T, T)
}

/** ids: (B, T) int32. Call inside tf.tidy. */
export function forward(tf: Tf, m: TinyModel, ids: tfc.Tensor2D): TinyOutputs {
  const c = m.config;
  const [b, t] = ids.shape;
  // (B, T) -> (B*T, V) x (V, D) -> (B, T, D), plus position (T, D) broadcast over B.
  const oh = tf.cast(tf.oneHot(tf.reshape(ids, [b * t]), c.vocab), 'float32');
  let x: tfc.Tensor = tf.add(tf.reshape(tf.matMul(oh, get(m, 'tokEmb')), [b, t, c.d]), get(m, 'posEmb'));
  const attention: tfc.Tensor4D[] = [];
  for (let l = 0; l < c.layers; l++) {
    const p = `l${l}.`;
    const a = attentionTensors(
      tf,
      x as tfc.Tensor3D,
      {
        wq: get(m, `${p}wq`) as tfc.Tensor2D,
        wk: get(m, `${p}wk`) as tfc.Tensor2D,
        wv: get(m, `${p}wv`) as tfc.Tensor2D,
        wo: get(m, `${p}wo`) as tfc.Tensor2D,
      },
      { heads: c.heads, causal: false, scale: true },
    );
    attention.push(a.weights);
    x = tf.add(x, a.output);
    const h2 = tf.reshape(x, [b * t, c.d]);
    const ff = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(h2, get(m, `${p}w1`)), get(m, `${p}b1`))), get(m, `${p}w2`)), get(m, `${p}b2`));
    x = tf.add(x, tf.reshape(ff, [b, t, c.d]));
  }
  const hf = tf.reshape(x, [b * t, c.d]);
  const logits = tf.reshape(tf.add(tf.matMul(hf, get(m, 'wOut')), get(m, 'bOut')), [b, t, c.vocab]) as tfc.Tensor3D;
  return { logits, attention };
}

/** Mean cross-entropy over all B·T positions. targets: (B, T) int32. */
export function lossFn(tf: Tf, logits: tfc.Tensor3D, targets: tfc.Tensor2D, vocab: number): tfc.Scalar {
  const [b, t] = targets.shape;
  const flat = tf.reshape(logits, [b * t, vocab]);
  const oh = tf.oneHot(tf.reshape(targets, [b * t]), vocab);
  return tf.losses.softmaxCrossEntropy(oh, flat) as tfc.Scalar;
}
