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
import { initIsland, updateIsland, type DataRadio, type KdEffect, type KdEvent } from './island-state';
import { formRoleOf } from './form';
import { readKdUrl, writeKdUrl } from './url-state';
import { kdDom, renderKd } from './view';
import { exportRun } from './export-run';
import { wireCheckpoints, wireDebugHooks } from './mount-wiring';
import { KD_URL_PROBLEMS, S } from './strings';
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
  const run = (fx: KdEffect, dispatch: (e: KdEvent) => void): void => {
    if (fx.type === 'post') channel.send(fx.msg, fx.transfer);
    else if (fx.type === 'pick-file') dom.el<HTMLInputElement>('file').click();
    else
      void exportRun(fx.result, fx.config, fx.data, fx.backend, fx.unseen).then(
        (err) => err && dispatch({ type: 'status', text: S.exportFailed(err) }),
      );
  };
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
    run,
    schedule: (e) => (e.type !== 'worker' || NOW.has(e.msg.type) ? 'now' : 'later'),
    defer: (draw) => setTimeout(() => requestAnimationFrame(draw), Math.max(0, 250 - (performance.now() - lastDraw))),
  });
  const dispatch = (e: KdEvent): void => island.dispatch(e);
  worker.addEventListener('error', (e) => dispatch({ type: 'failed', message: `worker: ${e.message || 'failed to start'}` }));

  // Every control's value goes to the state (typed fields as the reader types); the view draws it back.
  const onField = (e: Event): void => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement) || (e.type === 'input' && t.type !== 'number')) return;
    const role = formRoleOf(t.dataset['role']);
    if (role) dispatch({ type: 'field', role, value: t.value });
  };
  root.addEventListener('input', onField);
  root.addEventListener('change', onField);
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="kd-data"]'))
    r.addEventListener('change', () => r.checked && dispatch({ type: 'radio', value: r.value as DataRadio }));
  const file = dom.el<HTMLInputElement>('file');
  file.addEventListener('change', () => dispatch({ type: 'files', files: [...(file.files ?? [])] }));
  for (const [role, type] of [
    ['start', 'start'],
    ['rerun', 'start'],
    ['compare', 'compare'],
    ['cancel', 'cancel'],
    ['clear', 'clear'],
  ] as const)
    dom.el(role).addEventListener('click', () => dispatch({ type }));
  const post = (msg: Parameters<typeof channel.send>[0], transfer?: Transferable[]): void =>
    dispatch(transfer ? { type: 'post', msg, transfer } : { type: 'post', msg });
  wireCheckpoints(root, post);
  wireDebugHooks(root, post);
  root.dataset['hydrated'] = 'true';
}
