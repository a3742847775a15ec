/**
 * The parts of the KD island's view that draw the form from the state (view.ts puts them in its
 * table): the values of the controls (the state holds them; the DOM only shows them), each typed
 * field's problem, the fold options for the data, and what shows or hides with a choice.
 */
import type { DataSummary } from '@demos/kd/run/protocol';
import { FORM_ROLES, TWINS, TYPED, fieldProblems, splitOf, type Form } from './form';
import { foldProblemOf, usableFolds } from './split-problem';
import { S } from './strings';
import type { KdDom, KdPart } from './view-types';

type Field = HTMLInputElement | HTMLSelectElement;
const field = (root: HTMLElement, role: string): Field | null => root.querySelector<Field>(`[data-role="${role}"]`);
const TWIN_OF: Partial<Record<string, string>> = Object.fromEntries(Object.entries(TWINS).map(([twin, main]) => [main, twin]));

/** One option per subject with windows; folds that cannot be evaluated are marked so (choosing one shows why, and nothing runs). */
function fillFolds({ root }: KdDom, d: DataSummary): void {
  const sel = field(root, 'fold');
  if (!sel) return;
  const options = d.subjects.filter((x) => x.windows > 0);
  sel.replaceChildren(...options.map((x) => new Option(S.foldOption(x.id, x.windows, foldProblemOf(d, x.id) === null), String(x.id))));
  const loso = root.querySelector<HTMLOptionElement>('[data-role="split"] option[value="loso"]');
  if (loso) loso.textContent = S.losoOption(S.splitLabel.loso, usableFolds(d).length > 0);
}

/** Writes each control's value from the state (unchanged values are not written: the caret stays where the reader types). */
function drawValues({ root }: KdDom, f: Form): void {
  for (const role of FORM_ROLES) {
    if (role === 'window') continue; // the window picker is filled and set with the bars (view-results.ts)
    for (const r of [role, TWIN_OF[role]]) {
      const el = r ? field(root, r) : null;
      if (el && el.value !== f[role]) el.value = f[role];
    }
  }
}

/** Shows each problem next to its field (and its twin), marks the input invalid; a corrected field loses its message. */
function drawProblems({ root }: KdDom, f: Form): void {
  const problems = fieldProblems(f);
  for (const role of Object.keys(TYPED))
    for (const r of [role, TWIN_OF[role]]) {
      if (!r) continue;
      const msg = problems.get(role) ?? '';
      const el = field(root, r),
        m = root.querySelector<HTMLElement>(`[data-role="msg-${r}"]`);
      if (el) el.setAttribute('aria-invalid', String(msg !== ''));
      if (m && m.textContent !== msg) {
        m.textContent = msg;
        m.hidden = msg === '';
      }
    }
}

export const FORM_PARTS: KdPart[] = [
  {
    name: 'url-note',
    deps: (s) => [s.notes],
    draw: ({ el }, s) => {
      const n = el('url-note');
      n.hidden = s.notes.length === 0;
      n.textContent = s.notes.join(' ');
    },
  },
  { name: 'folds', deps: (s) => [s.run.data], draw: (d, s) => s.run.data && fillFolds(d, s.run.data) },
  { name: 'values', deps: (s) => [s.form, s.run.data], draw: (d, s) => drawValues(d, s.form) },
  { name: 'problems', deps: (s) => [s.form], draw: (d, s) => drawProblems(d, s.form) },
  {
    // The fold selector only means something for LOSO: hidden for the window split.
    name: 'fold-control',
    deps: (s) => [splitOf(s.form)],
    draw: ({ el }, s) => {
      const loso = splitOf(s.form) === 'loso';
      el<HTMLSelectElement>('fold').disabled = !loso;
      const label = el('fold-label');
      label.hidden = !loso;
      label.style.display = loso ? '' : 'none'; // the controls grid styles labels; `hidden` alone loses to it
    },
  },
  {
    name: 'ckpt-box',
    deps: (s) => [s.form.teachers],
    draw: ({ el }, s) => {
      el('ckpt-box').hidden = s.form.teachers !== 'checkpoint';
    },
  },
  {
    // The radios show the data in use (after a failed load too, so choosing the failed source retries it).
    name: 'radios',
    deps: (s) => [s.radio],
    draw: ({ root, el }, s) => {
      const r = root.querySelector<HTMLInputElement>(`input[name="kd-data"][value="${s.radio}"]`);
      if (r) r.checked = true;
      el('file').hidden = s.radio !== 'upload';
    },
  },
];
