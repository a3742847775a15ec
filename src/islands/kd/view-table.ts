/**
 * The metric table: per model accuracy, macro-F1, balanced accuracy and the most-predicted
 * class (all from the final model's confusion matrix, demos/kd/run/metrics.ts), the best-epoch
 * accuracy for reference, time, origin and a JSON export; plus the majority-class baseline row
 * computed from the split's labels. Rows carry data-* values for tests.
 */
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import { chanceOfSplit, majorityBaseline, metricsOf } from '@demos/kd/run/metrics';
import type { PhaseResult } from '@demos/kd/run/protocol';
import type { KdState } from './state';
import { countsOf } from '@demos/kd/run/metrics';
import { fixedOrDash } from './svg';
import { S } from './strings';

function row(table: HTMLTableElement, key: Phase | 'baseline'): HTMLTableRowElement | null {
  return table.querySelector<HTMLTableRowElement>(`tr[data-phase="${key}"]`);
}

function root(table: HTMLTableElement, role: string): HTMLElement | null {
  return table.closest('kd-run-demo')?.querySelector<HTMLElement>(`[data-role="${role}"]`) ?? null;
}

function fill(r: HTMLTableRowElement, values: (string | Node)[]): void {
  r.querySelectorAll('td').forEach((td, i) => {
    const v = values[i];
    if (v === undefined) return;
    if (typeof v === 'string') td.textContent = v;
    else td.replaceChildren(v);
  });
}

export function renderTable(table: HTMLTableElement, note: HTMLElement, s: KdState, onExport: (r: PhaseResult) => void): void {
  const fold = s.fold;
  const caption = table.querySelector('caption');
  if (caption && fold) caption.textContent = S.tableCaption(fold.split, fold.test);
  // The visible copy above the scrolling box (the <caption> would scroll away with a wide table).
  const shown = root(table, 'table-caption-shown');
  if (shown && caption) shown.textContent = caption.textContent;
  const single: Phase[] = [];
  for (const p of PHASES) {
    const r = row(table, p);
    if (!r) continue;
    const res = s.results[p];
    r.dataset['state'] = res ? 'done' : s.running.includes(p) ? 'running' : 'idle';
    if (!res) {
      fill(r, ['–', '–', '–', '–', '–', '–', '–', '']);
      for (const k of ['acc', 'f1', 'best', 'ms', 'top']) delete r.dataset[k];
      continue;
    }
    const m = metricsOf(res.confusion);
    if (m.predictedClasses <= 1) single.push(p);
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = 'JSON';
    btn.title = S.exportTitle;
    btn.dataset['testid'] = `kd-export-${p}`;
    btn.addEventListener('click', () => onExport(res));
    fill(r, [
      fixedOrDash(m.accuracy),
      fixedOrDash(m.macroF1),
      fixedOrDash(m.balancedAccuracy),
      S.topClass(m.topClass, m.topShare, m.predictedClasses),
      `${fixedOrDash(res.bestAcc)} (${res.bestEpoch})`,
      `${fixedOrDash(res.ms / 1000, 1)} s`,
      S.origin[res.origin],
      btn,
    ]);
    Object.assign(r.dataset, {
      acc: String(m.accuracy),
      f1: String(m.macroF1),
      best: String(res.bestAcc),
      ms: String(res.ms),
      top: String(m.topShare),
      classes: String(m.predictedClasses),
    });
  }
  const b = row(table, 'baseline');
  if (!b || !fold) return;
  const testCounts = countsOf(fold.testLabels);
  const base = majorityBaseline(fold.trainClassCounts, testCounts);
  const th = b.querySelector('th');
  if (th) th.textContent = S.baselineRow(base.cls);
  fill(b, [fixedOrDash(base.accuracy), fixedOrDash(base.macroF1), fixedOrDash(base.balancedAccuracy), S.topClass(base.cls, 100, 1)]);
  Object.assign(b.dataset, { state: 'done', acc: String(base.accuracy), f1: String(base.macroF1) });
  const classes = fold.trainClassCounts.filter((n) => n > 0).length;
  const chance = chanceOfSplit(fold.trainClassCounts) ?? 0;
  table.dataset['chance'] = String(chance);
  const oneWindow = root(table, 'one-window');
  if (oneWindow) oneWindow.textContent = S.oneWindow(fold.test);
  const acc = Object.fromEntries(
    PHASES.flatMap((p) => {
      const r = s.results[p];
      return r ? [[p, metricsOf(r.confusion).accuracy]] : [];
    }),
  );
  note.textContent = `${S.tableNote(chance, classes, base.accuracy, single)} ${s.config ? S.kdNote(acc, s.config.alpha) : ''}`;
}
