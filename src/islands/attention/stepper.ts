/**
 * The stepper: Z = softmax(mask(QKᵀ/√dₕ))V one stage at a time (◀ ▶ buttons, ← → / Home / End
 * keys on the stepper). The formula's terms and the matrices are linked both ways: hovering,
 * focusing or tapping a term lights its matrix's cells (a tap also jumps to the stage that makes
 * it); tapping a cell prints its number and formula (values never depend on mouse hover) and
 * marks the matrix's term. Values come from stepper-model.ts; this file only draws.
 */
import type { AttnEvent } from './state';
import { h, fmt } from './dom';
import { STAGE_MATRICES, cellText, cellValue, matrixShape, type StepperInput } from './stepper-model';
import { STEPPER_TEXT as S } from './strings';
import { STAGES } from './url-state';

export interface Stepper {
  el: HTMLElement;
  render(x: StepperInput, q: number, stage: number): void;
}

const short = (t: string): string => (t.length > 6 ? `${t.slice(0, 5)}…` : t);

/** A formula term: a button tied to matrix (= stage) m. */
function term(m: number, label: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'attn-term', 'data-stage': m, 'aria-label': S.names[m]! }, label);
}

export function createStepper(dispatch: (e: AttnEvent) => void): Stepper {
  const terms = [
    term(0, 'Q'),
    term(1, 'K'),
    term(2, 'V'),
    term(3, 'QKᵀ'),
    term(4, '/ √dₕ'),
    term(5, 'mask'),
    term(6, 'softmax'),
    term(7, 'Z'),
    term(2, 'V'),
  ] as const;
  const [tQ, tK, tV, tS, tScale, tMask, tSoft, tZ, tV2] = terms;
  const formula = h(
    'div',
    { class: 'attn-step-formula', 'data-testid': 'stepper-formula' },
    h('span', { class: 'attn-fline' }, tQ, ' = X W_Q,  ', tK, ' = X W_K,  ', tV, ' = X W_V'),
    h('span', { class: 'attn-fline' }, tZ, ' = ', tSoft, '( ', tMask, '( ', tS, ' ', tScale, ' ) ) ', tV2),
  );
  const prev = h('button', { type: 'button', class: 'attn-step-prev' }, S.prev);
  const next = h('button', { type: 'button', class: 'attn-step-next' }, S.next);
  const counter = h('span', { class: 'attn-step-count', 'aria-live': 'polite' });
  const desc = h('p', { class: 'attn-step-desc', 'data-testid': 'stepper-desc' });
  const mats = h('div', { class: 'attn-mats' });
  const cell = h('p', { class: 'attn-cell-info', 'data-testid': 'stepper-cell', 'aria-live': 'polite' }, S.cellPrompt);
  const el = h(
    'div',
    { class: 'attn-stepper', 'data-testid': 'stepper', tabindex: '0', role: 'group', 'aria-label': S.label },
    formula,
    h('p', { class: 'attn-hint' }, S.termHint),
    h('div', { class: 'attn-step-nav' }, prev, counter, next),
    desc,
    mats,
    cell,
  );
  let stage = 0;
  const go = (n: number): void => dispatch({ type: 'stage', stage: n });
  prev.addEventListener('click', () => go(stage - 1));
  next.addEventListener('click', () => go(stage + 1));
  el.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLElement && e.target.closest('.attn-mats')) return; // cells use Enter
    const to = { ArrowRight: stage + 1, ArrowLeft: stage - 1, Home: 0, End: STAGES - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  });
  const light = (m: number, on: boolean): void => {
    for (const t of mats.querySelectorAll<HTMLElement>(`[data-matrix="${m}"]`)) t.classList.toggle('lit', on);
    for (const t of terms) if (Number(t.dataset['stage']) === m) t.classList.toggle('lit', on);
  };
  for (const t of terms) {
    const m = Number(t.dataset['stage']);
    t.addEventListener('mouseenter', () => light(m, true));
    t.addEventListener('mouseleave', () => light(m, false));
    t.addEventListener('focus', () => light(m, true));
    t.addEventListener('blur', () => light(m, false));
    // A tap lights the matrix and, when the stage that makes it is elsewhere, goes there.
    t.addEventListener('click', () => {
      if (!STAGE_MATRICES[stage]!.includes(m)) go(m);
      light(m, true);
    });
  }

  function table(x: StepperInput, m: number, q: number, current: boolean): HTMLElement {
    const [rows, cols] = matrixShape(m, x.data);
    const isWeights = m === 6;
    const head = h('tr', {}, h('th', { scope: 'col' }, ''));
    for (let j = 0; j < cols; j++) head.append(h('th', { scope: 'col' }, m >= 3 && m <= 6 ? short(x.tokens[j]!) : String(j)));
    const body = h('tbody');
    for (let i = 0; i < rows; i++) {
      const tr = h('tr', { class: i === q ? 'q' : '' }, h('th', { scope: 'row' }, `${i} ${short(x.tokens[i]!)}`));
      for (let j = 0; j < cols; j++) {
        const v = cellValue(m, x, i, j);
        const td = h('td', { tabindex: '-1', 'data-i': i, 'data-j': j }, Number.isFinite(v) ? fmt(v, 2) : '−∞');
        if (isWeights) td.style.setProperty('--w', v.toFixed(3));
        tr.append(td);
      }
      body.append(tr);
    }
    const [r, c] = matrixShape(m, x.data);
    const t = h(
      'table',
      { class: `attn-mat${isWeights ? ' weights' : ''}`, 'data-matrix': m, 'aria-label': S.tableLabel(S.names[m]!) },
      h('caption', {}, `${S.names[m]} ${S.shape(r, c)}`),
      h('thead', {}, head),
      body,
    );
    t.addEventListener('click', (e) => {
      const td = e.target instanceof HTMLElement ? e.target.closest('td') : null;
      if (!td) return;
      for (const o of mats.querySelectorAll('td.on')) o.classList.remove('on');
      td.classList.add('on');
      cell.textContent = cellText(m, x, Number(td.dataset['i']), Number(td.dataset['j']));
      for (const tt of terms) tt.classList.toggle('on', Number(tt.dataset['stage']) === m);
    });
    return h(
      'div',
      { class: current ? 'attn-mat-wrap cur' : 'attn-mat-wrap', tabindex: '0', role: 'region', 'aria-label': S.tableLabel(S.names[m]!) },
      t,
    );
  }

  function render(x: StepperInput, q: number, st: number): void {
    stage = st;
    counter.textContent = S.counter(st, STAGES);
    prev.disabled = st === 0;
    next.disabled = st === STAGES - 1;
    el.dataset['stage'] = String(st);
    desc.textContent = `${S.stages[st]} ${st === 5 && !x.data.mask.includes(0) ? S.noMask : ''}`.trim();
    for (const t of terms) {
      t.classList.toggle('cur', Number(t.dataset['stage']) === st);
      t.classList.remove('on', 'lit');
    }
    mats.replaceChildren(...STAGE_MATRICES[st]!.map((m) => table(x, m, q, m === st)));
    cell.textContent = S.cellPrompt;
  }

  return { el, render };
}
