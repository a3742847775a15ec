/**
 * Entry of the ViT island (loaded by defineIsland once <vit-demo> is near the viewport): event
 * wiring only. The loop (src/lib/create-island.ts) runs event → updateVit (state.ts) → worker
 * requests → renderVit (view.ts) → URL (url-state.ts). Lifecycle: mount(root) once per element;
 * the worker lives as long as the page.
 */
import { openChannel } from '@demos/shared/channel';
import { VitRequestSchema, VitResponseSchema, type VitRequest } from '@demos/vit/protocol';
import { IMAGE_SIZE, vitCounts, type VitConfig } from '@demos/vit/config';
import { createIsland } from '@src/lib/create-island';
import { initialVitState, updateVit, type VitEvent } from './state';
import { moveSelection } from './selection';
import { readVitState, writeVitState } from './url-state';
import { renderVit, vitDom } from './view';
import { VIT_TEXT } from './strings';
import type { VitSampleId } from './samples';
import { workerName } from '../strings-lang';
import { errorMessage } from '@demos/shared/errors';

const errorText = errorMessage;

export function mount(root: HTMLElement): void {
  const dom = vitDom(root);
  const worker = new Worker(new URL('./vit-worker.ts', import.meta.url), { type: 'module', name: workerName('vit') });
  const channel = openChannel(
    worker,
    { receive: VitResponseSchema, send: VitRequestSchema, name: 'worker message' },
    (msg) => dispatch({ type: 'worker', msg }),
    (problem) => dispatch({ type: 'refused', message: problem }),
  );
  const island = createIsland({
    dom,
    url: { read: readVitState, write: writeVitState },
    init: ({ state, problems }) => ({ state: initialVitState(state, location.search, problems), send: [] as VitRequest[] }),
    update: updateVit,
    render: renderVit,
    run: (req: VitRequest) => channel.send(req),
  });
  const dispatch = (e: VitEvent): void => island.dispatch(e);
  const grid = (): number => vitCounts(IMAGE_SIZE, island.state().p).grid;
  worker.addEventListener('error', (e) => dispatch({ type: 'refused', message: VIT_TEXT.workerFailed(e.message), fatal: true }));

  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="vit-patch"]'))
    r.addEventListener('change', () => dispatch({ type: 'patch', p: Number(r.value) as VitConfig['patch'] }));
  const dimSelect = dom.el<HTMLSelectElement>('dim-select');
  dimSelect.addEventListener('change', () => dispatch({ type: 'dim', dim: Number(dimSelect.value) as VitConfig['dim'] }));
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="vit-pos"]'))
    r.addEventListener('change', () => dispatch({ type: 'pos', pos: r.value === 'sincos' ? 'sincos' : 'learned' }));

  // A sample is fetched here and enters the loop as a 'load' event, like a reader's own file.
  async function loadSample(b: HTMLElement): Promise<void> {
    const src = b.dataset['src'] ?? '';
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const sample = (b.dataset['sample'] ?? null) as VitSampleId | null;
      dispatch({ type: 'load', name: sample ?? src, blob: await res.blob(), sample, credit: b.dataset['credit'] ?? null });
    } catch (e) {
      dispatch({ type: 'refused', message: VIT_TEXT.sampleFailed(src, errorText(e)) });
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
  const pickPatch = (e: PointerEvent): void => {
    const rect = stage.getBoundingClientRect(),
      g = grid();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * g),
      row = Math.floor(((e.clientY - rect.top) / rect.height) * g);
    if (col >= 0 && row >= 0 && col < g && row < g) dispatch({ type: 'select', sel: row * g + col });
  };
  stage.addEventListener('pointermove', pickPatch); // mouse hover
  stage.addEventListener('pointerdown', pickPatch); // touch: a tap selects (no hover on phones)
  stage.addEventListener('keydown', (e) => {
    const sel = moveSelection(island.state().sel, grid(), e.key);
    if (sel === null) return;
    e.preventDefault();
    dispatch({ type: 'select', sel });
  });

  const first = samples.find((b) => b.dataset['sample'] === island.state().sample) ?? samples[0];
  if (first) void loadSample(first);
}
