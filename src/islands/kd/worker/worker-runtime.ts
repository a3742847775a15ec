/// <reference lib="webworker" />
/**
 * The worker's tfjs runtime: backend selection (src/lib/runtime.ts with the PAGE's ?backend=
 * and the training preference of backend-preference.ts), the WASM SIMD kernels' status, and WebGPU device loss
 * (the runtime falls back; `onLost` lets the session abort and re-run the phase in flight).
 * One instance per worker.
 */
import { initRuntime, measureBackends, onRuntimeChange, type RuntimeInfo, type RuntimeOptions, type Tf } from '@src/lib/runtime';
import { chooseMeasured, measuredSummary, type Calibration, type CalibrationBackend } from '@demos/kd/run/calibrate';
import { measureStepMs, measureWithin } from '@demos/kd/run/calibrate-step';
import { prepareWasmKernels, wasmHeap } from '@demos/kd/wasm/kernels';
import { setKernelThreads } from '@demos/kd/wasm/threads';
import { kernelThreadsPerLane, laneCount } from '@demos/kd/run/lanes';
import type { FromWorker } from '@demos/kd/run/protocol';
import { runtimeOptions, trainingPreference } from '../backend-preference';
import { S } from '../strings';

/** On wasm: compiles the fast path's SIMD kernels and says whether they run (else the JS loops do). */
async function kernelsFor(backend: string): Promise<boolean | null> {
  if (backend !== 'wasm') return null;
  await prepareWasmKernels();
  return wasmHeap() !== null;
}

/** Whether this context has a WebGPU adapter (hardware or software): then WebGPU is a candidate. */
async function hasWebGpuAdapter(): Promise<boolean> {
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  } catch {
    return false;
  }
}

/** A few student steps per candidate backend (wasm first: ties go to it); null when none could be measured. */
async function calibrate(search: string): Promise<Calibration | null> {
  const t0 = performance.now();
  const names: CalibrationBackend[] = (await hasWebGpuAdapter()) ? ['wasm', 'webgpu'] : ['wasm'];
  const rows = await measureBackends(
    names,
    async (name) => {
      if (name !== 'wasm') return measureWithin(); // a GPU's first step compiles shaders: bounded
      await prepareWasmKernels(); // the fast path's kernels, as the run uses them
      return measureStepMs(); // the CPU baseline: always measured to the end
    },
    { search, onWasmThreads: setKernelThreads },
  );
  const measured = rows.map((r) => ({ backend: r.backend as CalibrationBackend, msPerStep: r.result, why: r.why }));
  const chosen = chooseMeasured(measured);
  return chosen ? { chosen, measured, totalMs: performance.now() - t0 } : null;
}

export class WorkerRuntime {
  tf: Tf | null = null;
  info: RuntimeInfo | null = null;
  /** tf.memory().numTensors right after backend init: the idle baseline of the leak readout. */
  baseline = 0;
  /** Set the moment the WebGPU device is lost, before the runtime has re-selected. */
  deviceLost = false;
  private options: RuntimeOptions = {};

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly onLost: () => void,
  ) {}

  async init(pageSearch: string): Promise<void> {
    const pref = await trainingPreference(pageSearch);
    this.options = runtimeOptions(pageSearch, pref, setKernelThreads);
    // Unless ?backend= forces one: measure the candidates and prefer the fastest (calibrate.ts).
    const calibration = new URLSearchParams(pageSearch).has('backend') ? null : await calibrate(pageSearch);
    if (calibration)
      this.options = { ...this.options, prefer: calibration.chosen, reason: measuredSummary(calibration), onWasmThreads: setKernelThreads };
    await this.select();
    // With two lanes (worker-lane.ts) each worker's matMul helpers get half the threads.
    const { backend, threads } = this.info!;
    setKernelThreads(kernelThreadsPerLane(threads, laneCount(backend, threads)));
    this.baseline = this.tf!.memory().numTensors;
    this.post({
      type: 'runtime',
      info: this.info!,
      deviceLost: false,
      note: calibration ? null : pref.reason,
      wasmKernels: await kernelsFor(this.info!.backend),
      calibration,
    });
    onRuntimeChange((next) => {
      const lost = this.info?.backend === 'webgpu' && next.backend !== 'webgpu';
      this.info = next;
      void kernelsFor(next.backend).then((wasmKernels) =>
        this.post({
          type: 'runtime',
          info: next,
          deviceLost: lost,
          note: lost ? S.deviceLostNote : calibration ? null : pref.reason,
          wasmKernels,
          calibration: lost ? null : calibration,
        }),
      );
    });
  }

  /** (Re-)selects the backend; after a device loss initRuntime returns the fallback. The leak baseline stays the first backend's. */
  async select(): Promise<void> {
    const r = await initRuntime(this.options);
    this.tf = r.tf;
    this.info = r.info;
    this.watchDevice();
  }

  /**
   * After a job failed: if the WebGPU device is (being) lost, frees what lived on it
   * (`dropModels`), says so, selects the fallback backend and resolves true (re-run the job).
   */
  async recover(dropModels: () => void): Promise<boolean> {
    if (!(await this.lostSoon())) return false;
    this.deviceLost = false;
    this.post({ type: 'notice', message: S.deviceLostRetry });
    try {
      dropModels();
    } catch {
      /* buffers of a destroyed device */
    }
    await this.select();
    return true;
  }

  /** The live WebGPU device, if the backend is WebGPU. */
  device(): GPUDevice | undefined {
    return this.tf && this.info?.backend === 'webgpu' ? (this.tf.backend() as unknown as { device?: GPUDevice }).device : undefined;
  }

  /**
   * Whether the WebGPU device is (being) lost: a readback in flight can reject before
   * `device.lost` has resolved, so an error on WebGPU waits up to `ms` for it.
   */
  async lostSoon(ms = 1000): Promise<boolean> {
    const device = this.device();
    if (this.deviceLost || !device) return this.deviceLost;
    await Promise.race([device.lost, new Promise((r) => setTimeout(r, ms))]);
    await Promise.resolve(); // let the lost handler (watchDevice) run first
    return this.deviceLost;
  }

  private watchDevice(): void {
    const device = this.device();
    if (device)
      void device.lost.then(() => {
        this.deviceLost = true;
        this.onLost();
      });
  }
}
