/**
 * Draws a VitState into the static markup of VitDemo.astro (found by `data-vit` names).
 * renderVit(dom, state, prev) is a table of parts (src/lib/create-island.ts viewOf): a part
 * redraws only when its deps changed since `prev`, so hovering a patch does not redraw the image.
 */
import { IMAGE_SIZE, vitCounts } from '@demos/vit/config';
import { similarityRow } from '@demos/vit/position-embedding';
import { renderRuntimeBadge } from '../runtime-badge';
import { drawChannelStrip, drawGrid, drawPatch, drawRgb, drawSimilarity, drawValueStrip } from './draw';
import { VIT_TEXT, VIT_URL_PROBLEMS } from './strings';
import { viewOf } from '@src/lib/create-island';
import { documentLang, pick } from '@src/i18n/lang';
import type { VitState } from './state';

export interface VitDom {
  root: HTMLElement;
  el<T extends Element>(name: string): T;
  all(name: string): Iterable<Element>;
}

export function vitDom(root: HTMLElement): VitDom {
  return {
    root,
    el<T extends Element>(name: string): T {
      const el = root.querySelector<T>(`[data-vit="${name}"]`);
      if (!el) throw new Error(`VitDemo markup is missing [data-vit="${name}"]`);
      return el;
    },
    all: (name) => root.querySelectorAll(`[data-vit="${name}"]`),
  };
}

function setText(dom: VitDom, name: string, text: string): void {
  for (const el of dom.all(name)) el.textContent = text;
}

function renderCounts(dom: VitDom, s: VitState): void {
  const c = vitCounts(IMAGE_SIZE, s.p);
  setText(dom, 'p', String(s.p));
  setText(dom, 'g', String(c.grid));
  setText(dom, 'patches', String(c.patches));
  setText(dom, 'patch-dim', String(c.patchDim));
  setText(dom, 'tokens', String(c.tokens));
  setText(dom, 'dim', String(s.dim));
  setText(dom, 'seq', `${c.tokens} × ${s.dim}`);
  setText(dom, 'patch-shape', `${c.patches} × ${c.patchDim}`);
  setText(dom, 'emb-shape', `${c.patches} × ${s.dim}`);
}

function renderImage(dom: VitDom, s: VitState): void {
  const im = s.image;
  if (!im) return;
  drawRgb(dom.el('image'), im.rgb, IMAGE_SIZE, IMAGE_SIZE);
  dom.el<HTMLImageElement>('poster').hidden = true;
  dom.el<HTMLCanvasElement>('image').hidden = false;
  dom.root.dataset['image'] = im.name;
  const credit = dom.el<HTMLElement>('credit');
  credit.textContent = s.credit ?? VIT_TEXT.ownImage(im.name, im.width, im.height);
  dom.el<HTMLElement>('notes').replaceChildren(...im.notes.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
  for (const b of dom.root.querySelectorAll<HTMLElement>('[data-sample]'))
    b.setAttribute('aria-pressed', String(b.dataset['sample'] === s.sample));
}

function renderSelection(dom: VitDom, s: VitState): void {
  const c = vitCounts(IMAGE_SIZE, s.p);
  const row = Math.floor(s.sel / c.grid),
    col = s.sel % c.grid;
  drawGrid(dom.el('grid'), s.p, row, col);
  setText(dom, 'sel', VIT_TEXT.selection(s.sel, row, col));
  dom.el<HTMLElement>('stage').setAttribute('aria-label', VIT_TEXT.stageLabel(c.grid, s.sel, row, col));
  if (s.patches) {
    const v = s.patches.subarray(s.sel * c.patchDim, (s.sel + 1) * c.patchDim); // (p²·3)
    drawPatch(dom.el('zoom'), v, s.p);
    drawChannelStrip(dom.el('strip-flat'), v);
  }
  const r = s.result;
  const fresh = r !== null && r.patches === c.patches && r.dim === s.dim;
  dom.root.toggleAttribute('data-stale', !fresh);
  if (r && fresh) {
    drawValueStrip(dom.el('strip-emb'), r.embeddings.subarray(s.sel * r.dim, (s.sel + 1) * r.dim), s.scaleEmb); // (D)
    drawValueStrip(dom.el('strip-tok'), r.tokens.subarray((s.sel + 1) * r.dim, (s.sel + 2) * r.dim), s.scaleTok); // (D), [CLS] is row 0
    const sim = similarityRow(s.unitPos ?? new Float32Array(0), r.patches, r.dim, s.sel); // (P)
    const { min, max } = drawSimilarity(dom.el('sim'), sim, r.grid, s.sel);
    setText(dom, 'sim-min', min.toFixed(2));
    setText(dom, 'sim-max', max.toFixed(2));
  }
}

function renderControls(dom: VitDom, s: VitState): void {
  for (const r of dom.root.querySelectorAll<HTMLInputElement>('input[name="vit-patch"]')) r.checked = Number(r.value) === s.p;
  dom.el<HTMLSelectElement>('dim-select').value = String(s.dim);
  for (const r of dom.root.querySelectorAll<HTMLInputElement>('input[name="vit-pos"]')) r.checked = r.value === s.pos;
}

function renderError(dom: VitDom, s: VitState): void {
  const err = dom.el<HTMLElement>('error');
  err.hidden = s.error === null;
  err.textContent = s.error ?? '';
}

function renderUrlNote(dom: VitDom, s: VitState): void {
  const note = dom.el<HTMLElement>('url-note');
  note.hidden = s.urlProblems.length === 0;
  note.textContent = s.urlProblems.length ? pick(VIT_URL_PROBLEMS, documentLang())(s.urlProblems) : '';
}

/** The view as a table of parts: each redraws only when its deps changed (so hovering a patch does not redraw the image). */
export const renderVit = viewOf<VitState, VitDom>([
  {
    name: 'phase',
    deps: (s) => [s.phase],
    draw: (dom, s) => {
      dom.root.dataset['state'] = s.phase;
    },
  },
  { name: 'controls', deps: (s) => [s.p, s.dim, s.pos], draw: renderControls },
  { name: 'counts', deps: (s) => [s.p, s.dim], draw: renderCounts },
  { name: 'image', deps: (s) => [s.image, s.credit, s.sample], draw: renderImage },
  { name: 'selection', deps: (s) => [s.sel, s.p, s.dim, s.patches, s.result], draw: renderSelection },
  {
    name: 'runtime',
    deps: (s) => [s.runtime],
    draw: (dom, s) => {
      if (!s.runtime) return;
      renderRuntimeBadge(dom.el('badge'), s.runtime);
      dom.root.dataset['backend'] = s.runtime.backend;
    },
  },
  {
    name: 'result',
    deps: (s) => [s.result],
    draw: (dom, s) => {
      if (!s.result) return;
      dom.root.dataset['convDiff'] = String(s.result.convMatMulMaxDiff);
      dom.root.dataset['seq'] = `${s.result.patches + 1}x${s.result.dim}`;
    },
  },
  {
    name: 'status',
    deps: (s) => [s.status],
    draw: (dom, s) => {
      dom.el<HTMLElement>('status').textContent = s.status;
    },
  },
  { name: 'error', deps: (s) => [s.error], draw: renderError },
  { name: 'url-note', deps: (s) => [s.urlProblems], draw: renderUrlNote },
]);
