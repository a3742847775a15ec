/**
 * The KD demo's controls in the page's query string (`?kd-alpha=0.5&kd-T=2&…`), as the
 * attention demo keeps its `attn-*` ones: a copied URL reopens the same configuration (and,
 * on the same backend and seed, the same numbers). Query, not hash: Starlight uses the hash
 * for heading anchors. Other keys (`backend=`) are kept. Pure (URLSearchParams only).
 *
 * Reading never throws: a missing key takes the default; a bad or out-of-range value takes
 * the default AND is listed in `problems`, so the page can say what it ignored.
 */
import { DEFAULT_CONFIG, checkNumber, type NumberKey, type RunConfig } from '@demos/kd/run/config';
import { SPLITS, type SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import { TEACHER_ARCHS } from '@demos/kd/models/arch';

export const GAF_SIZES = [8, 16, 24, 32, 64] as const;
export type DataChoice = 'excerpt' | 'full';

export interface KdUrlState {
  data: DataChoice;
  /** null: the loaded data's default split (split.ts defaultSplitFor). */
  split: SplitKind | null;
  config: Omit<RunConfig, 'split' | 'learningRate'>;
  /** Test window shown in the probability bars (clamped by the view to the test windows). */
  window: number;
  /** Phase shown in the confusion matrix. */
  cm: Phase;
}
export interface UrlProblem {
  key: string;
  value: string;
  fallback: string;
}

const P = 'kd-';
const { split: _s, learningRate: _l, ...CONFIG_DEFAULTS } = DEFAULT_CONFIG;
export const DEFAULT_URL_STATE: KdUrlState = { data: 'excerpt', split: null, config: CONFIG_DEFAULTS, window: -1, cm: 'student-kd' };

type Parse<T> = (v: string) => T | undefined;
const oneOf =
  <T extends string | number>(allowed: readonly T[]): Parse<T> =>
  (v) =>
    allowed.find((a) => String(a) === v);
/** A numeric setting's parser: the same spec and check as the input field (demos/kd/run/config.ts NUMBER_SPEC). */
const num =
  (key: NumberKey): Parse<number> =>
  (v) => {
    const r = checkNumber(key, v);
    return r.ok ? r.value : undefined;
  };
/** The test window index: not a config value, any non-negative integer (the view clamps it). */
const index: Parse<number> = (v) => {
  const n = v.trim() === '' ? Number.NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

interface Field {
  parse: Parse<unknown>;
  get: (s: KdUrlState) => unknown;
  set: (s: KdUrlState, v: unknown) => void;
}
/** Ties a parser to the state slot it fills (typed here, untyped in the table). */
function field<T>(parse: Parse<T>, get: (s: KdUrlState) => T | null, set: (s: KdUrlState, v: T) => void): Field {
  return { parse, get, set: set as Field['set'] };
}

/** URL key (after the kd- prefix) → the state slot. */
const FIELDS: Record<string, Field> = {
  data: field(
    oneOf(['excerpt', 'full'] as const),
    (s) => s.data,
    (s, v) => {
      s.data = v;
    },
  ),
  split: field(
    oneOf(SPLITS),
    (s) => s.split,
    (s, v) => {
      s.split = v;
    },
  ),
  fold: field(
    num('testSubject'),
    (s) => s.config.testSubject,
    (s, v) => {
      s.config.testSubject = v;
    },
  ),
  arch: field(
    oneOf(TEACHER_ARCHS),
    (s) => s.config.teacherArch,
    (s, v) => {
      s.config.teacherArch = v;
    },
  ),
  alpha: field(
    num('alpha'),
    (s) => s.config.alpha,
    (s, v) => {
      s.config.alpha = v;
    },
  ),
  lambda: field(
    num('lambda'),
    (s) => s.config.lambda,
    (s, v) => {
      s.config.lambda = v;
    },
  ),
  T: field(
    num('temperature'),
    (s) => s.config.temperature,
    (s, v) => {
      s.config.temperature = v;
    },
  ),
  epochs: field(
    num('epochs'),
    (s) => s.config.epochs,
    (s, v) => {
      s.config.epochs = v;
    },
  ),
  gaf: field(
    oneOf(GAF_SIZES),
    (s) => s.config.gafSize as (typeof GAF_SIZES)[number],
    (s, v) => {
      s.config.gafSize = v;
    },
  ),
  batch: field(
    num('batchSize'),
    (s) => s.config.batchSize,
    (s, v) => {
      s.config.batchSize = v;
    },
  ),
  seed: field(
    num('seed'),
    (s) => s.config.seed,
    (s, v) => {
      s.config.seed = v;
    },
  ),
  teachers: field(
    oneOf(['train', 'checkpoint'] as const),
    (s) => s.config.teachers,
    (s, v) => {
      s.config.teachers = v;
    },
  ),
  win: field(
    index,
    (s) => (s.window >= 0 ? s.window : null),
    (s, v) => {
      s.window = v;
    },
  ),
  cm: field(
    oneOf(PHASES),
    (s) => s.cm,
    (s, v) => {
      s.cm = v;
    },
  ),
};

function clone(s: KdUrlState): KdUrlState {
  return { ...s, config: { ...s.config } };
}

export function readKdUrl(search: string): { state: KdUrlState; problems: UrlProblem[] } {
  const p = new URLSearchParams(search);
  const state = clone(DEFAULT_URL_STATE);
  const problems: UrlProblem[] = [];
  for (const [key, f] of Object.entries(FIELDS)) {
    const raw = p.get(P + key);
    if (raw === null) continue;
    const v = f.parse(raw);
    if (v === undefined) problems.push({ key: P + key, value: raw, fallback: String(f.get(state) ?? '') });
    else f.set(state, v);
  }
  return { state, problems };
}

/** `search` with every kd- key set from `s` (a null split or an unset window is left out). */
export function writeKdUrl(search: string, s: KdUrlState): string {
  const p = new URLSearchParams(search);
  for (const [key, f] of Object.entries(FIELDS)) {
    const v = f.get(s);
    if (v === null || v === undefined) p.delete(P + key);
    else p.set(P + key, String(v));
  }
  const out = p.toString();
  return out ? `?${out}` : '';
}
