/**
 * Class probabilities for one test window the reader picks: the GAF teacher, the signal
 * teacher, the student before distillation (CE only) and after (KD), each at T = 1 (dark
 * bar) and at the run's T (light bar: the softened distribution the KD loss matches).
 * Computed from the final models' test logits (demos/kd/run/agreement.ts softmaxRow).
 */
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import { NUM_CLASSES } from '@demos/kd/run/activities';
import { argmaxRow, softmaxRow } from '@demos/kd/run/agreement';
import type { KdState } from './state';
import { COLOURS } from './view-common';
import { svgEl } from './svg';
import { S } from './strings';

const K = NUM_CLASSES;
const W = 640,
  ROW = 64,
  TOP = 8,
  LEFT = 120,
  BOTTOM = 56;
const ROW_COLOUR: Record<Phase, string> = {
  'teacher-gaf': COLOURS.gaf,
  'teacher-signal': COLOURS.sig,
  'student-ce': COLOURS.ce,
  'student-kd': COLOURS.kd,
};

/** Fills the picker with the test windows (marking those the two teachers answer differently); returns the picked index. */
export function fillWindowPicker(sel: HTMLSelectElement, labels: readonly number[], disagree: readonly boolean[], want: number): number {
  if (sel.options.length !== labels.length || sel.dataset['filled'] !== String(disagree.length)) {
    sel.replaceChildren(...labels.map((y, i) => new Option(S.windowOption(i, y, disagree[i] ?? false), String(i))));
    sel.dataset['filled'] = String(disagree.length);
  }
  // Default: the first window on which the teachers disagree (where α decides), else the first.
  const pick = want >= 0 && want < labels.length ? want : Math.max(0, disagree.indexOf(true));
  sel.value = String(pick);
  return pick;
}

export function renderBars(svg: SVGSVGElement, caption: HTMLElement, s: KdState, index: number): void {
  const fold = s.fold;
  const T = s.config?.temperature ?? 4;
  const rows = PHASES.filter((p) => s.results[p]);
  svg.replaceChildren();
  if (!fold || rows.length === 0 || index < 0 || index >= fold.test) return;
  const H = TOP + PHASES.length * ROW + BOTTOM;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const colW = (W - LEFT - 8) / K;
  const tops: string[] = [];
  PHASES.forEach((p, r) => {
    const y0 = TOP + r * ROW,
      base = y0 + ROW - 10;
    svg.append(svgEl('text', { x: LEFT - 6, y: y0 + ROW / 2, 'text-anchor': 'end', class: 'kd-tick kd-bar-label' }, S.barRow[p]));
    svg.append(svgEl('line', { x1: LEFT, y1: base, x2: W - 8, y2: base, class: 'kd-axis' }));
    const res = s.results[p];
    if (!res) return;
    const p1 = softmaxRow(res.testLogits, K, index, 1),
      pT = softmaxRow(res.testLogits, K, index, T);
    const top = argmaxRow(res.testLogits, K, index);
    tops.push(`${S.barRow[p]} ${S.cls(top)}`);
    const g = svgEl('g', { 'data-phase': p, 'data-top': top });
    for (let c = 0; c < K; c++) {
      const x = LEFT + c * colW;
      for (const [j, prob, op] of [
        [0, p1[c]!, COLOURS.t1],
        [1, pT[c]!, COLOURS.tT],
      ] as const) {
        const h = prob * (ROW - 16);
        g.append(
          svgEl('rect', {
            x: x + 2 + j * (colW / 2 - 2),
            y: base - h,
            width: colW / 2 - 3,
            height: Math.max(h, 0.5),
            style: j === 0 ? `fill:${ROW_COLOUR[p]}` : `fill:${ROW_COLOUR[p]};stroke:${ROW_COLOUR[p]}`,
            'fill-opacity': op,
            class: j === 0 ? 'kd-bar' : 'kd-bar kd-bar-t',
            'data-p': prob.toFixed(4),
            'data-t': j === 0 ? 1 : T,
          }),
        );
      }
      if (c === fold.testLabels[index])
        g.append(svgEl('rect', { x: x + 1, y: y0 + 2, width: colW - 2, height: ROW - 12, class: 'kd-bar-truth' }));
    }
    svg.append(g);
  });
  for (let c = 0; c < K; c++) {
    const x = LEFT + (c + 0.5) * colW,
      y = TOP + PHASES.length * ROW + 4;
    svg.append(svgEl('text', { x: 0, y: 0, class: 'kd-tick', transform: `translate(${x},${y}) rotate(35)` }, S.clsShort(c)));
  }
  caption.textContent = S.barsCaption(index, fold.testLabels[index]!, T, tops.join(', '));
}
