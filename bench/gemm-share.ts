/**
 * `npx tsx bench/gemm-share.ts`: how much of the KD page's DEFAULT run (demos/kd/run/config.ts,
 * the same RunSession + WrnPhaseTrainer as bench:kd-run, on the wasm backend in Node, one
 * thread) is matMul work that the kernel thread pool (demos/kd/wasm/pool.ts) can split, and so
 * the most two threads can give (Amdahl). Every product of the run is recorded (traceMatMuls)
 * and then timed alone with the kernel on one thread (median of 5, warm caches: an estimate of
 * its share of the run, not a measurement inside it). Products under PARALLEL_MIN_MACS
 * multiply-adds (or under 8 rows) stay on one thread; the bound is also printed as if every
 * product were split.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadavg } from 'node:os';
import { median } from './median';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { RunSession } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import type { Wrn } from '../demos/kd/models/wrn';
import { wasmHeap } from '../demos/kd/wasm/kernels';
import { heapGemm, traceMatMuls } from '../demos/kd/wasm/matmul';
import { PARALLEL_MIN_MACS } from '../demos/kd/wasm/pool';

await useNodeBackend('wasm');
const config = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
const data = await excerptData(await readExcerptTexts());
const fold = runInputs(data.windows, config);
const counts = new Map<string, { shape: [number, number, number, boolean, boolean]; n: number }>();
const session = new RunSession<Wrn>(new WrnPhaseTrainer(fold, 'fast', { preciseBn: true }), data.summary.dataId, null);
traceMatMuls((m, k, n, tb, ta) => {
  const key = `${m},${k},${n},${tb},${ta}`;
  const e = counts.get(key);
  if (e) e.n++;
  else counts.set(key, { shape: [m, k, n, tb, ta], n: 1 });
});
const t0 = performance.now();
await session.run(config, new AbortController().signal, () => {});
const wall = performance.now() - t0;
traceMatMuls(null);
session.dispose();

const heap = wasmHeap();
if (!heap) throw new Error('the WASM kernels are not available here');
let all = 0,
  big = 0,
  products = 0,
  bigProducts = 0;
for (const {
  shape: [M, K, N, transB, transA],
  n,
} of counts.values()) {
  const a = heap.alloc([M * K]),
    b = heap.alloc([K * N]),
    c = heap.alloc([M * N]);
  heap.f32(a.ptr, M * K).fill(0.5);
  heap.f32(b.ptr, K * N).fill(0.25);
  const run = () => heapGemm(heap, M, K, N, a.ptr, transA ? 1 : K, transA ? M : 1, b.ptr, transB ? K : N, transB, c.ptr, N);
  run();
  const ts: number[] = [];
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    run();
    ts.push(performance.now() - s);
  }
  tf.dispose([a.t, b.t, c.t]);
  const ms = median(ts) * n;
  all += ms;
  products += n;
  if (M >= 8 && M * K * N >= PARALLEL_MIN_MACS) {
    big += ms;
    bigProducts += n;
  }
}
const amdahl = (p: number, threads: number) => 1 / (1 - p + p / threads);
const pBig = big / wall,
  pAll = all / wall;
console.log(
  `default KD run on wasm in Node (one thread): ${(wall / 1000).toFixed(2)} s wall (load average ${loadavg()[0]!.toFixed(1)}), ${products} matMuls`,
);
console.log(`matMul kernel time (each product timed alone): ${(all / 1000).toFixed(2)} s = ${(100 * pAll).toFixed(0)} % of the run`);
console.log(
  `products the pool splits (≥ ${PARALLEL_MIN_MACS} multiply-adds): ${bigProducts}, ${(big / 1000).toFixed(2)} s = ${(100 * pBig).toFixed(0)} % of the run`,
);
console.log(
  `Amdahl bound for 2 threads: ${amdahl(pBig, 2).toFixed(2)}× (${amdahl(pAll, 2).toFixed(2)}× if every product were split at no cost)`,
);
