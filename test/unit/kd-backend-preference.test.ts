import { afterEach, describe, expect, it } from 'vitest';
import { trainingSearch } from '@src/islands/kd/backend-preference';

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
    const r = await trainingSearch('?kd-alpha=0.5');
    expect(new URLSearchParams(r.search).get('backend')).toBe('wasm');
    expect(new URLSearchParams(r.search).get('kd-alpha')).toBe('0.5');
    expect(r.reason).toContain('?backend=webgpu');
    expect(r.reason).toContain('WASM');
  });
  it('a software WebGPU adapter: WASM, naming the adapter', async () => {
    withAdapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
    const r = await trainingSearch('');
    expect(r.search).toBe('?backend=wasm');
    expect(r.reason).toContain('소프트웨어(google swiftshader)');
  });
  it('no WebGPU and no WebGL: the runtime decides (unchanged search, no note)', async () => {
    withAdapter(null);
    expect(await trainingSearch('?x=1')).toEqual({ search: '?x=1', reason: null });
  });
  it('a backend in the URL always wins', async () => {
    withAdapter({ vendor: 'nvidia', description: 'NVIDIA H200' });
    expect(await trainingSearch('?backend=webgpu')).toEqual({ search: '?backend=webgpu', reason: null });
  });
});
