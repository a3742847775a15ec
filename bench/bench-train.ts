/**
 * `npm run bench:train [-- --quick] [-- --only wasm] [-- --json FILE]`: training-step throughput (forward +
 * backward + SGD update) of the KD networks, on each tfjs backend available in Node (cpu,
 * wasm) with the stock tf.conv kernels and with the fast path (demos/kd/conv/fast-conv.ts +
 * fused BN/ReLU + JS SGD; on wasm its loops run as WASM SIMD kernels, demos/kd/wasm/, and once
 * more as the JS loops they replaced, the baseline for the ratio printed), and the same models' step in PyTorch CPU in the same run
 * (bench/pytorch_train.py via /usr/bin/python3, torch.set_num_threads(1): tfjs cpu/wasm run
 * on one thread here, WASM threads are off as in the browser).
 *
 * Reports samples/s by wall clock and per CPU-second (process CPU time): on a shared machine
 * the wall figure moves with other people's load; the CPU-time figure much less. Ratios are
 * against PyTorch on the same metric. Targets: ≥ 400 samples/s WRN16-1, ≥ 100 WRN16-3 (absolute);
 * per thread ≥ 0.6× PyTorch for WRN16-3 and ≥ 0.4× for the 2D GAF teacher.
 * Each configuration: 1 warm-up step, then up to 5 (--quick: 2) timed steps, fewer if a
 * configuration passes 30 s (--quick: 10 s) of wall time; the variants of one model and backend
 * are interleaved step by step, and samples/s is the batch over the median step time.
 * On wasm the fast path also runs with its matMul kernel off ('fast, tf.matMul': XNNPACK, the
 * path the kernel replaced). `--json FILE` writes every row (model, backend, variant, threads,
 * samples/s wall and per CPU-second, PyTorch from the same run, ratios) for comparison over time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { median } from './median';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { useNodeBackend, type NodeBackend } from '../demos/kd/node/tf-node';
import { createWrn, wrnName } from '../demos/kd/models/wrn';
import type { ConvImpl } from '../demos/kd/conv/index';
import { Sgd } from '../demos/kd/train/sgd';
import { trainStep } from '../demos/kd/train/train';
import { relaxedSimdSupported, setWasmKernelsEnabled } from '../demos/kd/wasm/kernels';
import { setWasmMatMulEnabled } from '../demos/kd/wasm/matmul';
import { setWinogradEnabled } from '../demos/kd/conv/winograd';
import { errorMessage } from '../demos/shared/errors';

interface Model {
  dims: 1 | 2;
  depth: number;
  widen: number;
  batch: number;
  length: number;
  role: string;
}
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const jsonIdx = args.indexOf('--json');
const jsonFile = jsonIdx >= 0 ? args[jsonIdx + 1] : undefined;
const steps = quick ? 3 : 7;
// Slow configurations stop early once this much wall time has passed (at least one timed step).
const budgetS = quick ? 10 : 30;

const MODELS: Model[] = [
  { dims: 1, depth: 16, widen: 1, batch: 128, length: 100, role: 'student (signals)' },
  { dims: 1, depth: 16, widen: 3, batch: 128, length: 100, role: 'signal teacher' },
  // 2D at batch 16: the 64×64×40 im2col patch matrices must fit the 4 GB WASM heap with room.
  { dims: 2, depth: 16, widen: 1, batch: 16, length: 64, role: 'GAF teacher 64×64×40' },
];

interface Row {
  model: string;
  backend: string;
  conv: string;
  batch: number;
  wall: number | null;
  cpu: number | null;
  note: string;
}

interface Variant {
  impl: ConvImpl;
  kernels: boolean;
  winograd: boolean;
  gemm: boolean;
  row: Row;
  run?: { step: () => void; dispose: () => void };
  wall: number[];
  cpu: number[];
  spent: number;
}

/**
 * The variants of one model on one backend, measured INTERLEAVED: round after round, each
 * variant takes one timed training step, so a burst of other people's load hits all of them
 * alike; samples/s is the batch over the MEDIAN step time (wall, and process CPU time).
 * On wasm the fast path runs three ways: with the JS loops (the same-process baseline for the
 * ratio printed), with the WASM SIMD kernels and tf.matMul ('fast, tf.matMul': direct convs,
 * Winograd needs the matMul kernel), with the kernels and the matMul kernel but direct (im2col)
 * convs ('no Winograd'), and as shipped (Winograd: F(5,3) in 1D, F(2×2,3×3) in 2D, 'fast').
 */
async function measureAll(m: Model, backend: NodeBackend): Promise<Row[]> {
  const name = wrnName(m);
  // [impl, WASM kernels, Winograd for 3-tap / 3×3 stride-1 convs, WASM matMul kernel] (the last three: wasm only)
  type Spec = [ConvImpl, boolean, boolean, boolean];
  const specs: Spec[] =
    backend === 'wasm'
      ? [
          ['tf', true, true, true],
          ['fast', false, false, false],
          ['fast', true, true, false],
          ['fast', true, false, true],
          ['fast', true, true, true],
        ]
      : [
          ['tf', true, true, true],
          ['fast', true, true, true],
        ];
  await useNodeBackend(backend);
  const shape = m.dims === 1 ? [m.batch, m.length, 40] : [m.batch, m.length, m.length, 40];
  const x = tf.randomNormal(shape, 0, 1, 'float32', 1);
  const y = tf.tensor1d(
    Array.from({ length: m.batch }, (_, i) => i % 12),
    'int32',
  );
  const vs: Variant[] = specs.map(([impl, kernels, winograd, gemm]) => {
    const conv =
      impl === 'tf'
        ? 'stock tf.conv'
        : backend !== 'wasm'
          ? 'fast'
          : !kernels
            ? 'fast, JS loops'
            : !gemm
              ? 'fast, tf.matMul'
              : winograd
                ? 'fast'
                : 'fast, no Winograd';
    return {
      impl,
      kernels,
      winograd,
      gemm,
      row: { model: name, backend, conv, batch: m.batch, wall: null, cpu: null, note: '' },
      wall: [],
      cpu: [],
      spent: 0,
    };
  });
  for (const v of vs) {
    if (backend === 'wasm' && v.impl === 'tf') {
      v.row.note = 'n/a: WASM has no Conv2DBackpropFilter kernel';
      continue;
    }
    if (backend === 'cpu' && v.impl === 'tf' && (quick || m.widen > 1 || m.dims === 2)) {
      v.row.note = quick ? 'skipped (--quick)' : 'skipped (minutes per step)';
      continue;
    }
    const model = createWrn({ dims: m.dims, depth: m.depth, widen: m.widen, inChannels: 40, numClasses: 12, seed: 1, convImpl: v.impl });
    const opt = new Sgd(model.params.trainable(), { momentum: 0.9, weightDecay: 1e-4, impl: v.impl === 'tf' ? 'tensor' : 'js' });
    v.run = {
      step: () => {
        setWasmKernelsEnabled(v.kernels);
        setWinogradEnabled(v.winograd);
        setWasmMatMulEnabled(v.gemm);
        try {
          trainStep({ model, opt, x, y, teachers: [], kd: null, lr: 0.01 });
        } finally {
          setWasmKernelsEnabled(true);
          setWinogradEnabled(true);
          setWasmMatMulEnabled(true);
        }
      },
      dispose: () => {
        opt.dispose();
        model.dispose();
      },
    };
    try {
      v.run.step();
    } catch (e) {
      fail(v, e);
    } // warm-up: kernel set-up, first allocations
  }
  const n = (v: Variant) => (v.impl === 'tf' && backend === 'cpu' ? 1 : steps);
  for (;;) {
    const active = vs.filter((v) => v.run && v.wall.length < n(v) && (v.wall.length === 0 || v.spent < budgetS));
    if (active.length === 0) break;
    for (const v of active) {
      const c0 = process.cpuUsage(),
        t0 = performance.now();
      try {
        v.run!.step();
      } catch (e) {
        fail(v, e);
        continue;
      }
      const w = (performance.now() - t0) / 1000,
        cu = process.cpuUsage(c0);
      v.wall.push(w);
      v.cpu.push((cu.user + cu.system) / 1e6);
      v.spent += w;
    }
  }
  for (const v of vs) {
    v.run?.dispose();
    if (v.wall.length > 0) {
      v.row.wall = m.batch / median(v.wall);
      v.row.cpu = m.batch / median(v.cpu);
      v.row.note = `median of ${v.wall.length} step${v.wall.length > 1 ? 's' : ''}`;
    }
  }
  tf.dispose([x, y]);
  return vs.map((v) => v.row);
}

function fail(v: Variant, e: unknown): void {
  v.row.note = `failed: ${errorMessage(e).split('\n')[0]}`;
  v.run?.dispose();
  delete v.run;
}

function pytorch(): Row[] {
  const cfg = MODELS.flatMap((m) => ['--config', `${m.dims}:${m.depth}:${m.widen}:${m.batch}:${m.length}`]);
  try {
    const out = execFileSync('/usr/bin/python3', ['bench/pytorch_train.py', '--threads', '1', '--steps', String(steps), ...cfg], {
      encoding: 'utf8',
      timeout: 900_000,
    });
    return out
      .trim()
      .split('\n')
      .map((l) => {
        const r = JSON.parse(l) as { model: string; batch: number; steps: number; wall_s: number; cpu_s: number };
        return {
          model: r.model,
          backend: 'pytorch cpu (1 thread)',
          conv: 'torch',
          batch: r.batch,
          wall: r.batch / r.wall_s,
          cpu: r.batch / r.cpu_s,
          note: `median of ${r.steps} steps`,
        }; // wall_s, cpu_s: median step
      });
  } catch (e) {
    return [
      {
        model: '-',
        backend: 'pytorch',
        conv: '-',
        batch: 0,
        wall: null,
        cpu: null,
        note: `failed: ${errorMessage(e).split('\n')[0]}`,
      },
    ];
  }
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const ratio = (a: number | null, b: number | null | undefined) => (a === null || !b ? '—' : `${(a / b).toFixed(2)}×`);

const load0 = loadavg()[0]!;
console.log(
  `bench:train ${quick ? '(--quick) ' : ''}— median of ${steps} timed steps after 1 warm-up (variants interleaved); load average at start ${load0.toFixed(1)} on this machine`,
);
console.log(
  `${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, relaxed SIMD ${relaxedSimdSupported() ? 'yes' : 'no'}; tfjs runs on 1 thread here`,
);
const torchRows = pytorch();
const rows: Row[] = [];
for (const m of MODELS) {
  for (const backend of ['cpu', 'wasm'] as NodeBackend[]) {
    if (only && backend !== only) continue;
    for (const r of await measureAll(m, backend)) {
      rows.push(r);
      const t = torchRows.find((p) => p.model === r.model);
      const base = rows.find((b) => b.model === r.model && b.backend === 'wasm' && b.conv === 'fast, JS loops');
      const vsJs =
        r.backend === 'wasm' && r.conv.startsWith('fast') && r !== base && base
          ? `  (${ratio(r.cpu, base.cpu)} the JS loops per CPU-s)`
          : '';
      console.log(
        `${r.model.padEnd(11)} b${String(r.batch).padEnd(4)} ${r.backend.padEnd(5)} ${r.conv.padEnd(17)} ${fmt(r.wall).padStart(8)} samples/s wall ${fmt(r.cpu).padStart(8)} per CPU-s   vs PyTorch: ${ratio(r.wall, t?.wall).padStart(6)} wall ${ratio(r.cpu, t?.cpu).padStart(6)} CPU   ${r.note}${vsJs}`,
      );
    }
  }
}
for (const t of torchRows)
  console.log(
    `${t.model.padEnd(11)} b${String(t.batch).padEnd(4)} ${t.backend} ${fmt(t.wall).padStart(8)} samples/s wall ${fmt(t.cpu).padStart(8)} per CPU-s   ${t.note}`,
  );
const load1 = loadavg()[0]!;
console.log(`load average at end ${load1.toFixed(1)} (2 cores shared; wall figures are depressed accordingly)`);
const best = (name: string) => rows.filter((r) => r.model === name && r.conv === 'fast').reduce((b, r) => Math.max(b, r.cpu ?? 0), 0);
const target = (name: string, goal: number) => {
  const fast = rows.filter((r) => r.model === name && r.conv === 'fast');
  const bestWall = fast.reduce((b, r) => Math.max(b, r.wall ?? 0), 0);
  console.log(
    `target ${name}: ≥ ${goal} samples/s — best fast path ${best(name).toFixed(1)} per CPU-s ${best(name) >= goal ? 'MET' : 'NOT MET'}, ${bestWall.toFixed(1)} wall ${bestWall >= goal ? 'MET' : 'NOT MET'}`,
  );
};
target('1D WRN16-1', 400);
target('1D WRN16-3', 100);
/** Per thread: the fast path's samples per CPU-second over PyTorch's on one thread, same run. */
const vsTorch = (name: string, goal: number) => {
  const t = torchRows.find((p) => p.model === name)?.cpu;
  const r = t ? best(name) / t : Number.NaN;
  console.log(
    `target ${name}: ≥ ${goal}× PyTorch (1 thread) per CPU-second — ${Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a'} ${r >= goal ? 'MET' : 'NOT MET'}`,
  );
};
vsTorch('1D WRN16-3', 0.6);
vsTorch('2D WRN16-1', 0.4);

if (jsonFile) {
  const torchOf = (model: string) => torchRows.find((p) => p.model === model);
  const out = {
    date: new Date().toISOString(),
    quick,
    steps,
    loadAverage: { start: load0, end: load1 },
    cpu: cpus()[0]?.model ?? null,
    cores: cpus().length,
    node: process.version,
    relaxedSimd: relaxedSimdSupported(),
    rows: [...rows, ...torchRows].map((r) => {
      const t = torchOf(r.model),
        isTorch = r.conv === 'torch';
      return {
        model: r.model,
        batch: r.batch,
        backend: isTorch ? 'pytorch' : r.backend,
        variant: r.conv,
        threads: 1,
        samplesPerSecWall: r.wall,
        samplesPerCpuSec: r.cpu,
        pytorchSamplesPerSecWall: t?.wall ?? null,
        pytorchSamplesPerCpuSec: t?.cpu ?? null,
        pytorchThreads: 1,
        ratioWall: r.wall !== null && t?.wall ? r.wall / t.wall : null,
        ratioCpu: r.cpu !== null && t?.cpu ? r.cpu / t.cpu : null,
        note: r.note,
      };
    }),
  };
  writeFileSync(jsonFile, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${out.rows.length} rows to ${jsonFile}`);
}
