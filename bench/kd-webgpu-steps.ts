/**
 * The WebGPU half of `bench:kd-run -- --full-share`: what one training step of today's tfjs
 * WebGPU path costs the GPU API, per model kind, counted in the page's own KD worker.
 *
 * How: Chromium with its software adapter (--enable-unsafe-webgpu), the KD page with
 * ?backend=webgpu on the bundled excerpt, one epoch. An init script wraps the page's `Worker`
 * so the KD worker starts from a blob module that first instruments the WebGPU API
 * (GPUComputePassEncoder.dispatchWorkgroups*, GPUQueue.submit, GPUBuffer.mapAsync with READ)
 * and then imports the real worker module (holding the page's first messages until it listens). Every 'step' message the worker posts closes a
 * sample: the counters since the previous step message of the same phase and epoch, divided by
 * the steps between them (the page's step filter may drop some), so per-epoch work (precise
 * BN, evaluation) never lands in a step.
 *   encodeMs: CPU time from the previous step message to the step's last GPU→CPU read request
 *   (the loss readback: tfjs has issued every kernel of the step by then) — what issuing one step
 *   costs the CPU, waiting for the GPU excluded.
 * Medians over a phase's samples. gpu-fused reports its fused step the same way.
 */
import { chromium } from 'playwright-core';
import { serve } from './kd-run-browser';
import { median } from './median';

export interface WebGpuStep {
  model: string;
  dispatches: number;
  submits: number;
  readbacks: number;
  encodeMs: number;
  samples: number;
}

const MODEL_OF: Record<string, string> = {
  'teacher-gaf': '2D WRN16-1 (GAF teacher)',
  'teacher-signal': '1D WRN16-1 (signal teacher)',
  'student-ce': '1D WRN16-1 (CE student)',
  'student-kd': '1D WRN16-1 (KD student, KD loss)',
};

/** Runs inside the KD worker before its module: counters + a sample per step message in self.__gpuSteps. */
export const INSTRUMENT = `
const c = { d: 0, s: 0, r: 0, lastRead: 0 };
const wrap = (proto, name, f) => { const o = proto && proto[name]; if (o) proto[name] = function (...a) { f(a); return o.apply(this, a); }; };
wrap(self.GPUComputePassEncoder?.prototype, 'dispatchWorkgroups', () => c.d++);
wrap(self.GPUComputePassEncoder?.prototype, 'dispatchWorkgroupsIndirect', () => c.d++);
wrap(self.GPUQueue?.prototype, 'submit', () => c.s++);
wrap(self.GPUBuffer?.prototype, 'mapAsync', (a) => { if (a[0] & 1) { c.r++; c.lastRead = performance.now(); } });
self.__gpuSteps = [];
let prev = null;
const post = self.postMessage.bind(self);
self.postMessage = (m, t) => {
  if (m && m.type === 'step') {
    const now = { d: c.d, s: c.s, r: c.r, t: performance.now(), phase: m.phase, epoch: m.epoch, step: m.step };
    if (prev && prev.phase === m.phase && prev.epoch === m.epoch && m.step > prev.step) {
      const n = m.step - prev.step;
      post({ type: 'notice', message: '__gpu ' + JSON.stringify({ phase: m.phase, dispatches: (now.d - prev.d) / n, submits: (now.s - prev.s) / n,
        readbacks: (now.r - prev.r) / n, encodeMs: (c.lastRead - prev.t) / n }) });
    }
    prev = now;
  }
  return t === undefined ? post(m) : post(m, t);
};`;

export const WRAP = (instrument: string): string => `(() => {
  const W = window.Worker; window.__gpu = [];
  window.Worker = class extends W { constructor(u, o) {
    // Messages the page posts before the real module has registered its listener are held and replayed.
    const src = ${JSON.stringify(instrument)} + '\\nconst early = []; const hold = (e) => early.push(e.data); self.addEventListener("message", hold);' +
      '\\nawait import(' + JSON.stringify(new URL(String(u), location.href).href) + ');' +
      '\\nself.removeEventListener("message", hold); for (const data of early) self.dispatchEvent(new MessageEvent("message", { data }));';
    super(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { ...(o || {}), type: 'module' });
    this.addEventListener('message', (e) => { const d = e.data;
      if (d && d.type === 'notice' && String(d.message).startsWith('__gpu ')) { e.stopImmediatePropagation(); window.__gpu.push(JSON.parse(d.message.slice(6))); } });
  } };
})();`;

export async function webgpuSteps(dist: string): Promise<WebGpuStep[]> {
  const { url, close } = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu'],
  });
  try {
    // First the page's own choice (no ?backend=): what the calibration measured with a WebGPU adapter.
    const first = await browser.newPage();
    await first.goto(`${url}research/kd-method/`);
    await first.locator('kd-run-demo').scrollIntoViewIfNeeded();
    const note = first.getByTestId('kd-backend-note');
    await note.locator('xpath=self::*[@data-measured!=""]').waitFor({ timeout: 180_000 });
    console.log(`\ncalibration (chromium, software WebGPU adapter, no ?backend=): ${await note.textContent()}`);
    await first.close();
    const page = await browser.newPage();
    await page.addInitScript(WRAP(INSTRUMENT));
    await page.goto(`${url}research/kd-method/?backend=webgpu&epochs=1`);
    await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="kd-start"]') as HTMLButtonElement | null)?.disabled, null, {
      timeout: 300_000,
    });
    const backend = await page.getByTestId('kd-badge').getAttribute('data-backend');
    if (backend !== 'webgpu')
      throw new Error(`the page runs on ${backend}, not webgpu: ${await page.getByTestId('kd-badge').textContent()}`);
    await page.getByTestId('kd-epochs').fill('1');
    await page.getByTestId('kd-start').click();
    await page.waitForFunction(() => document.querySelector('kd-run-demo')?.getAttribute('data-done') === 'true', null, {
      timeout: 600_000,
    });
    const got = (await page.evaluate(() => (window as unknown as { __gpu: unknown[] }).__gpu)) as Array<
      Omit<WebGpuStep, 'model' | 'samples'> & { phase: string }
    >;
    const out = Object.entries(MODEL_OF).map(([phase, model]) => {
      const s = got.filter((g) => g.phase === phase);
      return {
        model,
        dispatches: median(s.map((x) => x.dispatches)),
        submits: median(s.map((x) => x.submits)),
        readbacks: median(s.map((x) => x.readbacks)),
        encodeMs: median(s.map((x) => x.encodeMs)),
        samples: s.length,
      };
    });
    console.log('\ntfjs WebGPU training step (software adapter; medians per step; targets for the fused step: ≤ 120 / ≤ 2 / 0 / ≤ 2 ms):');
    console.log('| model | dispatches | queue submits | GPU→CPU reads | CPU ms to issue | samples |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of out)
      console.log(
        `| ${r.model} | ${r.dispatches.toFixed(0)} | ${r.submits.toFixed(1)} | ${r.readbacks.toFixed(1)} | ${r.encodeMs.toFixed(1)} | ${r.samples} |`,
      );
    return out;
  } finally {
    await browser.close();
    close();
  }
}
