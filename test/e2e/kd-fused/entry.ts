/**
 * The browser side of kd-fused-webgpu.spec.ts, bundled by esbuild and loaded on a blank page:
 * trains the same WRN from the same weights on the same 5 batches with tfjs on its WebGPU
 * backend (the KD run's path today) and with the fused WebGPU step (demos/kd/fused), then
 * reports the worst relative differences and what each fused step issued (dispatches, submits,
 * GPU→CPU reads) and how long its encoding took.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import '../../../demos/shared/gradients';
import { compilePlan, type FusedShape, type StepHyper } from '../../../demos/kd/fused/plan';
import { FusedWrnGpu } from '../../../demos/kd/fused/gpu';
import { compareLosses, compareTensors, createWrnFor, makeBatches, readModel, tfjsSteps } from '../../../demos/kd/fused/parity';
import { arrayData } from '../../../demos/kd/train/train-data';
import { trainModel } from '../../../demos/kd/train/train';
import { trainModelFused } from '../../../demos/kd/fused/train-fused';
import { diffCounts, gpuCounts, installGpuCounter, type GpuCounts } from './count-gpu';

export interface FusedReport {
  model: string;
  lossRel: number;
  worst: { name: string; rel: number }[];
  tensors: number;
  perStep: GpuCounts[];
  encodeMs: number[];
  losses: number[];
  tfjsLosses: number[];
}

const hyper: StepHyper = { momentum: 0.9, weightDecay: 1e-4, lambda: 0.7, T: 4, teacherWeights: [0.3, 0.7] };
/** Teachers and the CE student train without KD terms (λ = 0, no teacher weights). */
const hyperFor = (shape: FusedShape): StepHyper => (shape.teachers === 0 ? { ...hyper, lambda: 0, teacherWeights: [] } : hyper);

async function run(shape: FusedShape, steps: number, extraTimingSteps: number, log: (m: string) => void = () => {}): Promise<FusedReport> {
  installGpuCounter();
  if (tf.getBackend() !== 'webgpu') {
    if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs: the webgpu backend did not initialise');
  }
  const lr = 0.05;
  const h = hyperFor(shape);
  const batches = makeBatches(shape, steps, 11);
  const model = createWrnFor(shape, 5, 'tf');
  const init = await readModel(model);
  log('tfjs: training');
  const want = await tfjsSteps(model, shape, h, batches, lr);
  log('tfjs: done');
  model.dispose();

  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice();
  const plan = compilePlan(shape, h);
  const runner = await FusedWrnGpu.create(device, plan);
  log('fused: pipelines ready');
  runner.setTensors(init);
  await device.queue.onSubmittedWorkDone();
  const perStep: GpuCounts[] = [];
  const encodeMs: number[] = [];
  for (const b of batches) {
    const before = gpuCounts();
    runner.step(b.x, b.labels, b.teachers, lr);
    perStep.push(diffCounts(before, gpuCounts()));
    encodeMs.push(runner.lastEncodeMs);
  }
  const losses = (await runner.readLosses()).map((l) => l.loss);
  log('fused: steps done');
  const got = await runner.readTensors();
  // More steps only to time the encoding (the first steps include first-use costs).
  for (let i = 0; i < extraTimingSteps; i++) {
    const b = batches[i % batches.length]!;
    runner.step(b.x, b.labels, b.teachers, lr);
    encodeMs.push(runner.lastEncodeMs);
    if (i % 8 === 7) await device.queue.onSubmittedWorkDone();
  }
  await device.queue.onSubmittedWorkDone();
  runner.destroy();
  device.destroy();
  const cmp = compareTensors(got, want.tensors);
  return {
    model: `${shape.dims}D WRN${shape.depth}-${shape.widen}`,
    lossRel: compareLosses(losses, want.losses),
    worst: cmp.slice(0, 3),
    tensors: cmp.length,
    perStep,
    encodeMs,
    losses,
    tfjsLosses: want.losses,
  };
}

/**
 * Counts and timing only, at any size (no tfjs run, which is far too slow in a software adapter
 * at the protocol's sizes): `steps` fused steps from a fresh model's weights; the wall time of a
 * step includes waiting for the GPU to finish it.
 */
async function measure(shape: FusedShape, steps: number) {
  installGpuCounter();
  await tf.ready(); // the model's initial weights are made by tfjs (its webgpu backend here)
  const model = createWrnFor(shape, 5, 'tf');
  const init = await readModel(model);
  model.dispose();
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice();
  const plan = compilePlan(shape, hyperFor(shape));
  const runner = await FusedWrnGpu.create(device, plan);
  runner.setTensors(init);
  const [b] = makeBatches(shape, 1, 3);
  const perStep: GpuCounts[] = [];
  const encodeMs: number[] = [];
  const wallMs: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    const before = gpuCounts();
    runner.step(b!.x, b!.labels, b!.teachers, 0.05);
    perStep.push(diffCounts(before, gpuCounts()));
    encodeMs.push(runner.lastEncodeMs);
    await device.queue.onSubmittedWorkDone();
    wallMs.push(performance.now() - t0);
  }
  const losses = (await runner.readLosses()).map((l) => l.loss);
  runner.destroy();
  device.destroy();
  return { model: `${shape.dims}D WRN${shape.depth}-${shape.widen}`, perStep, encodeMs, wallMs, losses, bytes: plan.sizes };
}

/**
 * trainModel (tfjs-webgpu) and trainModelFused from the same weights on the same small data set
 * (n samples, so every epoch ends with a shorter batch, run by a second plan sharing the weights):
 * per-epoch train loss, test accuracy and the final tensors.
 */
async function trainBoth(shape: FusedShape, n: number, epochs: number) {
  await tf.ready();
  const [first, ...rest] = makeBatches({ ...shape, batch: n }, 2, 21);
  const sampleShape = [...shape.spatial, shape.inChannels];
  const train = arrayData(first!.x, sampleShape, first!.labels);
  const test = arrayData(rest[0]!.x, sampleShape, rest[0]!.labels);
  const kd =
    shape.teachers > 0
      ? { teacherLogits: first!.teachers, weights: [...hyper.teacherWeights], lambda: hyper.lambda, T: hyper.T }
      : undefined;
  const opts = { train, test, epochs, batchSize: shape.batch, seed: 9, ...(kd ? { kd } : {}) };
  const a = createWrnFor(shape, 5, 'tf');
  const want = await trainModel({ model: a, ...opts });
  const wantTensors = await readModel(a);
  a.dispose();
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice();
  const b = createWrnFor(shape, 5, 'tf');
  const got = await trainModelFused({ model: b, ...opts }, device, { readEvery: 2 });
  const cmp = compareTensors(await readModel(b), wantTensors);
  b.dispose();
  device.destroy();
  return {
    lossRel: compareLosses(
      got.epochs.map((e) => e.trainLoss),
      want.epochs.map((e) => e.trainLoss),
    ),
    accuracy: [got.epochs.map((e) => e.testAccuracy), want.epochs.map((e) => e.testAccuracy)],
    worst: cmp.slice(0, 3),
  };
}

(globalThis as unknown as { kdFused: { run: typeof run; measure: typeof measure; trainBoth: typeof trainBoth } }).kdFused = {
  run,
  measure,
  trainBoth,
};
