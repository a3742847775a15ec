/**
 * Trained mode's model: the tiny reversal Transformer. Loads the shipped checkpoint (so
 * learned, anti-diagonal attention is visible before anyone trains), evaluates it, computes
 * its attention maps for a digit string, and trains in the page on the active backend
 * (Adam, yielding between slices so the page stays responsive). Reset gives seeded random
 * weights, to watch it learn. It reports everything as events (state.ts); trained-view.ts draws.
 * Lifecycle: the model and trainer tensors are owned here; a replaced model is disposed.
 */
import type { Tf } from '@src/lib/runtime';
import { siteUrl } from '@src/lib/site-url';
import { parseCheckpoint } from '@demos/attention/checkpoint';
import { createTinyModel, disposeTinyModel, DEFAULT_TINY, type TinyModel } from '@demos/attention/tiny-transformer';
import { evalSet, type Batch } from '@demos/attention/reverse-task';
import { attentionMaps, createTrainer, disposeTrainer, evaluateTiny, trainLoop, type Trainer } from '@demos/attention/train';
import type { AttnEvent } from './state';
import { ATTN_TEXT } from './strings';

export interface TrainedModel {
  load(): Promise<void>;
  reset(): Promise<void>;
  train(): Promise<void>;
  stop(): void;
  drawMaps(digits: string): Promise<void>;
}

const T = ATTN_TEXT.trained;
const EVAL_EVERY = 10;
/** Seed of the batches drawn by in-page training (recorded, so a run can be repeated). */
const PAGE_TRAIN_SEED = 2025;
// Smaller than the script's (64 / 256): one synchronous CPU-backend step or evaluation is
// the longest the page cannot yield, so these bound the UI's worst pause.
const PAGE_BATCH = 32;
export const PAGE_EVAL_N = 128;
const pageEval = (m: TinyModel): Batch => evalSet(PAGE_EVAL_N, m.config.seqLen, m.config.vocab);

function checkpointUrl(): string {
  return siteUrl('models/attention/reverse.json');
}

export function createTrainedModel(getTf: () => Tf, dispatch: (e: AttnEvent) => void, digits: () => string): TrainedModel {
  let model: TinyModel | null = null;
  let trainer: Trainer | null = null;
  let abort: AbortController | null = null;

  function stop(): void {
    abort?.abort();
    abort = null;
  }

  function replaceModel(next: TinyModel): void {
    stop();
    if (trainer) disposeTrainer(trainer);
    trainer = null;
    if (model) disposeTinyModel(model);
    model = next;
  }

  async function drawMaps(d: string): Promise<void> {
    if (!model || !/^[0-9]{8}$/.test(d)) return;
    const { maps, pred } = await attentionMaps(getTf(), model, Int32Array.from(d, Number));
    dispatch({ type: 'maps', maps, pred, digits: d });
  }

  async function refresh(): Promise<void> {
    if (!model) return;
    dispatch({ type: 'evaluated', result: await evaluateTiny(getTf(), model, pageEval(model)), steps: trainer?.steps ?? 0 });
    await drawMaps(digits());
  }

  async function load(): Promise<void> {
    dispatch({ type: 'trained', status: T.loading });
    try {
      const url = checkpointUrl();
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      const { ckpt, config, values } = parseCheckpoint(await res.json(), url);
      replaceModel(createTinyModel(getTf(), config, ckpt.seed, values));
      dispatch({
        type: 'trained',
        loaded: 'checkpoint',
        source: T.sourceCheckpoint(ckpt.steps),
        status: T.loaded(ckpt.seed, ckpt.steps, ckpt.backend, ckpt.createdAt.slice(0, 10), config.layers, config.heads, config.d),
      });
      await refresh();
    } catch (e) {
      dispatch({ type: 'trained', status: T.loadFailed(e) });
    }
    dispatch({ type: 'trained-ready' });
  }

  async function reset(): Promise<void> {
    replaceModel(createTinyModel(getTf(), model?.config ?? DEFAULT_TINY, 1));
    dispatch({ type: 'trained', loaded: 'random', source: T.sourceRandom, status: T.randomReady });
    await refresh();
  }

  async function train(): Promise<void> {
    if (!model) return;
    const tf = getTf();
    trainer ??= createTrainer(tf, model, { seed: PAGE_TRAIN_SEED, batchSize: PAGE_BATCH });
    const tr = trainer;
    const ac = new AbortController();
    abort = ac;
    dispatch({ type: 'training', on: true, status: T.training(tf.getBackend(), tr.batchSize, PAGE_TRAIN_SEED) });
    try {
      await trainLoop(tr, {
        steps: 100_000,
        evalEvery: EVAL_EVERY,
        signal: ac.signal,
        evalBatch: pageEval(model),
        onEval: async (step, r) => {
          dispatch({ type: 'evaluated', result: r, steps: step });
          await drawMaps(digits());
        },
      });
    } catch (e) {
      // After reset/reload the old model is disposed mid-step; that is not a failure.
      if (!ac.signal.aborted) dispatch({ type: 'trained', status: T.trainFailed(e) });
    }
    if (abort === ac) abort = null;
    if (abort === null) dispatch({ type: 'training', on: false });
  }

  return { load, reset, train, stop, drawMaps };
}
