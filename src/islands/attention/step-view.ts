/**
 * Step-by-step mode's view: text -> tokens -> x = embedding + PE -> one multi-head
 * attention layer of the seeded toy model, every intermediate shown. Builds its controls
 * once, turns reader actions into events (dispatch), and draws an AttnState
 * (render(s, prev) redraws only when the result, the selection or the view changed).
 * The computation itself runs in mount.ts (effect 'compute').
 */
import type { AttnEvent, AttnState } from './state';
import { h } from './dom';
import { ATTN_TEXT } from './strings';
import { createStepper } from './stepper';
import { stepControls } from './step-controls';
import { drawStep } from './step-draw';

export interface StepView {
  el: HTMLElement;
  render(s: AttnState, prev: AttnState | null): void;
}

const T = ATTN_TEXT.step;

export function createStepView(initial: AttnState, dispatch: (e: AttnEvent) => void): StepView {
  const c = stepControls(initial.view, dispatch);
  const { dSel, hSel, causal, lmNote, controls, msg } = c;
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

  const draw = (s: AttnState): void => drawStep(s, { strip, maps, hover, lines, lmPanel, formula, cue, stats, table }, dispatch);

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
