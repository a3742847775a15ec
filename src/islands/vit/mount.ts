/**
 * Entry of the ViT island (loaded by defineIsland once <vit-demo> is near the viewport):
 * wires the static markup's controls and the worker channel to the pure update function
 * (state.ts) and redraws with view.ts. The controls' state lives in the URL (url-state.ts).
 * Lifecycle: mount(root) once per element; the worker lives as long as the page.
 */
import { openChannel } from '@demos/shared/channel';
import { VitRequestSchema, VitResponseSchema } from '@demos/vit/protocol';
import { IMAGE_SIZE, vitCounts, type VitConfig } from '@demos/vit/config';
import { initialVitState, updateVit, type VitEvent, type VitState } from './state';
import { moveSelection } from './selection';
import { readVitState, writeVitState } from './url-state';
import { renderVit, vitDom } from './view';
import { VIT_TEXT } from './strings';
import type { VitSampleId } from './samples';
import { workerName } from '../strings-lang';

export function mount(root: HTMLElement): void {
  const dom = vitDom(root);
  const { state: url, problems } = readVitState(location.search);
  let state: VitState = initialVitState(url, location.search, problems);

  const worker = new Worker(new URL('./vit-worker.ts', import.meta.url), { type: 'module', name: workerName('vit') });
  const channel = openChannel(
    worker,
    { receive: VitResponseSchema, send: VitRequestSchema, name: 'worker message' },
    (msg) => dispatch({ type: 'worker', msg }),
    (problem) => dispatch({ type: 'refused', message: problem }),
  );
  worker.addEventListener('error', (e) => dispatch({ type: 'refused', message: VIT_TEXT.workerFailed(e.message), fatal: true }));

  function dispatch(e: VitEvent): void {
    const prev = state;
    const r = updateVit(state, e);
    state = r.state;
    for (const req of r.send) channel.send(req);
    renderVit(dom, state, prev);
    const next = writeVitState(location.search, state);
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  }

  // Controls start from the URL's state.
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="vit-patch"]')) {
    r.checked = Number(r.value) === state.p;
    r.addEventListener('change', () => dispatch({ type: 'patch', p: Number(r.value) as VitConfig['patch'] }));
  }
  const dimSelect = dom.el<HTMLSelectElement>('dim-select');
  dimSelect.value = String(state.dim);
  dimSelect.addEventListener('change', () => dispatch({ type: 'dim', dim: Number(dimSelect.value) as VitConfig['dim'] }));
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="vit-pos"]')) {
    r.checked = r.value === state.pos;
    r.addEventListener('change', () => dispatch({ type: 'pos', pos: r.value === 'sincos' ? 'sincos' : 'learned' }));
  }

  async function loadSample(b: HTMLElement): Promise<void> {
    const src = b.dataset['src'] ?? '';
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      dispatch({
        type: 'load',
        name: b.dataset['sample'] ?? src,
        blob: await res.blob(),
        sample: (b.dataset['sample'] ?? null) as VitSampleId | null,
        credit: b.dataset['credit'] ?? null,
      });
    } catch (e) {
      dispatch({ type: 'refused', message: VIT_TEXT.sampleFailed(src, e instanceof Error ? e.message : String(e)) });
    }
  }
  const samples = [...root.querySelectorAll<HTMLButtonElement>('[data-sample]')];
  for (const b of samples) b.addEventListener('click', () => void loadSample(b));

  const fileInput = dom.el<HTMLInputElement>('file');
  const loadFile = (f: File): void => dispatch({ type: 'load', name: f.name, blob: f, sample: null, credit: null });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) loadFile(f);
    fileInput.value = ''; // choosing the same file again fires change again
  });
  root.addEventListener('dragover', (e) => {
    e.preventDefault();
    root.classList.add('vit-dragging');
  });
  root.addEventListener('dragleave', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) root.classList.remove('vit-dragging');
  });
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    root.classList.remove('vit-dragging');
    const f = e.dataTransfer?.files[0];
    if (f) loadFile(f);
    else dispatch({ type: 'refused', message: VIT_TEXT.dropEmpty });
  });

  // Hover, tap and keyboard select a patch.
  const stage = dom.el<HTMLElement>('stage');
  const pick = (e: PointerEvent): void => {
    const rect = stage.getBoundingClientRect(),
      g = vitCounts(IMAGE_SIZE, state.p).grid;
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * g),
      row = Math.floor(((e.clientY - rect.top) / rect.height) * g);
    if (col >= 0 && row >= 0 && col < g && row < g) dispatch({ type: 'select', sel: row * g + col });
  };
  stage.addEventListener('pointermove', pick); // mouse hover
  stage.addEventListener('pointerdown', pick); // touch: a tap selects (no hover on phones)
  stage.addEventListener('keydown', (e) => {
    const sel = moveSelection(state.sel, vitCounts(IMAGE_SIZE, state.p).grid, e.key);
    if (sel === null) return;
    e.preventDefault();
    dispatch({ type: 'select', sel });
  });

  renderVit(dom, state, null);
  const first = samples.find((b) => b.dataset['sample'] === state.sample) ?? samples[0];
  if (first) void loadSample(first);
}
