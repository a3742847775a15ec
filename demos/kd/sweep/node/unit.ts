/**
 * Node: runs one unit (teacher arch × fold) of a sweep inside a worker process.
 *   1. teachers: 2D WRN-<arch> on GAF images and 1D WRN-<arch> on signals, CE only; their
 *      training-set logits (N, K) are what KD needs (frozen teachers), so those are cached on
 *      disk per (data, arch, fold, teacher settings) and reused for every α and trial;
 *   2. each run: 1D WRN16-1 student, (1−λ)·CE + λ·T²·[α·KL_GAF + (1−α)·KL_Sig] (../../loss),
 *      SGD + §8 schedule (../../train/train); the artifact (best/last held-out accuracy, curve,
 *      seed, data hash, backend, code version) is validated and written atomically.
 * Models are disposed as soon as their logits/metrics are taken (no tensor outlives a run).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { teacherWeights } from '../../loss';
import { trainModel } from '../../train/train';
import { predictLogits } from '../../train/predict';
import type { FoldInputs } from '../../experiment/inputs';
import { NUM_CLASSES } from '../../pamap2/format';
import { ARTIFACT_SCHEMA_VERSION, runArtifactSchema, type RunArtifact } from '../../artifact/index';
import type { SweepConfig } from '../config';
import type { RunSpec, UnitSpec } from '../plan';
import { b64ToF32, cacheDir, f32ToB64, runFile, writeFileAtomic } from './store';
import { createPhaseModel, phaseInputs } from '../../experiment/phases';

export interface UnitContext {
  config: SweepConfig;
  preset: string | undefined;
  out: string;
  codeVersion: string;
  backend: string;
  data: { source: string; sha256: string; subjects: number[]; windows: number };
  fold: FoldInputs;
  emit: (m: import('./protocol').FromWorker) => void;
}

interface Teachers {
  gaf: Float32Array;
  sig: Float32Array;
  gafAcc: number;
  sigAcc: number;
}

function teacherKey(ctx: UnitContext, unit: UnitSpec): string {
  const c = ctx.config;
  const h = createHash('sha256')
    .update(
      JSON.stringify([
        ctx.data.sha256,
        unit.arch,
        unit.subject,
        unit.teacherSeed,
        c.gafSize,
        c.teacherEpochs ?? c.epochs,
        c.batchSize,
        c.learningRate,
        ctx.backend,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return `${unit.key}-${h}`;
}

async function trainTeacher(ctx: UnitContext, dims: 1 | 2, unit: UnitSpec, seed: number): Promise<{ logits: Float32Array; acc: number }> {
  const c = ctx.config;
  const phase = dims === 2 ? 'teacher-gaf' : 'teacher-signal';
  const data = phaseInputs(phase, ctx.fold);
  const model = createPhaseModel(phase, unit.arch, seed);
  try {
    const r = await trainModel({
      model,
      train: data.train,
      test: data.test,
      epochs: c.teacherEpochs ?? c.epochs,
      batchSize: c.batchSize,
      seed,
      learningRate: c.learningRate,
    });
    return { logits: await predictLogits(model, data.train), acc: 100 * r.lastAccuracy };
  } finally {
    model.dispose();
  }
}

export async function teachersFor(ctx: UnitContext, unit: UnitSpec): Promise<Teachers> {
  const file = join(cacheDir(ctx.out, ctx.config.name), `${teacherKey(ctx, unit)}.json`);
  const t0 = performance.now();
  if (existsSync(file)) {
    try {
      const j = JSON.parse(readFileSync(file, 'utf8')) as { gaf: string; sig: string; gafAcc: number; sigAcc: number };
      const t = { gaf: b64ToF32(j.gaf), sig: b64ToF32(j.sig), gafAcc: j.gafAcc, sigAcc: j.sigAcc };
      const want = ctx.fold.signal.train.n * NUM_CLASSES;
      if (t.gaf.length === want && t.sig.length === want) {
        ctx.emit({ type: 'teachers', unit: unit.key, cached: true, ms: performance.now() - t0, gafAcc: t.gafAcc, sigAcc: t.sigAcc });
        return t;
      }
    } catch {
      /* unreadable cache: retrain below and overwrite */
    }
  }
  const g = await trainTeacher(ctx, 2, unit, unit.teacherSeed + 1);
  const s = await trainTeacher(ctx, 1, unit, unit.teacherSeed + 2);
  const t = { gaf: g.logits, sig: s.logits, gafAcc: g.acc, sigAcc: s.acc };
  writeFileAtomic(
    file,
    JSON.stringify({
      arch: unit.arch,
      subject: unit.subject,
      gafAcc: t.gafAcc,
      sigAcc: t.sigAcc,
      gaf: f32ToB64(t.gaf),
      sig: f32ToB64(t.sig),
    }),
  );
  ctx.emit({ type: 'teachers', unit: unit.key, cached: false, ms: performance.now() - t0, gafAcc: t.gafAcc, sigAcc: t.sigAcc });
  return t;
}

export async function runStudent(ctx: UnitContext, run: RunSpec, teachers: Teachers): Promise<RunArtifact> {
  const c = ctx.config;
  const t0 = performance.now();
  const model = createPhaseModel('student-kd', run.arch, run.seed);
  const curve: RunArtifact['metrics']['curve'] = [];
  let r: Awaited<ReturnType<typeof trainModel>>;
  try {
    r = await trainModel({
      model,
      train: ctx.fold.signal.train,
      test: ctx.fold.signal.test,
      epochs: c.epochs,
      batchSize: c.batchSize,
      seed: run.seed,
      learningRate: c.learningRate,
      kd: { teacherLogits: [teachers.gaf, teachers.sig], weights: teacherWeights(2, run.alpha), lambda: c.lambda, T: c.temperature },
      onEpoch: (e) => {
        curve.push({ epoch: e.epoch + 1, trainLoss: e.trainLoss, testAcc: 100 * e.testAccuracy });
        ctx.emit({ type: 'epoch', run: run.id, epoch: e.epoch + 1, epochs: c.epochs, testAcc: 100 * e.testAccuracy });
      },
    });
  } finally {
    model.dispose();
  }
  const net = `2D WRN, ${c.gafSize}x${c.gafSize} GAF input`;
  const artifact = runArtifactSchema.parse({
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    kind: 'run',
    id: run.id,
    config: {
      method: 'base',
      teachers: [
        { role: 'T1', modality: 'GAF', arch: run.arch, net },
        { role: 'T2', modality: 'signal', arch: run.arch, net: '1D WRN' },
      ],
      student: { modality: 'signal', arch: 'WRN16-1', net: '1D WRN' },
      alpha: run.alpha,
      lambda: c.lambda,
      temperature: c.temperature,
      epochs: c.epochs,
      batchSize: c.batchSize,
      learningRate: c.learningRate,
      data: {
        dataset: 'PAMAP2',
        source: ctx.data.source,
        sha256: ctx.data.sha256,
        subjects: ctx.data.subjects.map(String),
        windows: ctx.data.windows,
      },
      split: 'loso',
      fold: ctx.data.subjects.indexOf(run.subject),
      heldOutSubject: String(run.subject),
      trial: run.trial,
      seed: run.seed,
    },
    metrics: {
      bestTestAcc: 100 * r.bestAccuracy,
      bestEpoch: r.bestEpoch + 1,
      lastTestAcc: 100 * r.lastAccuracy,
      curve,
      testWindows: ctx.fold.signal.test.n,
      unseenTestWindows: ctx.fold.unseenTest,
    },
    env: {
      backend: ctx.backend,
      runtime: 'node',
      codeVersion: ctx.codeVersion,
      createdAt: new Date().toISOString(),
      durationMs: performance.now() - t0,
    },
    sweep: { name: c.name, ...(ctx.preset ? { preset: ctx.preset } : {}), groupKey: run.groupKey },
  });
  writeFileAtomic(runFile(ctx.out, c.name, run.id), `${JSON.stringify(artifact, null, 1)}\n`);
  return artifact;
}
