/**
 * Trained mode: the tiny reversal Transformer. Loads the shipped checkpoint (so learned,
 * anti-diagonal attention is visible before anyone trains), shows its attention maps per
 * layer and head for an editable digit string, and trains in the page on the active
 * backend (Adam, yielding between slices so the page stays responsive), redrawing maps and
 * accuracy every few steps. Reset gives seeded random weights, to watch it learn.
 * Lifecycle: model/trainer tensors are owned here; replaced models are disposed.
 */
import type { Tf } from '../../lib/runtime';
import { parseCheckpoint } from '../../../demos/attention/checkpoint';
import { createTinyModel, disposeTinyModel, DEFAULT_TINY, type TinyModel } from '../../../demos/attention/tiny-transformer';
import { evalSet, type Batch } from '../../../demos/attention/reverse-task';
import { attentionMaps, createTrainer, disposeTrainer, evaluate, trainLoop, type EvalResult, type Trainer } from '../../../demos/attention/train';
import type { DemoState } from './url-state';
import { h, fmt } from './dom';
import { renderHeatmap, renderLines, headColor } from './heatmap';
import { weightsTable } from './table';

export interface TrainedMode { el: HTMLElement; load(): Promise<void>; stop(): void }

const EVAL_EVERY = 10;
/** Seed of the batches drawn by in-page training (recorded, so a run can be repeated). */
const PAGE_TRAIN_SEED = 2025;
// Smaller than the script's (64 / 256): one synchronous CPU-backend step or evaluation is
// the longest the page cannot yield, so these bound the UI's worst pause.
const PAGE_BATCH = 32;
const PAGE_EVAL_N = 128;
const pageEval = (m: TinyModel): Batch => evalSet(PAGE_EVAL_N, m.config.seqLen, m.config.vocab);

export function checkpointUrl(): string {
  const base = import.meta.env.BASE_URL;
  return `${base.endsWith('/') ? base : `${base}/`}models/attention/reverse.json`;
}

export function createTrainedMode(getTf: () => Tf, state: DemoState, save: () => void): TrainedMode {
  const digits = h('input', { id: 'attn-digits', type: 'text', inputmode: 'numeric', maxlength: 8, value: state.digits, autocomplete: 'off' });
  const trainBtn = h('button', { type: 'button', class: 'attn-train', disabled: true }, '학습 시작');
  const resetBtn = h('button', { type: 'button', class: 'attn-reset', disabled: true }, '무작위 초기화');
  const loadBtn = h('button', { type: 'button', class: 'attn-load', disabled: true }, '체크포인트 불러오기');
  const status = h('p', { class: 'attn-msg', role: 'status', 'aria-live': 'polite' }, '체크포인트를 불러오는 중…');
  const acc = h('output', { class: 'attn-acc', 'aria-live': 'polite' }, '—');
  const pred = h('p', { class: 'attn-pred' });
  const maps = h('div', { class: 'attn-maps' });
  const hover = h('p', { class: 'attn-hover', 'aria-hidden': 'true' });
  const lines = h('div', { class: 'attn-lines-wrap' });
  const tables = h('div', { class: 'attn-table-wrap' });
  const el = h('div', { class: 'attn-trained' },
    h('p', { class: 'attn-hint' }, '과제: 숫자 8개를 거꾸로 출력하기. 출력 위치 i는 입력 위치 7−i를 봐야 하므로, 다 배운 모델의 주의 지도는 반대 대각선(↙)이 됩니다.'),
    h('div', { class: 'attn-controls' }, h('label', { for: 'attn-digits' }, '입력 숫자열 (8자리)'), digits, trainBtn, resetBtn, loadBtn),
    status, h('p', {}, `평가 정확도 (고정 시드 ${PAGE_EVAL_N}개): `, acc), pred,
    h('div', { class: 'attn-views' }, h('div', {}, maps, hover), lines),
    h('details', { class: 'attn-table-details' }, h('summary', {}, '주의 가중치 표 (스크린 리더용)'), tables));

  let model: TinyModel | null = null;
  let trainer: Trainer | null = null;
  let abort: AbortController | null = null;
  let source = '';

  function showAcc(r: EvalResult, steps: number): void {
    acc.textContent = `토큰 ${fmt(r.token * 100, 1)}% · 시퀀스 전체 ${fmt(r.sequence * 100, 1)}% · 손실 ${fmt(r.loss, 3)} · ${source} + 페이지 학습 ${steps}스텝`;
    acc.dataset['token'] = String(r.token);
    acc.dataset['sequence'] = String(r.sequence);
    acc.dataset['steps'] = String(steps);
  }

  async function drawMaps(): Promise<void> {
    if (!model) return;
    if (!/^[0-9]{8}$/.test(digits.value)) {
      pred.textContent = '숫자 8개를 입력하세요 (예: 31415926).';
      return;
    }
    state.digits = digits.value;
    save();
    const input = Int32Array.from(digits.value, Number);
    const { maps: m, pred: p } = await attentionMaps(getTf(), model, input);
    const t = model.config.seqLen, nh = model.config.heads;
    const want = [...digits.value].reverse().join('');
    const got = Array.from(p).join('');
    pred.textContent = `모델 출력: ${got} · 정답: ${want} ${got === want ? '✓' : '✗'}`;
    const labels = [...digits.value].map((d, i) => `${i}:${d}`);
    const figs: HTMLElement[] = [];
    const tbls: HTMLElement[] = [];
    m.forEach((layerMaps, l) => {
      for (let hd = 0; hd < nh; hd++) {
        const w = layerMaps.subarray(hd * t * t, (hd + 1) * t * t);
        const title = `층 ${l + 1} · 헤드 ${hd + 1}`;
        const fig = h('figure', { class: 'attn-map' }, renderHeatmap({
          title: `${title}: 주의 가중치 (행 = 질의 위치, 열 = 키 위치)`, weights: w, mask: null, rowLabels: labels, colLabels: labels,
          selectedRow: -1, color: headColor(hd),
          onHover: (i, j) => { hover.textContent = `${title}: 위치 ${i} → 위치 ${j} = ${fmt(w[i * t + j]!, 4)}`; },
          onSelectRow: () => undefined,
        }), h('figcaption', {}, title));
        figs.push(fig);
        tbls.push(weightsTable(labels, w, null, `${title}의 주의 가중치`));
      }
    });
    maps.replaceChildren(...figs);
    tables.replaceChildren(...tbls);
    // Lines for the last layer: there the reversal is complete (a clean anti-diagonal).
    const last = m[m.length - 1]!;
    const heads = Array.from({ length: nh }, (_, hd) => last.subarray(hd * t * t, (hd + 1) * t * t));
    const drawLines = (q: number): void => { lines.replaceChildren(h('p', { class: 'attn-hint' }, `층 ${m.length}, 모든 헤드 (왼쪽 위치에 마우스를 올리세요)`), renderLines({ tokens: labels, heads, query: q, onHoverQuery: drawLines })); };
    drawLines(0);
    el.dataset['mapsVersion'] = String(Number(el.dataset['mapsVersion'] ?? 0) + 1);
  }

  function replaceModel(next: TinyModel): void {
    stop();
    if (trainer) disposeTrainer(trainer);
    trainer = null;
    if (model) disposeTinyModel(model);
    model = next;
  }

  async function refresh(): Promise<void> {
    if (!model) return;
    showAcc(await evaluate(getTf(), model, pageEval(model)), trainer?.steps ?? 0);
    await drawMaps();
  }

  async function load(): Promise<void> {
    status.textContent = '체크포인트를 불러오는 중…';
    try {
      const url = checkpointUrl();
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      const { ckpt, config, values } = parseCheckpoint(await res.json(), url);
      replaceModel(createTinyModel(getTf(), config, ckpt.seed, values));
      source = `체크포인트(${ckpt.steps}스텝)`;
      status.textContent = `체크포인트: 시드 ${ckpt.seed}, ${ckpt.steps}스텝 학습 (${ckpt.backend}, ${ckpt.createdAt.slice(0, 10)}), ${config.layers}층 · 헤드 ${config.heads}개 · D=${config.d}. 이 페이지에서 이어서 학습할 수 있습니다.`;
      el.dataset['loaded'] = 'checkpoint';
      await refresh();
    } catch (e) {
      status.textContent = `체크포인트를 불러오지 못했습니다: ${e instanceof Error ? e.message : String(e)} — 「무작위 초기화」 후 직접 학습할 수 있습니다.`;
    }
    for (const b of [trainBtn, resetBtn, loadBtn]) b.disabled = false;
  }

  async function reset(): Promise<void> {
    const cfg = model?.config ?? DEFAULT_TINY;
    replaceModel(createTinyModel(getTf(), cfg, 1));
    source = '무작위 초기화(시드 1)';
    el.dataset['loaded'] = 'random';
    status.textContent = '시드 1의 무작위 가중치. 「학습 시작」을 누르면 이 페이지에서 학습합니다.';
    await refresh();
  }

  async function train(): Promise<void> {
    if (!model) return;
    const tf = getTf();
    trainer ??= createTrainer(tf, model, { seed: PAGE_TRAIN_SEED, batchSize: PAGE_BATCH });
    const tr = trainer;
    const ac = new AbortController();
    abort = ac;
    trainBtn.textContent = '학습 멈춤';
    el.dataset['training'] = 'true';
    status.textContent = `학습 중 (백엔드 ${tf.getBackend()}, 배치 ${tr.batchSize}, Adam, 데이터 시드 ${PAGE_TRAIN_SEED})…`;
    try {
      await trainLoop(tr, {
        steps: 100_000, evalEvery: EVAL_EVERY, signal: ac.signal, evalBatch: pageEval(model),
        onEval: async (step, r) => { showAcc(r, step); await drawMaps(); },
      });
    } catch (e) {
      // After reset/reload the old model is disposed mid-step; that is not a failure.
      if (!ac.signal.aborted) status.textContent = `학습 실패: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (abort === ac) abort = null;
    if (abort === null) {
      trainBtn.textContent = '학습 시작';
      el.dataset['training'] = 'false';
    }
  }

  function stop(): void {
    abort?.abort();
    abort = null;
  }

  trainBtn.addEventListener('click', () => { if (abort) { stop(); status.textContent = '학습을 멈췄습니다.'; } else void train(); });
  resetBtn.addEventListener('click', () => void reset());
  loadBtn.addEventListener('click', () => void load());
  digits.addEventListener('input', () => void drawMaps());
  return { el, load, stop };
}
