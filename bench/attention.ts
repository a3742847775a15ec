/**
 * npm run bench:attention — time to recompute ALL intermediates (Q, K, V, raw/scaled scores,
 * mask, weights, head outputs, output, read back as typed arrays) for T=32 tokens, D=64,
 * H=4 on the tfjs CPU backend, against the naive JS loop reference in the same process.
 * Target: median < 16 ms (one frame). Prints numbers and the ratio; exits 0 either way
 * (a loaded machine is not a failed build) but says whether the target was met.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { computeAttention, buildMask } from '../demos/attention/attention';
import { attentionReference } from '../demos/attention/reference';
import { embedTokens, toyWeights } from '../demos/attention/toy-model';
import { median } from './median';

const T = 32,
  D = 64,
  H = 4,
  RUNS = 60,
  TARGET_MS = 16;

async function timeIt(label: string, f: () => unknown | Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 5; i++) await f(); // warm-up (JIT, kernel caches)
  const ts: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  // CPU time per call is what the work costs; wall time also counts waiting for a core
  // on a shared machine, so both are printed and the verdict uses the smaller honest one.
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  const m = median(ts);
  console.log(
    `${label.padEnd(34)} wall median ${m.toFixed(2)} ms (min ${Math.min(...ts).toFixed(2)}, max ${Math.max(...ts).toFixed(2)}), CPU time ${cpuMs.toFixed(2)} ms/call, n=${RUNS}`,
  );
  return { wall: m, cpu: cpuMs };
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const tokens = Array.from({ length: T }, (_, i) => `tok${i % 11}`);
  const x = embedTokens(tokens, D);
  const rw = toyWeights(D);
  const w = {
    wq: tf.tensor2d(rw.wq, [D, D]),
    wk: tf.tensor2d(rw.wk, [D, D]),
    wv: tf.tensor2d(rw.wv, [D, D]),
    wo: tf.tensor2d(rw.wo, [D, D]),
  };
  console.log(`attention bench: T=${T} D=${D} H=${H}, backend=${tf.getBackend()}, node ${process.version}`);
  const before = tf.memory().numTensors;
  for (const causal of [false, true]) {
    const opts = { heads: H, causal, scale: true };
    const tfMs = await timeIt(`tfjs cpu, causal=${causal}`, () => computeAttention(tf, x, T, D, w, opts));
    const refMs = await timeIt(`naive JS loops, causal=${causal}`, () => attentionReference(x, T, D, rw, H, true, buildMask(T, causal)));
    console.log(`  ratio tfjs/naive: wall ${(tfMs.wall / refMs.wall).toFixed(2)}x, CPU ${(tfMs.cpu / refMs.cpu).toFixed(2)}x`);
    console.log(
      `  target < ${TARGET_MS} ms: wall median ${tfMs.wall < TARGET_MS ? 'MET' : 'NOT MET'}, CPU time ${tfMs.cpu < TARGET_MS ? 'MET' : 'NOT MET'}`,
    );
  }
  if (tf.memory().numTensors !== before) console.log(`LEAK: ${tf.memory().numTensors - before} tensors`);
  tf.dispose(Object.values(w));
}

void main();
