/**
 * Entry of the attention island (loaded by defineIsland once <attention-demo> is near the
 * viewport): picks the tfjs backend (initRuntime), shows the badge, and wires the two modes'
 * views to the loop (src/lib/create-island.ts): event → updateAttention (state.ts) → effects
 * (effects.ts) → renderAttention (tabs-view.ts) → URL (url-state.ts). On a backend fallback
 * (e.g. WebGPU device lost) it recomputes without a reload.
 */
import { initRuntime, onRuntimeChange, type Tf } from '@src/lib/runtime';
import { createIsland } from '@src/lib/create-island';
import { bindRuntimeBadge } from '../runtime-badge';
import { readAttnUrl, writeState } from './url-state';
import { initialAttnState, updateAttention, type AttnEffect, type AttnEvent } from './state';
import { h } from './dom';
import { createStepView } from './step-view';
import { createTrainedView } from './trained-view';
import { createTrainedModel } from './trained-model';
import { runEffect } from './effects';
import { attnDom, renderAttention, wireTabs } from './tabs-view';
import { ATTN_TEXT } from './strings';

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

  // The views build their controls from the URL's state before the loop starts.
  const fromUrl = readAttnUrl(location.search);
  const first = initialAttnState(fromUrl.state, fromUrl.problems);
  const dispatch = (e: AttnEvent): void => island.dispatch(e);
  const model = createTrainedModel(
    () => tf,
    dispatch,
    () => island.state().view.digits,
  );
  const dom = attnDom(root, createStepView(first, dispatch), createTrainedView(first, dispatch, model));
  host.append(dom.tablist, dom.urlNote, dom.panels.step, dom.panels.trained);
  const island = createIsland({
    dom,
    url: { read: () => fromUrl, write: (q, s) => writeState(q, s.view) },
    init: () => ({ state: first, send: [] as AttnEffect[] }),
    update: updateAttention,
    render: renderAttention,
    run: (eff: AttnEffect, d) => runEffect(tf, model, eff, d),
  });
  wireTabs(dom, () => island.state().view.mode, dispatch);

  dispatch({ type: 'mode', mode: first.view.mode });
  dispatch({ type: 'input', patch: {} }); // first computation with the URL's inputs
  await new Promise<void>((resolve) => {
    const wait = (): void => {
      const s = island.state();
      if (s.step || s.message?.kind === 'error') resolve();
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
