/**
 * The attention island's effects (state.ts returns them as data; the loop in mount.ts runs them
 * here): a step-mode computation on the active backend, and the trained model's load, stop and
 * maps. Answers come back as events.
 */
import type { Tf } from '@src/lib/runtime';
import { computeAttention } from '@demos/attention/attention';
import { embedTokens, toyWeights, TOY_SEED } from '@demos/attention/toy-model';
import { parseLm, lmForward, type TinyLm } from '@demos/attention/lm';
import { siteUrl } from '@src/lib/site-url';
import type { AttnEffect, AttnEvent, StepResult } from './state';
import type { TrainedModel } from './trained-model';

let lmPromise: Promise<TinyLm> | null = null;
/** The tiny language model, fetched once (lm.json + lm.bin, ~0.8 MB) when first needed. */
function loadLm(): Promise<TinyLm> {
  lmPromise ??= Promise.all([
    fetch(siteUrl('models/attention/lm/lm.json')).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`lm.json: HTTP ${r.status}`)))),
    fetch(siteUrl('models/attention/lm/lm.bin')).then((r) =>
      r.ok ? r.arrayBuffer() : Promise.reject(new Error(`lm.bin: HTTP ${r.status}`)),
    ),
  ]).then(([json, bin]) => parseLm(json, bin));
  lmPromise.catch(() => {
    lmPromise = null; // a failed fetch may be retried by the next input
  });
  return lmPromise;
}

/** One step-mode computation on the active backend; every tensor made here is disposed. */
async function computeStep(tf: Tf, e: Extract<AttnEffect, { type: 'compute' }>): Promise<StepResult> {
  const base = { tokens: e.tokens, causal: e.causal, scale: e.scale };
  if (e.weights === 'lm') {
    const lm = await loadLm();
    const r = await lmForward(tf, lm, e.tokens, e.scale);
    const layer = Math.min(e.layer, lm.meta.layers - 1);
    return { ...base, source: 'lm', data: r.layers[layer]!.data, lm: { layer, layers: lm.meta.layers, meta: lm.meta, next: r.next } };
  }
  const x = embedTokens(e.tokens, e.d, TOY_SEED); // (T, D)
  const rw = toyWeights(e.d, TOY_SEED);
  const w = tf.tidy(() => ({
    wq: tf.tensor2d(rw.wq, [e.d, e.d]),
    wk: tf.tensor2d(rw.wk, [e.d, e.d]),
    wv: tf.tensor2d(rw.wv, [e.d, e.d]),
    wo: tf.tensor2d(rw.wo, [e.d, e.d]),
  }));
  try {
    const data = await computeAttention(tf, x, e.tokens.length, e.d, w, { heads: e.h, causal: e.causal, scale: e.scale });
    return { ...base, source: 'random', data };
  } finally {
    tf.dispose(Object.values(w));
  }
}

/** Runs one effect; a computation's answer (or failure) comes back through `dispatch`. */
export function runEffect(tf: Tf, model: TrainedModel, eff: AttnEffect, dispatch: (e: AttnEvent) => void): void {
  if (eff.type === 'compute') {
    computeStep(tf, eff).then(
      (result) => dispatch({ type: 'computed', version: eff.version, result, seed: TOY_SEED }),
      (error: unknown) => dispatch({ type: 'compute-failed', version: eff.version, error }),
    );
  } else if (eff.type === 'load-checkpoint') void model.load();
  else if (eff.type === 'stop-training') model.stop();
  else void model.drawMaps(eff.digits);
}
