/**
 * Messages between the KD-run island (main thread) and its Web Worker. Every message is
 * validated with zod on receipt, on both sides, so a version skew or a bug shows up as a
 * clear error instead of `undefined` in a chart.
 *
 * Lifecycle: page → init → (load-bundled | load-files) → start … (cancel) → start again.
 * The worker answers with runtime, data-*, phase-*, epoch, memory, run-done / cancelled / error.
 */
import { z } from 'zod';
import { PHASES, RunConfigSchema, SPLITS } from './config';

const PhaseSchema = z.enum(PHASES);

/** Mirrors src/lib/runtime.ts RuntimeInfo (the worker picks the backend; the page shows it). */
export const RuntimeInfoSchema = z.object({
  backend: z.enum(['webgpu', 'webgl', 'wasm', 'cpu']),
  forced: z.boolean(),
  adapter: z.object({ vendor: z.string(), architecture: z.string(), description: z.string() }).nullable(),
  skipped: z.array(z.object({ backend: z.enum(['webgpu', 'webgl', 'wasm', 'cpu']), reason: z.string() })),
  threads: z.number().int().min(1),
  threadsNote: z.string().nullable(),
});
const finite = z.number().refine(Number.isFinite, 'not a finite number');

export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), search: z.string(), baseUrl: z.string() }),
  z.object({ type: z.literal('load-bundled'), which: z.enum(['excerpt', 'full']) }),
  z.object({ type: z.literal('load-files'), files: z.array(z.custom<File>((f) => typeof File !== 'undefined' && f instanceof File, 'not a File')) }),
  z.object({
    type: z.literal('load-checkpoints'),
    gaf: z.custom<ArrayBuffer>((b) => b instanceof ArrayBuffer),
    signal: z.custom<ArrayBuffer>((b) => b instanceof ArrayBuffer),
    names: z.tuple([z.string(), z.string()]),
  }),
  z.object({ type: z.literal('start'), config: RunConfigSchema }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('clear-cache') }),
  /** e2e test hook: destroy the WebGPU device mid-run (the run must fall back and finish). */
  z.object({ type: z.literal('debug-lose-device') }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const DataSummarySchema = z.object({
  /** What the reader sees: "번들 발췌본 (…)" or the uploaded file names. */
  label: z.string(),
  source: z.enum(['excerpt', 'full', 'upload']),
  /** Source + content hash; part of every cache key. */
  dataId: z.string(),
  /** Hex SHA-256 of the bytes the windows came from (recorded in exported artifacts). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  windows: z.number().int().nonnegative(),
  /** Windows per subject (LOSO folds are the subjects with windows). */
  subjects: z.array(z.object({ id: z.number().int(), windows: z.number().int() })),
  /** Windows per class index 0..11. */
  classCounts: z.array(z.number().int()).length(12),
  rows: z.number().int().nonnegative(),
  files: z.array(z.string()),
});
export type DataSummary = z.infer<typeof DataSummarySchema>;

export const PreviewSchema = z.object({
  /** One real window: W steps of one channel (after the protocol's scaling). */
  signal: z.array(finite),
  /** Its GASF image, size × size, values in [−1, 1]. */
  gaf: z.array(finite),
  size: z.number().int().positive(),
  channel: z.string(),
  label: z.number().int().min(0).max(11),
  subject: z.number().int(),
});
export type Preview = z.infer<typeof PreviewSchema>;

export const PhaseResultSchema = z.object({
  phase: PhaseSchema,
  bestAcc: finite,
  lastAcc: finite,
  bestEpoch: z.number().int(),
  /** K × K counts, rows = true class, cols = predicted (last epoch, held-out subject). */
  confusion: z.array(z.array(z.number().int())),
  /** Per epoch (1-based): mean training loss and held-out accuracy in %. */
  curve: z.array(z.object({ epoch: z.number().int().positive(), trainLoss: finite, testAcc: finite })),
  /** Accuracy (%) of the final model on its own training windows (eval mode): shows it learned. */
  trainAcc: finite,
  ms: finite,
  /** 'trained' here, 'cache' from IndexedDB, 'checkpoint' from the reader's files. */
  origin: z.enum(['trained', 'cache', 'checkpoint']),
  trainWindows: z.number().int(),
  testWindows: z.number().int(),
});
export type PhaseResult = z.infer<typeof PhaseResultSchema>;

export const FromWorkerSchema = z.discriminatedUnion('type', [
  // wasmKernels: on the wasm backend, whether the fast path's WASM SIMD kernels run (demos/kd/wasm/); null elsewhere.
  z.object({ type: z.literal('runtime'), info: RuntimeInfoSchema, deviceLost: z.boolean(), note: z.string().nullable(), wasmKernels: z.boolean().nullable() }),
  z.object({ type: z.literal('data-progress'), file: z.string(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('data-ready'), summary: DataSummarySchema, preview: PreviewSchema.nullable() }),
  z.object({ type: z.literal('data-error'), message: z.string() }),
  z.object({ type: z.literal('checkpoints-ready'), names: z.tuple([z.string(), z.string()]) }),
  z.object({ type: z.literal('phase-start'), phase: PhaseSchema, trainWindows: z.number().int(), testWindows: z.number().int() }),
  z.object({ type: z.literal('step'), phase: PhaseSchema, epoch: z.number().int(), step: z.number().int(), steps: z.number().int(), loss: finite }),
  z.object({ type: z.literal('epoch'), phase: PhaseSchema, epoch: z.number().int(), trainLoss: finite, testAcc: finite }),
  z.object({ type: z.literal('phase-done'), result: PhaseResultSchema }),
  z.object({ type: z.literal('run-done'), results: z.array(PhaseResultSchema) }),
  z.object({ type: z.literal('cancelled'), phase: PhaseSchema.nullable() }),
  /** tf.memory().numTensors in the worker; baseline = after backend init; held = owned by kept models. Leak = numTensors − baseline − held. */
  z.object({ type: z.literal('memory'), numTensors: z.number().int(), baseline: z.number().int(), held: z.number().int(), when: z.string() }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  /** The split the run uses (LOSO fold or window split; testSubject null for the latter): window counts and how many test windows have a class never seen in training. */
  z.object({ type: z.literal('fold-info'), split: z.enum(SPLITS), testSubject: z.number().int().nullable(), train: z.number().int(), test: z.number().int(), unseenTest: z.number().int(),
    // Set when the data was above the run's window cap (demos/kd/run/cap.ts): a seeded subsample is used.
    capped: z.object({ from: z.number().int(), used: z.number().int(), cap: z.number().int(), seed: z.number().int() }).nullable() }),
  /** The build ships the full-dataset shards (public/data/pamap2/manifest.json). */
  z.object({ type: z.literal('full-data'), description: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;

/** Validates an incoming message; a bad one becomes an 'error' message naming the problem. */
export function parseFromWorker(data: unknown): FromWorker {
  const r = FromWorkerSchema.safeParse(data);
  if (r.success) return r.data;
  return { type: 'error', message: `worker message rejected: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

export function parseToWorker(data: unknown): { ok: true; msg: ToWorker } | { ok: false; message: string } {
  const r = ToWorkerSchema.safeParse(data);
  return r.success ? { ok: true, msg: r.data } : { ok: false, message: `page message rejected: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}
