/**
 * Trains the tiny reversal Transformer on the tfjs CPU backend with fixed seeds and writes
 * public/models/attention/reverse.json (validated by the same zod schema the page uses).
 *   npx tsx scripts/train-attention-checkpoint.ts [--steps 1500] [--out path]
 * Deterministic: same seeds + same code -> same weights (CPU backend, float32).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs gradients in Node (see assertGradientsRegistered in demos/attention/train.ts).
import '@tensorflow/tfjs-layers';
import { createTinyModel, DEFAULT_TINY, disposeTinyModel } from '../demos/attention/tiny-transformer';
import { createTrainer, evaluateTiny, trainLoop } from '../demos/attention/train';
import {
  CHECKPOINT_SCHEMA_VERSION,
  checkpointSchema,
  encodeFloat32,
  parseCheckpoint,
  type Checkpoint,
} from '../demos/attention/checkpoint';
import { option } from './cli-args';

export const CKPT_SEED = 42;
export const CKPT_DATA_SEED = 4242;
export const CKPT_LR = 3e-3;
export const CKPT_BATCH = 64;

async function main(): Promise<void> {
  const steps = Number(option('steps') ?? '1500');
  const out = option('out') ?? 'public/models/attention/reverse.json';
  await tf.setBackend('cpu');
  const model = createTinyModel(tf, DEFAULT_TINY, CKPT_SEED);
  const tr = createTrainer(tf, model, { seed: CKPT_DATA_SEED, lr: CKPT_LR, batchSize: CKPT_BATCH });
  const t0 = performance.now();
  await trainLoop(tr, {
    steps,
    evalEvery: Number(option('eval-every') ?? '100'),
    onEval: (s, r) =>
      console.log(
        `step ${s}  loss ${r.loss.toFixed(4)}  token acc ${(r.token * 100).toFixed(1)}%  seq acc ${(r.sequence * 100).toFixed(1)}%  ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      ),
  });
  const ev = await evaluateTiny(tf, model);
  let codeVersion = 'unknown';
  try {
    codeVersion = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  const ckpt: Checkpoint = {
    schema: CHECKPOINT_SCHEMA_VERSION,
    task: 'reverse-digits',
    config: DEFAULT_TINY,
    seed: CKPT_SEED,
    dataSeed: CKPT_DATA_SEED,
    steps: tr.steps,
    batchSize: CKPT_BATCH,
    lr: CKPT_LR,
    backend: tf.getBackend(),
    codeVersion,
    createdAt: new Date().toISOString(),
    eval: ev,
    params: await Promise.all(
      model.params.map(async (p) => ({ name: p.name, shape: p.shape, data: encodeFloat32((await p.variable.data()) as Float32Array) })),
    ),
  };
  checkpointSchema.parse(ckpt);
  parseCheckpoint(ckpt, out); // round-trip check before writing
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(ckpt)}\n`);
  console.log(`wrote ${out}: ${tr.steps} steps, token acc ${(ev.token * 100).toFixed(1)}%, seq acc ${(ev.sequence * 100).toFixed(1)}%`);
  disposeTinyModel(model);
}

void main();
