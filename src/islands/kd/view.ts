/**
 * Renders a KdState into the island's markup (src/components/KdRunDemo.astro, found by
 * data-role). Each part is redrawn only when its slice of the state changed (the reducer
 * replaces a slice when it changes), so a burst of step messages costs a few attribute writes.
 */
import type { SplitKind } from '@demos/kd/experiment/split';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import type { PhaseResult } from '@demos/kd/run/protocol';
import { renderRuntimeBadge } from '../runtime-badge';
import type { KdState } from './state';
import { byRole } from './view-common';
import { frameCurves, updateCurves } from './draw-curves';
import { drawConfusion } from './draw-confusion';
import { drawGaf, drawSignal } from './draw-gaf';
import { renderTable } from './view-table';
import { renderAlpha, renderFit, teachersDisagree } from './view-fit';
import { fillWindowPicker, renderBars } from './view-bars';
import { S } from './strings';
import { CALIBRATION_STRINGS } from './strings-calibration';
import { documentLang, pick } from '@src/i18n/lang';

/** What the view needs from the controls (owned by the DOM, not the state). */
export interface ViewControls {
  split: SplitKind;
  testSubject: number;
  window: number;
  cm: Phase;
  /** Why the chosen split/fold cannot be evaluated (shown next to the split), or null. */
  splitProblem: string | null;
  /** Some typed field holds an invalid value (its message is next to it). */
  invalid: boolean;
}

export function createView(root: HTMLElement, onExport: (r: PhaseResult) => void): (s: KdState, c: ViewControls) => void {
  const el = <T extends Element>(role: string): T => byRole<T>(root, role);
  const status = el<HTMLElement>('status'),
    badge = el<HTMLElement>('badge'),
    note = el<HTMLElement>('backend-note');
  const summary = el<HTMLElement>('summary'),
    foldNote = el<HTMLElement>('fold-note'),
    dataError = el<HTMLElement>('data-error');
  const progress = el<HTMLProgressElement>('progress');
  const start = el<HTMLButtonElement>('start'),
    cancel = el<HTMLButtonElement>('cancel'),
    compare = el<HTMLButtonElement>('compare'),
    rerun = el<HTMLButtonElement>('rerun');
  const splitMsg = el<HTMLElement>('split-msg'),
    results = el<HTMLElement>('results');
  const table = el<HTMLTableElement>('table'),
    winSel = el<HTMLSelectElement>('window');
  const last = new Map<string, unknown>();
  /** True when `value` differs from what `key` was last drawn with (and records it). */
  const changed = (key: string, ...value: unknown[]): boolean => {
    const prev = last.get(key) as unknown[] | undefined;
    if (prev && prev.length === value.length && prev.every((v, i) => v === value[i])) return false;
    last.set(key, value);
    return true;
  };

  return (s, c) => {
    // Unchanged values are not written again (each write invalidates style on the island).
    if (status.textContent !== s.status) status.textContent = s.status;
    if (changed('flags', s.busy, s.done, s.error, s.data, s.results, c.splitProblem, c.invalid, s.lanes)) {
      root.dataset['state'] = s.busy === 'none' ? 'idle' : s.busy === 'data' ? 'loading' : 'running';
      if (s.done) root.dataset['done'] = 'true';
      else delete root.dataset['done'];
      if (s.error) root.dataset['error'] = s.error;
      else delete root.dataset['error'];
      // Also until it is known how many workers train (lanes: the second one starts with the page).
      start.disabled = s.busy !== 'none' || s.data === null || c.splitProblem !== null || c.invalid || s.lanes === null;
      rerun.disabled = start.disabled;
      splitMsg.textContent = c.splitProblem ?? '';
      splitMsg.hidden = c.splitProblem === null;
      // The results' boxes appear with a run (no empty space reserved for charts that do not exist yet).
      results.hidden = s.busy !== 'run' && Object.keys(s.results).length === 0;
      cancel.disabled = s.busy !== 'run' && s.busy !== 'compare';
      compare.disabled = s.busy !== 'none' || !s.results['teacher-gaf'] || !s.results['teacher-signal'];
    }
    if (changed('runtime', s.runtime, s.lanes) && s.runtime) {
      renderRuntimeBadge(badge, s.runtime.info);
      root.dataset['wasmKernels'] = s.runtime.wasmKernels === null ? 'n/a' : s.runtime.wasmKernels ? 'on' : 'off';
      root.dataset['lanes'] = String(s.lanes?.workers ?? 1);
      const measured = s.runtime.calibration ? pick(CALIBRATION_STRINGS, documentLang()).measured(s.runtime.calibration) : null;
      note.dataset['measured'] = s.runtime.calibration?.chosen ?? '';
      note.textContent = [measured ?? s.runtime.note, S.kernels(s.runtime.wasmKernels), S.lanes(s.lanes)].filter(Boolean).join(' · ');
    }
    if (changed('progress', s.progress, s.dataError)) {
      progress.hidden = s.progress === null;
      if (s.progress !== null) progress.value = s.progress;
      dataError.hidden = s.dataError === null;
      dataError.textContent = s.dataError ?? '';
    }
    if (s.data && changed('summary', s.data, c.split, c.testSubject)) summary.textContent = S.summary(s.data, c);
    if (changed('fold', s.fold)) {
      foldNote.textContent = s.fold ? S.foldNote(s.fold) : '';
      foldNote.dataset['capped'] = s.fold?.capped ? String(s.fold.capped.used) : '';
    }
    if (changed('preview', s.preview) && s.preview) {
      drawSignal(el('signal'), s.preview);
      drawGaf(el('gaf'), s.preview);
      el('signal-cap').textContent = S.preview(s.preview.subject, s.preview.label, s.preview.channel, s.preview.signal.length);
      el('gaf-cap').textContent = S.gafPreview(s.preview.size);
    }
    if (changed('full', s.fullData) && s.fullData) {
      el<HTMLInputElement>('full-radio').disabled = false;
      el('full-note').textContent = `(${s.fullData})`;
    }
    if (changed('debug', s.debug) && s.debug) root.dataset['debugSteps'] = JSON.stringify(s.debug);
    if (changed('memory', s.memory) && s.memory) {
      const m = s.memory,
        out = el<HTMLOutputElement>('tensors'),
        leaked = m.numTensors - m.baseline - m.held;
      out.value = S.memory(m.numTensors, m.held, m.baseline, leaked);
      Object.assign(out.dataset, {
        numTensors: String(m.numTensors),
        held: String(m.held),
        baseline: String(m.baseline),
        leaked: String(leaked),
        when: m.when,
      });
    }
    if (changed('counts', s.counts)) {
      const out = el<HTMLElement>('counts');
      out.textContent = S.counts(s.counts);
      for (const p of PHASES)
        out.dataset[`trained${p.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase())}`] = String(s.counts[p]);
    }
    if (changed('legend', c.split)) el('legend-acc').textContent = S.legendAcc(c.split);
    if (changed('table', s.results, s.fold, s.running)) renderTable(table, el('table-note'), s, onExport);
    for (const p of PHASES) {
      const curve = s.curves[p],
        svg = root.querySelector<SVGSVGElement>(`svg.kd-curve[data-phase="${p}"]`);
      if (!svg || !changed(`curve-${p}`, curve)) continue;
      // Framed once per curve; a live update only rewrites two `points` attributes and adds dots.
      const key = String(curve?.key ?? 'none');
      if (svg.dataset['key'] !== key) {
        frameCurves(svg, S.phase(p), curve?.epochs ?? 1);
        svg.dataset['key'] = key;
      }
      if (curve) updateCurves(svg, curve);
    }
    if (changed('fit', s.curves['student-kd']?.fit, s.results)) renderFit(el('fit-agree'), el('fit-kl'), s);
    if (changed('alpha', s.alpha, s.fold)) renderAlpha(el('alpha-chart'), el('alpha-table'), el('alpha-note'), s);
    if (changed('bars', s.results, s.fold, c.window)) {
      const pick = s.fold && s.results['teacher-gaf'] ? fillWindowPicker(winSel, s.fold.testLabels, teachersDisagree(s), c.window) : -1;
      renderBars(el('bars'), el('bars-caption'), s, pick);
    }
    if (changed('cm', s.results[c.cm], c.cm, s.busy === 'none')) {
      const r = s.results[c.cm],
        svg = el<SVGSVGElement>('cm');
      // The 144-cell matrix is drawn when nothing trains: rebuilding it is the one DOM-heavy update.
      const caption = S.cmCaption(c.cm, s.fold?.split ?? c.split, s.fold?.testSubject ?? null);
      el('cm-caption').textContent = r ? caption : '';
      if (r && s.busy === 'none') drawConfusion(svg, r.confusion, caption);
      else if (!r) svg.replaceChildren();
    }
  };
}
