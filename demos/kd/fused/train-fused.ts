/**
 * trainModel (../train/train.ts) with its training steps on the fused WebGPU step: the same
 * options and result, the same batches in the same order (same permutation per epoch, the same
 * trailing-batch rule), the same learning-rate schedule and SGD (momentum kept across epochs).
 * What differs, by design:
 *  - the step losses are read from the GPU every `readEvery` steps and at the end of the epoch,
 *    so `onStep` is called in bursts, after the steps it reports;
 *  - at the end of each epoch the weights and BN running statistics are copied back into the
 *    tfjs model (two reads), and precise BN and the evaluation run there, on tfjs, unchanged.
 * The epoch's `seconds` include that copy. The caller owns the GPUDevice.
 */
import { createRng, permutation } from '../../shared/rng';
import { yieldToEventLoop } from '../../shared/yield';
import { gatherRows, sampleSize } from '../train/train-data';
import { recomputeBnStats } from '../train/precise-bn';
import { evaluate } from '../train/predict';
import { stepLr } from '../train/schedule';
import { trainResultOf, type EpochInfo, type TrainOptions, type TrainResult } from '../train/train';
import { FusedWrnGpu } from './gpu';
import { compilePlan, type FusedShape } from './plan';
import { readModel } from './parity';

export interface FusedTrainOptions {
  /** Read the step losses every this many steps (one GPU→CPU read each); default 16. */
  readEvery?: number;
  /**
   * Clip inputs to ±inputClip before upload: pass INPUT_CLIP (../run/input-clip.ts) for a model
   * wrapped by withInputClip, whose clip lives in its tfjs apply(), which the fused step skips.
   */
  inputClip?: number;
}

export async function trainModelFused(
  o: TrainOptions,
  device: GPUDevice,
  { readEvery = 16, inputClip }: FusedTrainOptions = {},
): Promise<TrainResult> {
  const { model, train, test, kd, signal } = o;
  if (!(Number.isInteger(o.batchSize) && o.batchSize >= 2)) throw new Error(`batchSize must be an integer ≥ 2, got ${o.batchSize}`);
  const K = model.config.numClasses;
  const size = sampleSize(train);
  const nT = (kd?.teacherLogits.length ?? 0) as 0 | 1 | 2;
  const hyper = {
    momentum: o.momentum ?? 0.9,
    weightDecay: o.weightDecay ?? 1e-4,
    lambda: kd?.lambda ?? 0,
    T: kd?.T ?? 1,
    teacherWeights: kd?.weights ?? [],
  };
  const shapeFor = (batch: number): FusedShape => ({ ...model.config, batch, spatial: train.sampleShape.slice(0, -1), teachers: nT });
  const main = await FusedWrnGpu.create(device, compilePlan(shapeFor(Math.min(o.batchSize, train.n)), hyper));
  const tails = new Map<number, FusedWrnGpu>(); // an epoch's shorter last batch: same weights, its own activations
  const runnerFor = async (b: number): Promise<FusedWrnGpu> => {
    if (b === main.plan.shape.batch) return main;
    const known = tails.get(b);
    if (known) return known;
    const r = await FusedWrnGpu.create(device, compilePlan(shapeFor(b), hyper), main);
    tails.set(b, r);
    return r;
  };
  main.setTensors(await readModel(model));
  const xbuf = new Float32Array(o.batchSize * size);
  const epochs: EpochInfo[] = [];
  let aborted = false;
  try {
    for (let epoch = 0; epoch < o.epochs && !aborted; epoch++) {
      const lr = o.schedule ? o.schedule(epoch, o.epochs) : stepLr(epoch, o.epochs, o.learningRate ?? 0.05);
      const order = permutation(train.n, createRng((o.seed * 1000003 + epoch) >>> 0));
      const steps = Math.ceil(train.n / o.batchSize) - (train.n % o.batchSize === 1 ? 1 : 0);
      let lossSum = 0,
        seen = 0,
        reported = 0;
      const pending: { runner: FusedWrnGpu; samples: number }[] = [];
      const flush = async (): Promise<void> => {
        // Each runner keeps its own ring of losses, oldest first; steps are replayed in order.
        const byRunner = new Map<FusedWrnGpu, { loss: number; ce: number }[]>();
        for (const r of new Set(pending.map((p) => p.runner))) byRunner.set(r, await r.readLosses());
        for (const p of pending) {
          const l = byRunner.get(p.runner)!.shift()!;
          if (!Number.isFinite(l.loss))
            throw new Error(`loss became ${l.loss} at epoch ${epoch}, step ${reported} (lr ${lr}); lower the learning rate`);
          lossSum += l.loss * p.samples;
          seen += p.samples;
          o.onStep?.({ epoch, step: reported++, stepsPerEpoch: steps, loss: l.loss, ce: l.ce, lr, samples: p.samples });
        }
        pending.length = 0;
      };
      const t0 = performance.now();
      for (let step = 0; step < steps; step++) {
        if (signal?.aborted) {
          aborted = true;
          break;
        }
        const idx = order.subarray(step * o.batchSize, Math.min(train.n, (step + 1) * o.batchSize));
        const b = idx.length;
        train.fill(idx, xbuf);
        if (inputClip !== undefined) for (let i = 0; i < b * size; i++) xbuf[i] = Math.min(inputClip, Math.max(-inputClip, xbuf[i]!));
        const yb = new Int32Array(b);
        for (let i = 0; i < b; i++) yb[i] = train.y[idx[i]!]!;
        const teachers = (kd?.teacherLogits ?? []).map((t) => gatherRows(t, K, idx));
        const runner = await runnerFor(b);
        runner.step(xbuf.subarray(0, b * size), yb, teachers, lr);
        pending.push({ runner, samples: b });
        if (pending.length >= Math.min(readEvery, runner.plan.lossSlots)) await flush();
        else await yieldToEventLoop();
      }
      await flush();
      if (aborted) break;
      model.params.restore(await main.readTensors());
      const seconds = (performance.now() - t0) / 1000;
      const tBn = performance.now();
      if (o.preciseBn !== false) await recomputeBnStats(model, train, signal ? { signal } : {});
      const tEval = performance.now();
      const { accuracy, logits } = await evaluate(model, test, { batchSize: o.evalBatchSize ?? 256 });
      const tEnd = performance.now();
      const info: EpochInfo = {
        epoch,
        lr,
        trainLoss: lossSum / seen,
        bnSeconds: (tEval - tBn) / 1000,
        evalSeconds: (tEnd - tEval) / 1000,
        testAccuracy: accuracy,
        testLogits: logits,
        seconds,
        samplesPerSec: seen / seconds,
      };
      epochs.push(info);
      o.onEpoch?.(info);
    }
  } finally {
    for (const r of tails.values()) r.destroy();
    main.destroy();
  }
  return trainResultOf(epochs, aborted);
}
