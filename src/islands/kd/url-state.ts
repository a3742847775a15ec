/**
 * The KD demo's controls in the page's query string (`?kd-alpha=0.5&kd-T=2&…`): the site's one
 * URL codec (src/lib/url-codec.ts) over the run's controls (demos/kd/run/config.ts KD_CONTROLS,
 * which the schema and the page's inputs also read), plus the view's window and matrix phase.
 * A copied URL reopens the same configuration (and, on the same backend and seed, the same
 * numbers). Query, not hash: Starlight uses the hash for heading anchors. Other keys
 * (`backend=`) are kept. Pure (URLSearchParams only).
 *
 * Reading never throws: a missing key takes the default; a bad or out-of-range value takes
 * the default AND is listed in `problems` ({ param, value, reason }), so the page can say what it ignored.
 */
import { DEFAULT_CONFIG, KD_CONTROLS, type RunConfig } from '@demos/kd/run/config';
import type { SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import { enumControl, numberControl } from '@demos/shared/controls';
import { urlCodec, type UrlProblem } from '@src/lib/url-codec';

export type DataChoice = 'excerpt' | 'full';

export interface KdUrlState {
  data: DataChoice;
  /** null: the loaded data's default split (split.ts defaultSplitFor). */
  split: SplitKind | null;
  config: Omit<RunConfig, 'split' | 'learningRate'>;
  /** Test window shown in the probability bars (clamped by the view to the test windows); -1: none picked. */
  window: number;
  /** Phase shown in the confusion matrix. */
  cm: Phase;
}

const { split: _s, learningRate: _l, ...CONFIG_DEFAULTS } = DEFAULT_CONFIG;
export const DEFAULT_URL_STATE: KdUrlState = { data: 'excerpt', split: null, config: CONFIG_DEFAULTS, window: -1, cm: 'student-kd' };

const { split, testSubject, teacherArch, temperature, gafSize, batchSize, ...sameName } = KD_CONTROLS;
// Parameter order and short names as before (kd-fold, kd-arch, kd-T, kd-gaf, kd-batch), so shared links keep working.
const SPEC = {
  data: enumControl(['excerpt', 'full'] as const, 'excerpt'),
  split,
  fold: testSubject,
  arch: teacherArch,
  alpha: sameName.alpha,
  lambda: sameName.lambda,
  T: temperature,
  epochs: sameName.epochs,
  gaf: gafSize,
  batch: batchSize,
  seed: sameName.seed,
  teachers: sameName.teachers,
  /** The test window index: not a config value, any non-negative integer (the view clamps it). */
  win: numberControl(0, Number.MAX_SAFE_INTEGER, 1, true, 0),
  cm: enumControl(PHASES, DEFAULT_URL_STATE.cm),
};
const codec = urlCodec('kd-', SPEC);

export function readKdUrl(search: string): { state: KdUrlState; problems: UrlProblem[] } {
  const { values: v, problems } = codec.read(search);
  // A missing or refused split or window stays unset (the data's default split; no window picked).
  const q = new URLSearchParams(search);
  const given = (key: keyof typeof SPEC): boolean => q.has(codec.param(key)) && !problems.some((p) => p.param === codec.param(key));
  const state: KdUrlState = {
    data: v.data,
    split: given('split') ? v.split : null,
    config: {
      testSubject: v.fold,
      teacherArch: v.arch,
      alpha: v.alpha,
      lambda: v.lambda,
      temperature: v.T,
      epochs: v.epochs,
      gafSize: v.gaf,
      batchSize: v.batch,
      seed: v.seed,
      teachers: v.teachers,
    },
    window: given('win') ? v.win : -1,
    cm: v.cm,
  };
  return { state, problems };
}

/** `search` with every kd- key set from `s` (a null split or an unset window is left out). */
export function writeKdUrl(search: string, s: KdUrlState): string {
  const c = s.config;
  return codec.write(search, {
    data: s.data,
    split: s.split,
    fold: c.testSubject,
    arch: c.teacherArch,
    alpha: c.alpha,
    lambda: c.lambda,
    T: c.temperature,
    epochs: c.epochs,
    gaf: c.gafSize as (typeof SPEC.gaf.values)[number],
    batch: c.batchSize,
    seed: c.seed,
    teachers: c.teachers,
    win: s.window >= 0 ? s.window : null,
    cm: s.cm,
  });
}
