import type { RuntimeOptions } from '@src/lib/runtime';
import { S } from './strings';

/**
 * Training-specific backend preference, handed to the runtime as a preference
 * (`initRuntime({ prefer, reason })`; src/lib/runtime.ts stays the only module that selects,
 * and its badge says "preferred", not "forced"). When the page did not ask for a backend, the
 * KD demo prefers WASM even where the runtime would pick a GPU backend:
 *  - a HARDWARE GPU does not help these networks in tfjs: one training step is 1,700–1,900
 *    separate kernels and each costs ~0.1 ms of dispatch, so the step is bound by dispatch, not
 *    arithmetic. Measured on an NVIDIA H200 (tfjs WebGPU in Node through Dawn, bench:gpu): the
 *    default run 26–28 s vs 1.9 s on WASM on one CPU core (docs/measurements.md, "GPU runs").
 *    Not measured in Chromium on a hardware GPU; hardware WebGL is not measured at all, so a
 *    reader with WebGL alone keeps it;
 *  - software WebGL (SwiftShader / llvmpipe) trains the default run ~10× slower than WASM;
 *  - software WebGPU is no faster than WASM here, and its compute threads starved the page's
 *    main thread for 8–14 s and lost the device under load (measured in headless Chromium).
 * `?backend=webgpu|webgl` still forces the GPU path. Returns the backend to prefer (null: let
 * the runtime decide) and why (shown next to the badge).
 */
export interface TrainingPreference {
  prefer: 'wasm' | null;
  reason: string | null;
}

/** initRuntime's options for a KD worker: the page's search, the preference and its reason, the kernels' thread hook. */
export function runtimeOptions(search: string, p: TrainingPreference, onWasmThreads: (threads: number) => void): RuntimeOptions {
  return p.prefer ? { search, prefer: p.prefer, reason: p.reason ?? '', onWasmThreads } : { search, onWasmThreads };
}

export async function trainingPreference(search: string): Promise<TrainingPreference> {
  const none: TrainingPreference = { prefer: null, reason: null };
  if (new URLSearchParams(search).has('backend')) return none;
  const webgpu = await softwareWebGpu();
  if (webgpu !== null && webgpu !== 'hardware') return { prefer: 'wasm', reason: S.prefSoftwareWebGpu(webgpu) };
  if (webgpu === 'hardware')
    return {
      prefer: 'wasm',
      reason: S.prefHardwareGpu,
    };
  const renderer = webGlRenderer();
  if (renderer !== null && SOFTWARE.test(renderer)) return { prefer: 'wasm', reason: S.prefSoftwareWebGl(renderer) };
  return none;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software/i;

/** 'hardware', the software adapter's name, or null when there is no WebGPU adapter. */
async function softwareWebGpu(): Promise<string | null> {
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    const adapter = gpu ? await gpu.requestAdapter() : null;
    if (!adapter) return null;
    const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).info;
    const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
    return info?.isFallbackAdapter || SOFTWARE.test(name) ? name || 'fallback adapter' : 'hardware';
  } catch {
    return null;
  }
}

/** The WebGL renderer's name, or null when there is no WebGL (workers: through OffscreenCanvas). */
function webGlRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const c = new OffscreenCanvas(1, 1);
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return r;
  } catch {
    return null;
  }
}
