/**
 * The KD run island's whole state and its one pure update (no DOM, no worker): the run's state
 * (state.ts `reduce`, fed with worker messages), the form (form.ts), the data choice and the URL
 * state. Reader actions and worker messages in; the next state and the effects out, as data
 * (`KdEffect`: messages to the worker, the file picker, a download), which the loop
 * (src/lib/create-island.ts) runs.
 */
import { COMPARE_ALPHAS, DEFAULT_CONFIG, parseConfig } from '@demos/kd/run/config';
import type { FromWorker, ToWorker } from '@demos/kd/run/protocol';
import { initialState } from './state';
import { formOfUrl, readForm } from './form';
import { afterData, afterFullData } from './island-data';
import { controlsOf, loadBundled, none, runWith, saveUrl, type KdEvent, type KdIslandState, type KdStep } from './island-core';
import type { KdUrlState } from './url-state';
import { S } from './strings';

export type { DataRadio, KdEffect, KdEvent, KdIslandState } from './island-core';

/** The first state from the URL, and the first messages: the worker's setup, then the excerpt. */
export function initIsland(url: KdUrlState, notes: readonly string[], init: Extract<ToWorker, { type: 'init' }>): KdStep {
  const s: KdIslandState = {
    run: initialState,
    form: formOfUrl(url),
    radio: 'excerpt',
    choice: 'excerpt',
    url,
    saved: false,
    firstData: true,
    batchAuto: String(DEFAULT_CONFIG.batchSize),
    notes: url.config.teachers === 'checkpoint' ? [...notes, S.urlCheckpoint] : notes,
  };
  const load = loadBundled(s, 'excerpt');
  return { state: load.state, send: [{ type: 'post', msg: init }, ...load.send] };
}

function start(s: KdIslandState): KdStep {
  // The buttons are disabled in these cases; this guards a click that races the redraw.
  const c = controlsOf(s),
    parsed = parseConfig(readForm(s.form));
  const refused =
    c.splitProblem ??
    (c.invalid ? S.fieldsInvalid : s.run.busy !== 'none' ? S.busyRun : parsed.ok ? null : S.configInvalid(parsed.message));
  if (refused !== null || !parsed.ok) return none(runWith(s, { type: 'ui-status', text: refused ?? '' }));
  return {
    state: runWith(s, { type: 'ui-start', config: parsed.config }),
    send: [{ type: 'post', msg: { type: 'start', config: parsed.config } }],
  };
}

function onWorker(s: KdIslandState, m: FromWorker): KdStep {
  const next = runWith(s, m);
  if (m.type === 'data-ready') return none(afterData(next, m.summary));
  // The radios show the data in use again, so choosing the failed source retries it.
  if (m.type === 'data-error' && next.run.data) return none({ ...next, radio: next.run.data.source });
  if (m.type === 'full-data') return afterFullData(next, m.description);
  return none(next);
}

export function updateIsland(s: KdIslandState, e: KdEvent): KdStep {
  switch (e.type) {
    case 'worker':
      return onWorker(s, e.msg);
    case 'failed':
      return none(runWith(s, { type: 'error', message: e.message }));
    case 'status':
      return none(runWith(s, { type: 'ui-status', text: e.text }));
    case 'field':
      return none(saveUrl({ ...s, form: { ...s.form, [e.role]: e.value } }));
    case 'radio':
      if (e.value === 'upload') return { state: { ...s, radio: 'upload' }, send: [{ type: 'pick-file' }] };
      return ((r) => ({ ...r, state: saveUrl(r.state) }))(loadBundled({ ...s, radio: e.value }, e.value));
    case 'files':
      if (e.files.length === 0) return none(s);
      return {
        state: runWith({ ...s, radio: 'upload', choice: 'upload' }, { type: 'ui-loading', what: e.files.map((f) => f.name).join(', ') }),
        send: [{ type: 'post', msg: { type: 'load-files', files: e.files } }],
      };
    case 'start':
      return start(s);
    case 'compare': {
      const config = s.run.config;
      if (!config) return none(s);
      return {
        state: runWith(s, { type: 'ui-compare', config }),
        send: [{ type: 'post', msg: { type: 'compare-alphas', config, alphas: [...COMPARE_ALPHAS] } }],
      };
    }
    case 'cancel':
      return s.run.busy === 'run' || s.run.busy === 'compare' ? { state: s, send: [{ type: 'post', msg: { type: 'cancel' } }] } : none(s);
    case 'clear':
      return { state: s, send: [{ type: 'post', msg: { type: 'clear-cache' } }] };
    case 'post':
      return { state: s, send: [e.transfer ? { type: 'post', msg: e.msg, transfer: e.transfer } : { type: 'post', msg: e.msg }] };
    case 'export': {
      const { config, data, runtime, fold } = s.run;
      if (!config || !data) return none(s);
      return {
        state: s,
        send: [{ type: 'export', result: e.result, config, data, backend: runtime?.info.backend ?? '?', unseen: fold?.unseenTest ?? 0 }],
      };
    }
  }
}
