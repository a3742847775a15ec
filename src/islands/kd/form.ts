/**
 * The island's form as state: the text of every control (data-role → value), kept by the
 * reducer (island-state.ts) and only written into the DOM by the view (view-form.ts). Pure (no
 * DOM): the URL state, the unvalidated config (parseConfig validates it) and each typed field's
 * problem are derived from it here. The compact bar's α, λ, T (q-…) are twins of the main fields:
 * one value in the state, drawn twice.
 */
import { DEFAULT_CONFIG, NUMBER_SPEC, checkNumber, type NumberKey } from '@demos/kd/run/config';
import type { SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import type { DataChoice, KdUrlState } from './url-state';
import { S } from './strings';

/** Config-valued controls: data-role → RunConfig key. */
export const NUMERIC = {
  fold: 'testSubject',
  alpha: 'alpha',
  lambda: 'lambda',
  temperature: 'temperature',
  epochs: 'epochs',
  gafSize: 'gafSize',
  batchSize: 'batchSize',
  seed: 'seed',
} as const;

/** Typed fields (data-role → config key): checked as the reader types, against NUMBER_SPEC. */
export const TYPED = {
  alpha: 'alpha',
  lambda: 'lambda',
  temperature: 'temperature',
  epochs: 'epochs',
  batchSize: 'batchSize',
  seed: 'seed',
} as const;
/** The compact bar beside the results repeats α, λ, T: twin role → main role. */
export const TWINS = { 'q-alpha': 'alpha', 'q-lambda': 'lambda', 'q-temperature': 'temperature' } as const;

export const FORM_ROLES = [
  'split',
  'arch',
  'teachers',
  ...(Object.keys(NUMERIC) as (keyof typeof NUMERIC)[]),
  'window',
  'cm-phase',
] as const;
export type FormRole = (typeof FORM_ROLES)[number];
export type Form = Readonly<Record<FormRole, string>>;

/** The role an edited element's value belongs to (a twin's is its main field's), or null for other elements. */
export function formRoleOf(role: string | undefined): FormRole | null {
  const main = (TWINS as Record<string, FormRole>)[role ?? ''] ?? role;
  return (FORM_ROLES as readonly string[]).includes(main ?? '') ? (main as FormRole) : null;
}

/** The controls as the URL sets them (the split stays as the page has it until the URL or the data names one). */
export function formOfUrl(s: KdUrlState): Form {
  const c = s.config;
  const nums = Object.fromEntries(Object.entries(NUMERIC).map(([role, key]) => [role, String(c[key])]));
  return {
    ...(nums as Record<keyof typeof NUMERIC, string>),
    split: s.split ?? 'loso',
    arch: c.teacherArch,
    teachers: c.teachers,
    window: s.window >= 0 ? String(s.window) : '',
    'cm-phase': s.cm,
  };
}

export function splitOf(f: Form): SplitKind {
  return f.split === 'window' ? 'window' : 'loso';
}

/** Each typed field's problem in the reader's language (role → message); empty when every field is valid. */
export function fieldProblems(f: Form): Map<string, string> {
  const out = new Map<string, string>();
  for (const [role, key] of Object.entries(TYPED) as [keyof typeof TYPED, NumberKey][]) {
    const r = checkNumber(key, f[role]);
    if (!r.ok) out.set(role, S.fieldProblem(r.problem, NUMBER_SPEC[key]));
  }
  return out;
}

/** The form as an unvalidated config (parseConfig validates it). */
export function readForm(f: Form): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG, split: f.split, teacherArch: f.arch, teachers: f.teachers };
  for (const [role, key] of Object.entries(NUMERIC) as [keyof typeof NUMERIC, string][])
    out[key] = f[role].trim() === '' ? Number.NaN : Number(f[role]);
  return out;
}

/** The URL state the form shows now. Only valid values reach the URL: an invalid field keeps the last valid one there. */
export function urlStateOf(f: Form, data: DataChoice, prev: KdUrlState): KdUrlState {
  const r = readForm(f);
  const num = (k: NumberKey, d: number): number => {
    const c = checkNumber(k, String(r[k]));
    return c.ok ? c.value : d;
  };
  const win = Number(f.window);
  const cm = f['cm-phase'] as Phase;
  const p = prev.config;
  return {
    data,
    split: splitOf(f),
    config: {
      ...p,
      testSubject: num('testSubject', p.testSubject),
      teacherArch: r['teacherArch'] as typeof p.teacherArch,
      alpha: num('alpha', p.alpha),
      lambda: num('lambda', p.lambda),
      temperature: num('temperature', p.temperature),
      epochs: num('epochs', p.epochs),
      gafSize: num('gafSize', p.gafSize),
      batchSize: num('batchSize', p.batchSize),
      seed: num('seed', p.seed),
      teachers: r['teachers'] === 'checkpoint' ? 'checkpoint' : 'train',
    },
    window: Number.isInteger(win) && f.window !== '' ? win : prev.window,
    cm: PHASES.includes(cm) ? cm : prev.cm,
  };
}
