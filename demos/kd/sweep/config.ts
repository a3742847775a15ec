/**
 * Sweep configuration (zod) and its presets. A sweep = teacher architectures × LOSO folds ×
 * α × trials of the 2-teacher (GAF + signal) → WRN16-1 student KD run (kd-protocol §6, base
 * method). Teachers are trained once per (architecture, fold) and reused for every α and trial.
 *
 * Presets (./presets/*.json): `paper` (the protocol: 2 archs × α {0.3, 0.5, 0.7} × 3 trials ×
 * 9 folds, λ 0.99, T 4, 200 epochs, 64×64 GAF — GPU scale), `quick` (≤ 30 min on a 2-core CPU
 * on the bundled excerpt), `smoke` (≤ 2 min, CI and tests).
 */
import { z } from 'zod';
import { archSchema } from '../artifact/schema';
import { formatZodError } from '../../shared/zod-error';

const dataSpecSchema = z.discriminatedUnion('kind', [
  /** the real PAMAP2 excerpt shipped in data/pamap2 (6 subjects, 138 windows) */
  z.object({ kind: z.literal('excerpt'), dir: z.string().default('data/pamap2') }),
  /** shards written by `npm run data:pamap2` from the full UCI dataset */
  z.object({ kind: z.literal('shards'), dir: z.string().min(1) }),
]);
export type DataSpec = z.infer<typeof dataSpecSchema>;

export const sweepConfigSchema = z
  .object({
    /** names the output folder and labels the runs on the site */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    description: z.string().default(''),
    data: dataSpecSchema,
    /** teacher architectures (both teachers of a run share it; the student is WRN16-1) */
    teacherArchs: z.array(archSchema).min(1),
    /** held-out subjects (LOSO folds); "all" = every subject in the data */
    folds: z.union([z.literal('all'), z.array(z.number().int().min(101).max(109)).min(1)]),
    alphas: z.array(z.number().min(0).max(1)).min(1),
    lambda: z.number().min(0).max(1),
    temperature: z.number().positive(),
    trials: z.number().int().min(1),
    epochs: z.number().int().min(1),
    /** teachers' epochs (default: epochs) */
    teacherEpochs: z.number().int().min(1).optional(),
    gafSize: z.number().int().min(8).max(64),
    batchSize: z.number().int().min(1),
    learningRate: z.number().positive(),
    seed: z.number().int().nonnegative(),
    backend: z.enum(['cpu', 'wasm']).default('wasm'),
  })
  .strict();
export type SweepConfig = z.infer<typeof sweepConfigSchema>;

export const PRESETS = ['paper', 'quick', 'smoke'] as const;
export type Preset = (typeof PRESETS)[number];
export const isPreset = (s: string): s is Preset => (PRESETS as readonly string[]).includes(s);

export function parseSweepConfig(file: string, json: unknown): SweepConfig {
  const r = sweepConfigSchema.safeParse(json);
  if (r.success) return r.data;
  throw new Error(formatZodError(r.error, { file, separator: '\n' }));
}
