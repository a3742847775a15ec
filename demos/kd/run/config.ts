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

/**
 * The numeric settings' ranges: the ONE place the schema below, the page's inputs (min/max/step
 * in KdRunDemo.astro), the per-field check at the input (`checkNumber`) and the URL codec
 * (src/islands/kd/url-state.ts) read them from, so they cannot drift apart. `step` is the
 * input's spinner step only (not a constraint: α = 0.25 is valid).
 */
export const NUMBER_SPEC = {
  /** Held-out subject (leave-one-subject-out fold), e.g. 101. Ignored by the 'window' split. */
  testSubject: { min: 101, max: 109, step: 1, int: true },
  /** Weight of the GAF (image) teacher; the signal teacher gets 1 − α (protocol §6). */
  alpha: { min: 0, max: 1, step: 0.1, int: false },
  /** Weight of the KD term; CE gets 1 − λ (protocol §6). */
  lambda: { min: 0, max: 1, step: 0.01, int: false },
  /** T ≥ 0.5: T → 0 makes softmax(z/T) one-hot (and z/0 is not a number). */
  temperature: { min: 0.5, max: 20, step: 0.5, int: false },
  epochs: { min: 1, max: 50, step: 1, int: true },
  /** GAF image side (the paper uses 64; the browser default is small). */
  gafSize: { min: 8, max: 64, step: 8, int: true },
  batchSize: { min: 4, max: 256, step: 4, int: true },
  /** int32: the seeded generators take a 32-bit seed. */
  seed: { min: 0, max: 2 ** 31 - 1, step: 1, int: true },
} as const;
export type NumberKey = keyof typeof NUMBER_SPEC;
export interface NumberSpec {
  min: number;
  max: number;
  step: number;
  int: boolean;
}

function numberSchema(s: NumberSpec): z.ZodNumber {
  const n = z.number().min(s.min).max(s.max);
  return s.int ? n.int() : n;
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

export const RunConfigSchema = z.object({
  /** 'loso' (protocol) or 'window' (stratified window split; the page's default on the excerpt, see split.ts). */
  split: z.enum(SPLITS),
  testSubject: numberSchema(NUMBER_SPEC.testSubject),
  teacherArch: z.enum(TEACHER_ARCHS),
  alpha: numberSchema(NUMBER_SPEC.alpha),
  lambda: numberSchema(NUMBER_SPEC.lambda),
  temperature: numberSchema(NUMBER_SPEC.temperature),
  epochs: numberSchema(NUMBER_SPEC.epochs),
  gafSize: numberSchema(NUMBER_SPEC.gafSize),
  batchSize: numberSchema(NUMBER_SPEC.batchSize),
  learningRate: z.number().positive().max(1),
  seed: numberSchema(NUMBER_SPEC.seed),
  /** 'train' trains both teachers here; 'checkpoint' uses the reader's PyTorch files. */
  teachers: z.enum(['train', 'checkpoint']),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

/**
 * Short on purpose: the default run must finish in well under a minute on a 2-core CPU.
 * `split` here is the protocol's; the page picks the split per data source
 * (split.ts defaultSplitFor: the window split on the bundled excerpt).
 */
export const DEFAULT_CONFIG: RunConfig = {
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
};

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
