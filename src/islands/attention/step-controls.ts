/** Step mode's controls (text, weights, layer, d, heads, mask, scaling), built once from the first state, and their events. */
import { ATTN_CONTROLS } from '@demos/attention/controls';
import type { AttnEvent } from './state';
import type { DemoState } from './url-state';
import { h } from './dom';
import { ATTN_TEXT } from './strings';

const T = ATTN_TEXT.step;

export function stepControls(v: DemoState, dispatch: (e: AttnEvent) => void) {
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

  return { text, dSel, hSel, causal, scale, wSel, lSel, lmNote, controls, msg };
}
