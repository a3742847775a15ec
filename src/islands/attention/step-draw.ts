/** Step mode's drawing of a finished result: token strip, one heatmap per head, lines, the language-model panel, the formula, sharpness and the weights table. */
import type { AttnEvent, AttnState } from './state';
import { h, fmt } from './dom';
import { renderHeatmap, renderLines, headColor } from './heatmap';
import { formulaTex, renderFormula, rowOf, sharpness } from './formula';
import { tokenStrip } from './token-strip';
import { weightsTable } from './table';
import { ATTN_TEXT } from './strings';
import { renderLmPanel } from './lm-panel';

const T = ATTN_TEXT.step;

/** The elements drawStep fills (made once by createStepView). */
export interface StepDom {
  strip: HTMLElement;
  maps: HTMLElement;
  hover: HTMLElement;
  lines: HTMLElement;
  lmPanel: HTMLElement;
  formula: HTMLElement;
  cue: HTMLElement;
  stats: HTMLElement;
  table: HTMLElement;
}

export function drawStep(s: AttnState, dom: StepDom, dispatch: (e: AttnEvent) => void): void {
  const { strip, maps, hover, lines, lmPanel, formula, cue, stats, table } = dom;
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
      const btn = h('button', { type: 'button', class: 'attn-head-btn', 'aria-pressed': hd === head ? 'true' : 'false' }, T.headButton(hd));
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
