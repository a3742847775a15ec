/**
 * Node: estimates how long a sweep config takes on THIS machine from measured training
 * throughput (samples/s) of each model it trains, at the config's input shapes, on the
 * config's backend, with a measuring batch (default: the config's batch size; a smaller one
 * when the real batch does not fit, e.g. 64×64 GAF × batch 64 overflows the 4 GB WASM heap —
 * per-sample cost is roughly batch-independent on CPU backends, so it scales). Synthetic inputs (speed does not depend on values); one warm-up step,
 * then `steps` timed SGD steps per model (teachers CE; the student with the 2-teacher KD loss).
 *
 * Total = Σ over units (arch × fold) of [teacher GAF + teacher signal + α·trials students]
 *         × epochs × training windows / samples-per-second, divided by the worker count.
 * Evaluation passes and data preparation are not included (the estimate is a lower bound).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createWrn } from '../../models/wrn';
import { Sgd } from '../../train/sgd';
import { trainStep } from '../../train/train';
import { teacherWeights } from '../../loss';
import { useNodeBackend } from '../../node/tf-node';
import type { SweepConfig } from '../config';
import { parseArch, WRN_IO } from '../../models/arch';

export interface ModelSpeed {
  model: string;
  samplesPerSec: number;
}

function speed(dims: 1 | 2, arch: string, c: SweepConfig, kd: boolean, steps: number, batch: number): number {
  const B = batch;
  const shape = dims === 2 ? [B, c.gafSize, c.gafSize, 40] : [B, 100, 40];
  const model = createWrn({ dims, ...parseArch(arch), ...WRN_IO, seed: 1 });
  const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4 });
  const x = tf.randomNormal(shape);
  const y = tf.tensor1d(
    Array.from({ length: B }, (_, i) => i % 12),
    'int32',
  );
  const t = kd ? [tf.randomNormal([B, 12]) as tf.Tensor2D, tf.randomNormal([B, 12]) as tf.Tensor2D] : [];
  const setup = kd ? { weights: teacherWeights(2, 0.7), lambda: c.lambda, T: c.temperature } : null;
  try {
    trainStep({ model, opt, x, y, teachers: t, kd: setup, lr: 0.01 }); // warm-up (kernel set-up, first allocations)
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) trainStep({ model, opt, x, y, teachers: t, kd: setup, lr: 0.01 });
    return (B * steps) / ((performance.now() - t0) / 1000);
  } finally {
    tf.dispose([x, y, ...t]);
    opt.dispose();
    model.dispose();
  }
}

export async function estimateSweep(
  c: SweepConfig,
  o: { folds: number; trainWindows: number; workers: number; steps: number; measureBatch: number; log: (s: string) => void },
): Promise<{ speeds: ModelSpeed[]; seconds: number }> {
  const backend = await useNodeBackend(c.backend);
  const speeds: ModelSpeed[] = [];
  const epochs = c.epochs;
  const tEpochs = c.teacherEpochs ?? c.epochs;
  let total = 0;
  const student = speed(1, 'WRN16-1', c, true, o.steps, o.measureBatch);
  speeds.push({ model: 'student 1D WRN16-1 (KD)', samplesPerSec: student });
  o.log(`${backend}: student 1D WRN16-1 + KD loss: ${student.toFixed(1)} samples/s → ${(o.trainWindows / student).toFixed(0)} s/epoch`);
  for (const arch of c.teacherArchs) {
    const g = speed(2, arch, c, false, o.steps, o.measureBatch);
    const s = speed(1, arch, c, false, o.steps, o.measureBatch);
    speeds.push(
      { model: `teacher 2D ${arch} (GAF ${c.gafSize}×${c.gafSize})`, samplesPerSec: g },
      { model: `teacher 1D ${arch}`, samplesPerSec: s },
    );
    o.log(
      `${backend}: teacher 2D ${arch} on ${c.gafSize}×${c.gafSize} GAF: ${g.toFixed(2)} samples/s → ${(o.trainWindows / g).toFixed(0)} s/epoch; 1D ${arch}: ${s.toFixed(1)} samples/s → ${(o.trainWindows / s).toFixed(0)} s/epoch`,
    );
    const unit = o.trainWindows * (tEpochs / g + tEpochs / s + (c.alphas.length * c.trials * epochs) / student);
    total += unit * o.folds;
  }
  return { speeds, seconds: total / o.workers };
}
