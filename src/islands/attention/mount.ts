/**
 * Entry of the attention island, imported dynamically by <attention-demo> once it is near
 * the viewport. Picks the tfjs backend (initRuntime), shows the badge, builds the two
 * modes and keeps the view state in the URL. Recomputes when the runtime falls back
 * (e.g. WebGPU device lost) without a reload.
 */
import { initRuntime, onRuntimeChange, type Tf } from '../../lib/runtime';
import { bindRuntimeBadge } from '../runtime-badge';
import { readState, writeState, type Mode } from './url-state';
import { h } from './dom';
import { createStepMode } from './step-mode';
import { createTrainedMode } from './trained-mode';

export async function mountAttentionDemo(root: HTMLElement): Promise<void> {
  const host = root.querySelector<HTMLElement>('.attn-live') ?? root;
  host.replaceChildren(h('p', { class: 'attn-msg' }, 'TensorFlow.js 백엔드를 고르는 중…'));
  let tf: Tf;
  try {
    const rt = await initRuntime();
    tf = rt.tf;
    // tfjs-core's entry registers no gradients; the trained mode needs them (ESM, browser).
    await import('../../../demos/shared/gradients');
    const badge = h('span', { class: 'attn-badge', 'data-testid': 'runtime-badge' });
    bindRuntimeBadge(badge, rt.info);
    host.replaceChildren(badge);
  } catch (e) {
    host.replaceChildren(h('p', { class: 'attn-msg', 'data-kind': 'error' }, `데모를 시작하지 못했습니다: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  const state = readState(location.search);
  const save = (): void => {
    const next = writeState(location.search, state);
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  };
  const getTf = (): Tf => tf;
  const step = createStepMode(getTf, state, save);
  const trained = createTrainedMode(getTf, state, save);
  let trainedLoaded = false;

  const tabs: Record<Mode, HTMLButtonElement> = {
    step: h('button', { type: 'button', role: 'tab', id: 'attn-tab-step', 'aria-controls': 'attn-panel-step' }, '단계별 계산'),
    trained: h('button', { type: 'button', role: 'tab', id: 'attn-tab-trained', 'aria-controls': 'attn-panel-trained' }, '학습된 모델 (숫자 뒤집기)'),
  };
  const panels: Record<Mode, HTMLElement> = {
    step: h('div', { role: 'tabpanel', id: 'attn-panel-step', 'aria-labelledby': 'attn-tab-step' }, step.el),
    trained: h('div', { role: 'tabpanel', id: 'attn-panel-trained', 'aria-labelledby': 'attn-tab-trained' }, trained.el),
  };
  const show = (m: Mode): void => {
    state.mode = m;
    save();
    root.dataset['mode'] = m;
    for (const k of ['step', 'trained'] as const) {
      tabs[k].setAttribute('aria-selected', String(k === m));
      tabs[k].tabIndex = k === m ? 0 : -1;
      panels[k].hidden = k !== m;
    }
    if (m === 'trained' && !trainedLoaded) { trainedLoaded = true; void trained.load(); }
    if (m === 'step') trained.stop();
  };
  const tablist = h('div', { role: 'tablist', 'aria-label': '데모 모드', class: 'attn-tabs' }, tabs.step, tabs.trained);
  tablist.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: Mode = state.mode === 'step' ? 'trained' : 'step';
    show(next);
    tabs[next].focus();
  });
  tabs.step.addEventListener('click', () => show('step'));
  tabs.trained.addEventListener('click', () => show('trained'));
  host.append(tablist, panels.step, panels.trained);
  show(state.mode);
  await step.update();
  root.dataset['ready'] = 'true';

  onRuntimeChange((info) => {
    void initRuntime().then((rt) => {
      tf = rt.tf;
      void step.update();
      if (trainedLoaded) void trained.load(); // the old backend's weights are gone: reload
      root.dataset['backend'] = info.backend;
    });
  });
}
