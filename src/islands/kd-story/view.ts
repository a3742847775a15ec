/**
 * Draws a KdsState into the static markup of KdStoryDemo.astro: the status line, the results
 * table (mean [95 % interval] over seeds), the seed points and the computed sentence. Redraws
 * the results only when the shown result changed (a table of parts). Elements are found by data-kds.
 */
import { MODEL_NAMES } from '@demos/kd/story/scenario';
import { storySentence } from '@demos/kd/story/sentence';
import { summarize } from '@demos/kd/story/stats';
import { compareStudents } from '@demos/kd/story/verdict';
import type { KdsState, StoryResult } from './state';
import { KDS_TEXT, MODEL_LABEL, SENTENCE_WORDS } from './strings';
import { viewOf } from '@src/lib/create-island';

export type KdsDom = ReturnType<typeof kdsDom>;
export function kdsDom(root: HTMLElement) {
  const el = <T extends HTMLElement = HTMLElement>(role: string): T => {
    const found = root.querySelector<T>(`[data-kds="${role}"]`);
    if (!found) throw new Error(`kd-story markup: [data-kds="${role}"] missing`);
    return found;
  };
  return { root, el, seeds: el<HTMLInputElement>('seeds'), start: el<HTMLButtonElement>('start'), cancel: el<HTMLButtonElement>('cancel') };
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function renderResult(dom: KdsDom, r: StoryResult, backend: string): void {
  const f1 = (m: (typeof MODEL_NAMES)[number]) => summarize(r.seeds.map((s) => s.scores[m].macroF1));
  const acc = (m: (typeof MODEL_NAMES)[number]) => summarize(r.seeds.map((s) => s.scores[m].accuracy));
  dom.el('caption').textContent = KDS_TEXT.caption(r.config.setting, r.seeds.length);
  const body = dom.el('tbody');
  body.replaceChildren(
    ...MODEL_NAMES.map((m) => {
      const tr = h('tr', m === 'kd' ? 'kds-row-kd' : '');
      tr.dataset['model'] = m;
      const a = f1(m);
      const b = acc(m);
      tr.append(
        h('th', '', MODEL_LABEL[m]),
        h('td', '', KDS_TEXT.meanInterval(a.mean, a.lo, a.hi)),
        h('td', '', KDS_TEXT.meanInterval(b.mean, b.lo, b.hi)),
      );
      tr.firstElementChild?.setAttribute('scope', 'row');
      return tr;
    }),
  );
  dom.el('one-window').textContent =
    `${KDS_TEXT.oneWindow(r.testWindows)} ${KDS_TEXT.setup(r.trainWindows, r.labelledWindows, r.testWindows)}`;
  // seed points: one track per model on a 0–100 macro-F1 axis, laid out in CSS (text stays ≥ 11 px at any width)
  const points = dom.el('points');
  points.replaceChildren(
    h('p', 'kds-points-title', KDS_TEXT.pointsTitle),
    ...MODEL_NAMES.map((m) => {
      const row = h('div', `kds-track-row kds-${m}`);
      const track = h('div', 'kds-track');
      const s = f1(m);
      const bar = h('span', 'kds-ci');
      bar.style.left = `${100 * Math.max(0, s.lo)}%`;
      bar.style.width = `${100 * (Math.min(1, s.hi) - Math.max(0, s.lo))}%`;
      const mean = h('span', 'kds-mean');
      mean.style.left = `${100 * s.mean}%`;
      track.append(bar, mean);
      for (const seed of r.seeds) {
        const dot = h('span', 'kds-dot');
        dot.dataset['kdsPoint'] = m;
        dot.style.left = `${100 * seed.scores[m].macroF1}%`;
        dot.title = KDS_TEXT.pointLabel(MODEL_LABEL[m], seed.seed, seed.scores[m].macroF1);
        track.append(dot);
      }
      row.append(h('span', 'kds-track-label', MODEL_LABEL[m]), track);
      return row;
    }),
    axis(),
  );
  dom.el('sentence').textContent = storySentence(compareStudents(r.seeds), SENTENCE_WORDS);
  dom.el('diag').textContent = KDS_TEXT.diag(backend, r.seconds);
}

function axis(): HTMLElement {
  const row = h('div', 'kds-track-row kds-axis');
  const ticks = h('div', 'kds-track kds-ticks');
  for (const v of [0, 25, 50, 75, 100]) {
    const t = h('span', 'kds-tick', String(v));
    t.style.left = `${v}%`;
    ticks.append(t);
  }
  row.append(h('span', 'kds-track-label', ''), ticks);
  return row;
}

/** The view as a table of parts (src/lib/create-island.ts viewOf): a part redraws only when its deps changed. */
export const renderKds = viewOf<KdsState, KdsDom>([
  {
    // The typed text is the reader's: written once from the URL's value, never over what is being typed.
    name: 'seeds-field',
    deps: () => [],
    draw: (dom, s) => {
      dom.seeds.value = s.seedsText;
    },
  },
  {
    name: 'input',
    deps: (s) => [s.inputError, s.running],
    draw: (dom, s) => {
      dom.seeds.setAttribute('aria-invalid', String(s.inputError !== null));
      const err = dom.el('input-error');
      err.hidden = s.inputError === null;
      err.textContent = s.inputError ?? '';
      dom.start.disabled = s.inputError !== null || s.running;
      dom.cancel.hidden = !s.running;
    },
  },
  {
    name: 'status',
    deps: (s) => [s.message],
    draw: (dom, s) => {
      const status = dom.el('status');
      status.hidden = s.message === null;
      status.textContent = s.message ?? '';
    },
  },
  {
    name: 'state',
    deps: (s) => [s.running, s.results[s.setting]],
    draw: (dom, s) => {
      dom.root.dataset['state'] = s.running ? 'running' : s.results[s.setting] ? 'done' : 'idle';
    },
  },
  {
    name: 'result',
    deps: (s) => [s.results[s.setting]],
    draw: (dom, s) => {
      const shown = s.results[s.setting];
      dom.el('out').hidden = !shown;
      if (shown) renderResult(dom, shown.result, shown.backend);
    },
  },
  {
    name: 'setting',
    deps: (s) => [s.setting],
    draw: (dom, s) => {
      for (const r of dom.root.querySelectorAll<HTMLInputElement>('input[name="kds-setting"]')) r.checked = r.value === s.setting;
    },
  },
]);
