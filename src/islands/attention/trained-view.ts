/**
 * Trained mode's view: the task, the digit input and buttons, the checkpoint/training
 * status, accuracy, prediction and the attention maps of every layer and head. Reader
 * actions become events or model calls; render(s, prev) draws TrainedState.
 */
import type { AttnEvent, AttnState } from './state';
import type { TrainedModel } from './trained-model';
import { PAGE_EVAL_N } from './trained-model';
import { h, fmt } from './dom';
import { renderHeatmap, renderLines, headColor } from './heatmap';
import { weightsTable } from './table';
import { ATTN_TEXT } from './strings';

export interface TrainedView {
  el: HTMLElement;
  render(s: AttnState, prev: AttnState | null): void;
}

const T = ATTN_TEXT.trained;

/** The line plot's key: one colour per head (the same colours as the heatmaps). */
function headKey(n: number): HTMLElement {
  return h(
    'p',
    { class: 'attn-key', 'data-testid': 'attn-lines-key' },
    ...Array.from({ length: n }, (_, hd) => {
      const sw = h('span', { class: 'attn-swatch', 'aria-hidden': 'true' });
      sw.style.background = headColor(hd);
      return h('span', { class: 'attn-key-item' }, sw, T.keyHead(hd));
    }),
  );
}

export function createTrainedView(initial: AttnState, dispatch: (e: AttnEvent) => void, model: TrainedModel): TrainedView {
  const digits = h('input', {
    id: 'attn-digits',
    type: 'text',
    inputmode: 'numeric',
    maxlength: 8,
    value: initial.view.digits,
    autocomplete: 'off',
  });
  const trainBtn = h('button', { type: 'button', class: 'attn-train', disabled: true }, T.train);
  const resetBtn = h('button', { type: 'button', class: 'attn-reset', disabled: true }, T.reset);
  const loadBtn = h('button', { type: 'button', class: 'attn-load', disabled: true }, T.load);
  const status = h('p', { class: 'attn-msg', role: 'status', 'aria-live': 'polite' }, T.loading);
  const acc = h('output', { class: 'attn-acc', 'aria-live': 'polite' }, '—');
  const pred = h('p', { class: 'attn-pred' });
  const maps = h('div', { class: 'attn-maps' });
  const hover = h('p', { class: 'attn-hover', 'aria-hidden': 'true' });
  const lines = h('div', { class: 'attn-lines-wrap' });
  const tables = h('div', { class: 'attn-table-wrap' });
  const el = h(
    'div',
    { class: 'attn-trained' },
    h('p', { class: 'attn-hint' }, T.task),
    h('div', { class: 'attn-controls' }, h('label', { for: 'attn-digits' }, T.digitsLabel), digits, trainBtn, resetBtn, loadBtn),
    status,
    h('p', {}, T.accLabel(PAGE_EVAL_N), acc),
    pred,
    h('div', { class: 'attn-views' }, h('div', {}, maps, hover), lines),
    h('details', { class: 'attn-table-details' }, h('summary', {}, ATTN_TEXT.step.tableSummary), tables),
  );

  let training = false;
  trainBtn.addEventListener('click', () => {
    if (training) {
      model.stop();
      dispatch({ type: 'trained', status: T.stopped });
    } else void model.train();
  });
  resetBtn.addEventListener('click', () => void model.reset());
  loadBtn.addEventListener('click', () => void model.load());
  digits.addEventListener('input', () => dispatch({ type: 'digits', digits: digits.value }));

  function drawMaps(m: NonNullable<AttnState['trained']['maps']>): void {
    const nh = m.maps[0] ? m.maps[0].length / (m.digits.length * m.digits.length) : 0,
      t = m.digits.length;
    const want = [...m.digits].reverse().join('');
    pred.textContent = T.prediction(Array.from(m.pred).join(''), want);
    const labels = [...m.digits].map((d, i) => `${i}:${d}`);
    const figs: HTMLElement[] = [],
      tbls: HTMLElement[] = [];
    m.maps.forEach((layer, l) => {
      for (let hd = 0; hd < nh; hd++) {
        const w = layer.subarray(hd * t * t, (hd + 1) * t * t); // (T, T)
        const name = T.mapName(l, hd);
        figs.push(
          h(
            'figure',
            { class: 'attn-map' },
            renderHeatmap({
              title: T.mapTitle(name),
              weights: w,
              mask: null,
              rowLabels: labels,
              colLabels: labels,
              selectedRow: -1,
              color: headColor(hd),
              onHover: (i, j) => {
                hover.textContent = T.hover(name, i, j, fmt(w[i * t + j]!, 4));
              },
              onSelectRow: () => undefined,
            }),
            h('figcaption', {}, name),
          ),
        );
        tbls.push(weightsTable(labels, w, null, T.tableCaption(name)));
      }
    });
    maps.replaceChildren(h('p', { class: 'attn-hint attn-wide', 'data-testid': 'attn-labels-hint' }, T.labelsHint), ...figs);
    tables.replaceChildren(...tbls);
    // Lines for the last layer: there the reversal is complete (a clean anti-diagonal).
    const last = m.maps[m.maps.length - 1]!;
    const heads = Array.from({ length: nh }, (_, hd) => last.subarray(hd * t * t, (hd + 1) * t * t));
    const drawLines = (q: number): void => {
      lines.replaceChildren(
        h('p', { class: 'attn-hint' }, T.linesHint(m.maps.length)),
        headKey(nh),
        renderLines({ tokens: labels, heads, query: q, onHoverQuery: drawLines }),
      );
    };
    drawLines(0);
  }

  function render(s: AttnState, prev: AttnState | null): void {
    const t = s.trained,
      p = prev?.trained;
    if (t === p) return;
    training = t.training;
    for (const b of [trainBtn, resetBtn, loadBtn]) b.disabled = !t.ready;
    trainBtn.textContent = t.training ? T.stop : T.train;
    el.dataset['training'] = String(t.training);
    if (t.loaded) el.dataset['loaded'] = t.loaded;
    if (!p || t.status !== p.status) status.textContent = t.status;
    if (t.acc && (!p || t.acc !== p.acc || t.source !== p.source)) {
      const r = t.acc.result;
      acc.textContent = T.acc(fmt(r.token * 100, 1), fmt(r.sequence * 100, 1), fmt(r.loss, 3), t.source, t.acc.steps);
      acc.dataset['token'] = String(r.token);
      acc.dataset['sequence'] = String(r.sequence);
      acc.dataset['steps'] = String(t.acc.steps);
    }
    if (t.digitsError) pred.textContent = T.badDigits;
    else if (t.maps && (!p || t.maps !== p.maps || p.digitsError)) drawMaps(t.maps);
    el.dataset['mapsVersion'] = String(t.mapsVersion);
  }

  return { el, render };
}
