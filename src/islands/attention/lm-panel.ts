/**
 * The language model's finding beside the maps: held-out loss against the unigram baseline,
 * the head patterns the training script measured (from lm.json, never typed in), the same
 * shares on the reader's sentence (computed here from the weights on screen), and the model's
 * next-token guess. In random-weights mode it says, loudly, that the pattern means nothing.
 */
import { headShares, prevHeadVerdict, uniformPrevShare } from '@demos/attention/lm';
import type { StepResult } from './state';
import { h } from './dom';
import { LM_TEXT as L } from './strings';

const pct = (x: number): string => (100 * x).toFixed(1);

export function renderLmPanel(el: HTMLElement, step: StepResult): void {
  if (!step.lm) {
    el.dataset['source'] = 'random';
    el.replaceChildren(h('p', { class: 'attn-warn', 'data-testid': 'attn-random-warning' }, L.randomWarn));
    return;
  }
  el.dataset['source'] = 'lm';
  const { meta, layer, next } = step.lm;
  const ho = meta.heldOut,
    tr = meta.training;
  const verdict = prevHeadVerdict(meta.finding.prev, meta.uniformPrev);
  const live = headShares(step.data.weights, step.data.h, step.tokens.length);
  const rows = meta.headStats
    .filter((r) => r.layer === layer)
    .map((r) =>
      h(
        'tr',
        { class: r.layer === meta.finding.layer && r.head === meta.finding.head ? 'best' : '' },
        h('th', { scope: 'row' }, L.headName(r.layer, r.head)),
        h('td', {}, `${pct(r.prev)}%`),
        h('td', {}, live ? `${pct(live[r.head]!.prev)}%` : '–'),
        h('td', {}, `${pct(r.first)}%`),
        h('td', {}, `${pct(r.self)}%`),
      ),
    );
  el.replaceChildren(
    h('h4', {}, L.title),
    h('p', {}, L.trained(tr.trainTokens, tr.bestStep, Math.round(tr.cpuSeconds))),
    h(
      'p',
      { 'data-testid': 'attn-lm-loss' },
      L.loss(ho.tokens, ho.loss.toFixed(2), ho.unigramLoss.toFixed(2), Math.exp(ho.loss).toFixed(0), Math.exp(ho.unigramLoss).toFixed(0)),
      ' ',
      L.oov(pct(ho.oovShare)),
    ),
    h(
      'p',
      { class: 'attn-finding', 'data-testid': 'attn-finding', 'data-verdict': verdict },
      L.finding[verdict](meta.finding.layer, meta.finding.head, pct(meta.finding.prev), pct(meta.uniformPrev)),
    ),
    h(
      'div',
      { class: 'attn-table-wrap', tabindex: '0', role: 'region', 'aria-label': L.tableLabel },
      h(
        'table',
        { class: 'attn-table attn-heads' },
        h('caption', {}, `${L.tableCaption} ${L.liveUniform(pct(uniformPrevShare(step.tokens.length)))}`),
        h('thead', {}, h('tr', {}, ...L.cols.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...rows),
      ),
    ),
    h('p', { 'data-testid': 'attn-next' }, L.next(next.map((n) => `${n.word} (${pct(n.p)}%)`).join(', '))),
  );
}
