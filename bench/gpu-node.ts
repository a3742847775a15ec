/**
 * `npm run bench:gpu` — the KD and ViT demos' computations on a real GPU through tfjs's WebGPU
 * backend, in Node: Dawn's Node binding (the `webgpu` npm package, NOT a dependency: install it
 * with `npm i --no-save webgpu@0.6.2` on the GPU machine, or use the bundle that
 * `bench/gpu-bundle.sh` makes for a machine without npm) provides `navigator.gpu`. Same core
 * code as the page (RunSession + WrnPhaseTrainer for KD, demos/vit/projection for ViT); Chromium
 * adds its own WebGPU layer on top, so page timings on the same GPU can differ.
 *
 * Prints, on webgpu and on wasm (one thread, the fast path) in the same process:
 *  1. the KD page's default run (phase times; webgpu twice: the first run compiles every
 *     shader, the second reuses them) and what the reader's table shows;
 *  2. training-step throughput (samples/s, median of up to 7 steps) of the three KD networks;
 *  3. the ViT patch embedding (matMul and conv2d paths) per patch size.
 * No test depends on this; where no adapter is found it says so and times wasm alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as wasmBackend from '@tensorflow/tfjs-backend-wasm';
import { cpus, loadavg } from 'node:os';
import { median } from './median';
import { defaultConvImpl, type ConvImpl } from '../demos/kd/conv/index';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { RunSession } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import { PHASES } from '../demos/kd/experiment/phases';
import { createWrn, wrnName, type Wrn } from '../demos/kd/models/wrn';
import { Sgd } from '../demos/kd/train/sgd';
import { trainStepAsync } from '../demos/kd/train/train';
import { printMetrics } from './kd-run-report';
import { patchWeights, normalisePixels, projectMatMul, projectConv } from '../demos/vit/projection';
import { PATCH_SIZES, IMAGE_SIZE } from '../demos/vit/config';

type Backend = 'webgpu' | 'wasm';

/** Installs Dawn's navigator.gpu, then registers tfjs's WebGPU backend (it registers only if navigator.gpu exists). */
async function setUpWebGpu(): Promise<string | null> {
  let dawn: { create: (o: string[]) => GPU; globals: Record<string, unknown> };
  try {
    dawn = (await import('webgpu' as string)) as typeof dawn;
  } catch (e) {
    return `no 'webgpu' package (npm i --no-save webgpu@0.6.2): ${(e as Error).message}`;
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return 'Dawn found no WebGPU adapter (no Vulkan driver?)';
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) return "tf.setBackend('webgpu') failed";
  const info = adapter.info;
  return `ok: ${info.vendor} ${info.architecture} ${info.device} ${info.description}`.trim();
}

async function use(b: Backend): Promise<void> {
  if (b === 'wasm') {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const dir = process.env['TFJS_WASM_DIR'];
    if (dir) wasmBackend.setWasmPaths(dir.endsWith('/') ? dir : `${dir}/`);
  }
  if (!(await tf.setBackend(b))) throw new Error(`tf.setBackend('${b}') failed`);
  await tf.ready();
}

const gpuNote = await setUpWebGpu();
console.log(`webgpu: ${gpuNote}; CPU: ${cpus().length}× ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0]!.toFixed(1)}`);
const backends: Backend[] = gpuNote?.startsWith('ok') ? ['webgpu', 'wasm'] : ['wasm'];

// 1. The KD page's default run.
const config = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
const data = await excerptData(await readExcerptTexts());
const fold = runInputs(data.windows, config);
console.log(
  `\n## KD default run (train ${fold.signal.train.n} / test ${fold.signal.test.n} windows, ${config.epochs} epochs, batch ${config.batchSize})`,
);
console.log(`| backend | ${PHASES.join(' | ')} | total s |\n|---|${PHASES.map(() => '---:').join('|')}|---:|`);
for (const b of backends) {
  for (const round of b === 'webgpu' ? ['cold', 'warm'] : ['']) {
    try {
      await use(b);
      const session = new RunSession<Wrn>(new WrnPhaseTrainer(fold, defaultConvImpl(b), { preciseBn: true }), data.summary.dataId, null);
      const t0 = performance.now();
      const results = await session.run(config, new AbortController().signal, () => {});
      const total = (performance.now() - t0) / 1000;
      session.dispose();
      const ms = Object.fromEntries(results.map((r) => [r.phase, r.ms]));
      console.log(
        `| ${b}${round ? ` (${round})` : ''} | ${PHASES.map((p) => ((ms[p] ?? Number.NaN) / 1000).toFixed(2)).join(' | ')} | ${total.toFixed(2)} |`,
      );
      if (round !== 'cold') printMetrics(results, fold.signal.train.y, fold.signal.test.y);
    } catch (e) {
      console.log(`| ${b} ${round} | failed: ${(e as Error).stack ?? String(e)} |`);
    }
  }
}

// 2. Training-step throughput.
const MODELS = [
  { dims: 1 as const, widen: 1, batch: 128, length: 100 },
  { dims: 1 as const, widen: 3, batch: 128, length: 100 },
  { dims: 2 as const, widen: 1, batch: 16, length: 64 },
  { dims: 2 as const, widen: 1, batch: 128, length: 64 },
];
console.log('\n## Training step (forward + backward + SGD), samples/s (median of up to 7 steps after 2 warm-ups)');
console.log(`| model | batch | ${backends.join(' | ')} |\n|---|---:|${backends.map(() => '---:').join('|')}|`);
for (const m of MODELS) {
  const cells: string[] = [];
  for (const b of backends) {
    if (b === 'wasm' && m.dims === 2 && m.batch > 16) {
      cells.push('n/a (heap)');
      continue;
    }
    try {
      await use(b);
      const impl: ConvImpl = defaultConvImpl(b);
      const shape = m.dims === 1 ? [m.batch, m.length, 40] : [m.batch, m.length, m.length, 40];
      const x = tf.randomNormal(shape, 0, 1, 'float32', 1);
      const y = tf.tensor1d(
        Array.from({ length: m.batch }, (_, i) => i % 12),
        'int32',
      );
      const model = createWrn({ dims: m.dims, depth: 16, widen: m.widen, inChannels: 40, numClasses: 12, seed: 1, convImpl: impl });
      const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4, impl: impl === 'tf' ? 'tensor' : 'js' });
      const times: number[] = [];
      let spent = 0;
      for (let i = 0; i < 9 && (i < 3 || spent < 20); i++) {
        const t0 = performance.now();
        await trainStepAsync({ model, opt, x, y, teachers: [], kd: null, lr: 0.01 });
        const s = (performance.now() - t0) / 1000;
        if (i >= 2) {
          times.push(s);
          spent += s;
        }
      }
      opt.dispose();
      model.dispose();
      tf.dispose([x, y]);
      cells.push((m.batch / median(times)).toFixed(0));
    } catch (e) {
      cells.push(`failed: ${(e as Error).message}`);
    }
  }
  console.log(
    `| ${wrnName({ dims: m.dims, depth: 16, widen: m.widen })}${m.dims === 2 ? ` ${m.length}×${m.length}×40` : ''} | ${m.batch} | ${cells.join(' | ')} |`,
  );
}

// 3. ViT patch embedding (224×224 RGB, D = 768: ViT-B's width).
console.log('\n## ViT patch embedding, 224×224, D 768, ms (median of 5 after a warm-up): matMul path / conv2d path');
console.log(`| patch | ${backends.join(' | ')} |\n|---:|${backends.map(() => '---').join('|')}|`);
const rgb = Float32Array.from({ length: IMAGE_SIZE * IMAGE_SIZE * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
for (const p of PATCH_SIZES) {
  const cells: string[] = [];
  for (const b of backends) {
    try {
      await use(b);
      const wt = patchWeights(p, 768, 0);
      const img = tf.tidy(() => normalisePixels(tf, tf.tensor3d(rgb, [IMAGE_SIZE, IMAGE_SIZE, 3])));
      const time = async (f: typeof projectMatMul): Promise<number> => {
        const t: number[] = [];
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          const out = f(tf, img, wt);
          await out.data();
          out.dispose();
          if (i > 0) t.push(performance.now() - t0);
        }
        return median(t);
      };
      cells.push(`${(await time(projectMatMul)).toFixed(2)} / ${(await time(projectConv)).toFixed(2)}`);
      img.dispose();
    } catch (e) {
      cells.push(`failed: ${(e as Error).message}`);
    }
  }
  console.log(`| ${p} | ${cells.join(' | ')} |`);
}
console.log(`\ntensors left: ${tf.memory().numTensors}`);
