/**
 * Renders the island's state into its markup (src/components/KdRunDemo.astro, found by data-role):
 * a table of parts (src/lib/create-island.ts `viewOf`), each redrawn only when its deps changed.
 * The reducer replaces a slice when it changes, so a burst of step messages costs a few attribute
 * writes. The form's parts are in view-form.ts, the results' in view-results.ts.
 */
import { viewOf } from '@src/lib/create-island';
import type { PhaseResult } from '@demos/kd/run/protocol';
import { renderRuntimeBadge } from '../runtime-badge';
import { controlsOf, type KdIslandState } from './island-core';
import type { KdDom, KdPart } from './view-types';
import { byRole } from './view-common';
import { drawGaf, drawSignal } from './draw-gaf';
import { FORM_PARTS } from './view-form';
import { RESULT_PARTS } from './view-results';
import { S } from './strings';
import { CALIBRATION_STRINGS } from './strings-calibration';
import { documentLang, pick } from '@src/i18n/lang';

export type { KdDom } from './view-types';

export function kdDom(root: HTMLElement, onExport: (r: PhaseResult) => void): KdDom {
  return { root, el: <T extends Element>(role: string) => byRole<T>(root, role), onExport };
}

const STATUS_PARTS: KdPart[] = [
  {
    name: 'status',
    deps: (s) => [s.run.status],
    draw: (d, s) => {
      d.el('status').textContent = s.run.status;
    },
  },
  {
    name: 'flags',
    deps: (s) => {
      const c = controlsOf(s);
      return [s.run.busy, s.run.done, s.run.error, s.run.data, s.run.results, c.splitProblem, c.invalid, s.run.lanes];
    },
    draw: ({ root, el }, s) => {
      const r = s.run,
        c = controlsOf(s);
      root.dataset['state'] = r.busy === 'none' ? 'idle' : r.busy === 'data' ? 'loading' : 'running';
      if (r.done) root.dataset['done'] = 'true';
      else delete root.dataset['done'];
      if (r.error) root.dataset['error'] = r.error;
      else delete root.dataset['error'];
      // Also until it is known how many workers train (lanes: the second one starts with the page).
      const blocked = r.busy !== 'none' || r.data === null || c.splitProblem !== null || c.invalid || r.lanes === null;
      el<HTMLButtonElement>('start').disabled = blocked;
      el<HTMLButtonElement>('rerun').disabled = blocked;
      const msg = el('split-msg');
      msg.textContent = c.splitProblem ?? '';
      msg.hidden = c.splitProblem === null;
      // The results' boxes appear with a run (no empty space reserved for charts that do not exist yet).
      el('results').hidden = r.busy !== 'run' && Object.keys(r.results).length === 0;
      el<HTMLButtonElement>('cancel').disabled = r.busy !== 'run' && r.busy !== 'compare';
      el<HTMLButtonElement>('compare').disabled = r.busy !== 'none' || !r.results['teacher-gaf'] || !r.results['teacher-signal'];
    },
  },
  {
    name: 'runtime',
    deps: (s) => [s.run.runtime, s.run.lanes],
    draw: ({ root, el }, { run: s }) => {
      if (!s.runtime) return;
      renderRuntimeBadge(el('badge'), s.runtime.info);
      root.dataset['wasmKernels'] = s.runtime.wasmKernels === null ? 'n/a' : s.runtime.wasmKernels ? 'on' : 'off';
      root.dataset['lanes'] = String(s.lanes?.workers ?? 1);
      const note = el('backend-note');
      const measured = s.runtime.calibration ? pick(CALIBRATION_STRINGS, documentLang()).measured(s.runtime.calibration) : null;
      note.dataset['measured'] = s.runtime.calibration?.chosen ?? '';
      note.textContent = [measured ?? s.runtime.note, S.kernels(s.runtime.wasmKernels), S.lanes(s.lanes)].filter(Boolean).join(' · ');
    },
  },
  {
    name: 'progress',
    deps: (s) => [s.run.progress, s.run.dataError],
    draw: ({ el }, { run: s }) => {
      const progress = el<HTMLProgressElement>('progress'),
        dataError = el('data-error');
      progress.hidden = s.progress === null;
      if (s.progress !== null) progress.value = s.progress;
      dataError.hidden = s.dataError === null;
      dataError.textContent = s.dataError ?? '';
    },
  },
  {
    name: 'summary',
    deps: (s) => [s.run.data, controlsOf(s).split, controlsOf(s).testSubject],
    draw: ({ el }, s) => {
      if (s.run.data) el('summary').textContent = S.summary(s.run.data, controlsOf(s));
    },
  },
  {
    name: 'fold-note',
    deps: (s) => [s.run.fold],
    draw: ({ el }, { run: s }) => {
      const foldNote = el('fold-note');
      foldNote.textContent = s.fold ? S.foldNote(s.fold) : '';
      foldNote.dataset['capped'] = s.fold?.capped ? String(s.fold.capped.used) : '';
    },
  },
  {
    name: 'preview',
    deps: (s) => [s.run.preview],
    draw: ({ el }, { run: { preview: p } }) => {
      if (!p) return;
      drawSignal(el('signal'), p);
      drawGaf(el('gaf'), p);
      el('signal-cap').textContent = S.preview(p.subject, p.label, p.channel, p.signal.length);
      el('gaf-cap').textContent = S.gafPreview(p.size);
    },
  },
  {
    name: 'full-data',
    deps: (s) => [s.run.fullData],
    draw: ({ el }, { run: s }) => {
      if (!s.fullData) return;
      el<HTMLInputElement>('full-radio').disabled = false;
      el('full-note').textContent = `(${s.fullData})`;
    },
  },
];

/** The island's render: status and data, then the form, then the results. */
export const renderKd = viewOf<KdIslandState, KdDom>([...STATUS_PARTS, ...FORM_PARTS, ...RESULT_PARTS]);
