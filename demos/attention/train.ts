/**
 * Training loop of the trained mode, shared by the page and the checkpoint script.
 * Adam on the mean cross-entropy of reverseBatch(); yields to the event loop between
 * chunks of steps (the page stays responsive); stops on `signal`. Never touches the DOM:
 * progress goes to onStep/onEval callbacks.
 * Tensors: each step runs in tf.tidy via optimizer.minimize; the optimizer's slot
 * variables live until disposeTrainer(). Evaluation disposes everything it makes.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../shared/rng';
import { forward, lossFn, type TinyModel } from './tiny-transformer';
import { accuracy, evalSet, reverseBatch, type Batch } from './reverse-task';
import { yieldToEventLoop } from '../shared/yield';

type Tf = typeof tfc;

export interface Trainer {
  tf: Tf;
  model: TinyModel;
  optimizer: tfc.Optimizer;
  rng: Rng;
  steps: number;
  batchSize: number;
}

/**
 * tfjs-core's entry point registers no gradients. The caller registers them once:
 * browser: `import 'demos/shared/gradients'` (registers tfjs-core's ESM gradients);
 * Node: `import '@tensorflow/tfjs-layers'` (its CJS bundle registers them; the ESM file
 * above uses directory imports Node cannot resolve).
 */
function assertGradientsRegistered(tf: Tf): void {
  if (!tf.getGradient('RealDiv') || !tf.getGradient('BatchMatMul'))
    throw new Error(
      'tfjs gradients are not registered: import @tensorflow/tfjs-core/dist/register_all_gradients (browser) or @tensorflow/tfjs-layers (Node) first',
    );
}

export function createTrainer(tf: Tf, model: TinyModel, opts: { seed: number; lr?: number; batchSize?: number }): Trainer {
  assertGradientsRegistered(tf);
  return { tf, model, optimizer: tf.train.adam(opts.lr ?? 3e-3), rng: createRng(opts.seed), steps: 0, batchSize: opts.batchSize ?? 64 };
}

export function disposeTrainer(tr: Trainer): void {
  tr.optimizer.dispose();
}

/** One Adam step; returns the loss tensor's value lazily (a Scalar the caller disposes), or null if `wantLoss` is false. */
export function trainTinyStep(tr: Trainer, wantLoss: boolean): tfc.Scalar | null {
  const { tf, model } = tr;
  const c = model.config;
  const batch = reverseBatch(tr.rng, tr.batchSize, c.seqLen, c.vocab);
  const vars = model.params.map((p) => p.variable);
  const loss = tr.optimizer.minimize(
    () =>
      tf.tidy(() => {
        const ids = tf.tensor2d(batch.inputs, [batch.b, batch.t], 'int32');
        const tg = tf.tensor2d(batch.targets, [batch.b, batch.t], 'int32');
        return lossFn(tf, forward(tf, model, ids).logits, tg, c.vocab);
      }),
    wantLoss,
    vars,
  );
  tr.steps++;
  return loss;
}

export interface EvalResult {
  token: number;
  sequence: number;
  loss: number;
}

export async function evaluateTiny(
  tf: Tf,
  model: TinyModel,
  batch: Batch = evalSet(256, model.config.seqLen, model.config.vocab),
): Promise<EvalResult> {
  const [pred, loss] = tf.tidy(() => {
    const ids = tf.tensor2d(batch.inputs, [batch.b, batch.t], 'int32');
    const tg = tf.tensor2d(batch.targets, [batch.b, batch.t], 'int32');
    const { logits } = forward(tf, model, ids);
    return [tf.argMax(logits, -1), lossFn(tf, logits, tg, model.config.vocab)];
  });
  try {
    const [p, l] = await Promise.all([pred.data(), loss.data()]);
    return { ...accuracy(p as Int32Array, batch), loss: l[0]! };
  } finally {
    pred.dispose();
    loss.dispose();
  }
}

/** Attention maps of one input sequence: per layer (H, T, T) row-major. */
export async function attentionMaps(tf: Tf, model: TinyModel, input: Int32Array): Promise<{ maps: Float32Array[]; pred: Int32Array }> {
  const t = model.config.seqLen;
  const outs = tf.tidy(() => {
    const o = forward(tf, model, tf.tensor2d(input, [1, t], 'int32'));
    return [tf.argMax(o.logits, -1), ...o.attention];
  });
  try {
    const vals = await Promise.all(outs.map((x) => x.data()));
    return { pred: Int32Array.from(vals[0] as ArrayLike<number>), maps: vals.slice(1) as Float32Array[] };
  } finally {
    tf.dispose(outs);
  }
}

/**
 * Runs `steps` steps (or until `signal` aborts), yielding to the event loop after about
 * `sliceMs` of work. Evaluates every `evalEvery` steps and calls onEval.
 */
export async function trainLoop(
  tr: Trainer,
  o: {
    steps: number;
    evalEvery: number;
    signal?: AbortSignal;
    sliceMs?: number;
    evalBatch?: Batch;
    onStep?: (step: number) => void;
    onEval?: (step: number, r: EvalResult) => void | Promise<void>;
  },
): Promise<void> {
  const slice = o.sliceMs ?? 30;
  let t0 = performance.now();
  for (let i = 0; i < o.steps; i++) {
    if (o.signal?.aborted) return;
    trainTinyStep(tr, false);
    o.onStep?.(tr.steps);
    if (tr.steps % o.evalEvery === 0) {
      await o.onEval?.(tr.steps, await evaluateTiny(tr.tf, tr.model, o.evalBatch));
    }
    if (performance.now() - t0 > slice) {
      await yieldToEventLoop();
      t0 = performance.now();
    }
  }
}
