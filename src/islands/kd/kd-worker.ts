/// <reference lib="webworker" />
/**
 * The KD-run Web Worker: picks the tfjs backend (src/lib/runtime.ts, with the PAGE's
 * ?backend= passed in), loads data (bundled excerpt, full shards, or the reader's files),
 * and runs the four phases through RunSession (demos/kd/run/phases.ts). The page only draws.
 *
 * State: one LoadedData, one RunSession per (data, split/fold, GAF size) — finished phases and
 * loaded checkpoints live there, so "start" after "cancel" resumes. One run at a time.
 * Memory: after every phase, cancel and error the worker reports tf.memory().numTensors
 * (the page's debug readout; e2e checks it returns to the idle baseline).
 * WebGPU device loss: the runtime falls back; we tell the page and re-run the phase in flight.
 */
// tfjs-core alone registers no gradient functions; training needs them (demos/kd/README.md).
import '../../../demos/shared/gradients';
import { initRuntime, onRuntimeChange, type RuntimeInfo, type Tf } from '../../lib/runtime';
import { parseToWorker, type FromWorker, type ToWorker } from '../../../demos/kd/run/protocol';
import { buildData, runInputs, makePreview, type LoadedData } from '../../../demos/kd/run/data';
import { RunSession } from '../../../demos/kd/run/phases';
import { WrnPhaseTrainer } from '../../../demos/kd/run/trainer';
import { splitKey, type RunConfig, type Phase } from '../../../demos/kd/run/config';
import type { Wrn } from '../../../demos/kd/models/wrn';
import { idbModelCache, clearModelCache } from './idb-cache';
import { readFiles, hashFiles } from './worker-files';
import { loadBundled, probeFullManifest } from './worker-bundled';
import { loadCheckpointPair } from './worker-checkpoints';
import { trainingSearch } from './backend-preference';
import { prepareWasmKernels, wasmHeap } from '../../../demos/kd/wasm/kernels';

const post = (m: FromWorker): void => self.postMessage(m);

let tf: Tf | null = null;
let info: RuntimeInfo | null = null;
let baseUrl = '/';
let data: LoadedData | null = null;
let session: { key: string; s: RunSession<Wrn>; ckptKey: string } | null = null;
/** The reader's teacher checkpoints (bytes kept so a new fold/session can load them again). */
let checkpoints: { gaf: ArrayBuffer; signal: ArrayBuffer; names: [string, string]; version: number } | null = null;
let running: AbortController | null = null;
let currentPhase: Phase | null = null;
const gafPreviewSize = 16; // the default run's GAF size: the preview shows what teacher 1 sees

let baseline = 0;
function memory(when: string): void {
  if (tf) post({ type: 'memory', numTensors: tf.memory().numTensors, baseline, held: session?.s.heldTensors() ?? 0, when });
}

let search = '';
/** Set the moment the WebGPU device is lost, before the runtime has re-selected. */
let deviceLost = false;

function watchDevice(): void {
  const device = tf ? (tf.backend() as unknown as { device?: GPUDevice }).device : undefined;
  if (info?.backend !== 'webgpu' || !device) return;
  void device.lost.then(() => { deviceLost = true; running?.abort(new Error('device-lost')); });
}

async function runtime(pageSearch: string): Promise<void> {
  const pref = await trainingSearch(pageSearch);
  search = pref.search;
  const r = await initRuntime({ search });
  tf = r.tf; info = r.info;
  baseline = tf.memory().numTensors;
  post({ type: 'runtime', info: r.info, deviceLost: false, note: pref.reason, wasmKernels: await kernelsFor(r.info.backend) });
  watchDevice();
  onRuntimeChange((next) => {
    const lost = info?.backend === 'webgpu' && next.backend !== 'webgpu';
    info = next;
    void kernelsFor(next.backend).then((wasmKernels) =>
      post({ type: 'runtime', info: next, deviceLost: lost, note: lost ? 'WebGPU 장치를 잃어 대체 백엔드로 계속합니다' : pref.reason, wasmKernels }));
  });
  memory('init');
}

/** On wasm: compiles the fast path's SIMD kernels and says whether they run (else the JS loops do). */
async function kernelsFor(backend: string): Promise<boolean | null> {
  if (backend !== 'wasm') return null;
  await prepareWasmKernels();
  return wasmHeap() !== null;
}

function setData(d: LoadedData): void {
  data = d;
  session?.s.dispose();
  session = null;
  post({ type: 'data-ready', summary: d.summary, preview: makePreview(d.windows, gafPreviewSize) });
  memory('data');
}

async function loadData(load: () => Promise<LoadedData>): Promise<void> {
  try {
    setData(await load());
  } catch (e) {
    // The previous data (if any) stays loaded: a bad file loses nothing.
    post({ type: 'data-error', message: e instanceof Error ? e.message : String(e) });
  }
}

function sessionFor(c: RunConfig): RunSession<Wrn> {
  if (!data || !tf) throw new Error('data or backend not ready');
  const key = `${data.summary.dataId}|${splitKey(c)}|${c.gafSize}|${tf.getBackend()}`;
  if (session?.key === key) return session.s;
  session?.s.dispose();
  session = null;
  const fold = runInputs(data.windows, c);
  post({ type: 'fold-info', split: fold.split, testSubject: fold.testSubject, train: fold.signal.train.n, test: fold.signal.test.n, unseenTest: fold.unseenTest, capped: fold.capped });
  const s = new RunSession<Wrn>(new WrnPhaseTrainer(fold, 'auto'), data.summary.dataId, idbModelCache);
  session = { key, s, ckptKey: '' };
  return s;
}

async function start(c: RunConfig): Promise<void> {
  if (running) { post({ type: 'error', message: '이미 실행 중입니다' }); return; }
  const ctl = new AbortController();
  running = ctl;
  try {
    const s = sessionFor(c);
    if (c.teachers === 'checkpoint') {
      if (!checkpoints) throw new Error('교사 체크포인트 파일 두 개(GAF 2D, 신호 1D)를 먼저 고르세요');
      const ckptKey = `${checkpoints.version}|${c.teacherArch}`;
      if (session && session.ckptKey !== ckptKey) {
        s.setCheckpoints(loadCheckpointPair(checkpoints.gaf, checkpoints.signal, checkpoints.names, c));
        session.ckptKey = ckptKey;
        post({ type: 'checkpoints-ready', names: checkpoints.names });
      }
    }
    let lastStep = 0;
    const results = await s.run(c, ctl.signal, (e) => {
      if (e.type === 'step') {
        // At most ~10 step messages a second (always the epoch's last): the page redraws per message.
        const now = performance.now();
        if (now - lastStep < 100 && e.step !== e.steps) return;
        lastStep = now;
      }
      if (e.type === 'phase-start') currentPhase = e.phase;
      if (e.type === 'phase-done') { currentPhase = null; post(e); memory(`after ${e.result.phase}`); return; }
      post(e);
    });
    post({ type: 'run-done', results });
  } catch (e) {
    if (deviceLost) {
      // Models and tensors on the lost device are gone. The runtime is already re-selecting
      // (initRuntime returns the new selection); teachers come back from the IndexedDB cache.
      deviceLost = false;
      post({ type: 'notice', message: 'WebGPU 장치를 잃었습니다. 대체 백엔드에서 이 단계부터 다시 실행합니다…' });
      const r = await initRuntime({ search });
      tf = r.tf; info = r.info;
      try { session?.s.dispose(); } catch { /* buffers of a destroyed device */ }
      session = null;
      running = null;
      void start(c);
      return;
    }
    if (ctl.signal.aborted) post({ type: 'cancelled', phase: currentPhase });
    else post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    if (running === ctl) running = null;
    currentPhase = null;
    memory(ctl.signal.aborted ? 'after cancel' : 'idle');
  }
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'init':
      baseUrl = m.baseUrl;
      await runtime(m.search);
      void probeFullManifest(baseUrl).then((d) => { if (d) post({ type: 'full-data', description: d }); });
      return;
    case 'load-bundled':
      if (running) { post({ type: 'data-error', message: '실행 중에는 데이터를 바꿀 수 없습니다. 먼저 취소하세요.' }); return; }
      return loadData(() => loadBundled(m.which, baseUrl, (file, done, total) => post({ type: 'data-progress', file, done, total })));
    case 'load-files':
      if (running) { post({ type: 'data-error', message: '실행 중에는 데이터를 바꿀 수 없습니다. 먼저 취소하세요.' }); return; }
      return loadData(async () => {
        const series = await readFiles(m.files, (file, done, total) => post({ type: 'data-progress', file, done, total }));
        const sha256 = await hashFiles(m.files);
        const names = m.files.map((f) => f.name);
        return buildData(series, { label: `내 파일 (${names.join(', ')})`, source: 'upload', files: names, sha256 });
      });
    case 'load-checkpoints':
      checkpoints = { gaf: m.gaf, signal: m.signal, names: m.names, version: (checkpoints?.version ?? 0) + 1 };
      post({ type: 'notice', message: `체크포인트 ${m.names.join(', ')}: 실행할 때 읽습니다.` });
      return;
    case 'start':
      return start(m.config);
    case 'cancel':
      running?.abort();
      return;
    case 'debug-lose-device': {
      // Test hook (e2e): destroy the WebGPU device mid-run, as a driver reset would.
      const device = tf && info?.backend === 'webgpu' ? (tf.backend() as unknown as { device?: GPUDevice }).device : undefined;
      if (device) device.destroy();
      else post({ type: 'notice', message: `debug: backend is ${info?.backend ?? '?'}, not webgpu` });
      return;
    }
    case 'clear-cache':
      await clearModelCache();
      post({ type: 'notice', message: 'IndexedDB 캐시를 지웠습니다.' });
      return;
  }
}

// Messages are handled one at a time, except 'cancel', which must reach a running start.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (e: MessageEvent<unknown>) => {
  const parsed = parseToWorker(e.data);
  if (!parsed.ok) { post({ type: 'error', message: parsed.message }); return; }
  const m = parsed.msg;
  const run = (): Promise<void> => handle(m).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  if (m.type === 'cancel' || m.type === 'start') { void (m.type === 'start' ? queue.then(run) : run()); return; }
  queue = queue.then(run);
});

