/**
 * The one place that chooses the tfjs backend (and the only caller of tf.setBackend).
 *
 * Order: WebGPU -> WebGL -> WASM -> CPU. Each candidate is registered by a dynamic import
 * (so pages without a demo never load tfjs), activated, and self-checked against plain-JS
 * references; a failure or a missing adapter falls to the next and the reason is kept.
 * `?backend=cpu|wasm|webgl|webgpu` in the URL forces one (no fallback beyond CPU).
 * A caller may instead PREFER one (`initRuntime({ prefer, reason })`, e.g. a demo whose training
 * runs faster on WASM): it is tried first, then the usual order; the badge says "preferred", and
 * `?backend=` still wins over it. The runtime knows no demo: what a demo needs of the selection
 * (its kernels' thread count) it passes in as `onWasmThreads`.
 * If a WebGPU device is lost mid-use, the runtime re-selects from WebGL down and tells
 * listeners, so demos recompute without a page reload.
 *
 * Lifecycle: initRuntime() is memoised; call it from any island. Listeners registered with
 * onRuntimeChange() are called after every (re)selection.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { selfCheck } from '@demos/shared/self-check';
import { errorMessage } from '@demos/shared/errors';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}
export interface RuntimeInfo {
  backend: BackendName;
  forced: boolean;
  /** Why the caller preferred this backend (initRuntime's `reason`) when the preferred one runs; else null. */
  preferred: string | null;
  adapter: AdapterInfo | null;
  skipped: { backend: BackendName; reason: string }[];
  /** CPU threads the backend computes on (wasm: tfjs's threaded build when the page is cross-origin isolated); 1 elsewhere. */
  threads: number;
  /** Why a CPU backend runs on one thread (shown in the badge); null when threaded or not a CPU backend. */
  threadsNote: string | null;
}
export type Tf = typeof tfc;

let tfPromise: Promise<Tf> | null = null;
let wasmThreads: { threads: number; note: string | null } = { threads: 1, note: null };
let pageSearch = '';
let onWasmThreads: (threads: number) => void = () => {};
let current: Promise<{ tf: Tf; info: RuntimeInfo }> | null = null;
const listeners = new Set<(info: RuntimeInfo) => void>();

function loadTf(): Promise<Tf> {
  tfPromise ??= import('@tensorflow/tfjs-core').then(async (tf) => {
    await import('@tensorflow/tfjs-backend-cpu');
    return tf;
  });
  return tfPromise;
}

/** Backends whose registration ran (measureBackends then a selection must not set wasm up twice). */
const registered = new Set<BackendName>();

async function register(name: BackendName, tf: Tf): Promise<void> {
  if (registered.has(name) && tf.findBackend(name)) return;
  await registerOnce(name, tf);
  registered.add(name);
}

async function registerOnce(name: BackendName, tf: Tf): Promise<void> {
  if (name === 'webgpu') {
    if (!('gpu' in navigator) || !navigator.gpu) throw new Error('navigator.gpu is missing (WebGPU not enabled in this browser)');
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) throw new Error('requestAdapter() returned null (no WebGPU adapter)');
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const urls = await import('./wasm-urls');
    wasmThreads = wasmThreadPlan(globalThis, pageSearch);
    // The threaded build needs a shared heap (cross-origin isolation); elsewhere the SIMD build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', wasmThreads.threads > 1);
    if (wasmThreads.threads > 1) {
      // tfjs's own ops stay on one thread (its pthreadpool spins between ops, stealing the cores
      // from the fast path); the threaded build is for its shared heap, on which the fast path's
      // matMul helpers run (demos/kd/wasm/pool.ts) with the thread count decided here.
      wasm.setThreadsCount(TFJS_OWN_THREADS);
      onWasmThreads(wasmThreads.threads);
    }
    wasm.setWasmPaths(urls.wasmFileMap);
  }
}

/** How long tfjs's threaded WASM build may take to start its workers before the single-threaded build is used instead. */
export const THREADED_START_MS = 20_000;

/**
 * Activates the threaded wasm backend; if it has not started within THREADED_START_MS (its
 * pthread workers failed, e.g. a bundling change broke them), re-registers the same backend
 * factory and starts the single-threaded SIMD build, noting why in the badge.
 */
async function setThreadedWasm(tf: Tf): Promise<boolean> {
  const factory = tf.findBackendFactory('wasm');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), THREADED_START_MS);
  });
  const first = await Promise.race([tf.setBackend('wasm'), late]);
  clearTimeout(timer);
  if (first !== 'late' || !factory) return first === 'late' ? false : first;
  tf.removeBackend('wasm'); // the pending start is made obsolete
  tf.registerBackend('wasm', factory, 2);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmThreads = { threads: 1, note: 'threaded WASM did not start' };
  return tf.setBackend('wasm');
}

/** Threads for tfjs's own ops in its threaded build (see register()). */
const TFJS_OWN_THREADS = 1;

/** Most threads the wasm backend is given (tfjs's own pool and the fast path's kernel helpers). */
export const MAX_WASM_THREADS = 8;

/**
 * How many threads the wasm backend may use here: all cores (up to MAX_WASM_THREADS) when the
 * context is cross-origin isolated (SharedArrayBuffer and shared WebAssembly memory allowed),
 * else 1 with the reason. `?threads=N` in the page URL lowers the count (1: single-threaded,
 * for comparisons).
 */
export function wasmThreadPlan(
  g: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number }; location?: { search?: string } },
  search = g.location?.search ?? '',
): { threads: number; note: string | null } {
  const cores = Math.max(1, Math.min(MAX_WASM_THREADS, g.navigator?.hardwareConcurrency ?? 1));
  const asked = Number(new URLSearchParams(search).get('threads'));
  const cap = Number.isInteger(asked) && asked >= 1 ? asked : cores;
  if (!g.crossOriginIsolated) return { threads: 1, note: 'cross-origin isolation missing (no SharedArrayBuffer)' };
  if (cores === 1) return { threads: 1, note: 'one CPU core' };
  if (cap === 1) return { threads: 1, note: '?threads=1' };
  return { threads: Math.min(cores, cap), note: null };
}

function adapterInfo(tf: Tf): AdapterInfo | null {
  const b = tf.backend() as unknown as { adapterInfo?: Partial<AdapterInfo> & { vendor?: string } };
  const i = b.adapterInfo;
  if (!i) return null;
  return { vendor: i.vendor ?? '', architecture: i.architecture ?? '', description: i.description ?? '' };
}

function watchDeviceLoss(tf: Tf, info: RuntimeInfo): void {
  if (info.backend !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  void device?.lost.then((lost) => {
    if (current === null) return;
    const skipped = [...info.skipped, { backend: 'webgpu' as const, reason: `device lost: ${lost.message || lost.reason}` }];
    current = select(tf, BACKEND_ORDER.slice(1), null, skipped);
    current.then(
      ({ info: next }) => listeners.forEach((l) => l(next)),
      () => undefined,
    );
  });
}

/** What the first candidate of `order` is, if it was asked for: forced (`?backend=`) or preferred (with the caller's reason). */
type Ask = { forced: true } | { forced: false; reason: string } | null;

async function select(tf: Tf, order: readonly BackendName[], ask: Ask, skipped: RuntimeInfo['skipped']) {
  for (const name of order) {
    try {
      await register(name, tf);
      const ok = name === 'wasm' && wasmThreads.threads > 1 ? await setThreadedWasm(tf) : await tf.setBackend(name);
      if (!ok) throw new Error('setBackend returned false (backend failed to initialise)');
      await tf.ready();
      const bad = await selfCheck(tf);
      if (bad) throw new Error(`self-check failed: ${bad}`);
      // "forced" only when the forced backend itself runs (not the CPU it fell back to).
      const cpuSide = name === 'wasm' || name === 'cpu';
      const info: RuntimeInfo = {
        backend: name,
        forced: ask?.forced === true && name === order[0],
        preferred: ask !== null && !ask.forced && name === order[0] ? ask.reason : null,
        adapter: adapterInfo(tf),
        skipped: [...skipped],
        threads: name === 'wasm' ? wasmThreads.threads : 1,
        threadsNote: !cpuSide ? null : name === 'cpu' ? 'the pure-JS backend is single-threaded' : wasmThreads.note,
      };
      watchDeviceLoss(tf, info);
      return { tf, info };
    } catch (e) {
      skipped.push({ backend: name, reason: errorMessage(e) });
      // Free what a failed candidate holds (e.g. a WebGL context whose self-check failed).
      if (name !== 'cpu') {
        try {
          tf.removeBackend(name);
        } catch {
          /* never registered */
        }
      }
    }
  }
  throw new Error(`no tfjs backend works here: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}

/** Reads `?backend=` from a URL; unknown values are ignored. */
export function forcedBackend(search: string): BackendName | null {
  const v = new URLSearchParams(search).get('backend');
  return v && (BACKEND_ORDER as readonly string[]).includes(v) ? (v as BackendName) : null;
}

export interface RuntimeOptions {
  /** The page's `location.search` (a Web Worker's own URL has no `?backend=`); default: this context's. */
  search?: string;
  /** A backend to try first when `?backend=` forces none; the others follow in the usual order. */
  prefer?: BackendName | null;
  /** Why `prefer` (shown with the badge); required with it. */
  reason?: string;
  /** Told how many threads the wasm backend got (before it starts), for a caller's own WASM kernels. */
  onWasmThreads?: (threads: number) => void;
}

/** The order candidates are tried in: forced (then CPU), preferred (then the rest), or the default. */
export function candidateOrder(forced: BackendName | null, prefer: BackendName | null = null): readonly BackendName[] {
  if (forced) return [forced, ...(forced === 'cpu' ? [] : ['cpu' as const])];
  if (prefer) return [prefer, ...BACKEND_ORDER.filter((b) => b !== prefer)];
  return BACKEND_ORDER;
}

/**
 * Picks (once) and returns the backend. In a Web Worker pass the page's `location.search`
 * as `search`, since the worker's own URL has no `?backend=`.
 */
export function initRuntime(opts: RuntimeOptions = {}): Promise<{ tf: Tf; info: RuntimeInfo }> {
  if (!current) {
    pageSearch = opts.search ?? globalThis.location?.search ?? '';
    onWasmThreads = opts.onWasmThreads ?? (() => {});
    const forced = forcedBackend(pageSearch);
    const prefer = forced ? null : (opts.prefer ?? null);
    const ask: Ask = forced ? { forced: true } : prefer ? { forced: false, reason: opts.reason ?? '' } : null;
    current = loadTf().then((tf) => select(tf, candidateOrder(forced, prefer), ask, []));
    // The caller sees a rejection through the returned promise; this branch must not add an unhandled one.
    current.then(
      ({ info }) => listeners.forEach((l) => l(info)),
      () => undefined,
    );
  }
  return current;
}

/**
 * For a demo that picks its backend by measuring (the KD page: demos/kd/run/calibrate.ts):
 * initialises each of `names` as a selection would (registration, wasm threads and paths,
 * self-check) and runs `work` on it; returns each one's result, or why it could not run. Call
 * BEFORE initRuntime, then pass the winner as `prefer` (a backend set up here is reused by the
 * selection, not set up twice). Does nothing once a backend has been selected.
 */
export async function measureBackends<T>(
  names: readonly BackendName[],
  work: (name: BackendName) => Promise<T>,
  opts: Pick<RuntimeOptions, 'search' | 'onWasmThreads'> = {},
): Promise<Array<{ backend: BackendName; result: T | null; why: string | null }>> {
  if (current) throw new Error('measureBackends: a backend is already selected');
  pageSearch = opts.search ?? globalThis.location?.search ?? '';
  onWasmThreads = opts.onWasmThreads ?? (() => {});
  const tf = await loadTf();
  const out: Array<{ backend: BackendName; result: T | null; why: string | null }> = [];
  for (const name of names) {
    try {
      await register(name, tf);
      const ok = name === 'wasm' && wasmThreads.threads > 1 ? await setThreadedWasm(tf) : await tf.setBackend(name);
      if (!ok) throw new Error('setBackend returned false (backend failed to initialise)');
      await tf.ready();
      out.push({ backend: name, result: await work(name), why: null });
    } catch (e) {
      out.push({ backend: name, result: null, why: errorMessage(e) });
    }
  }
  return out;
}

/** Called after the first selection and after every fallback (e.g. WebGPU device loss). */
export function onRuntimeChange(cb: (info: RuntimeInfo) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/**
 * Short text for the badge: "webgpu (google swiftshader)", "cpu [forced]", "wasm [preferred]". The reasons
 * earlier candidates were skipped are in info.skipped (the badge lists them separately).
 */
export function describeRuntime(info: RuntimeInfo): string {
  const a = info.adapter ? ` (${[info.adapter.vendor, info.adapter.architecture].filter(Boolean).join(' ')})` : '';
  return `${info.backend}${a}${info.forced ? ' [forced]' : info.preferred !== null ? ' [preferred]' : ''}`;
}
