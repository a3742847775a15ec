/**
 * The WebGPU parity check's worker half: `steps` SGD steps of the KD student (1D WRN16-1 with
 * the page run's input clip) from a fixed seed, on the first training windows of the loaded
 * data's window split, on whatever backend the worker runs. Returns the step losses and a
 * slice of weights (stem conv and classifier) for the e2e test to compare between a
 * ?backend=webgpu page and a ?backend=cpu page. Frees everything it creates.
 */
import type { Tf } from '@src/lib/runtime';
import { createWrn } from '@demos/kd/models/wrn';
import { Sgd } from '@demos/kd/train/sgd';
import { trainStepAsync } from '@demos/kd/train/train';
import { withInputClip } from '@demos/kd/run/input-clip';
import { prepareWindowSplit } from '@demos/kd/experiment/split';
import type { LoadedData } from '@demos/kd/run/data-summary';
import type { FromWorker, ToWorker } from '@demos/kd/run/protocol';
import type { WorkerRuntime } from './worker-runtime';
import { CHANNELS, WINDOW } from '@demos/kd/pamap2/format';

const BATCH = 8;

export async function debugTrainSteps(
  tf: Tf,
  data: LoadedData,
  steps: number,
  seed: number,
): Promise<{ losses: number[]; weights: number[] }> {
  const split = prepareWindowSplit(data.windows, seed);
  const n = split.train.n,
    size = WINDOW * CHANNELS;
  const model = withInputClip(createWrn({ dims: 1, depth: 16, widen: 1, inChannels: CHANNELS, numClasses: 12, seed }));
  const sgd = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4 });
  const losses: number[] = [];
  try {
    for (let s = 0; s < steps; s++) {
      // Batch s: windows s·B … s·B + B − 1 of the training split, wrapping around.
      const idx = Array.from({ length: BATCH }, (_, i) => (s * BATCH + i) % n);
      const x = new Float32Array(BATCH * size);
      idx.forEach((w, i) => x.set(split.trainX.subarray(w * size, (w + 1) * size), i * size));
      const xt = tf.tensor3d(x, [BATCH, WINDOW, CHANNELS]);
      const yt = tf.tensor1d(
        Int32Array.from(idx, (w) => split.train.y[w]!),
        'int32',
      );
      try {
        losses.push((await trainStepAsync({ model, opt: sgd, x: xt, y: yt, teachers: [], kd: null, lr: 0.05 }))[0]);
      } finally {
        tf.dispose([xt, yt]);
      }
    }
    const head = async (name: string, k: number): Promise<number[]> => Array.from((await model.params.get(name).data()).subarray(0, k));
    return {
      losses,
      weights: [...(await head('conv1.weight', 16)), ...(await head('fc.weight', 16)), ...(await head('batch_norm.running_var', 8))],
    };
  } finally {
    sgd.dispose();
    model.dispose();
  }
}

/** The e2e tests' hooks: destroy the WebGPU device mid-run; run a few seeded training steps and report them. */
export async function debugMessage(
  m: Extract<ToWorker, { type: 'debug-lose-device' | 'debug-train-steps' }>,
  rt: WorkerRuntime,
  data: LoadedData | null,
  post: (m: FromWorker) => void,
): Promise<void> {
  if (m.type === 'debug-lose-device') {
    const device = rt.device();
    if (device) device.destroy();
    else post({ type: 'notice', message: `debug: backend is ${rt.info?.backend ?? '?'}, not webgpu` });
    return;
  }
  if (!data || !rt.tf) throw new Error('data or backend not ready');
  const r = await debugTrainSteps(rt.tf, data, m.steps, m.seed);
  post({ type: 'debug-steps', backend: rt.info?.backend ?? '?', ...r });
}
