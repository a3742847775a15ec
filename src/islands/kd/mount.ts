/**
 * Entry of the KD-run island (main thread), loaded by defineIsland('kd-run-demo') in
 * src/components/KdRunDemo.astro: event wiring only. The loop (src/lib/create-island.ts) runs
 * event → updateIsland (island-state.ts) → effects (worker messages, the file picker, a download)
 * → renderKd (view.ts, progress redrawn at most every 250 ms) → URL (url-state.ts). One Web Worker
 * (worker/kd-worker.ts) trains behind a validated channel; no tfjs here, so the page stays responsive.
 */
import { z } from 'zod';
import { openChannel } from '@demos/shared/channel';
import { FromWorkerSchema, ToWorkerSchema } from '@demos/kd/run/protocol';
import { createIsland } from '@src/lib/create-island';
import { documentLang, pick } from '@src/i18n/lang';
import { absoluteSiteUrl } from '@src/lib/site-url';
import { initIsland, updateIsland, type KdEvent } from './island-state';
import { readKdUrl, writeKdUrl } from './url-state';
import { kdDom, renderKd } from './view';
import { runEffect, wireCheckpoints, wireDebugHooks, wireForm } from './mount-wiring';
import { KD_URL_PROBLEMS } from './strings';
import { workerName } from '../strings-lang';

// zod 4 compiles an object schema's parser on its first use (70–160 ms here): a long task in
// the middle of training. Interpreted parsing costs ~0.1 ms per message, so turn it off.
z.config({ jitless: true });

/** Progress messages redraw at most every 250 ms; the reader's own actions and the end of a job draw at once. */
const NOW = new Set(['run-done', 'alpha-done', 'cancelled', 'error', 'data-ready', 'data-error']);

export function mount(root: HTMLElement): void {
  const worker = new Worker(new URL('./worker/kd-worker.ts', import.meta.url), { type: 'module', name: workerName('kd') });
  const channel = openChannel(
    worker,
    { receive: FromWorkerSchema, send: ToWorkerSchema, name: 'worker message' },
    (msg) => dispatch({ type: 'worker', msg }),
    (problem) => dispatch({ type: 'failed', message: problem }),
  );
  let lastDraw = 0;
  const dom = kdDom(root, (result) => dispatch({ type: 'export', result }));
  const island = createIsland({
    dom,
    url: { read: readKdUrl, write: (q, s) => (s.saved ? writeKdUrl(q, s.url) : q) },
    init: ({ state, problems }) =>
      initIsland(state, problems.length > 0 ? [pick(KD_URL_PROBLEMS, documentLang())(problems)] : [], {
        type: 'init',
        search: location.search,
        baseUrl: absoluteSiteUrl('', location.href, root.dataset['base']),
      }),
    update: updateIsland,
    render: (d, s, prev) => {
      lastDraw = performance.now();
      renderKd(d, s, prev);
    },
    run: (fx, dispatch) => runEffect(fx, channel.send, root, dispatch),
    schedule: (e) => (e.type !== 'worker' || NOW.has(e.msg.type) ? 'now' : 'later'),
    defer: (draw) => setTimeout(() => requestAnimationFrame(draw), Math.max(0, 250 - (performance.now() - lastDraw))),
  });
  const dispatch = (e: KdEvent): void => island.dispatch(e);
  worker.addEventListener('error', (e) => dispatch({ type: 'failed', message: `worker: ${e.message || 'failed to start'}` }));

  wireForm(root, dispatch);
  const post = (msg: Parameters<typeof channel.send>[0], transfer?: Transferable[]): void =>
    dispatch(transfer ? { type: 'post', msg, transfer } : { type: 'post', msg });
  wireCheckpoints(root, post);
  wireDebugHooks(root, post);
  root.dataset['hydrated'] = 'true';
}
