/**
 * Result artifacts: the one JSON format for every PAMAP2 KD number on the site.
 *
 * A file in `content/results/` (or in `$RESULTS_EXTRA_DIR`) is ONE artifact, discriminated by
 * `kind`:
 *
 *  - `run`        one training run (one fold × one trial × one config), written by the sweep
 *                 (`npm run sweep`) or exported by the in-browser KD demo. Per-epoch curve,
 *                 best/last held-out accuracy, and everything needed to reproduce it:
 *                 seed, data source + SHA-256, backend, code version (git commit), time.
 *  - `group`      an aggregate over runs of one config (folds × trials) with its rule
 *                 (see `aggregation.ts`), written by `npm run sweep:merge`.
 *  - `reference-cells` / `reference-per-fold` / `reference-raw-trials` / `reference-unlabeled`
 *                 the researcher's own numbers, converted 1:1 from
 *                 `shared/reference/reference-results.json` by `scripts/convert-reference.ts`
 *                 with provenance (note date, source sheet) and the displayed string kept.
 *
 * Accuracies are percentages (0–100), like the notes. Every artifact carries
 * `schemaVersion`; a reader rejects versions it does not know instead of guessing.
 * Version 2 adds to `run` artifacts what a page needs to tell whether a held-out accuracy can
 * mean anything: `config.split` and the fold's `metrics.testWindows` / `unseenTestWindows`
 * (required from 2). Version 1 files still read; their runs count as "fold not recorded".
 *
 * Writers validate before writing (`parseArtifact`), the site validates at build (content
 * collection), so a malformed file fails loudly with its file name and the field path
 * (`formatArtifactError`).
 *
 * Reference kinds live in `reference-schema.ts`; the union of all kinds and the parse/format
 * helpers in `index.ts` (import from there).
 *
 * Usage from the in-browser KD run (export a run):
 *   import { runArtifactSchema, ARTIFACT_SCHEMA_VERSION } from '../artifact';
 *   const artifact = runArtifactSchema.parse({ schemaVersion: ARTIFACT_SCHEMA_VERSION, kind: 'run', ... });
 */
import { z } from 'zod';

/** The version writers write. */
export const ARTIFACT_SCHEMA_VERSION = 2 as const;
/** The versions this build reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];
export const schemaVersionSchema = z.union([z.literal(1), z.literal(2)]);

/** Aggregation rules; keys of reference-results.json `aggregation_methods` (kd-protocol §9) + `mean_se`. */
export const aggregationRuleSchema = z.enum([
  'best3',
  'best3_pstd',
  'mean3',
  'mean3_se',
  'mid3of6',
  'mean3_se_assumed',
  'unknown',
  'unknown_own',
  'mean27_pstd',
  // Own sweeps: mean over F folds × R trials, std = sample std of the F per-fold means / √(F·R).
  // Identical to mean3_se when F = 9, R = 3 (except that mean3_se truncates for display).
  'mean_se',
]);
export type AggregationRule = z.infer<typeof aggregationRuleSchema>;

/** 'WRN16-1' = depth 16, width factor 1 (the notes' wrn161). */
export const archSchema = z.string().regex(/^WRN\d+-\d+$/, 'expected an architecture like "WRN16-1"');
const modalitySchema = z.enum(['signal', 'GAF', 'PI']);
export const methodSchema = z.enum(['single', 'base', 'ann', 'ann+sp', 'camkd', 'ebkd', 'mtkd_rl', 'dcd', 'pr']);

export const networkSchema = z.object({
  modality: modalitySchema,
  arch: archSchema,
  /** e.g. "1D WRN", "2D WRN, 64x64 input" */
  net: z.string().optional(),
});
export const teacherSchema = networkSchema.extend({
  /** 'T' (single teacher), 'T1' (GAF), 'T2' (signal or PI), 'T3' */
  role: z.string().min(1),
  /** The reference marks some teacher archs as uncertain; keep the note verbatim. */
  archNote: z.string().optional(),
});
export type Teacher = z.infer<typeof teacherSchema>;

const pct = z.number().min(0).max(100);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const isoTime = z.iso.datetime({ offset: true });

/** What a run trained on: the data's identity, not the data. */
const dataSourceSchema = z.object({
  dataset: z.literal('PAMAP2'),
  /** e.g. "excerpt:alexchow-windows" or "uci-full"; shown on the page as the protocol. */
  source: z.string().min(1),
  sha256,
  /** Subjects in this dataset (folds = leave-one-subject-out over them). */
  subjects: z.array(z.string()).optional(),
  windows: z.number().int().nonnegative().optional(),
});

/** The hyper-parameters shared by all runs of one group (no fold/trial/seed). */
const groupConfigSchema = z.object({
  method: methodSchema,
  teachers: z.array(teacherSchema),
  student: networkSchema,
  /** weight of the image (GAF) teacher's KD term; 1-α goes to the signal teacher. null when n/a */
  alpha: z.number().min(0).max(1).nullable(),
  /** weight of the KD term; CE gets 1-λ. null when n/a (single networks) */
  lambda: z.number().min(0).max(1).nullable(),
  /** softmax temperature T of the KD term */
  temperature: z.number().positive().nullable(),
  epochs: z.number().int().positive(),
  batchSize: z.number().int().positive().optional(),
  learningRate: z.number().positive().optional(),
  data: dataSourceSchema,
  /**
   * Evaluation split: 'loso' = leave one subject out (protocol §2, `heldOutSubject`); 'window' =
   * the in-page demo's seeded stratified split of windows (not the protocol). Required on runs
   * from schemaVersion 2.
   */
  split: z.enum(['loso', 'window']).optional(),
});
export type GroupConfig = z.infer<typeof groupConfigSchema>;

const sweepRunConfigSchema = groupConfigSchema.extend({
  /** fold index = index of the held-out subject in data.subjects */
  fold: z.number().int().nonnegative(),
  heldOutSubject: z.string().optional(),
  trial: z.number().int().nonnegative(),
  seed: z.number().int(),
});

const epochPointSchema = z.object({
  epoch: z.number().int().nonnegative(),
  trainLoss: z.number(),
  trainAcc: pct.optional(),
  testAcc: pct,
  testLoss: z.number().optional(),
});

const environmentSchema = z.object({
  /** tfjs backend name that actually ran: 'cpu', 'wasm', 'webgl', 'webgpu', 'tensorflow' */
  backend: z.string().min(1),
  runtime: z.enum(['node', 'browser']),
  /** git commit of the code that produced it, or 'unknown' (e.g. a browser build without it) */
  codeVersion: z.string().min(1),
  createdAt: isoTime,
  durationMs: z.number().nonnegative(),
  host: z.string().optional(),
});

/** Which sweep a run/group belongs to; the page labels own runs with this protocol. */
const sweepRefSchema = z.object({
  name: z.string().min(1),
  preset: z.string().optional(),
  /** stable key of the group config (same for every fold/trial of one cell) */
  groupKey: z.string().min(1),
});

export const runArtifactSchema = z
  .object({
    schemaVersion: schemaVersionSchema,
    kind: z.literal('run'),
    id: z.string().regex(/^[A-Za-z0-9._=+-]+$/, 'id must be file-name safe'),
    config: sweepRunConfigSchema,
    metrics: z.object({
      bestTestAcc: pct,
      bestEpoch: z.number().int().nonnegative(),
      lastTestAcc: pct,
      curve: z.array(epochPointSchema).min(1),
      /** held-out windows of the fold (required from schemaVersion 2) */
      testWindows: z.number().int().nonnegative().optional(),
      /** held-out windows whose class never occurs in the fold's training data (no model can get
       *  them right; on the small excerpt this is every test window of every LOSO fold); required
       *  from schemaVersion 2 */
      unseenTestWindows: z.number().int().nonnegative().optional(),
    }),
    env: environmentSchema,
    sweep: sweepRefSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.schemaVersion < 2) return;
    const need = (path: (string | number)[], v: unknown): void => {
      if (v === undefined) ctx.addIssue({ code: 'custom', path, message: 'required from schemaVersion 2' });
    };
    need(['config', 'split'], a.config.split);
    need(['metrics', 'testWindows'], a.metrics.testWindows);
    need(['metrics', 'unseenTestWindows'], a.metrics.unseenTestWindows);
    const { testWindows: t, unseenTestWindows: u } = a.metrics;
    if (t !== undefined && u !== undefined && u > t)
      ctx.addIssue({ code: 'custom', path: ['metrics', 'unseenTestWindows'], message: `${u} unseen of ${t} test windows` });
  });
export type RunArtifact = z.infer<typeof runArtifactSchema>;

export const groupArtifactSchema = z.object({
  schemaVersion: schemaVersionSchema,
  kind: z.literal('group'),
  id: z.string().min(1),
  label: z.string().min(1),
  config: groupConfigSchema,
  rule: aggregationRuleSchema,
  /** which accuracy of each run is aggregated */
  metric: z.enum(['bestTestAcc', 'lastTestAcc']),
  nFolds: z.number().int().positive(),
  nTrials: z.number().int().positive(),
  mean: pct,
  std: z.number().nonnegative().nullable(),
  /** per-fold value the rule produced (fold order), before averaging */
  perFold: z.array(pct),
  runIds: z.array(z.string()),
  backend: z.string().min(1),
  codeVersions: z.array(z.string()),
  createdAt: isoTime,
  sweep: sweepRefSchema,
});
export type GroupArtifact = z.infer<typeof groupArtifactSchema>;
