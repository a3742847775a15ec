/**
 * `npm run bench:train [-- --quick] [-- --only wasm]`: training-step throughput (forward +
 * backward + SGD update) of the KD networks, on each tfjs backend available in Node (cpu,
 * wasm) with the stock tf.conv kernels and with the fast path (demos/kd/conv/fast-conv.ts +
 * fused BN/ReLU + JS SGD; on wasm its loops run as WASM SIMD kernels, demos/kd/wasm/, and once
 * more as the JS loops they replaced, the baseline for the ratio printed), and the same models' step in PyTorch CPU in the same run
 * (bench/pytorch_train.py via /usr/bin/python3, torch.set_num_threads(1): tfjs cpu/wasm run
 * on one thread here, WASM threads are off as in the browser).
 *
 * Reports samples/s by wall clock and per CPU-second (process CPU time): on a shared machine
 * the wall figure moves with other people's load; the CPU-time figure much less. Ratios are
 * against PyTorch on the same metric. Targets (issue 5): ≥ 400 samples/s WRN16-1, ≥ 100 WRN16-3.
 * Each configuration: 1 warm-up step, then up to 5 (--quick: 2) timed steps, fewer if a
 * configuration passes 30 s (--quick: 10 s) of wall time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { useNodeBackend, type NodeBackend } from '../demos/kd/tf-node';
import { createWrn, wrnName } from '../demos/kd/models/wrn';
import type { ConvImpl } from '../demos/kd/conv/index';
import { Sgd } from '../demos/kd/train/sgd';
import { trainStep } from '../demos/kd/train/train';
import { setWasmKernelsEnabled } from '../demos/kd/wasm/kernels';

interface Model { dims: 1 | 2; depth: number; widen: number; batch: number; length: number; role: string }
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const steps = quick ? 2 : 5;
// Slow configurations stop early once this much wall time has passed (at least one timed step).
const budgetS = quick ? 10 : 30;

const MODELS: Model[] = [
  { dims: 1, depth: 16, widen: 1, batch: 128, length: 100, role: 'student (signals)' },
  { dims: 1, depth: 16, widen: 3, batch: 128, length: 100, role: 'signal teacher' },
  // 2D at batch 16: the 64×64×40 im2col patch matrices must fit the 4 GB WASM heap with room.
  { dims: 2, depth: 16, widen: 1, batch: 16, length: 64, role: 'GAF teacher 64×64×40' },
];

interface Row { model: string; backend: string; conv: string; batch: number; wall: number | null; cpu: number | null; note: string }

/** kernels: on wasm, the fast path's loops as WASM SIMD kernels (default) or as JS (the previous baseline). */
async function measure(m: Model, backend: NodeBackend, impl: ConvImpl, kernels = true): Promise<Row> {
  const name = wrnName(m);
  const conv = impl === 'tf' ? 'stock tf.conv' : backend === 'wasm' ? (kernels ? 'fast' : 'fast, JS loops') : 'fast';
  const row: Row = { model: name, backend, conv, batch: m.batch, wall: null, cpu: null, note: '' };
  setWasmKernelsEnabled(kernels);
  if (backend === 'wasm' && impl === 'tf') { row.note = 'n/a: WASM has no Conv2DBackpropFilter kernel'; return row; }
  if (backend === 'cpu' && impl === 'tf' && (quick || m.widen > 1 || m.dims === 2)) {
    row.note = quick ? 'skipped (--quick)' : 'skipped (minutes per step)';
    if (!(m.dims === 1 && m.widen === 1) || quick) return row;
  }
  await useNodeBackend(backend);
  const model = createWrn({ dims: m.dims, depth: m.depth, widen: m.widen, inChannels: 40, numClasses: 12, seed: 1, convImpl: impl });
  const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4, impl: impl === 'tf' ? 'tensor' : 'js' });
  const shape = m.dims === 1 ? [m.batch, m.length, 40] : [m.batch, m.length, m.length, 40];
  const x = tf.randomNormal(shape, 0, 1, 'float32', 1);
  const y = tf.tensor1d(Array.from({ length: m.batch }, (_, i) => i % 12), 'int32');
  const n = impl === 'tf' && backend === 'cpu' ? 1 : steps;
  try {
    trainStep(model, opt, x, y, [], null, 0.01); // warm-up: kernel set-up, first allocations
    const c0 = process.cpuUsage(), t0 = performance.now();
    let done = 0;
    while (done < n && (done === 0 || (performance.now() - t0) / 1000 < budgetS)) { trainStep(model, opt, x, y, [], null, 0.01); done++; }
    const wall = (performance.now() - t0) / 1000, cu = process.cpuUsage(c0);
    row.wall = (done * m.batch) / wall;
    row.cpu = (done * m.batch) / ((cu.user + cu.system) / 1e6);
    row.note = `${done} step${done > 1 ? 's' : ''}`;
  } catch (e) {
    row.note = `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  } finally {
    tf.dispose([x, y]); opt.dispose(); model.dispose();
    setWasmKernelsEnabled(true);
  }
  return row;
}

function pytorch(): Row[] {
  const cfg = MODELS.flatMap((m) => ['--config', `${m.dims}:${m.depth}:${m.widen}:${m.batch}:${m.length}`]);
  try {
    const out = execFileSync('/usr/bin/python3', ['bench/pytorch_train.py', '--threads', '1', '--steps', String(steps), ...cfg], { encoding: 'utf8', timeout: 900_000 });
    return out.trim().split('\n').map((l) => {
      const r = JSON.parse(l) as { model: string; batch: number; steps: number; wall_s: number; cpu_s: number };
      return { model: r.model, backend: 'pytorch cpu (1 thread)', conv: 'torch', batch: r.batch, wall: r.batch * r.steps / r.wall_s, cpu: r.batch * r.steps / r.cpu_s, note: `${r.steps} steps` };
    });
  } catch (e) {
    return [{ model: '-', backend: 'pytorch', conv: '-', batch: 0, wall: null, cpu: null, note: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }];
  }
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const ratio = (a: number | null, b: number | null | undefined) => (a === null || !b ? '—' : `${(a / b).toFixed(2)}×`);

const load0 = loadavg()[0]!;
console.log(`bench:train ${quick ? '(--quick) ' : ''}— ${steps} timed steps after 1 warm-up; load average at start ${load0.toFixed(1)} on this machine`);
const torchRows = pytorch();
const rows: Row[] = [];
for (const m of MODELS) {
  for (const backend of ['cpu', 'wasm'] as NodeBackend[]) {
    if (only && backend !== only) continue;
    const variants: [ConvImpl, boolean][] = backend === 'wasm' ? [['tf', true], ['fast', false], ['fast', true]] : [['tf', true], ['fast', true]];
    for (const [impl, kernels] of variants) {
      const r = await measure(m, backend, impl, kernels);
      rows.push(r);
      const t = torchRows.find((p) => p.model === r.model);
      const base = rows.find((b) => b.model === r.model && b.backend === 'wasm' && b.conv === 'fast, JS loops');
      const vsJs = r.backend === 'wasm' && r.conv === 'fast' && base ? `  (${ratio(r.cpu, base.cpu)} the JS loops per CPU-s)` : '';
      console.log(`${r.model.padEnd(11)} b${String(r.batch).padEnd(4)} ${r.backend.padEnd(5)} ${r.conv.padEnd(14)} ${fmt(r.wall).padStart(8)} samples/s wall ${fmt(r.cpu).padStart(8)} per CPU-s   vs PyTorch: ${ratio(r.wall, t?.wall).padStart(6)} wall ${ratio(r.cpu, t?.cpu).padStart(6)} CPU   ${r.note}${vsJs}`);
    }
  }
}
for (const t of torchRows) console.log(`${t.model.padEnd(11)} b${String(t.batch).padEnd(4)} ${t.backend} ${fmt(t.wall).padStart(8)} samples/s wall ${fmt(t.cpu).padStart(8)} per CPU-s   ${t.note}`);
console.log(`load average at end ${loadavg()[0]!.toFixed(1)} (2 cores shared; wall figures are depressed accordingly)`);
const target = (name: string, goal: number) => {
  const fast = rows.filter((r) => r.model === name && r.conv === 'fast');
  const best = fast.reduce((b, r) => Math.max(b, r.cpu ?? 0), 0), bestWall = fast.reduce((b, r) => Math.max(b, r.wall ?? 0), 0);
  console.log(`target ${name}: ≥ ${goal} samples/s — best fast path ${best.toFixed(1)} per CPU-s ${best >= goal ? 'MET' : 'NOT MET'}, ${bestWall.toFixed(1)} wall ${bestWall >= goal ? 'MET' : 'NOT MET'}`);
};
target('1D WRN16-1', 400);
target('1D WRN16-3', 100);
