/**
 * The island's form controls: read them into an unvalidated config (parseConfig validates
 * it), set them from the URL state, and read them back into a URL state. Elements are found
 * by data-role (src/components/KdRunDemo.astro).
 */
import { DEFAULT_CONFIG, NUMBER_SPEC, checkNumber, defaultBatchFor, type NumberKey } from '@demos/kd/run/config';
import type { SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import type { DataSummary } from '@demos/kd/run/protocol';
import type { DataChoice, KdUrlState } from './url-state';
import { foldProblemOf, usableFolds } from './split-problem';
import { S } from './strings';

type Field = HTMLInputElement | HTMLSelectElement;
const field = (root: HTMLElement, role: string): Field | null => root.querySelector<Field>(`[data-role="${role}"]`);

/** Config-valued controls: data-role → RunConfig key. */
const NUMERIC = {
  fold: 'testSubject',
  alpha: 'alpha',
  lambda: 'lambda',
  temperature: 'temperature',
  epochs: 'epochs',
  gafSize: 'gafSize',
  batchSize: 'batchSize',
  seed: 'seed',
} as const;

/** Typed fields (data-role → config key): checked at the input against NUMBER_SPEC. */
const TYPED = {
  alpha: 'alpha',
  lambda: 'lambda',
  temperature: 'temperature',
  epochs: 'epochs',
  batchSize: 'batchSize',
  seed: 'seed',
} as const;
/** The compact bar beside the results repeats α, λ, T (data-role q-…); the twins always hold the same text. */
const TWINS: Partial<Record<keyof typeof TYPED, string>> = { alpha: 'q-alpha', lambda: 'q-lambda', temperature: 'q-temperature' };

/** Copies an edited field's text to its twin (main settings ↔ compact bar). */
export function mirrorTwin(root: HTMLElement, target: EventTarget | null): void {
  const role = target instanceof HTMLInputElement ? target.dataset['role'] : undefined;
  if (!role) return;
  for (const [main, twin] of Object.entries(TWINS)) {
    const other = role === main ? twin : role === twin ? main : null;
    const f = other ? field(root, other) : null;
    if (f && target instanceof HTMLInputElement) f.value = target.value;
  }
}

/** Each typed field's problem in Korean (role → message); empty when every field is valid. Reads only. */
export function fieldProblems(root: HTMLElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const [role, key] of Object.entries(TYPED) as [string, NumberKey][]) {
    const r = checkNumber(key, field(root, role)?.value ?? '');
    if (!r.ok) out.set(role, S.fieldProblem(r.problem, NUMBER_SPEC[key]));
  }
  return out;
}

/** Shows each problem next to its field (and its twin), marks the input invalid; a corrected field loses its message. */
export function showFieldProblems(root: HTMLElement, problems: Map<string, string>): void {
  for (const role of Object.keys(TYPED) as (keyof typeof TYPED)[])
    for (const r of [role, TWINS[role]]) {
      if (!r) continue;
      const msg = problems.get(role) ?? '';
      const f = field(root, r),
        m = root.querySelector<HTMLElement>(`[data-role="msg-${r}"]`);
      if (f) f.setAttribute('aria-invalid', String(msg !== ''));
      if (m && m.textContent !== msg) {
        m.textContent = msg;
        m.hidden = msg === '';
      }
    }
}

export function readControls(root: HTMLElement): Record<string, unknown> {
  const v = (role: string): string => field(root, role)?.value ?? '';
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG, split: v('split'), teacherArch: v('arch'), teachers: v('teachers') };
  for (const [role, key] of Object.entries(NUMERIC)) out[key] = v(role).trim() === '' ? Number.NaN : Number(v(role));
  return out;
}

export function splitOf(root: HTMLElement): SplitKind {
  return field(root, 'split')?.value === 'window' ? 'window' : 'loso';
}

/** Sets every control from the URL state (the split only when the URL names one). */
export function applyUrlState(root: HTMLElement, s: KdUrlState): void {
  const set = (role: string, v: string | number): void => {
    const f = field(root, role);
    if (f) f.value = String(v);
  };
  const c = s.config;
  set('arch', c.teacherArch);
  set('teachers', c.teachers);
  for (const [role, key] of Object.entries(NUMERIC)) if (role !== 'fold') set(role, c[key]);
  for (const [main, twin] of Object.entries(TWINS)) if (twin) set(twin, field(root, main)?.value ?? '');
  if (s.split) set('split', s.split);
  set('cm-phase', s.cm);
  const box = root.querySelector<HTMLElement>('[data-role="ckpt-box"]');
  if (box) box.hidden = c.teachers !== 'checkpoint';
}

/** The URL state the controls show now (window and fold come from their selects once filled). */
export function urlStateOf(root: HTMLElement, data: DataChoice, prev: KdUrlState): KdUrlState {
  const r = readControls(root);
  // Only valid values reach the URL: an invalid field keeps the last valid one there.
  const num = (k: NumberKey, d: number): number => {
    const c = checkNumber(k, String(r[k]));
    return c.ok ? c.value : d;
  };
  const win = Number(field(root, 'window')?.value ?? '');
  const cm = field(root, 'cm-phase')?.value as Phase;
  return {
    data,
    split: splitOf(root),
    config: {
      ...prev.config,
      testSubject: num('testSubject', prev.config.testSubject),
      teacherArch: r['teacherArch'] as typeof prev.config.teacherArch,
      alpha: num('alpha', prev.config.alpha),
      lambda: num('lambda', prev.config.lambda),
      temperature: num('temperature', prev.config.temperature),
      epochs: num('epochs', prev.config.epochs),
      gafSize: num('gafSize', prev.config.gafSize),
      batchSize: num('batchSize', prev.config.batchSize),
      seed: num('seed', prev.config.seed),
      teachers: r['teachers'] === 'checkpoint' ? 'checkpoint' : 'train',
    },
    window: Number.isInteger(win) && field(root, 'window')?.value !== '' ? win : prev.window,
    cm: PHASES.includes(cm) ? cm : prev.cm,
  };
}

/** The fold selector only means something for LOSO: hidden for the window split. */
export function syncFoldControl(root: HTMLElement, split: SplitKind): void {
  const fold = field(root, 'fold');
  if (fold) fold.disabled = split !== 'loso';
  const label = root.querySelector<HTMLElement>('[data-role="fold-label"]');
  if (label) {
    label.hidden = split !== 'loso';
    label.style.display = split === 'loso' ? '' : 'none'; // the controls grid styles labels; `hidden` alone loses to it
  }
}

/**
 * After new data: the fold control for the split, and the batch field follows the data's default
 * (config.ts defaultBatchFor) unless the reader (or the URL) changed it from the previous default.
 */
export function syncDataDefaults(root: HTMLElement, source: DataSummary['source']): void {
  syncFoldControl(root, splitOf(root));
  const batch = field(root, 'batchSize');
  if (!batch) return;
  if (batch.value === (batch.dataset['auto'] ?? String(DEFAULT_CONFIG.batchSize))) batch.value = String(defaultBatchFor(source));
  batch.dataset['auto'] = String(defaultBatchFor(source));
}

/** One option per subject with windows; keeps `want` (e.g. from the URL) when it is one of them. */
/** Folds that cannot be evaluated are marked as not evaluable (choosing one shows why, and nothing runs). */
export function fillFolds(root: HTMLElement, s: DataSummary, want: number): void {
  const sel = field(root, 'fold') as HTMLSelectElement | null;
  if (!sel) return;
  const options = s.subjects.filter((x) => x.windows > 0);
  sel.replaceChildren(
    ...options.map((x) => new Option(S.foldOption(x.id, x.windows, foldProblemOf(s, x.id) === null), String(x.id), false, x.id === want)),
  );
  const first = usableFolds(s)[0] ?? options[0]?.id;
  if (!options.some((x) => x.id === want) && first !== undefined) sel.value = String(first);
  const loso = root.querySelector<HTMLOptionElement>('[data-role="split"] option[value="loso"]');
  if (loso) loso.textContent = S.losoOption(S.splitLabel.loso, usableFolds(s).length > 0);
}
