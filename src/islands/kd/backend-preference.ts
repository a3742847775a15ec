/**
 * Training-specific backend preference, expressed through the runtime's own `?backend=`
 * switch (src/lib/runtime.ts stays the only module that selects). When the page did not ask
 * for a backend and the GPU backend the runtime would pick is a SOFTWARE implementation
 * (SwiftShader / llvmpipe — what headless or GPU-less machines give), ask for WASM:
 *  - software WebGL trains the default run ~10× slower than WASM (134 s vs 13.6 s, bench:kd-run);
 *  - software WebGPU is no faster than WASM here, and its compute threads starved the page's
 *    main thread for 8–14 s and lost the device under load (measured in headless Chromium).
 * `?backend=webgpu|webgl` still forces the GPU path. Returns the search string for
 * initRuntime and, when it changed, why (shown next to the badge).
 */
export async function trainingSearch(search: string): Promise<{ search: string; reason: string | null }> {
  if (new URLSearchParams(search).has('backend')) return { search, reason: null };
  const params = new URLSearchParams(search);
  params.set('backend', 'wasm');
  const wasm = `?${params}`;
  const webgpu = await softwareWebGpu();
  if (webgpu === 'hardware') return { search, reason: null };
  if (webgpu !== null)
    return { search: wasm, reason: `WebGPU 어댑터가 소프트웨어(${webgpu})라서 학습에는 WASM을 씁니다 (?backend=webgpu로 강제 가능)` };
  const renderer = softwareWebGl();
  if (!renderer) return { search, reason: null };
  return { search: wasm, reason: `WebGL이 소프트웨어 렌더러(${renderer})라서 학습에는 WASM을 씁니다 (?backend=webgl로 강제 가능)` };
}

/** 'hardware', the software adapter's name, or null when there is no WebGPU adapter. */
async function softwareWebGpu(): Promise<string | null> {
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    const adapter = gpu ? await gpu.requestAdapter() : null;
    if (!adapter) return null;
    const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).info;
    const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
    return info?.isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(name) ? name || 'fallback adapter' : 'hardware';
  } catch {
    return null;
  }
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
