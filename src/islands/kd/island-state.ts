/**
 * The KD run island's whole state and its one pure update (no DOM, no worker): the run's state
 * (state.ts `reduce`, fed with worker messages), the form (form.ts), the data choice and the URL
 * state. Reader actions and worker messages in; the next state and the effects out, as data
 * (`KdEffect`: messages to the worker, the file picker, a download), which the loop
 * (src/lib/create-island.ts) runs.
 */
import { COMPARE_ALPHAS, DEFAULT_CONFIG, parseConfig, type RunConfig } from '@demos/kd/run/config';
import type { FromWorker, PhaseResult, ToWorker } from '@demos/kd/run/protocol';
import type { Step } from '@src/lib/create-island';
import { initialState, reduce, type Action, type KdState } from './state';
import { fieldProblems, formOfUrl, readForm, splitOf, urlStateOf, type Form, type FormRole } from './form';
import { splitProblemOf } from './split-problem';
import { afterData, afterFullData } from './island-data';
import type { DataChoice, KdUrlState } from './url-state';
import { S } from './strings';

export type DataRadio = 'excerpt' | 'full' | 'upload';

export interface KdIslandState {
  run: KdState;
  form: Form;
  /** The data radio checked, and the data last asked for. */
  radio: DataRadio;
  choice: DataRadio;
  /** The URL's values (only valid ones); `saved`: written to the page's URL (not before the reader or the data changes something). */
  url: KdUrlState;
  saved: boolean;
  /** No data has arrived yet: the URL's split and fold apply to the first data. */
  firstData: boolean;
  /** The batch size the data chose (the field follows the data's default until the reader changes it). */
  batchAuto: string;
  /** Notes about the URL (ignored values, a checkpoint run, no full data in this build). */
  notes: readonly string[];
}

export type KdEvent =
  | { type: 'worker'; msg: FromWorker }
  | { type: 'failed'; message: string }
  | { type: 'field'; role: FormRole; value: string }
  | { type: 'radio'; value: DataRadio }
  | { type: 'files'; files: File[] }
  | { type: 'start' }
  | { type: 'compare' }
  | { type: 'cancel' }
  | { type: 'clear' }
  | { type: 'export'; result: PhaseResult }
  | { type: 'status'; text: string }
  | { type: 'post'; msg: ToWorker; transfer?: Transferable[] };

export type KdEffect =
  | { type: 'post'; msg: ToWorker; transfer?: Transferable[] }
  | { type: 'pick-file' }
  | { type: 'export'; result: PhaseResult; config: RunConfig; data: NonNullable<KdState['data']>; backend: string; unseen: number };

type KdStep = Step<KdIslandState, KdEffect>;
const none = (state: KdIslandState): KdStep => ({ state, send: [] });
export const runWith = (s: KdIslandState, a: Action): KdIslandState => ({ ...s, run: reduce(s.run, a) });

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

export function loadBundled(s: KdIslandState, which: DataChoice): KdStep {
  const next = runWith({ ...s, choice: which }, { type: 'ui-loading', what: which });
  return { state: next, send: [{ type: 'post', msg: { type: 'load-bundled', which } }] };
}

/** What the view needs from the form: the split, fold, window and matrix phase, and whether a run may start. */
export function controlsOf(s: KdIslandState) {
  const split = splitOf(s.form);
  const testSubject = Number(s.form.fold) || s.url.config.testSubject;
  return {
    split,
    testSubject,
    window: s.url.window,
    cm: s.url.cm,
    splitProblem: s.run.data ? splitProblemOf(s.run.data, split, testSubject) : null,
    invalid: fieldProblems(s.form).size > 0,
  };
}

/** The URL state written from the form (after a change of the reader's or of the data). */
export function saveUrl(s: KdIslandState): KdIslandState {
  return { ...s, url: urlStateOf(s.form, s.choice === 'full' ? 'full' : 'excerpt', s.url), saved: true };
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
