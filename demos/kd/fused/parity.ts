/**
 * The proof harness shared by the Node unit test (CPU reference) and the WebGPU e2e bundle:
 * the same WRN (same seed), the same deterministic batches, trained N SGD steps by the tfjs path
 * (createWrn + trainStepAsync + Sgd, what the KD run does today) and by a fused runner; then the
 * worst relative difference over the loss of every step, every trainable weight and every BN
 * running statistic. Relative per tensor: max|a − b| / max(max|b|, 1e-6) (an element near 0
 * inside a tensor of scale 1 is compared at that scale, not at its own).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/rng';
import { createWrn, type Wrn } from '../models/wrn';
import { Sgd } from '../train/sgd';
import { trainStepAsync } from '../train/train';
import type { FusedShape, StepHyper } from './plan';

export interface Batch {
  x: Float32Array; // (B, …spatial, S)
  labels: Int32Array; // (B)
  teachers: Float32Array[]; // each (B, K)
}

export function makeBatches(shape: FusedShape, steps: number, seed: number): Batch[] {
  const rng = createRng(seed);
  const { batch: B, numClasses: K, inChannels: S } = shape;
  const n = B * shape.spatial.reduce((a, b) => a * b, 1) * S;
  return Array.from({ length: steps }, () => ({
    x: Float32Array.from({ length: n }, () => rng.normal()),
    labels: Int32Array.from({ length: B }, () => Math.floor(rng.next() * K)),
    teachers: Array.from({ length: shape.teachers }, () => Float32Array.from({ length: B * K }, () => 3 * rng.normal())),
  }));
}

export function createWrnFor(shape: FusedShape, seed: number, convImpl: 'tf' | 'auto' = 'auto'): Wrn {
  const { dims, depth, widen, inChannels, numClasses } = shape;
  return createWrn({ dims, depth, widen, inChannels, numClasses, seed, convImpl });
}

/** Every named tensor of the model (trainable and BN running statistics), copied out. */
export async function readModel(model: Wrn): Promise<Map<string, Float32Array>> {
  const m = new Map<string, Float32Array>();
  for (const e of model.params.list()) m.set(e.name, (await e.variable.data()) as Float32Array);
  return m;
}

/** N steps on the tfjs path (the active backend). Returns each step's loss and the final tensors. */
export async function tfjsSteps(model: Wrn, shape: FusedShape, hyper: StepHyper, batches: readonly Batch[], lr: number) {
  const sgd = new Sgd(model.params.trainable(), { momentum: hyper.momentum, weightDecay: hyper.weightDecay });
  const kd = shape.teachers > 0 ? { weights: [...hyper.teacherWeights], lambda: hyper.lambda, T: hyper.T } : null;
  const losses: number[] = [];
  const xShape = [shape.batch, ...shape.spatial, shape.inChannels];
  for (const b of batches) {
    const x = tf.tensor(b.x, xShape);
    const y = tf.tensor1d(b.labels, 'int32');
    const ts = b.teachers.map((t) => tf.tensor2d(t, [shape.batch, shape.numClasses]));
    const [loss] = await trainStepAsync({ model, opt: sgd, x, y, teachers: ts, kd, lr });
    tf.dispose([x, y, ...ts]);
    losses.push(loss);
  }
  sgd.dispose();
  return { losses, tensors: await readModel(model) };
}

export interface Mismatch {
  name: string;
  rel: number;
}

/** Relative difference per tensor (see the header); sorted worst first. */
export function compareTensors(got: ReadonlyMap<string, Float32Array>, want: ReadonlyMap<string, Float32Array>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [name, w] of want) {
    const g = got.get(name);
    if (!g || g.length !== w.length) {
      out.push({ name, rel: Number.POSITIVE_INFINITY });
      continue;
    }
    let scale = 1e-6,
      diff = 0;
    for (let i = 0; i < w.length; i++) {
      scale = Math.max(scale, Math.abs(w[i]!));
      diff = Math.max(diff, Math.abs(g[i]! - w[i]!));
    }
    out.push({ name, rel: Number.isFinite(diff) ? diff / scale : Number.POSITIVE_INFINITY });
  }
  return out.sort((a, b) => b.rel - a.rel);
}

export function compareLosses(got: readonly number[], want: readonly number[]): number {
  if (got.length !== want.length) return Number.POSITIVE_INFINITY;
  return Math.max(0, ...want.map((w, i) => Math.abs(got[i]! - w) / Math.max(Math.abs(w), 1e-6)));
}
