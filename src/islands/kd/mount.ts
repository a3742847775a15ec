/**
 * Entry of the KD-run island (main thread), loaded by defineIsland('kd-run-demo') in
 * src/components/KdRunDemo.astro. Wires the pieces: one Web Worker (worker/kd-worker.ts) behind a
 * validated channel, the reducer (state.ts) fed with its messages and the reader's actions,
 * the view (view.ts) redrawn at most every 250 ms, and the controls kept in the URL
 * (url-state.ts). No tfjs here: the page stays responsive while the worker trains.
 */
import { z } from 'zod';
import { openChannel } from '@demos/shared/channel';
import { COMPARE_ALPHAS, parseConfig } from '@demos/kd/run/config';
import { FromWorkerSchema, ToWorkerSchema, type PhaseResult } from '@demos/kd/run/protocol';
import { defaultSplitFor } from '@demos/kd/experiment/split';
import { initialState, reduce, type Action, type KdState } from './state';
import { splitProblemOf, usableFolds } from './split-problem';
import { createView } from './view';
import { applyUrlState, fieldProblems, fillFolds, readControls, splitOf, syncDataDefaults, syncFoldControl, urlStateOf } from './controls';
import { readKdUrl, writeKdUrl, type DataChoice } from './url-state';
import { exportRun } from './export-run';
import { byRole } from './view-common';
import { wireCheckpoints, wireDebugHooks, wireFieldChecks } from './mount-wiring';
import { KD_URL_PROBLEMS, S } from './strings';
import { documentLang, pick } from '@src/i18n/lang';
import { absoluteSiteUrl } from '@src/lib/site-url';
import { workerName } from '../strings-lang';

// zod 4 compiles an object schema's parser on its first use (70–160 ms here): a long task in
// the middle of training. Interpreted parsing costs ~0.1 ms per message, so turn it off.
z.config({ jitless: true });

export function mount(root: HTMLElement): void {
  const el = <T extends Element>(role: string): T => byRole<T>(root, role);
  const fromUrl = readKdUrl(location.search);
  let url = fromUrl.state;
  applyUrlState(root, url);
  const notes = [
    ...(fromUrl.problems.length > 0 ? [pick(KD_URL_PROBLEMS, documentLang())(fromUrl.problems)] : []),
    ...(url.config.teachers === 'checkpoint' ? [S.urlCheckpoint] : []),
  ];
  const showNotes = (): void => {
    const n = el<HTMLElement>('url-note');
    n.hidden = notes.length === 0;
    n.textContent = notes.join(' ');
  };
  showNotes();

  let state: KdState = initialState;
  let dataChoice: DataChoice | 'upload' = 'excerpt';
  let firstData = true;
  const fold = (): number => Number(el<HTMLSelectElement>('fold').value) || url.config.testSubject;
  const controls = () => ({
    split: splitOf(root),
    testSubject: fold(),
    window: url.window,
    cm: url.cm,
    splitProblem: state.data ? splitProblemOf(state.data, splitOf(root), fold()) : null,
    invalid: fieldProblems(root).size > 0,
  });
  const view = createView(root, (r: PhaseResult) => {
    if (state.config && state.data)
      void exportRun(r, state.config, state.data, state.runtime?.info.backend ?? '?', state.fold?.unseenTest ?? 0).then((err) => {
        if (err) dispatch({ type: 'ui-status', text: S.exportFailed(err) });
      });
  });
  let pending = false,
    lastDraw = 0;
  const render = (): void => {
    if (pending) return;
    pending = true;
    setTimeout(
      () =>
        requestAnimationFrame(() => {
          pending = false;
          lastDraw = performance.now();
          view(state, controls());
        }),
      Math.max(0, 250 - (performance.now() - lastDraw)),
    );
  };
  const saveUrl = (): void => {
    url = urlStateOf(root, dataChoice === 'full' ? 'full' : 'excerpt', url);
    const next = writeKdUrl(location.search, url);
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  };

  const FINAL = new Set<Action['type']>(['run-done', 'alpha-done', 'cancelled', 'error']);
  const worker = new Worker(new URL('./worker/kd-worker.ts', import.meta.url), { type: 'module', name: workerName('kd') });
  const channel = openChannel(
    worker,
    { receive: FromWorkerSchema, send: ToWorkerSchema, name: 'worker message' },
    (m) => dispatch(m),
    (problem) => dispatch({ type: 'error', message: problem }),
  );
  worker.addEventListener('error', (e) => dispatch({ type: 'error', message: `worker: ${e.message || 'failed to start'}` }));
  const loadBundled = (which: DataChoice): void => {
    dataChoice = which;
    dispatch({ type: 'ui-loading', what: which });
    channel.send({ type: 'load-bundled', which });
  };

  function dispatch(a: Action): void {
    state = reduce(state, a);
    if (a.type === 'data-ready') {
      // The URL's split and fold on the first data; else the data's own default split.
      // No fold that can be evaluated (e.g. the excerpt): the window split, unless the URL asks (then the reason shows).
      const noLoso = usableFolds(a.summary).length === 0;
      el<HTMLSelectElement>('split').value = firstData && url.split ? url.split : noLoso ? 'window' : defaultSplitFor(a.summary.source);
      fillFolds(root, a.summary, firstData ? url.config.testSubject : Number(el<HTMLSelectElement>('fold').value));
      syncDataDefaults(root, a.summary.source);
      firstData = false;
      const why = state.data ? splitProblemOf(state.data, splitOf(root), fold()) : null;
      if (why) state = reduce(state, { type: 'ui-status', text: S.dataReadyBut(why) });
      saveUrl();
    }
    if (a.type === 'data-error' && state.data) {
      // The radios show the data in use again, so choosing the failed source retries it.
      const inUse = root.querySelector<HTMLInputElement>(`input[name="kd-data"][value="${state.data.source}"]`);
      if (inUse) {
        inUse.checked = true;
        el<HTMLElement>('file').hidden = state.data.source !== 'upload';
      }
    }
    if (a.type === 'full-data' && url.data === 'full' && dataChoice === 'excerpt') {
      if (a.description) {
        root.querySelector<HTMLInputElement>('input[name="kd-data"][value="full"]')!.checked = true;
        loadBundled('full');
      } else {
        notes.push(S.urlNoFull);
        showNotes();
      }
    }
    // The reader's own actions and the end of a job show at once (e.g. a new start clears
    // data-done before anything else; the results appear as the run finishes); progress is throttled.
    if (a.type.startsWith('ui-') || FINAL.has(a.type)) view(state, controls());
    else render();
  }

  const start = (): void => {
    // The buttons are disabled in these cases; this guards a click that races the redraw.
    const c = controls(),
      parsed = parseConfig(readControls(root));
    const refused =
      c.splitProblem ??
      (c.invalid ? S.fieldsInvalid : state.busy !== 'none' ? S.busyRun : parsed.ok ? null : S.configInvalid(parsed.message));
    if (refused !== null || !parsed.ok) dispatch({ type: 'ui-status', text: refused ?? '' });
    else {
      dispatch({ type: 'ui-start', config: parsed.config });
      channel.send({ type: 'start', config: parsed.config });
    }
  };
  el<HTMLButtonElement>('start').addEventListener('click', start);
  el<HTMLButtonElement>('rerun').addEventListener('click', start);
  el<HTMLButtonElement>('compare').addEventListener('click', () => {
    if (!state.config) return;
    dispatch({ type: 'ui-compare', config: state.config });
    channel.send({ type: 'compare-alphas', config: state.config, alphas: [...COMPARE_ALPHAS] });
  });
  el<HTMLButtonElement>('cancel').addEventListener('click', () => {
    if (state.busy === 'run' || state.busy === 'compare') channel.send({ type: 'cancel' });
  });
  el<HTMLButtonElement>('clear').addEventListener('click', () => channel.send({ type: 'clear-cache' }));
  wireFieldChecks(root, () => {
    saveUrl(); // only valid values reach the URL (urlStateOf)
    view(state, controls());
  });
  // Every control lives in the URL; the split also shows or hides the fold.
  root.querySelector('.kd-controls')!.addEventListener('change', () => {
    syncFoldControl(root, splitOf(root));
    el<HTMLElement>('ckpt-box').hidden = el<HTMLSelectElement>('teachers').value !== 'checkpoint';
    saveUrl();
    render();
  });
  for (const role of ['window', 'cm-phase', 'quickbar'])
    el<HTMLElement>(role).addEventListener('change', () => {
      saveUrl();
      render();
    });

  const fileInput = el<HTMLInputElement>('file');
  root.querySelectorAll<HTMLInputElement>('input[name="kd-data"]').forEach((r) =>
    r.addEventListener('change', () => {
      fileInput.hidden = r.value !== 'upload';
      if (!r.checked) return;
      if (r.value === 'upload') fileInput.click();
      else loadBundled(r.value === 'full' ? 'full' : 'excerpt');
      if (r.value !== 'upload') saveUrl();
    }),
  );
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    if (files.length === 0) return;
    root.querySelector<HTMLInputElement>('input[name="kd-data"][value="upload"]')!.checked = true;
    dataChoice = 'upload';
    dispatch({ type: 'ui-loading', what: files.map((f) => f.name).join(', ') });
    channel.send({ type: 'load-files', files });
  });
  wireCheckpoints(root, channel.send);
  wireDebugHooks(root, channel.send);

  channel.send({ type: 'init', search: location.search, baseUrl: absoluteSiteUrl('', location.href, root.dataset['base']) });
  loadBundled('excerpt');
  root.dataset['hydrated'] = 'true';
  render();
}
