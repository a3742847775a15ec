/**
 * Training-specific backend preference, expressed through the runtime's own `?backend=`
 * switch (src/lib/runtime.ts stays the only module that selects): when the page did not ask
 * for a backend, there is no WebGPU adapter, and WebGL would run on a SOFTWARE rasteriser
 * (SwiftShader, llvmpipe — what headless or GPU-less machines give), WASM trains the WRNs
 * several times faster (measured: `npm run bench:kd-run -- --browser <dist>`), so ask for it.
 * Returns the search string to pass to initRuntime and, when it changed, why.
 */
export async function trainingSearch(search: string): Promise<{ search: string; reason: string | null }> {
  if (new URLSearchParams(search).has('backend')) return { search, reason: null };
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    if (gpu && await gpu.requestAdapter()) return { search, reason: null };
  } catch { /* no WebGPU: fall through */ }
  const renderer = softwareWebGl();
  if (!renderer) return { search, reason: null };
  const params = new URLSearchParams(search);
  params.set('backend', 'wasm');
  return { search: `?${params}`, reason: `WebGL이 소프트웨어 렌더러(${renderer})라서 학습에는 WASM을 씁니다` };
}

function softwareWebGl(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const c = new OffscreenCanvas(1, 1);
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(r) ? r : null;
  } catch {
    return null;
  }
}
