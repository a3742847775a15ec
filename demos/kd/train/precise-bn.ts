/**
 * Precise BatchNorm statistics (Wu & Johnson 2021, "Rethinking 'Batch' in BatchNorm", §3):
 * before an evaluation, replace every BN layer's running mean/variance with the population
 * statistics of the CURRENT weights over the training set.
 *
 * Why: eval mode normalises with running statistics, an exponential moving average
 * (momentum 0.1) that starts at mean 0 / variance 1 and mixes statistics of weights that no
 * longer exist. After the dozen steps of a short in-page run it is still far from the data,
 * and a network evaluated with it answers one class for every window. Re-estimating the
 * statistics with the weights frozen removes that artefact; training is unchanged (training
 * mode normalises with batch statistics and never reads the running ones).
 *
 * How, on any backend and with every BN implementation (tf ops, the JS and WASM fast paths,
 * WebGPU): a training-mode forward pass updates running stats as r ← (1 − m)·r + m·s with
 * m = BN_MOMENTUM and s the batch mean / unbiased variance. With r zeroed before the pass, r/m
 * is exactly that batch's statistics. The batches' means and biased variances are combined
 * into the population mean and (biased) variance, weighted by their position counts
 * (combineMoments). When the training set fits one batch (the bundled excerpt) the result
 * equals full-batch normalisation, so eval mode then computes what training mode would on the
 * whole set; above that, batches of `batchSize` windows (the paper's approximation).
 *
 * Ownership: mutates the model's running_mean/running_var variables only; leaks nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_MOMENTUM } from '../models/batch-norm';
import { wrnBlocks, type Wrn, type WrnConfig } from '../models/wrn';
import { sampleSize, type TrainData } from './train-data';
import { yieldToEventLoop } from '../../shared/yield';

/** Per-channel moments of one group of positions: count, mean, biased variance. */
export interface Moments {
  count: number;
  mean: ArrayLike<number>;
  variance: ArrayLike<number>;
}

/**
 * Pooled mean and biased variance of the union of the groups:
 *   μ = Σ nᵢ·μᵢ / N,   σ² = Σ nᵢ·(σᵢ² + μᵢ²) / N − μ²   (float64).
 */
export function combineMoments(parts: readonly Moments[]): { mean: Float64Array; variance: Float64Array } {
  const C = parts[0]?.mean.length ?? 0;
  const mean = new Float64Array(C),
    sq = new Float64Array(C);
  let N = 0;
  for (const p of parts) {
    N += p.count;
    for (let c = 0; c < C; c++) {
      const m = p.mean[c]!;
      mean[c] = mean[c]! + p.count * m;
      sq[c] = sq[c]! + p.count * (p.variance[c]! + m * m);
    }
  }
  const variance = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    mean[c] = mean[c]! / N;
    variance[c] = Math.max(0, sq[c]! / N - mean[c]! * mean[c]!);
  }
  return { mean, variance };
}

/** Output length of the WRN's k3/pad-1 conv with `stride` (PyTorch: ⌊(L + 2 − 3)/s⌋ + 1). */
const convOut = (len: number, stride: number): number => Math.floor((len - 1) / stride) + 1;

/**
 * Positions per sample each BN layer normalises over (the product of its input's spatial
 * sizes), by parameter prefix. spatial: [W] (1D) or [H, W] (2D) of the model input.
 */
export function bnPositions(config: Pick<WrnConfig, 'depth' | 'widen'>, spatial: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  let dims = [...spatial];
  const prod = (d: number[]): number => d.reduce((a, b) => a * b, 1);
  for (const b of wrnBlocks(config.depth, config.widen)) {
    out.set(`${b.prefix}.batch_norm1`, prod(dims));
    dims = dims.map((l) => convOut(l, b.stride));
    out.set(`${b.prefix}.batch_norm2`, prod(dims));
  }
  out.set('batch_norm', prod(dims));
  return out;
}

export interface PreciseBnOptions {
  /** Windows per forward pass; default: as many as fit about 2²⁰ input values (whole excerpt at G ≤ 16). */
  batchSize?: number;
  signal?: AbortSignal;
}

/** The default stats batch: ~2²⁰ input floats (4 MiB), at least 2 windows, at most 512. */
function preciseBnBatch(data: Pick<TrainData, 'sampleShape'>): number {
  return Math.max(2, Math.min(512, Math.floor(2 ** 20 / sampleSize(data))));
}

type BnVars = { p: string; rm: tf.Variable; rv: tf.Variable; per: number }[];

/** Sets every BN layer's running statistics to the population statistics of `data` (see above). */
export async function recomputeBnStats(model: Wrn, data: TrainData, opts: PreciseBnOptions = {}): Promise<void> {
  if (data.n < 1) return;
  const positions = bnPositions(model.config, data.sampleShape.slice(0, -1));
  const vars: BnVars = model.params
    .list()
    .filter((e) => e.name.endsWith('.running_mean'))
    .map((e) => {
      const p = e.name.slice(0, -'.running_mean'.length);
      const per = positions.get(p);
      if (per === undefined) throw new Error(`precise BN: no position count for ${p}`);
      return { p, rm: e.variable, rv: model.params.get(`${p}.running_var`), per };
    });
  // A cancel (or a lost device) mid-way must not leave zeroed statistics behind.
  // Read asynchronously: a synchronous read on WebGPU can destroy the device (train.ts trainStepAsync).
  const saved = await Promise.all(vars.map(async (v) => [(await v.rm.data()).slice(), (await v.rv.data()).slice()] as const));
  let parts: Moments[][];
  try {
    parts = await batchMoments(model, data, vars, opts);
  } catch (e) {
    tf.tidy(() =>
      vars.forEach((v, i) => {
        v.rm.assign(tf.tensor1d(saved[i]![0] as Float32Array));
        v.rv.assign(tf.tensor1d(saved[i]![1] as Float32Array));
      }),
    );
    throw e;
  }
  tf.tidy(() =>
    vars.forEach((v, i) => {
      const { mean, variance } = combineMoments(parts[i]!);
      v.rm.assign(tf.tensor1d(Float32Array.from(mean)));
      v.rv.assign(tf.tensor1d(Float32Array.from(variance)));
    }),
  );
}

/** Each BN layer's per-batch moments over `data` (parts[layer][batch]); zeroes the running stats. */
async function batchMoments(model: Wrn, data: TrainData, vars: BnVars, opts: PreciseBnOptions): Promise<Moments[][]> {
  // Balanced batches (never a trailing batch of 1).
  const batches = Math.ceil(data.n / (opts.batchSize ?? preciseBnBatch(data)));
  const per = Math.ceil(data.n / batches);
  const size = sampleSize(data);
  const buf = new Float32Array(per * size);
  const parts: Moments[][] = vars.map(() => []);
  for (let start = 0; start < data.n; start += per) {
    opts.signal?.throwIfAborted();
    const b = Math.min(per, data.n - start);
    data.fill(
      Int32Array.from({ length: b }, (_, i) => start + i),
      buf,
    );
    tf.tidy(() => {
      for (const v of vars) {
        v.rm.assign(tf.zerosLike(v.rm));
        v.rv.assign(tf.zerosLike(v.rv));
      }
      model.apply(tf.tensor(buf.subarray(0, b * size), [b, ...data.sampleShape]), { training: true });
    });
    const read = await Promise.all(vars.flatMap((v) => [v.rm.data(), v.rv.data()]));
    vars.forEach((v, i) => {
      const n = b * v.per;
      const mean = Float64Array.from(read[2 * i]!, (r) => r / BN_MOMENTUM);
      // r/m is the unbiased batch variance (PyTorch's running-var update); back to biased.
      const variance = Float64Array.from(read[2 * i + 1]!, (r) => (r / BN_MOMENTUM) * (n > 1 ? (n - 1) / n : 1));
      parts[i]!.push({ count: n, mean, variance });
    });
    await yieldToEventLoop();
  }
  return parts;
}
