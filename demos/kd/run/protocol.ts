/**
 * Messages between the KD-run island (main thread) and its Web Worker. Both ends open a
 * demos/shared/channel.ts channel with these schemas, so every message is validated on
 * receipt, both ways, and a version skew or a bug shows up as a clear error instead of
 * `undefined` in a chart.
 *
 * Lifecycle: page → init → (load-bundled | load-files) → start … (cancel) → start again →
 * compare-alphas (re-trains only the KD student). The worker answers with runtime, data-*,
 * fold-info, phase-*, epoch, trained-count, memory, run-done / alpha-* / cancelled / error.
 */
import { z } from 'zod';
import { RuntimeInfoSchema } from '../../shared/runtime-info';
import { RunConfigSchema } from './config';
import { CalibrationSchema } from './calibrate';
import { SPLITS } from '../experiment/split';
import { PHASES } from '../experiment/phases';
import type { FoldInputs } from '../experiment/inputs';
import { countWindowsPerClass } from '../pamap2/windows';

const PhaseSchema = z.enum(PHASES);

const finite = z.number().refine(Number.isFinite, 'not a finite number');

export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), search: z.string(), baseUrl: z.string() }),
  z.object({ type: z.literal('load-bundled'), which: z.enum(['excerpt', 'full']) }),
  z.object({
    type: z.literal('load-files'),
    files: z.array(z.custom<File>((f) => typeof File !== 'undefined' && f instanceof File, 'not a File')),
  }),
  z.object({
    type: z.literal('load-checkpoints'),
    gaf: z.custom<ArrayBuffer>((b) => b instanceof ArrayBuffer),
    signal: z.custom<ArrayBuffer>((b) => b instanceof ArrayBuffer),
    names: z.tuple([z.string(), z.string()]),
  }),
  z.object({ type: z.literal('start'), config: RunConfigSchema }),
  /** Re-train only the KD student at each α with the teachers already trained for `config`. */
  z.object({ type: z.literal('compare-alphas'), config: RunConfigSchema, alphas: z.array(z.number().min(0).max(1)).min(1).max(5) }),
  /** WebGPU parity check: `steps` training steps of the student from a fixed seed on the loaded data. */
  z.object({ type: z.literal('debug-train-steps'), steps: z.number().int().min(1).max(20), seed: z.number().int().nonnegative() }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('clear-cache') }),
  /** e2e test hook: destroy the WebGPU device mid-run (the run must fall back and finish). */
  z.object({ type: z.literal('debug-lose-device') }),
  /** e2e test hook: the second KD worker (lanes) fails mid-run (the first must finish alone, same numbers). */
  z.object({ type: z.literal('debug-fail-lane') }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

const DataSummarySchema = z.object({
  /** What the reader sees: "번들 발췌본 (…)" or the uploaded file names. */
  label: z.string(),
  source: z.enum(['excerpt', 'full', 'upload']),
  /** Source + content hash; part of every cache key. */
  dataId: z.string(),
  /** Hex SHA-256 of the bytes the windows came from (recorded in exported artifacts). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  windows: z.number().int().nonnegative(),
  /**
   * Windows per subject (LOSO folds are the subjects with windows) and the classes (0..11) of its
   * windows: a fold whose test classes never occur in the other subjects cannot be evaluated.
   */
  subjects: z.array(z.object({ id: z.number().int(), windows: z.number().int(), classes: z.array(z.number().int().min(0).max(11)) })),
  /** Windows per class index 0..11. */
  classCounts: z.array(z.number().int()).length(12),
  rows: z.number().int().nonnegative(),
  files: z.array(z.string()),
});
export type DataSummary = z.infer<typeof DataSummarySchema>;

const PreviewSchema = z.object({
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

/** What a student takes from the two teachers on the test windows (agreement.ts TeacherFit), in % and nats. */
const TeacherFitSchema = z.object({
  agreeGaf: finite,
  agreeSig: finite,
  klGaf: finite,
  klSig: finite,
  // null when the teachers agree on every window: no window to side on.
  followGaf: finite.nullable(),
  followSig: finite.nullable(),
  disagree: z.number().int().nonnegative(),
});
const ConfusionSchema = z.array(z.array(z.number().int()));

export const PhaseResultSchema = z.object({
  phase: PhaseSchema,
  bestAcc: finite,
  lastAcc: finite,
  bestEpoch: z.number().int(),
  /** K × K counts, rows = true class, cols = predicted (last epoch, the test windows). */
  confusion: ConfusionSchema,
  /** Per epoch (1-based): mean training loss and held-out accuracy in %. */
  curve: z.array(z.object({ epoch: z.number().int().positive(), trainLoss: finite, testAcc: finite })),
  /** KD student only, per epoch: agreement / KL with each teacher on the test windows. */
  fit: z.array(TeacherFitSchema.extend({ epoch: z.number().int().positive() })),
  /** The final model's logits on the test windows, (N_test, K) row-major (the probability bars). */
  testLogits: z.array(finite),
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
  z.object({
    type: z.literal('runtime'),
    info: RuntimeInfoSchema,
    deviceLost: z.boolean(),
    note: z.string().nullable(),
    wasmKernels: z.boolean().nullable(),
    /** The measured backend choice (calibrate.ts); null when ?backend= forced one or after a device loss. */
    calibration: CalibrationSchema.nullable(),
  }),
  /** How many workers train the run (demos/kd/run/lanes.ts), and why only one when that is not the badge's reason. */
  z.object({ type: z.literal('lanes'), workers: z.number().int().min(1), why: z.string().nullable() }),
  z.object({ type: z.literal('data-progress'), file: z.string(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('data-ready'), summary: DataSummarySchema, preview: PreviewSchema.nullable() }),
  z.object({ type: z.literal('data-error'), message: z.string() }),
  z.object({ type: z.literal('checkpoints-ready'), names: z.tuple([z.string(), z.string()]) }),
  z.object({ type: z.literal('phase-start'), phase: PhaseSchema, trainWindows: z.number().int(), testWindows: z.number().int() }),
  z.object({
    type: z.literal('step'),
    phase: PhaseSchema,
    epoch: z.number().int(),
    step: z.number().int(),
    steps: z.number().int(),
    loss: finite,
  }),
  z.object({
    type: z.literal('epoch'),
    phase: PhaseSchema,
    epoch: z.number().int(),
    trainLoss: finite,
    testAcc: finite,
    fit: TeacherFitSchema.nullable(),
    /** Where the epoch's wall time went (phases.ts EpochMs); read by the bench, not shown. */
    ms: z.object({ train: finite, bn: finite, eval: finite, fit: finite }).optional(),
  }),
  z.object({ type: z.literal('phase-done'), result: PhaseResultSchema }),
  z.object({ type: z.literal('run-done'), results: z.array(PhaseResultSchema) }),
  z.object({ type: z.literal('cancelled'), phase: PhaseSchema.nullable() }),
  /** Phases actually trained in this worker session so far (never counts memory, cache or checkpoints). */
  z.object({ type: z.literal('trained-count'), counts: z.record(PhaseSchema, z.number().int().nonnegative()) }),
  z.object({ type: z.literal('alpha-progress'), alpha: z.number(), epoch: z.number().int(), epochs: z.number().int() }),
  z.object({
    type: z.literal('alpha-done'),
    points: z.array(z.object({ alpha: z.number(), lastAcc: finite, confusion: ConfusionSchema, fit: TeacherFitSchema })),
  }),
  z.object({ type: z.literal('debug-steps'), backend: z.string(), losses: z.array(z.number()), weights: z.array(z.number()) }),
  /** tf.memory().numTensors in the worker; baseline = after backend init; held = owned by kept models. Leak = numTensors − baseline − held. */
  z.object({
    type: z.literal('memory'),
    numTensors: z.number().int(),
    baseline: z.number().int(),
    held: z.number().int(),
    when: z.string(),
  }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  /** The split the run uses (LOSO fold or window split; testSubject null for the latter): window counts and how many test windows have a class never seen in training. */
  z.object({
    type: z.literal('fold-info'),
    split: z.enum(SPLITS),
    testSubject: z.number().int().nullable(),
    train: z.number().int(),
    test: z.number().int(),
    unseenTest: z.number().int(),
    // Class ids of the test windows in order (the window picker) and per-class training counts (the majority baseline).
    testLabels: z.array(z.number().int().min(0).max(11)),
    trainClassCounts: z.array(z.number().int()).length(12),
    // Set when the data was above the run's window cap (demos/kd/experiment/cap.ts): a seeded subsample is used.
    capped: z.object({ from: z.number().int(), used: z.number().int(), cap: z.number().int(), seed: z.number().int() }).nullable(),
  }),
  /** Whether the build ships the full-dataset shards (public/data/pamap2/manifest.json): their description, or null. */
  z.object({ type: z.literal('full-data'), description: z.string().nullable() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;

/** The split a run uses, as the worker reports it (the fold-info message without its tag). */
export type FoldInfo = Omit<Extract<FromWorker, { type: 'fold-info' }>, 'type'>;

/** The fold-info message of a run's inputs: the split, its window counts, the test labels, the training class counts. */
export function foldInfoOf(fold: FoldInputs): FoldInfo {
  return {
    split: fold.split,
    testSubject: fold.testSubject,
    train: fold.signal.train.n,
    test: fold.signal.test.n,
    unseenTest: fold.unseenTest,
    testLabels: Array.from(fold.signal.test.y),
    trainClassCounts: countWindowsPerClass(fold.signal.train),
    capped: fold.capped,
  };
}
