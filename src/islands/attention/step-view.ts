/**
 * Step-by-step mode's view: text -> tokens -> x = embedding + PE -> one multi-head
 * attention layer of the seeded toy model, every intermediate shown. Builds its controls
 * once, turns reader actions into events (dispatch), and draws an AttnState
 * (render(s, prev) redraws only when the result, the selection or the view changed).
 * The computation itself runs in mount.ts (effect 'compute').
 */
import { ATTN_CONTROLS } from '@demos/attention/controls';
import type { AttnEvent, AttnState } from './state';
import type { DemoState } from './url-state';
import { h, fmt } from './dom';
import { renderHeatmap, renderLines, headColor } from './heatmap';
import { formulaTex, renderFormula, rowOf, sharpness } from './formula';
import { tokenStrip } from './token-strip';
import { weightsTable } from './table';
import { ATTN_TEXT } from './strings';
import { createStepper } from './stepper';
import { renderLmPanel } from './lm-panel';

export interface StepView {
  el: HTMLElement;
  render(s: AttnState, prev: AttnState | null): void;
}

const T = ATTN_TEXT.step;

export function createStepView(initial: AttnState, dispatch: (e: AttnEvent) => void): StepView {
  const v = initial.view;
  const text = h('textarea', { id: 'attn-text', rows: 2, maxlength: 2000, spellcheck: false });
  text.value = v.text;
  const msg = h('p', { class: 'attn-msg', role: 'status', 'aria-live': 'polite' });
  const dSel = h(
    'select',
    { id: 'attn-d' },
    ...ATTN_CONTROLS.d.values.map((d) => h('option', { value: d, selected: d === v.d }, String(d))),
  );
  const hSel = h(
    'select',
    { id: 'attn-h' },
    ...ATTN_CONTROLS.h.values.map((n) => h('option', { value: n, selected: n === v.h }, String(n))),
  );
  const causal = h('input', { type: 'checkbox', id: 'attn-causal', checked: v.causal });
  const scale = h('input', { type: 'checkbox', id: 'attn-scale', checked: v.scale });
  const wSel = h(
    'select',
    { id: 'attn-weights' },
    h('option', { value: 'lm', selected: v.weights === 'lm' }, T.weightsLm),
    h('option', { value: 'random', selected: v.weights === 'random' }, T.weightsRandom),
  );
  const lSel = h('select', { id: 'attn-layer' }, ...[0, 1].map((l) => h('option', { value: l, selected: l === v.layer }, String(l + 1))));
  const lmNote = h('span', { class: 'attn-hint attn-wide' }, T.lmFixed);
  const controls = h(
    'div',
    { class: 'attn-controls' },
    h('label', { for: 'attn-text', class: 'attn-wide' }, T.textLabel),
    text,
    h('label', {}, T.weightsLabel, wSel),
    h('label', { class: 'attn-lm-only' }, T.layerLabel, lSel),
    h('label', {}, T.dLabel, dSel),
    h('label', {}, T.hLabel, hSel),
    h('label', {}, causal, T.causal),
    h('label', {}, scale, T.scale),
    lmNote,
  );
  const lmPanel = h('div', { class: 'attn-lm', 'data-testid': 'attn-lm' });
  const stepper = createStepper(dispatch);
  const strip = h('div', { class: 'attn-strip' });
  const maps = h('div', { class: 'attn-maps' });
  const hover = h('p', { class: 'attn-hover', 'aria-hidden': 'true' }, T.hoverHint);
  const lines = h('div', { class: 'attn-lines-wrap' });
  // Focusable so that a keyboard can scroll the formula where it overflows (phones).
  const formula = h('div', {
    class: 'attn-formula',
    'data-testid': 'attn-formula',
    tabindex: '0',
    role: 'region',
    'aria-label': T.formulaLabel,
  });
  const stats = h('p', { class: 'attn-stats' });
  const cue = h('p', { class: 'attn-scroll-cue', 'data-testid': 'attn-scroll-cue', hidden: true }, T.scrollCue);
  const table = h('div', { class: 'attn-table-wrap' });
  const el = h(
    'div',
    { class: 'attn-step' },
    controls,
    msg,
    h('p', { class: 'attn-hint' }, T.tokenHint),
    strip,
    h('div', { class: 'attn-views' }, h('div', {}, maps, hover), lines),
    lmPanel,
    stepper.el,
    cue,
    formula,
    stats,
    h('details', { class: 'attn-table-details' }, h('summary', {}, T.tableSummary), table),
  );

  let timer = 0;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => dispatch({ type: 'input', patch: { text: text.value } }), 200);
  });
  dSel.addEventListener('change', () => dispatch({ type: 'input', patch: { d: Number(dSel.value) as DemoState['d'] } }));
  hSel.addEventListener('change', () => dispatch({ type: 'input', patch: { h: Number(hSel.value) as DemoState['h'] } }));
  causal.addEventListener('change', () => dispatch({ type: 'input', patch: { causal: causal.checked } }));
  scale.addEventListener('change', () => dispatch({ type: 'input', patch: { scale: scale.checked } }));
  wSel.addEventListener('change', () => dispatch({ type: 'input', patch: { weights: wSel.value === 'random' ? 'random' : 'lm' } }));
  lSel.addEventListener('change', () => dispatch({ type: 'input', patch: { layer: Number(lSel.value) } }));

  function draw(s: AttnState): void {
    const step = s.step;
    if (!step) return;
    const { tokens, data: a } = step,
      t = tokens.length,
      { q, head } = s.view;
    strip.replaceChildren(tokenStrip(tokens, q, (i) => dispatch({ type: 'query', q: i })));
    const mask = step.causal ? a.mask : null;
    maps.replaceChildren(
      ...Array.from({ length: a.h }, (_, hd) => {
        const w = a.weights.subarray(hd * t * t, (hd + 1) * t * t); // (T, T) of head hd
        const fig = h('figure', { class: hd === head ? 'attn-map sel' : 'attn-map' });
        fig.append(
          renderHeatmap({
            title: T.mapTitle(hd),
            weights: w,
            mask,
            rowLabels: tokens,
            colLabels: tokens,
            selectedRow: q,
            color: headColor(hd),
            onHover: (i, j) => {
              hover.textContent = T.hover(hd, tokens[i]!, tokens[j]!, mask && mask[i * t + j] === 0 ? T.masked : fmt(w[i * t + j]!, 4));
            },
            // A tap selects the row AND prints the cell's value (touch has no hover).
            onSelectRow: (i, j) => {
              hover.textContent = T.hover(hd, tokens[i]!, tokens[j]!, mask && mask[i * t + j] === 0 ? T.masked : fmt(w[i * t + j]!, 4));
              dispatch({ type: 'query', q: i, head: hd });
            },
          }),
        );
        const btn = h(
          'button',
          { type: 'button', class: 'attn-head-btn', 'aria-pressed': hd === head ? 'true' : 'false' },
          T.headButton(hd),
        );
        btn.addEventListener('click', () => dispatch({ type: 'head', head: hd }));
        fig.append(h('figcaption', {}, btn));
        return fig;
      }),
    );
    const heads = Array.from({ length: a.h }, (_, hd) => a.weights.subarray(hd * t * t, (hd + 1) * t * t));
    const drawLines = (qq: number): void => {
      lines.replaceChildren(renderLines({ tokens, heads, query: qq, onHoverQuery: drawLines }));
    };
    drawLines(q);
    // Hovering a token button previews its lines too (the selection stays).
    strip.onmouseover = (e) => {
      const b = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-i]') : null;
      if (b) drawLines(Number(b.dataset['i']));
    };
    strip.onmouseleave = () => drawLines(q);
    renderLmPanel(lmPanel, step);
    renderFormula(formula, formulaTex(a, head, q, tokens[q]!, step.scale));
    cue.hidden = formula.scrollWidth <= formula.clientWidth + 1; // the cue only where it scrolls
    const row = rowOf(a, head, q);
    formula.dataset['z'] = JSON.stringify(Array.from(row.z));
    formula.dataset['weights'] = JSON.stringify(Array.from(row.weights));
    const raw = a.rawScores.subarray(head * t * t, (head + 1) * t * t);
    const on = sharpness(
        raw.map((x) => x / Math.sqrt(a.dh)),
        a.mask,
        t,
      ),
      off = sharpness(raw, a.mask, t);
    stats.textContent = T.sharpness(
      head,
      a.dh,
      { entropy: fmt(on.entropy, 2), max: fmt(on.max, 2) },
      { entropy: fmt(off.entropy, 2), max: fmt(off.max, 2) },
    );
    table.replaceChildren(weightsTable(tokens, a.weights.subarray(head * t * t, (head + 1) * t * t), mask, T.tableCaption(head)));
  }

  function render(s: AttnState, prev: AttnState | null): void {
    if (!prev || s.message !== prev.message) {
      msg.textContent = s.message?.text ?? '';
      if (s.message) msg.dataset['kind'] = s.message.kind;
      else delete msg.dataset['kind'];
    }
    if (s.step && (!prev || s.step !== prev.step)) {
      el.dataset['tokens'] = String(s.step.tokens.length);
      el.dataset['computed'] = String(s.version);
    }
    const lm = s.view.weights === 'lm';
    el.dataset['weights'] = s.view.weights;
    dSel.disabled = hSel.disabled = causal.disabled = lm;
    lmNote.hidden = !lm;
    if (lm) causal.checked = true;
    // Drawn from the finished result (its own mask and scaling), never half-updated inputs.
    const changed = !prev || s.step !== prev.step || s.view.q !== prev.view.q || s.view.head !== prev.view.head;
    if (changed) draw(s);
    if (s.step && (changed || s.view.stage !== prev?.view.stage))
      stepper.render({ data: s.step.data, tokens: s.step.tokens, head: s.view.head, scale: s.step.scale }, s.view.q, s.view.stage);
  }

  return { el, render };
}
