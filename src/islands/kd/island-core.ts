/**
 * The KD run island's state, events and effects (types), and the small steps both the update
 * (island-state.ts) and the data step (island-data.ts) use; kept apart so neither imports the other.
 */
import type { RunConfig } from '@demos/kd/run/config';
import type { FromWorker, PhaseResult, ToWorker } from '@demos/kd/run/protocol';
import type { Step } from '@src/lib/create-island';
import { reduce, type Action, type KdState } from './state';
import { fieldProblems, splitOf, urlStateOf, type Form, type FormRole } from './form';
import { splitProblemOf } from './split-problem';
import type { DataChoice, KdUrlState } from './url-state';

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

export type KdStep = Step<KdIslandState, KdEffect>;
export const none = (state: KdIslandState): KdStep => ({ state, send: [] });
export const runWith = (s: KdIslandState, a: Action): KdIslandState => ({ ...s, run: reduce(s.run, a) });

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
