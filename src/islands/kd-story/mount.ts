/**
 * Entry of the KD story island (loaded by defineIsland once <kd-story-demo> is near the
 * viewport): event wiring only. The loop (src/lib/create-island.ts) runs event → updateKds
 * (state.ts) → worker requests → renderKds (view.ts) → URL (url-state.ts).
 */
import { openChannel } from '@demos/shared/channel';
import { StoryRequestSchema, StoryResponseSchema, type StoryRequest } from '@demos/kd/story/protocol';
import type { Setting } from '@demos/kd/story/config';
import { createIsland } from '@src/lib/create-island';
import { documentLang, pick } from '@src/i18n/lang';
import { initialKdsState, updateKds, type KdsEvent } from './state';
import { readKdsUrl, writeKdsUrl } from './url-state';
import { kdsDom, renderKds } from './view';
import { KDS_TEXT, KDS_URL_PROBLEMS } from './strings';
import { workerName } from '../strings-lang';

export function mount(root: HTMLElement): void {
  const dom = kdsDom(root);
  const dataBase = root.dataset['base'] ?? '/';
  const worker = new Worker(new URL('./kd-story-worker.ts', import.meta.url), { type: 'module', name: workerName('kd-story') });
  const channel = openChannel(
    worker,
    { receive: StoryResponseSchema, send: StoryRequestSchema, name: 'worker message' },
    (msg) => dispatch({ type: 'worker', msg }),
    (problem) => dispatch({ type: 'refused', message: problem }),
  );
  const island = createIsland({
    dom,
    url: { read: readKdsUrl, write: (q, s) => writeKdsUrl(q, { setting: s.setting, seeds: s.seeds }) },
    init: (url) => {
      const state = initialKdsState(url);
      const message = url.problems.length > 0 ? pick(KDS_URL_PROBLEMS, documentLang())(url.problems) : null;
      return { state: { ...state, message }, send: [] as StoryRequest[] };
    },
    update: (s, e: KdsEvent) => updateKds(s, e, dataBase, location.search),
    render: renderKds,
    run: (req: StoryRequest) => channel.send(req),
  });
  const dispatch = (e: KdsEvent): void => island.dispatch(e);
  worker.addEventListener('error', (e) => dispatch({ type: 'refused', message: KDS_TEXT.workerFailed(e.message) }));

  dom.seeds.addEventListener('input', () => dispatch({ type: 'seeds', text: dom.seeds.value }));
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="kds-setting"]'))
    r.addEventListener('change', () => dispatch({ type: 'setting', setting: r.value as Setting }));
  dom.start.addEventListener('click', () => dispatch({ type: 'start' }));
  dom.cancel.addEventListener('click', () => dispatch({ type: 'cancel' }));
}
