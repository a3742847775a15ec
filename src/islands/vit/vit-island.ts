/**
 * The ViT patch-embedding island: wiring and drawing only. The markup (controls, image
 * stage, detail panel, shape list) is static HTML from VitDemo.astro; this module finds it
 * by `data-vit` attributes, talks to the worker (decode + tfjs) and redraws.
 *
 * Lifecycle: mountVit(root) once, after the element is visible. State lives in `st`;
 * every worker answer carries the id of its request and only the latest one is applied.
 * A failed load changes nothing but the error line (the previous image stays).
 */
import { vitCounts, IMAGE_SIZE, type VitConfig } from '../../../demos/vit/config';
import { patchify } from '../../../demos/vit/patchify';
import type { VitEmbedding } from '../../../demos/vit/pipeline';
import { unitRows, similarityRow } from '../../../demos/vit/position-embedding';
import { checkFileSize } from '../../../demos/vit/image-file';
import { renderRuntimeBadge } from '../runtime-badge';
import type { LoadedImage, VitRequest, VitResponse } from './protocol';
import { drawRgb, drawGrid, drawPatch, drawChannelStrip, drawValueStrip, drawSimilarity, maxAbs } from './draw';

type Patch = VitConfig['patch'];
type Dim = VitConfig['dim'];
const SEED = 42;

export function mountVit(root: HTMLElement): void {
  const q = <T extends Element>(name: string): T => {
    const el = root.querySelector<T>(`[data-vit="${name}"]`);
    if (!el) throw new Error(`VitDemo markup is missing [data-vit="${name}"]`);
    return el;
  };
  const stage = q<HTMLElement>('stage'), canvas = q<HTMLCanvasElement>('image'), poster = q<HTMLImageElement>('poster');
  const grid = q<SVGSVGElement>('grid'), credit = q<HTMLElement>('credit'), notes = q<HTMLElement>('notes');
  const statusEl = q<HTMLElement>('status'), errorEl = q<HTMLElement>('error'), badge = q<HTMLElement>('badge');
  const fileInput = q<HTMLInputElement>('file');
  const st = {
    p: 16 as Patch, dim: 192 as Dim, pos: 'learned' as VitConfig['pos'],
    image: null as LoadedImage | null, patches: null as Float32Array | null,
    result: null as VitEmbedding | null, sel: 0, backend: '',
    /** Ids of the latest load and embed requests, drawn from one counter so they never collide. */
    seq: 0, loadId: -1, embedId: -1,
    scaleEmb: 1, scaleTok: 1,
    /** (P, D) unit-norm patch position embeddings of the current result ([CLS] row dropped). */
    unitPos: null as Float32Array | null,
  };
  const setText = (name: string, text: string): void => { for (const el of root.querySelectorAll(`[data-vit="${name}"]`)) el.textContent = text; };
  const setState = (s: 'loading' | 'computing' | 'ready' | 'error'): void => { root.dataset['state'] = s; };
  const showError = (msg: string | null): void => { errorEl.hidden = msg === null; errorEl.textContent = msg ?? ''; };

  const worker = new Worker(new URL('./vit-worker.ts', import.meta.url), { type: 'module', name: 'vit' });
  const send = (msg: VitRequest): void => worker.postMessage(msg);
  worker.addEventListener('error', (e) => { showError(`계산 워커를 시작하지 못했습니다: ${e.message || '알 수 없는 오류'}`); setState('error'); });

  function counts(): ReturnType<typeof vitCounts> { return vitCounts(IMAGE_SIZE, st.p); }

  /** Shapes and counts: pure arithmetic, so they update the moment p or D changes. */
  function renderCounts(): void {
    const c = counts();
    setText('p', String(st.p)); setText('g', String(c.grid)); setText('patches', String(c.patches));
    setText('patch-dim', String(c.patchDim)); setText('tokens', String(c.tokens)); setText('dim', String(st.dim));
    setText('seq', `${c.tokens} × ${st.dim}`);
    setText('patch-shape', `${c.patches} × ${c.patchDim}`); setText('emb-shape', `${c.patches} × ${st.dim}`);
  }

  function renderSelection(): void {
    const c = counts();
    st.sel = Math.min(st.sel, c.patches - 1);
    const row = Math.floor(st.sel / c.grid), col = st.sel % c.grid;
    drawGrid(grid, st.p, row, col);
    setText('sel', `패치 #${st.sel} · 행 ${row}, 열 ${col} · 토큰 위치 ${st.sel + 1} ([CLS]가 0번)`);
    stage.setAttribute('aria-label', `이미지 패치 격자 ${c.grid}×${c.grid}. 현재 패치 #${st.sel} (행 ${row}, 열 ${col}). 화살표 키로 이동.`);
    if (st.patches) {
      const v = st.patches.subarray(st.sel * c.patchDim, (st.sel + 1) * c.patchDim);
      drawPatch(q('zoom'), v, st.p);
      drawChannelStrip(q('strip-flat'), v);
    }
    const r = st.result;
    const fresh = r !== null && r.patches === c.patches && r.dim === st.dim;
    root.toggleAttribute('data-stale', !fresh);
    if (r && fresh) {
      drawValueStrip(q('strip-emb'), r.embeddings.subarray(st.sel * r.dim, (st.sel + 1) * r.dim), st.scaleEmb);
      drawValueStrip(q('strip-tok'), r.tokens.subarray((st.sel + 1) * r.dim, (st.sel + 2) * r.dim), st.scaleTok);
      const row = similarityRow(st.unitPos ?? new Float32Array(0), r.patches, r.dim, st.sel); // (P)
      const { min, max } = drawSimilarity(q('sim'), row, r.grid, st.sel);
      setText('sim-min', min.toFixed(2)); setText('sim-max', max.toFixed(2));
    }
  }

  function requestEmbed(): void {
    if (!st.image) return;
    const id = st.embedId = ++st.seq;
    setState('computing');
    statusEl.textContent = `계산 중… (p = ${st.p}, D = ${st.dim}${st.backend ? `, ${st.backend}` : ''})`;
    send({ type: 'embed', id, config: { imageSize: IMAGE_SIZE, patch: st.p, dim: st.dim, pos: st.pos, seed: SEED }, search: location.search });
  }

  function onConfigChange(): void {
    if (st.image) st.patches = patchify(st.image.rgb, IMAGE_SIZE, st.p);
    renderCounts();
    renderSelection();
    requestEmbed();
  }

  /** Sample credits waiting for their load to succeed (a failed load must not change the caption). */
  const pendingCredit = new Map<number, string | null>();
  function load(blob: Blob, name: string, creditHtml: string | null): void {
    const sizeError = checkFileSize(name, blob.size); // refuse before the bytes go anywhere
    if (sizeError) { showError(sizeError); return; }
    const id = st.loadId = ++st.seq;
    setState('loading');
    statusEl.textContent = `"${name}" 불러오는 중…`;
    pendingCredit.set(id, creditHtml);
    send({ type: 'load', id, name, blob, search: location.search });
  }

  worker.addEventListener('message', (ev: MessageEvent<VitResponse>) => {
    const m = ev.data;
    if (m.type === 'runtime') {
      renderRuntimeBadge(badge, m.info);
      st.backend = m.info.backend;
      root.dataset['backend'] = m.info.backend;
      if (st.image) requestEmbed(); // a fallback after device loss: recompute on the new backend
    } else if (m.type === 'loaded') {
      const creditHtml = pendingCredit.get(m.id);
      pendingCredit.delete(m.id);
      if (m.id !== st.loadId) return;
      st.image = m.image;
      showError(null);
      drawRgb(canvas, m.image.rgb, IMAGE_SIZE, IMAGE_SIZE);
      poster.hidden = true;
      canvas.hidden = false;
      root.dataset['image'] = m.image.name;
      if (creditHtml) credit.innerHTML = creditHtml;
      else credit.textContent = `내 이미지: ${m.image.name} (${m.image.width}×${m.image.height}) — 브라우저 안에서만 처리되며 어디에도 올라가지 않습니다.`;
      notes.replaceChildren(...m.image.notes.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
      onConfigChange();
    } else if (m.type === 'embedded') {
      if (m.id !== st.embedId) return;
      st.result = m.result;
      st.unitPos = unitRows(m.result.position, m.result.patches, m.result.dim, m.result.dim);
      st.scaleEmb = maxAbs(m.result.embeddings);
      st.scaleTok = maxAbs(m.result.tokens);
      root.dataset['convDiff'] = String(m.result.convMatMulMaxDiff);
      root.dataset['seq'] = `${m.result.patches + 1}x${m.result.dim}`;
      setState('ready');
      statusEl.textContent = `계산 완료 (${m.ms.toFixed(0)} ms, ${st.backend}). 같은 가중치로 stride-${st.p} conv2d와 reshape+matMul의 최대 차이: ${m.result.convMatMulMaxDiff.toExponential(1)}`;
      renderSelection();
    } else {
      pendingCredit.delete(m.id);
      showError(m.message);
      if (m.id === st.loadId || m.id === st.embedId || m.id === -1) setState(st.result ? 'ready' : 'error');
      statusEl.textContent = st.image ? `이전 이미지 "${st.image.name}"를 그대로 보여 줍니다.` : '';
    }
  });

  // Controls.
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name$="-patch"]'))
    r.addEventListener('change', () => {
      const c = counts(), row = Math.floor(st.sel / c.grid), col = st.sel % c.grid, oldP = st.p;
      st.p = Number(r.value) as Patch;
      const g = counts().grid; // keep the same spot of the image selected
      st.sel = Math.min(g - 1, Math.floor((row * oldP + oldP / 2) / st.p)) * g + Math.min(g - 1, Math.floor((col * oldP + oldP / 2) / st.p));
      onConfigChange();
    });
  q<HTMLSelectElement>('dim-select').addEventListener('change', (e) => { st.dim = Number((e.target as HTMLSelectElement).value) as Dim; onConfigChange(); });
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name$="-pos"]'))
    r.addEventListener('change', () => { st.pos = r.value === 'sincos' ? 'sincos' : 'learned'; requestEmbed(); });

  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-sample]'))
    b.addEventListener('click', async () => {
      const src = b.dataset['src'] ?? '';
      try {
        const res = await fetch(src);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        load(await res.blob(), b.dataset['sample'] ?? src, b.dataset['credit'] ?? null);
        for (const o of root.querySelectorAll('[data-sample]')) o.setAttribute('aria-pressed', String(o === b));
      } catch (e) {
        showError(`예시 이미지를 불러오지 못했습니다 (${src}): ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) { load(f, f.name, null); for (const o of root.querySelectorAll('[data-sample]')) o.setAttribute('aria-pressed', 'false'); }
    fileInput.value = ''; // choosing the same file again fires change again
  });
  root.addEventListener('dragover', (e) => { e.preventDefault(); root.classList.add('vit-dragging'); });
  root.addEventListener('dragleave', (e) => { if (!root.contains(e.relatedTarget as Node | null)) root.classList.remove('vit-dragging'); });
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    root.classList.remove('vit-dragging');
    const f = e.dataTransfer?.files[0];
    if (f) load(f, f.name, null);
    else showError('끌어다 놓은 것에 파일이 없습니다. 이미지 파일을 놓아 주세요.');
  });

  // Hover and keyboard select a patch.
  const pick = (e: PointerEvent): void => {
    const rect = stage.getBoundingClientRect(), g = counts().grid;
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * g), row = Math.floor(((e.clientY - rect.top) / rect.height) * g);
    if (col < 0 || row < 0 || col >= g || row >= g) return;
    const n = row * g + col;
    if (n !== st.sel) { st.sel = n; renderSelection(); }
  };
  stage.addEventListener('pointermove', pick); // mouse hover
  stage.addEventListener('pointerdown', pick); // touch: a tap selects (no hover on phones)
  stage.addEventListener('keydown', (e) => {
    const g = counts().grid, row = Math.floor(st.sel / g), col = st.sel % g;
    const move: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const d = move[e.key];
    if (d) st.sel = Math.max(0, Math.min(g - 1, row + d[0])) * g + Math.max(0, Math.min(g - 1, col + d[1]));
    else if (e.key === 'Home') st.sel = 0;
    else if (e.key === 'End') st.sel = g * g - 1;
    else return;
    e.preventDefault();
    renderSelection();
  });

  renderCounts();
  renderSelection();
  root.querySelector<HTMLButtonElement>('[data-sample][aria-pressed="true"]')?.click();
}
