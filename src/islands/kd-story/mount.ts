/**
 * Entry of the KD story island (loaded by defineIsland once <kd-story-demo> is near the
 * viewport): wires the compact control bar and the worker channel to the pure update
 * function (state.ts) and redraws with view.ts; the controls live in the URL (url-state.ts).
 */
import { openChannel } from '@demos/shared/channel';
import { StoryRequestSchema, StoryResponseSchema } from '@demos/kd/story/protocol';
import type { Setting } from '@demos/kd/story/config';
import { initialKdsState, updateKds, type KdsEvent, type KdsState } from './state';
import { readKdsUrl, writeKdsUrl } from './url-state';
import { kdsDom, renderKds } from './view';
import { KDS_TEXT } from './strings';
import { workerName } from '../strings-lang';

export function mount(root: HTMLElement): void {
  const dom = kdsDom(root);
  const url = readKdsUrl(location.search);
  let state: KdsState = initialKdsState(url);
  if (url.problems.length > 0) state = { ...state, message: KDS_TEXT.urlProblems(url.problems) };
  const dataBase = root.dataset['base'] ?? '/';

  const worker = new Worker(new URL('./kd-story-worker.ts', import.meta.url), { type: 'module', name: workerName('kd-story') });
  const channel = openChannel(
    worker,
    { receive: StoryResponseSchema, send: StoryRequestSchema, name: 'worker message' },
    (msg) => dispatch({ type: 'worker', msg }),
    (problem) => dispatch({ type: 'refused', message: problem }),
  );
  worker.addEventListener('error', (e) => dispatch({ type: 'refused', message: KDS_TEXT.workerFailed(e.message) }));

  function dispatch(e: KdsEvent): void {
    const prev = state;
    const r = updateKds(state, e, dataBase, location.search);
    state = r.state;
    for (const req of r.send) channel.send(req);
    renderKds(dom, state, prev);
    const next = writeKdsUrl(location.search, { setting: state.setting, seeds: state.seeds });
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  }

  dom.seeds.value = String(state.seeds);
  dom.seeds.addEventListener('input', () => dispatch({ type: 'seeds', text: dom.seeds.value }));
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="kds-setting"]'))
    r.addEventListener('change', () => dispatch({ type: 'setting', setting: r.value as Setting }));
  dom.start.addEventListener('click', () => dispatch({ type: 'start' }));
  dom.cancel.addEventListener('click', () => dispatch({ type: 'cancel' }));
  renderKds(dom, state, null);
}
