/**
 * The mini KD run's configuration: what the reader picks in the page (data, fold, teacher
 * architecture, α, λ, T, epochs, GAF size) plus the fixed training knobs. One zod schema;
 * the worker re-validates what the page sends.
 *
 * Cache keys are derived here so the rule "changing α/λ/T re-runs only the student KD
 * phase" lives in one place: teacher keys omit α/λ/T, the student-alone key omits the
 * teacher choice too.
 */
import { z } from 'zod';
import { TEACHER_ARCHS } from '../models/arch';
import { SPLITS } from '../experiment/split';
import type { Phase } from '../experiment/phases';
import { formatZodError } from '../../shared/zod-error';
import { enumControl, zodOf, type NumberControl } from '../../shared/controls';
import { GAF_SIZES, NUMBER_SPEC } from './number-spec';

export { GAF_SIZES };
/** The α values of the "compare α" run (the button's label, the status line and the request read it). */
export const COMPARE_ALPHAS = [0, 0.5, 1] as const;
export const TEACHER_SOURCES = ['train', 'checkpoint'] as const;

export { NUMBER_SPEC };
export type NumberKey = keyof typeof NUMBER_SPEC;
export interface NumberSpec {
  min: number;
  max: number;
  step: number;
  int: boolean;
}

/** Why a field's text is not a valid value: empty, not a number, an integer field with a fraction, or out of range. */
export type NumberProblem = 'empty' | 'nan' | 'int' | 'range';

/** Checks one field's text against its spec (what the page shows next to the input). Pure. */
export function checkNumber(key: NumberKey, raw: string): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const s: NumberSpec = NUMBER_SPEC[key];
  if (raw.trim() === '') return { ok: false, problem: 'empty' };
  const v = Number(raw);
  if (!Number.isFinite(v)) return { ok: false, problem: 'nan' };
  if (s.int && !Number.isInteger(v)) return { ok: false, problem: 'int' };
  if (v < s.min || v > s.max) return { ok: false, problem: 'range' };
  return { ok: true, value: v };
}

/**
 * Short on purpose: the default run must finish in well under a minute on a 2-core CPU.
 * `split` here is the protocol's; the page picks the split per data source
 * (split.ts defaultSplitFor: the window split on the bundled excerpt).
 */
const DEFAULTS = {
  split: 'loso',
  testSubject: 101,
  teacherArch: 'wrn16-1',
  alpha: 0.7,
  lambda: 0.99,
  temperature: 4,
  epochs: 10,
  gafSize: 16,
  batchSize: 8,
  learningRate: 0.05,
  seed: 1234,
  teachers: 'train',
} as const;

const numberControlOf = (key: NumberKey): NumberControl => ({ kind: 'number', ...NUMBER_SPEC[key], default: DEFAULTS[key] });
/**
 * Every control of the run, declared once: the schema below, the URL codec
 * (src/islands/kd/url-state.ts) and the page's inputs and selects (KdRunDemo.astro) derive from it.
 */
export const KD_CONTROLS = {
  split: enumControl(SPLITS, DEFAULTS.split),
  testSubject: numberControlOf('testSubject'),
  teacherArch: enumControl(TEACHER_ARCHS, DEFAULTS.teacherArch),
  alpha: numberControlOf('alpha'),
  lambda: numberControlOf('lambda'),
  temperature: numberControlOf('temperature'),
  epochs: numberControlOf('epochs'),
  gafSize: enumControl(GAF_SIZES, DEFAULTS.gafSize),
  batchSize: numberControlOf('batchSize'),
  seed: numberControlOf('seed'),
  teachers: enumControl(TEACHER_SOURCES, DEFAULTS.teachers),
};

export const RunConfigSchema = z.object({
  /** 'loso' (protocol) or 'window' (stratified window split; the page's default on the excerpt, see split.ts). */
  split: zodOf(KD_CONTROLS.split),
  testSubject: zodOf(KD_CONTROLS.testSubject),
  teacherArch: zodOf(KD_CONTROLS.teacherArch),
  alpha: zodOf(KD_CONTROLS.alpha),
  lambda: zodOf(KD_CONTROLS.lambda),
  temperature: zodOf(KD_CONTROLS.temperature),
  epochs: zodOf(KD_CONTROLS.epochs),
  // A number (sweeps and benches pass any of the sizes) that must be one of the offered sizes.
  gafSize: z
    .number()
    .refine((v) => (KD_CONTROLS.gafSize.values as readonly number[]).includes(v), { message: `one of ${GAF_SIZES.join(', ')}` }),
  batchSize: zodOf(KD_CONTROLS.batchSize),
  learningRate: z.number().positive().max(1),
  seed: zodOf(KD_CONTROLS.seed),
  /** 'train' trains both teachers here; 'checkpoint' uses the reader's PyTorch files. */
  teachers: zodOf(KD_CONTROLS.teachers),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;
export const DEFAULT_CONFIG: RunConfig = { ...DEFAULTS };

/**
 * Default batch per data source: the protocol's 64 (data/reference/kd-protocol.md §8) on the
 * full share and uploads (≈ 2,400 training windows: 38 steps an epoch instead of 300 at batch 8,
 * and the step's cost is per-op overhead, not arithmetic); 8 on the bundled excerpt, whose 26
 * training windows would make batch 64 one step an epoch (10 SGD steps in a whole run).
 */
export function defaultBatchFor(source: 'excerpt' | 'full' | 'upload'): number {
  return source === 'excerpt' ? DEFAULT_CONFIG.batchSize : 64;
}

/** The models trained in the page clip their standardised inputs to ±INPUT_CLIP (input-clip.ts says why). */
export const INPUT_CLIP = 5;

/** Identifies the data a model was trained on (source + content hash), e.g. "excerpt:ab12…". */
export type DataId = string;

function trainingPart(c: RunConfig): string {
  return `e${c.epochs}|b${c.batchSize}|lr${c.learningRate}|s${c.seed}`;
}

/** The evaluation split's part of every key: "fold101" (LOSO) or "window-s1234" (window split, its seed). */
export function splitKey(c: Pick<RunConfig, 'split' | 'testSubject' | 'seed'>): string {
  return c.split === 'window' ? `window-s${c.seed}` : `fold${c.testSubject}`;
}

/** Key under which a phase's trained model + result is cached. */
export function phaseCacheKey(phase: Phase, dataId: DataId, c: RunConfig): string {
  const base = `kd-run/v2|${dataId}|${splitKey(c)}`;
  switch (phase) {
    case 'teacher-gaf':
      return c.teachers === 'checkpoint' ? '' : `${base}|${phase}|${c.teacherArch}|g${c.gafSize}|${trainingPart(c)}`;
    case 'teacher-signal':
      return c.teachers === 'checkpoint' ? '' : `${base}|${phase}|${c.teacherArch}|${trainingPart(c)}`;
    case 'student-ce':
      return `${base}|${phase}|wrn16-1|${trainingPart(c)}`;
    case 'student-kd':
      // Never persisted across page loads (it is the cheap phase the reader iterates on).
      return '';
  }
}

/** Parses untrusted input (a form, a message) into a config, or explains what is wrong (English detail; the island words the head: S.configInvalid). */
export function parseConfig(input: unknown): { ok: true; config: RunConfig } | { ok: false; message: string } {
  const r = RunConfigSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, message: formatZodError(r.error, { limit: 1 }) };
}
