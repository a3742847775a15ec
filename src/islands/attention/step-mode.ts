/**
 * Step-by-step mode: text -> tokens -> x = embedding + PE -> one multi-head attention layer
 * of the seeded toy model, computed on the active tfjs backend; every intermediate shown.
 * Lifecycle: createStepMode() builds the controls once; update() recomputes (stale results
 * from an older input are dropped); bad input shows a message and keeps the last view.
 */
import type { Tf } from '../../lib/runtime';
import { computeAttention, type AttentionData } from '../../../demos/attention/attention';
import { tokenize, MAX_TOKENS } from '../../../demos/attention/tokenize';
import { embedTokens, toyWeights, D_CHOICES, H_CHOICES, TOY_SEED } from '../../../demos/attention/toy-model';
import type { DemoState } from './url-state';
import { h, fmt } from './dom';
import { renderHeatmap, renderLines, headColor } from './heatmap';
import { formulaTex, renderFormula, rowOf, sharpness } from './formula';
import { tokenStrip } from './token-strip';
import { weightsTable } from './table';

export interface StepMode { el: HTMLElement; update(): Promise<void> }

export function createStepMode(getTf: () => Tf, state: DemoState, save: () => void): StepMode {
  const text = h('textarea', { id: 'attn-text', rows: 2, maxlength: 2000, spellcheck: false });
  text.value = state.text;
  const msg = h('p', { class: 'attn-msg', role: 'status', 'aria-live': 'polite' });
  const dSel = h('select', { id: 'attn-d' }, ...D_CHOICES.map((d) => h('option', { value: d, selected: d === state.d }, String(d))));
  const hSel = h('select', { id: 'attn-h' }, ...H_CHOICES.map((n) => h('option', { value: n, selected: n === state.h }, String(n))));
  const causal = h('input', { type: 'checkbox', id: 'attn-causal', checked: state.causal });
  const scale = h('input', { type: 'checkbox', id: 'attn-scale', checked: state.scale });
  const controls = h('div', { class: 'attn-controls' },
    h('label', { for: 'attn-text', class: 'attn-wide' }, `문장 (한국어·영어, 최대 ${MAX_TOKENS}토큰)`), text,
    h('label', {}, '모델 차원 D ', dSel), h('label', {}, '헤드 수 H ', hSel),
    h('label', {}, causal, ' 인과 마스크 (앞 토큰만 보기)'), h('label', {}, scale, ' 1/√dₕ 스케일링'));
  const strip = h('div', { class: 'attn-strip' });
  const maps = h('div', { class: 'attn-maps' });
  const hover = h('p', { class: 'attn-hover', 'aria-hidden': 'true' }, '칸 위에 마우스를 올리면 값이 보입니다. 색 농도는 각 지도의 최댓값 기준, 빗금은 마스크된 칸입니다.');
  const lines = h('div', { class: 'attn-lines-wrap' });
  const formula = h('div', { class: 'attn-formula', 'data-testid': 'attn-formula' });
  const stats = h('p', { class: 'attn-stats' });
  const table = h('div', { class: 'attn-table-wrap' });
  const el = h('div', { class: 'attn-step' }, controls, msg,
    h('p', { class: 'attn-hint' }, '토큰화: 공백과 문장부호로 나눕니다 (한글 어절은 조사까지 한 토큰, 문장부호는 각각 한 토큰; 실제 모델의 서브워드 토크나이저보다 단순합니다). 질의 토큰을 고르세요 (← → 키로 이동). 히트맵의 행을 눌러도 됩니다.'), strip,
    h('div', { class: 'attn-views' }, h('div', {}, maps, hover), lines), formula, stats,
    h('details', { class: 'attn-table-details' }, h('summary', {}, '주의 가중치 표 (스크린 리더용)'), table));

  let tokens: string[] = [];
  let data: AttentionData | null = null;
  let version = 0;

  function draw(): void {
    if (!data) return;
    const t = tokens.length, a = data;
    state.q = Math.min(state.q, t - 1);
    state.head = Math.min(state.head, a.h - 1);
    strip.replaceChildren(tokenStrip(tokens, state.q, (i) => { state.q = i; save(); draw(); }));
    const mask = state.causal ? a.mask : null;
    maps.replaceChildren(...Array.from({ length: a.h }, (_, hd) => {
      const w = a.weights.subarray(hd * t * t, (hd + 1) * t * t);
      const fig = h('figure', { class: hd === state.head ? 'attn-map sel' : 'attn-map' });
      fig.append(renderHeatmap({
        title: `헤드 ${hd + 1}: 주의 가중치 (행 = 질의, 열 = 키)`, weights: w, mask, rowLabels: tokens, colLabels: tokens,
        selectedRow: state.q, color: headColor(hd),
        onHover: (i, j) => { hover.textContent = `헤드 ${hd + 1}: ${tokens[i]} → ${tokens[j]} = ${mask && mask[i * t + j] === 0 ? '마스크됨' : fmt(w[i * t + j]!, 4)}`; },
        onSelectRow: (i) => { state.q = i; state.head = hd; save(); draw(); },
      }));
      const btn = h('button', { type: 'button', class: 'attn-head-btn', 'aria-pressed': hd === state.head ? 'true' : 'false' }, `헤드 ${hd + 1}`);
      btn.addEventListener('click', () => { state.head = hd; save(); draw(); });
      fig.append(h('figcaption', {}, btn));
      return fig;
    }));
    const heads = Array.from({ length: a.h }, (_, hd) => a.weights.subarray(hd * t * t, (hd + 1) * t * t));
    const drawLines = (q: number): void => { lines.replaceChildren(renderLines({ tokens, heads, query: q, onHoverQuery: drawLines })); };
    drawLines(state.q);
    // Hovering a token button previews its lines too (the selection stays).
    strip.onmouseover = (e) => {
      const b = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-i]') : null;
      if (b) drawLines(Number(b.dataset['i']));
    };
    strip.onmouseleave = () => drawLines(state.q);
    renderFormula(formula, formulaTex(a, state.head, state.q, tokens[state.q]!, state.scale));
    const row = rowOf(a, state.head, state.q);
    formula.dataset['z'] = JSON.stringify(Array.from(row.z));
    formula.dataset['weights'] = JSON.stringify(Array.from(row.weights));
    const raw = a.rawScores.subarray(state.head * t * t, (state.head + 1) * t * t);
    const on = sharpness(raw.map((v) => v / Math.sqrt(a.dh)), a.mask, t), off = sharpness(raw, a.mask, t);
    stats.textContent = `헤드 ${state.head + 1} 소프트맥스의 날카로움 (행 평균) — 1/√${a.dh} 스케일링 켬: 엔트로피 ${fmt(on.entropy, 2)} nat, 최대 가중치 ${fmt(on.max, 2)} · 끔: 엔트로피 ${fmt(off.entropy, 2)} nat, 최대 가중치 ${fmt(off.max, 2)}. 스케일링이 없으면 점수의 폭이 √dₕ배 커져 분포가 한 토큰으로 쏠립니다.`;
    table.replaceChildren(weightsTable(tokens, a.weights.subarray(state.head * t * t, (state.head + 1) * t * t), mask, `헤드 ${state.head + 1}의 주의 가중치: 행은 질의 토큰, 열은 키 토큰`));
  }

  async function update(): Promise<void> {
    const my = ++version;
    state.text = text.value;
    state.d = Number(dSel.value);
    state.h = Number(hSel.value);
    state.causal = causal.checked;
    state.scale = scale.checked;
    save();
    const tk = tokenize(text.value);
    if (!tk.ok) {
      msg.textContent = tk.message;
      msg.dataset['kind'] = 'error';
      return; // keep the last good view; the typed text stays in the box
    }
    const x = embedTokens(tk.tokens, state.d, TOY_SEED);
    const rw = toyWeights(state.d, TOY_SEED);
    const tf = getTf();
    const w = tf.tidy(() => ({
      wq: tf.tensor2d(rw.wq, [state.d, state.d]), wk: tf.tensor2d(rw.wk, [state.d, state.d]),
      wv: tf.tensor2d(rw.wv, [state.d, state.d]), wo: tf.tensor2d(rw.wo, [state.d, state.d]),
    }));
    let result: AttentionData;
    try {
      result = await computeAttention(tf, x, tk.tokens.length, state.d, w, { heads: state.h, causal: state.causal, scale: state.scale });
    } catch (e) {
      msg.textContent = `계산 실패: ${e instanceof Error ? e.message : String(e)}`;
      msg.dataset['kind'] = 'error';
      return;
    } finally {
      tf.dispose(Object.values(w));
    }
    if (my !== version) return; // a newer input arrived while computing
    tokens = tk.tokens;
    data = result;
    msg.textContent = `토큰 ${tokens.length}개 · D=${state.d}, H=${state.h}, dₕ=${state.d / state.h} · 시드 ${TOY_SEED}의 무작위 가중치 (학습 전)`;
    msg.dataset['kind'] = 'ok';
    el.dataset['tokens'] = String(tokens.length);
    el.dataset['computed'] = String(version);
    draw();
  }

  let timer = 0;
  text.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(() => void update(), 200); });
  for (const c of [dSel, hSel, causal, scale]) c.addEventListener('change', () => void update());
  return { el, update };
}
