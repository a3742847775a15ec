/**
 * The island's form controls: read them into an unvalidated config (parseConfig validates
 * it), set them from the URL state, and read them back into a URL state. Elements are found
 * by data-role (src/components/KdRunDemo.astro).
 */
import { DEFAULT_CONFIG } from '@demos/kd/run/config';
import type { SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import type { DataSummary } from '@demos/kd/run/protocol';
import type { DataChoice, KdUrlState } from './url-state';

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
  if (s.split) set('split', s.split);
  set('cm-phase', s.cm);
  const box = root.querySelector<HTMLElement>('[data-role="ckpt-box"]');
  if (box) box.hidden = c.teachers !== 'checkpoint';
}

/** The URL state the controls show now (window and fold come from their selects once filled). */
export function urlStateOf(root: HTMLElement, data: DataChoice, prev: KdUrlState): KdUrlState {
  const r = readControls(root);
  const num = (k: string, d: number): number => (Number.isFinite(r[k]) ? (r[k] as number) : d);
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

/** One option per subject with windows; keeps `want` (e.g. from the URL) when it is one of them. */
export function fillFolds(root: HTMLElement, s: DataSummary, want: number): void {
  const sel = field(root, 'fold') as HTMLSelectElement | null;
  if (!sel) return;
  const options = s.subjects.filter((x) => x.windows > 0);
  sel.replaceChildren(...options.map((x) => new Option(`${x.id} (창 ${x.windows}개)`, String(x.id), false, x.id === want)));
  if (!options.some((x) => x.id === want) && options[0]) sel.value = String(options[0].id);
}
