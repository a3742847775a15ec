/**
 * The measurement half of calibrate.ts: one student training step's time on the ACTIVE tfjs
 * backend. Pure computation (no DOM); the KD worker runs it per candidate backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/rng';
import { createPhaseModel } from '../experiment/phases';
import { Sgd } from '../train/sgd';
import { trainStepAsync } from '../train/train';
import { CHANNELS, WINDOW } from '../pamap2/format';
import { NUM_CLASSES } from './activities';
import { CALIBRATION_BATCH, CALIBRATION_BUDGET_MS, CALIBRATION_STEPS } from './calibrate';

/**
 * measureStepMs within `budgetMs`: rejects when the budget runs out. The step in flight cannot be
 * interrupted, so the rejection waits for it: the loop stops after that step (its deadline has
 * passed) and frees its tensors. Nothing of the calibration is left running when the caller
 * selects a backend and takes the leak readout's baseline (a step finishing in the background
 * freed its tensors after the baseline was taken and made the readout negative), and the
 * abandoned backend does not compete with the run for the CPU.
 */
export async function measureWithin(budgetMs = CALIBRATION_BUDGET_MS): Promise<number> {
  const deadline = performance.now() + budgetMs;
  const ms = await measureStepMs(CALIBRATION_STEPS, CALIBRATION_BATCH, deadline);
  if (performance.now() > deadline) throw new Error(`over the ${budgetMs} ms budget`);
  return ms;
}

/** Median ms of one student training step on the ACTIVE tfjs backend (one warm-up step first). Leaks no tensors. */
export async function measureStepMs(steps = CALIBRATION_STEPS, batch = CALIBRATION_BATCH, deadline = Infinity): Promise<number> {
  const model = createPhaseModel('student-ce', 'wrn16-1', 1, 'auto');
  const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4 });
  const rng = createRng(7);
  // (B, W, S) noise and labels: the step's cost does not depend on the values.
  const x = tf.tensor3d(
    Float32Array.from({ length: batch * WINDOW * CHANNELS }, () => rng.next() * 2 - 1),
    [batch, WINDOW, CHANNELS],
  );
  const y = tf.tensor1d(
    Int32Array.from({ length: batch }, (_, i) => i % NUM_CLASSES),
    'int32',
  );
  try {
    const times: number[] = [];
    for (let i = 0; i <= steps; i++) {
      const t0 = performance.now();
      await trainStepAsync({ model, opt, x, y, teachers: [], kd: null, lr: 0.01 });
      if (i > 0) times.push(performance.now() - t0);
      if (performance.now() > deadline) throw new Error('over the calibration budget');
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    tf.dispose([x, y]);
    opt.dispose();
    model.dispose();
  }
}
