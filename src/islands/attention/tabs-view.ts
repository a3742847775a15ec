/**
 * The attention island's frame: the two modes as tabs (step-by-step, trained), their panels,
 * and the note on URL values that could not be used. Built once; drawn as a table of parts
 * (src/lib/create-island.ts viewOf) together with the two modes' own views.
 */
import { documentLang, pick } from '@src/i18n/lang';
import { viewOf, type Render } from '@src/lib/create-island';
import type { Mode } from './url-state';
import type { AttnEvent, AttnState } from './state';
import type { StepView } from './step-view';
import type { TrainedView } from './trained-view';
import { h } from './dom';
import { ATTN_TEXT, ATTN_URL_PROBLEMS } from './strings';

export interface AttnDom {
  root: HTMLElement;
  tabs: Record<Mode, HTMLButtonElement>;
  panels: Record<Mode, HTMLElement>;
  tablist: HTMLElement;
  urlNote: HTMLElement;
  step: StepView;
  trained: TrainedView;
}

export function attnDom(root: HTMLElement, step: StepView, trained: TrainedView): AttnDom {
  const tab = (m: Mode) =>
    h('button', { type: 'button', role: 'tab', id: `attn-tab-${m}`, 'aria-controls': `attn-panel-${m}` }, ATTN_TEXT.tabs[m]);
  const panel = (m: Mode, child: HTMLElement) =>
    h('div', { role: 'tabpanel', id: `attn-panel-${m}`, 'aria-labelledby': `attn-tab-${m}` }, child);
  const tabs = { step: tab('step'), trained: tab('trained') };
  const tablist = h('div', { role: 'tablist', 'aria-label': ATTN_TEXT.tabs.label, class: 'attn-tabs' }, tabs.step, tabs.trained);
  const urlNote = h('p', { class: 'attn-msg', 'data-role': 'url-note', hidden: true });
  return { root, tabs, panels: { step: panel('step', step.el), trained: panel('trained', trained.el) }, tablist, urlNote, step, trained };
}

/** Tab keys and clicks → 'mode' events. */
export function wireTabs(dom: AttnDom, mode: () => Mode, dispatch: (e: AttnEvent) => void): void {
  dom.tablist.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: Mode = mode() === 'step' ? 'trained' : 'step';
    dispatch({ type: 'mode', mode: next });
    dom.tabs[next].focus();
  });
  for (const m of ['step', 'trained'] as const) dom.tabs[m].addEventListener('click', () => dispatch({ type: 'mode', mode: m }));
}

export const renderAttention: Render<AttnState, AttnDom> = viewOf<AttnState, AttnDom>([
  {
    name: 'mode',
    deps: (s) => [s.view.mode],
    draw: (dom, s) => {
      const m = s.view.mode;
      dom.root.dataset['mode'] = m;
      for (const k of ['step', 'trained'] as const) {
        dom.tabs[k].setAttribute('aria-selected', String(k === m));
        dom.tabs[k].tabIndex = k === m ? 0 : -1;
        dom.panels[k].hidden = k !== m;
      }
    },
  },
  {
    name: 'url-note',
    deps: (s) => [s.urlProblems],
    draw: (dom, s) => {
      dom.urlNote.hidden = s.urlProblems.length === 0;
      dom.urlNote.textContent = s.urlProblems.length > 0 ? pick(ATTN_URL_PROBLEMS, documentLang())(s.urlProblems) : '';
    },
  },
  // Each mode's view keeps its own finer checks (what changed since prev).
  { name: 'step', deps: (s) => [s], draw: (dom, s, prev) => dom.step.render(s, prev) },
  { name: 'trained', deps: (s) => [s], draw: (dom, s, prev) => dom.trained.render(s, prev) },
]);
