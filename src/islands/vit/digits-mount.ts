/**
 * Entry of the digit part of the ViT demo (<vit-digits>, VitDemo.astro): the reader draws
 * (pointer/touch) or uploads a digit, or picks a held-out test digit; the trained tiny ViT
 * (demos/vit/digit-model.ts, checkpoint public/models/vit-digits) predicts it and the [CLS]
 * token's attention over the patches is drawn over the input, per layer and head.
 * The model runs on the page's thread: 42 k parameters and 17 tokens are well under a
 * millisecond of work, less than a worker round trip would cost.
 */
import { initRuntime, onRuntimeChange, describeRuntime, type Tf } from '@src/lib/runtime';
import { loadDigitModel, predictDigit, digitSamplesSchema, type DigitModel, type DigitPrediction } from '@demos/vit/digit-model';
import { inkFromRgba, toDigitInput, clsMap, DIGIT_SIZE } from '@demos/vit/digit-input';
import { drawAttentionMap, drawThumb, renderProbs } from './digits-draw';
import { attachPad, drawFileOnPad } from './digits-pad';
import { VIT_DIGIT_TEXT as T } from './strings';
import { errorMessage } from '@demos/shared/errors';

type Source = { kind: 'pad' } | { kind: 'sample'; label: number; index: number; pixels: Float32Array } | { kind: 'file'; name: string };

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the digit ViT is the one island part not yet on createIsland (open in issue #22); porting it splits this closure into a reducer and view parts.
export async function mount(root: HTMLElement): Promise<void> {
  const el = <E extends Element>(name: string): E => {
    const e = root.querySelector<E>(`[data-digit="${name}"]`);
    if (!e) throw new Error(`VitDemo markup is missing [data-digit="${name}"]`);
    return e;
  };
  const pad = el<HTMLCanvasElement>('pad'),
    look = el<HTMLCanvasElement>('look'),
    status = el<HTMLElement>('status'),
    error = el<HTMLElement>('error');
  const padCtx = pad.getContext('2d', { willReadFrequently: true });
  if (!padCtx) throw new Error('2D canvas unavailable');
  const clearPad = (): void => {
    padCtx.fillStyle = '#fff';
    padCtx.fillRect(0, 0, pad.width, pad.height);
  };
  clearPad();
  const showError = (msg: string | null): void => {
    error.hidden = msg === null;
    error.textContent = msg ?? '';
  };

  root.dataset['state'] = 'loading';
  status.textContent = T.loadingModel;
  const search = location.search;
  let rt: { tf: Tf; backend: string };
  let model: DigitModel;
  let ckptJson: unknown = null;
  try {
    const [r, ckpt, samplesJson] = await Promise.all([
      initRuntime({ search }),
      fetch(root.dataset['model'] ?? '').then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`)))),
      fetch(root.dataset['samples'] ?? '').then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`)))),
    ]);
    rt = { tf: r.tf, backend: describeRuntime(r.info) };
    ckptJson = ckpt;
    model = loadDigitModel(r.tf, ckpt);
    // One blank pass first: WebGL/WebGPU compile their shaders on the first run, and the time
    // shown to the reader should be the model's, not the compiler's.
    await predictDigit(r.tf, model, new Float32Array(model.config.image ** 2));
    const samples = digitSamplesSchema.parse(samplesJson).samples;
    // One held-out digit per class, as buttons with thumbnails.
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-digit-sample]')) {
      const s = samples.find((x) => x.label === Number(b.dataset['digitSample']));
      if (!s) continue;
      const thumb = b.querySelector('canvas');
      if (thumb) drawThumb(thumb, s.pixels, DIGIT_SIZE);
      b.disabled = false;
      b.addEventListener('click', () => {
        source = { kind: 'sample', label: s.label, index: s.index, pixels: Float32Array.from(s.pixels) };
        clearPad();
        void run();
      });
    }
  } catch (e) {
    root.dataset['state'] = 'error';
    status.textContent = '';
    showError(T.modelFailed(errorMessage(e)));
    return;
  }
  // A WebGPU device loss re-selects the backend: upload the weights again on the new one.
  onRuntimeChange((info) => {
    void initRuntime({ search }).then((r) => {
      model = loadDigitModel(r.tf, ckptJson);
      rt = { tf: r.tf, backend: describeRuntime(info) };
    });
  });

  const { depth: L, heads: H, image: S, patch: p } = model.config;
  const g = S / p,
    N = g * g + 1;
  let source: Source = { kind: 'pad' };
  let input: Float32Array | null = null;
  let pred: DigitPrediction | null = null;
  let busy = false,
    again = false;

  const layerOf = (): number => Number(root.querySelector<HTMLInputElement>('input[name="vit-digit-layer"]:checked')?.value ?? L) - 1;
  const headOf = (): number | null => {
    const v = root.querySelector<HTMLInputElement>('input[name="vit-digit-head"]:checked')?.value ?? 'mean';
    return v === 'mean' ? null : Number(v) - 1;
  };

  function renderMap(): void {
    if (!input || !pred) return;
    const layer = layerOf(),
      head = headOf();
    const m = clsMap(pred.clsAttention, L, H, N, layer, head);
    drawAttentionMap(look, input, S, m.patches, g);
    let top = 0;
    for (let k = 1; k < m.patches.length; k++) if (m.patches[k]! > m.patches[top]!) top = k;
    look.setAttribute('aria-label', T.mapLabel(layer + 1, head === null ? null : head + 1, top, m.patches[top]!));
    el<HTMLElement>('map-caption').textContent = T.mapCaption(layer + 1, head === null ? null : head + 1, m.self);
    root.dataset['top'] = String(top);
  }

  async function run(): Promise<void> {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    showError(null);
    try {
      if (source.kind === 'sample') input = source.pixels;
      else {
        const { data } = padCtx!.getImageData(0, 0, pad.width, pad.height);
        input = toDigitInput(inkFromRgba(data, pad.width, pad.height), pad.width, pad.height);
      }
      if (!input) {
        pred = null;
        renderProbs(el('probs'), null);
        root.dataset['state'] = 'empty';
        status.textContent = T.empty;
        return;
      }
      const t0 = performance.now();
      pred = await predictDigit(rt.tf, model, input);
      const ms = performance.now() - t0;
      renderProbs(el('probs'), pred.probs);
      let top = 0;
      for (let d = 1; d < 10; d++) if (pred.probs[d]! > pred.probs[top]!) top = d;
      renderMap();
      status.textContent = T.predicted(top, pred.probs[top]!, ms, rt.backend);
      el<HTMLElement>('source').textContent =
        source.kind === 'sample'
          ? T.sourceSample(source.label, source.index)
          : source.kind === 'file'
            ? T.sourceFile(source.name)
            : T.sourceDrawn;
      root.dataset['pred'] = String(top);
      root.dataset['state'] = 'ready';
    } catch (e) {
      showError(T.modelFailed(errorMessage(e)));
    } finally {
      busy = false;
      if (again) {
        again = false;
        void run();
      }
    }
  }

  attachPad(pad, padCtx, {
    start: () => {
      if (source.kind === 'sample') clearPad();
      source = { kind: 'pad' };
    },
    // Live: the prediction follows the pen (`again` in run() coalesces bursts).
    change: () => void run(),
  });
  el<HTMLButtonElement>('clear').addEventListener('click', () => {
    clearPad();
    source = { kind: 'pad' };
    void run();
  });

  const file = el<HTMLInputElement>('file');
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = '';
    if (f) void loadFile(f);
  });
  async function loadFile(f: File): Promise<void> {
    const msg = await drawFileOnPad(f, pad, padCtx!, clearPad);
    if (msg) return showError(msg);
    source = { kind: 'file', name: f.name };
    void run();
  }

  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="vit-digit-layer"], input[name="vit-digit-head"]'))
    r.addEventListener('change', renderMap);
  status.textContent = T.drawPrompt;
  // Start with a held-out test digit, so the attention is there before the reader draws
  // (data-state stays 'loading' until that first prediction is drawn).
  const first = root.querySelector<HTMLButtonElement>('[data-digit-sample]:not([disabled])');
  if (first) first.click();
  else root.dataset['state'] = 'empty';
}
