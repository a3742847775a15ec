import { describe, it, expect, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import type { RuntimeInfo } from '../../src/lib/runtime';

// Each test gets a fresh copy of the memoised runtime module.
async function freshRuntime(): Promise<typeof import('../../src/lib/runtime')> {
  vi.resetModules();
  return import('../../src/lib/runtime');
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

describe('runtime badge', () => {
  it('shows backend, adapter, forced flag and the skipped reasons', async () => {
    const { document, HTMLElement } = parseHTML('<html><head></head><body><span id="b"></span></body></html>');
    vi.stubGlobal('document', document);
    vi.stubGlobal('HTMLElement', HTMLElement);
    const { renderRuntimeBadge } = await import('../../src/islands/runtime-badge');
    const el = document.getElementById('b') as unknown as HTMLElement;
    renderRuntimeBadge(el, {
      backend: 'webgl', forced: false, adapter: null,
      skipped: [{ backend: 'webgpu', reason: 'requestAdapter() returned null (no WebGPU adapter)' }],
    });
    expect(el.getAttribute('data-backend')).toBe('webgl');
    expect(el.textContent).toContain('webgl');
    expect(el.querySelectorAll('li')).toHaveLength(1);
    expect(el.querySelector('li')!.textContent).toBe('webgpu: requestAdapter() returned null (no WebGPU adapter)');
    renderRuntimeBadge(el, { backend: 'webgpu', forced: true, adapter: { vendor: 'google', architecture: 'swiftshader', description: '' }, skipped: [] });
    expect(el.getAttribute('data-backend')).toBe('webgpu');
    expect(el.textContent).toContain('webgpu (google swiftshader) [forced]');
    expect(el.querySelectorAll('li')).toHaveLength(0);
    expect(document.querySelectorAll('#runtime-badge-style')).toHaveLength(1);
    vi.unstubAllGlobals();
  });
});
