/**
 * Entry of the attention island (loaded by defineIsland once <attention-demo> is near the
 * viewport): picks the tfjs backend (initRuntime), shows the badge, builds the two modes'
 * views, and runs the loop event → updateAttention (state.ts) → effects + redraw. The view
 * state lives in the URL (url-state.ts). On a backend fallback (e.g. WebGPU device lost)
 * it recomputes without a reload.
 */
import { initRuntime, onRuntimeChange, type Tf } from '@src/lib/runtime';
import { bindRuntimeBadge } from '../runtime-badge';
import { computeAttention } from '@demos/attention/attention';
import { embedTokens, toyWeights, TOY_SEED } from '@demos/attention/toy-model';
import { readState, writeState, type Mode } from './url-state';
import { initialAttnState, updateAttention, type AttnEffect, type AttnEvent, type AttnState } from './state';
import { h } from './dom';
import { createStepView } from './step-view';
import { createTrainedView } from './trained-view';
import { createTrainedModel } from './trained-model';
import { ATTN_TEXT } from './strings';
import { parseLm, lmForward, type TinyLm } from '@demos/attention/lm';
import type { StepResult } from './state';
import { siteUrl } from '@src/lib/site-url';

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

export async function mount(root: HTMLElement): Promise<void> {
  const host = root.querySelector<HTMLElement>('.attn-live') ?? root;
  host.replaceChildren(h('p', { class: 'attn-msg' }, ATTN_TEXT.choosingBackend));
  let tf: Tf;
  try {
    const rt = await initRuntime();
    tf = rt.tf;
    // tfjs-core's entry registers no gradients; the trained mode needs them (ESM, browser).
    await import('@demos/shared/gradients');
    const badge = h('span', { class: 'attn-badge', 'data-testid': 'runtime-badge' });
    bindRuntimeBadge(badge, rt.info);
    host.replaceChildren(badge);
  } catch (e) {
    host.replaceChildren(h('p', { class: 'attn-msg', 'data-kind': 'error', 'data-island-error': '' }, ATTN_TEXT.startFailed(e)));
    root.dataset['island'] = 'error';
    return;
  }

  let state: AttnState = initialAttnState(readState(location.search));
  const dispatch = (e: AttnEvent): void => {
    const prev = state;
    const r = updateAttention(state, e);
    state = r.state;
    for (const eff of r.effects) run(eff);
    render(prev);
  };
  const model = createTrainedModel(
    () => tf,
    dispatch,
    () => state.view.digits,
  );
  const step = createStepView(state, dispatch);
  const trained = createTrainedView(state, dispatch, model);

  function run(eff: AttnEffect): void {
    if (eff.type === 'compute') {
      computeStep(tf, eff).then(
        (result) => dispatch({ type: 'computed', version: eff.version, result, seed: TOY_SEED }),
        (error: unknown) => dispatch({ type: 'compute-failed', version: eff.version, error }),
      );
    } else if (eff.type === 'load-checkpoint') void model.load();
    else if (eff.type === 'stop-training') model.stop();
    else void model.drawMaps(eff.digits);
  }

  const tabs: Record<Mode, HTMLButtonElement> = {
    step: h('button', { type: 'button', role: 'tab', id: 'attn-tab-step', 'aria-controls': 'attn-panel-step' }, ATTN_TEXT.tabs.step),
    trained: h(
      'button',
      { type: 'button', role: 'tab', id: 'attn-tab-trained', 'aria-controls': 'attn-panel-trained' },
      ATTN_TEXT.tabs.trained,
    ),
  };
  const panels: Record<Mode, HTMLElement> = {
    step: h('div', { role: 'tabpanel', id: 'attn-panel-step', 'aria-labelledby': 'attn-tab-step' }, step.el),
    trained: h('div', { role: 'tabpanel', id: 'attn-panel-trained', 'aria-labelledby': 'attn-tab-trained' }, trained.el),
  };
  const tablist = h('div', { role: 'tablist', 'aria-label': ATTN_TEXT.tabs.label, class: 'attn-tabs' }, tabs.step, tabs.trained);
  tablist.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: Mode = state.view.mode === 'step' ? 'trained' : 'step';
    dispatch({ type: 'mode', mode: next });
    tabs[next].focus();
  });
  tabs.step.addEventListener('click', () => dispatch({ type: 'mode', mode: 'step' }));
  tabs.trained.addEventListener('click', () => dispatch({ type: 'mode', mode: 'trained' }));
  host.append(tablist, panels.step, panels.trained);

  function render(prev: AttnState | null): void {
    const m = state.view.mode;
    root.dataset['mode'] = m;
    for (const k of ['step', 'trained'] as const) {
      tabs[k].setAttribute('aria-selected', String(k === m));
      tabs[k].tabIndex = k === m ? 0 : -1;
      panels[k].hidden = k !== m;
    }
    step.render(state, prev);
    trained.render(state, prev);
    const next = writeState(location.search, state.view);
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  }

  render(null);
  dispatch({ type: 'mode', mode: state.view.mode });
  dispatch({ type: 'input', patch: {} }); // first computation with the URL's inputs
  await new Promise<void>((resolve) => {
    const wait = (): void => {
      if (state.step || state.message?.kind === 'error') resolve();
      else setTimeout(wait, 20);
    };
    wait();
  });
  root.dataset['ready'] = 'true';

  onRuntimeChange((info) => {
    void initRuntime().then((rt) => {
      tf = rt.tf;
      dispatch({ type: 'backend-changed' });
      root.dataset['backend'] = info.backend;
    });
  });
}
