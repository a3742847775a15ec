import { afterEach, describe, expect, it } from 'vitest';
import { runtimeOptions, trainingPreference } from '@src/islands/kd/backend-preference';

// Node has no navigator.gpu and no OffscreenCanvas: each case installs the adapter it needs.
function withAdapter(info: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean } | null): void {
  const gpu = { requestAdapter: async () => (info ? { info } : null) };
  Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true });
}
afterEach(() => {
  Reflect.deleteProperty(globalThis.navigator, 'gpu');
});

describe('which backend the KD demo trains on when the URL names none', () => {
  it('a hardware WebGPU adapter: WASM, with the measured reason and how to force WebGPU', async () => {
    withAdapter({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' });
    const r = await trainingPreference('?kd-alpha=0.5');
    expect(r.prefer).toBe('wasm');
    expect(r.reason).toContain('?backend=webgpu');
    expect(r.reason).toContain('WASM');
  });
  it('a software WebGPU adapter: WASM, naming the adapter', async () => {
    withAdapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
    const r = await trainingPreference('');
    expect(r.prefer).toBe('wasm');
    expect(r.reason).toContain('소프트웨어(google swiftshader)');
  });
  it('no WebGPU and no WebGL: the runtime decides (unchanged search, no note)', async () => {
    withAdapter(null);
    expect(await trainingPreference('?x=1')).toEqual({ prefer: null, reason: null });
  });
  it('a backend in the URL always wins', async () => {
    withAdapter({ vendor: 'nvidia', description: 'NVIDIA H200' });
    expect(await trainingPreference('?backend=webgpu')).toEqual({ prefer: null, reason: null });
  });
  it('travels to the runtime as a preference, not as a rewritten ?backend= (the page URL is passed unchanged)', async () => {
    withAdapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
    const hook = (_n: number): void => {};
    const o = runtimeOptions('?kd-seed=3', await trainingPreference('?kd-seed=3'), hook);
    expect(o).toMatchObject({ search: '?kd-seed=3', prefer: 'wasm', onWasmThreads: hook });
    expect(o.reason).toContain('WASM');
    withAdapter(null);
    expect(runtimeOptions('?x=1', await trainingPreference('?x=1'), hook)).toEqual({ search: '?x=1', onWasmThreads: hook });
  });
});
