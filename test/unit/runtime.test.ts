import { describe, it, expect, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import type { RuntimeInfo } from '@src/lib/runtime';

// Each test gets a fresh copy of the memoised runtime module.
async function freshRuntime(): Promise<typeof import('@src/lib/runtime')> {
  vi.resetModules();
  return import('@src/lib/runtime');
}

describe('runtime (Node: no WebGPU, no WebGL)', () => {
  it('forcedBackend reads ?backend= and ignores unknown values', async () => {
    const rt = await freshRuntime();
    expect(rt.forcedBackend('?backend=cpu')).toBe('cpu');
    expect(rt.forcedBackend('?x=1&backend=webgpu')).toBe('webgpu');
    expect(rt.forcedBackend('?backend=tpu')).toBeNull();
    expect(rt.forcedBackend('')).toBeNull();
  });

  it('?backend=cpu forces CPU, runs the self-check, tells listeners, and is memoised', async () => {
    const rt = await freshRuntime();
    const seen: RuntimeInfo[] = [];
    rt.onRuntimeChange((i) => seen.push(i));
    const a = await rt.initRuntime({ search: '?backend=cpu' });
    expect(a.info).toMatchObject({ backend: 'cpu', forced: true, skipped: [] });
    expect(a.tf.getBackend()).toBe('cpu');
    expect(await rt.initRuntime()).toBe(a);
    await Promise.resolve();
    expect(seen.map((i) => i.backend)).toEqual(['cpu']);
    expect(rt.describeRuntime(a.info)).toBe('cpu [forced]');
  });

  it('a forced backend that fails falls back to CPU, which is then not reported as forced', async () => {
    const rt = await freshRuntime();
    const { info } = await rt.initRuntime({ search: '?backend=webgpu' });
    expect(info).toMatchObject({ backend: 'cpu', forced: false });
    expect(info.skipped.map((s) => s.backend)).toEqual(['webgpu']);
  });

  it('a preferred backend is tried first, reported as preferred (not forced), and ?backend= still wins', async () => {
    const rt = await freshRuntime();
    const hook: number[] = [];
    const { info } = await rt.initRuntime({ search: '', prefer: 'cpu', reason: 'why', onWasmThreads: (n) => hook.push(n) });
    expect(info).toMatchObject({ backend: 'cpu', forced: false, preferred: 'why', skipped: [] });
    expect(rt.describeRuntime(info)).toBe('cpu [preferred]');
    const forced = await (await freshRuntime()).initRuntime({ search: '?backend=cpu', prefer: 'wasm', reason: 'why' });
    expect(forced.info).toMatchObject({ backend: 'cpu', forced: true, preferred: null });
  });

  it('candidate order: forced then CPU; preferred then the rest in order; else the default', async () => {
    const { candidateOrder, BACKEND_ORDER } = await import('@src/lib/runtime');
    expect(candidateOrder('webgpu')).toEqual(['webgpu', 'cpu']);
    expect(candidateOrder('cpu', 'wasm')).toEqual(['cpu']);
    expect(candidateOrder(null, 'wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(candidateOrder(null)).toBe(BACKEND_ORDER);
  });

  it('without a flag falls through WebGPU (no navigator.gpu) and WebGL, recording why', async () => {
    const rt = await freshRuntime();
    const { info } = await rt.initRuntime({ search: '' });
    expect(['wasm', 'cpu']).toContain(info.backend);
    expect(info.forced).toBe(false);
    expect(info.skipped[0]).toMatchObject({ backend: 'webgpu' });
    expect(info.skipped[0]!.reason).toMatch(/navigator\.gpu|adapter/);
    expect(info.skipped.map((s) => s.backend)).toContain('webgl');
  }, 60_000);
});

describe('wasm thread plan', () => {
  it('threads only when cross-origin isolated, capped by cores, MAX_WASM_THREADS and ?threads=', async () => {
    const { wasmThreadPlan, MAX_WASM_THREADS } = await import('@src/lib/runtime');
    const nav = (n: number) => ({ hardwareConcurrency: n });
    expect(wasmThreadPlan({ crossOriginIsolated: false, navigator: nav(8) })).toEqual({
      threads: 1,
      note: 'cross-origin isolation missing (no SharedArrayBuffer)',
    });
    expect(wasmThreadPlan({ navigator: nav(8) }).threads).toBe(1);
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(2) })).toEqual({ threads: 2, note: null });
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(64) }).threads).toBe(MAX_WASM_THREADS);
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(1) })).toEqual({ threads: 1, note: 'one CPU core' });
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(8) }, '?threads=1')).toEqual({ threads: 1, note: '?threads=1' });
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(8) }, '?backend=wasm&threads=3').threads).toBe(3);
    expect(wasmThreadPlan({ crossOriginIsolated: true, navigator: nav(8) }, '?threads=zero').threads).toBe(8);
  });
});

describe('runtime badge', () => {
  it('shows backend, adapter, forced flag and the skipped reasons', async () => {
    const { document, HTMLElement } = parseHTML('<html><head></head><body><span id="b"></span></body></html>');
    vi.stubGlobal('document', document);
    vi.stubGlobal('HTMLElement', HTMLElement);
    const { renderRuntimeBadge } = await import('@src/islands/runtime-badge');
    const el = document.getElementById('b') as unknown as HTMLElement;
    renderRuntimeBadge(el, {
      backend: 'webgl',
      forced: false,
      preferred: null,
      adapter: null,
      skipped: [{ backend: 'webgpu', reason: 'requestAdapter() returned null (no WebGPU adapter)' }],
      threads: 1,
      threadsNote: null,
    });
    expect(el.getAttribute('data-backend')).toBe('webgl');
    expect(el.textContent).toContain('webgl');
    expect(el.querySelectorAll('li')).toHaveLength(1);
    expect(el.querySelector('li')!.textContent).toBe('webgpu: requestAdapter() returned null (no WebGPU adapter)');
    renderRuntimeBadge(el, {
      backend: 'webgpu',
      forced: true,
      preferred: null,
      adapter: { vendor: 'google', architecture: 'swiftshader', description: '' },
      skipped: [],
      threads: 1,
      threadsNote: null,
    });
    expect(el.getAttribute('data-backend')).toBe('webgpu');
    expect(el.textContent).toContain('webgpu (google swiftshader) [forced]');
    expect(el.querySelectorAll('li')).toHaveLength(0);
    expect(el.textContent).not.toContain('스레드'); // GPU backends: no thread count
    renderRuntimeBadge(el, {
      backend: 'wasm',
      forced: false,
      preferred: null,
      adapter: null,
      skipped: [],
      threads: 1,
      threadsNote: 'cross-origin isolation missing (no SharedArrayBuffer)',
    });
    expect(el.textContent).toContain('wasm');
    expect(el.textContent).toContain('스레드 1개 (교차 출처 격리가 없어 한 스레드로 계산합니다)');
    renderRuntimeBadge(el, { backend: 'wasm', forced: false, preferred: null, adapter: null, skipped: [], threads: 4, threadsNote: null });
    expect(el.getAttribute('data-threads')).toBe('4');
    expect(el.textContent).toContain('스레드 4개');
    expect(el.textContent).not.toContain('격리');
    expect(el.getAttribute('data-preferred')).toBe('false');
    expect(el.querySelector('.rb-preferred')).toBeNull();
    // Preferred by the demo (not forced by the reader): "[preferred]", the note, the reason on hover.
    renderRuntimeBadge(el, {
      backend: 'wasm',
      forced: false,
      preferred: '학습에는 WASM이 빠릅니다',
      adapter: null,
      skipped: [],
      threads: 1,
      threadsNote: null,
    });
    expect(el.textContent).toContain('wasm [preferred]');
    expect(el.textContent).not.toContain('[forced]');
    expect(el.getAttribute('data-preferred')).toBe('true');
    expect(el.querySelector('.rb-preferred')?.getAttribute('title')).toBe('학습에는 WASM이 빠릅니다');
    expect(document.querySelectorAll('#runtime-badge-style')).toHaveLength(1);
    vi.unstubAllGlobals();
  });
});
