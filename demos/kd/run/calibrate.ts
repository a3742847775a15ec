/**
 * The KD page's backend choice from a measurement on the reader's machine: a few training
 * steps of the 1D WRN16-1 student (the model three of the run's four phases train) on each
 * candidate backend, the fastest wins. Why measure instead of a rule: which backend is faster
 * depends on the machine — tfjs's WebGPU path is dispatch-bound (≈ 1,900 kernels a step), so a
 * hardware GPU lost to one CPU core on an H200 (demos/kd/README.md), a software adapter loses by
 * more, and a fused GPU step (issue #21) changes the answer again; only a measurement follows.
 *
 * Budget: CALIBRATION_BUDGET_MS per candidate; one warm-up step (shader compilation, kernel set-up) and CALIBRATION_STEPS timed ones
 * per candidate at batch CALIBRATION_BATCH, on seeded noise of the real window shape.
 * Here: the schemas and the choice (no tfjs: the page imports them through protocol.ts); the
 * measurement itself is calibrate-step.ts, which the worker (src/islands/kd/worker-runtime.ts)
 * runs per backend.
 */
import { z } from 'zod';

export const CALIBRATION_STEPS = 3;
export const CALIBRATION_BATCH = 8;
/**
 * Wall-clock budget per GPU candidate, warm-up included (the CPU baseline is always measured). A candidate over it is not measured and
 * never chosen: Chromium's software WebGPU adapter spent over a minute compiling the first
 * step's shaders on this (loaded) machine, and the page must not wait for that.
 */
export const CALIBRATION_BUDGET_MS = 1500;

const CALIBRATION_BACKENDS = ['wasm', 'webgpu'] as const;
export type CalibrationBackend = (typeof CALIBRATION_BACKENDS)[number];

/** One candidate's figure: median ms per training step, or null and why it could not be measured. */
const MeasuredSchema = z.object({
  backend: z.enum(CALIBRATION_BACKENDS),
  msPerStep: z.number().nonnegative().nullable(),
  why: z.string().nullable(),
});
export type Measured = z.infer<typeof MeasuredSchema>;

/** What the page shows: the chosen backend and every candidate's figure; totalMs = the whole calibration. */
export const CalibrationSchema = z.object({
  chosen: z.enum(CALIBRATION_BACKENDS),
  measured: z.array(MeasuredSchema).min(1),
  totalMs: z.number().nonnegative(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/**
 * The fastest measured candidate (ties: the earlier one in `measured`, so list the CPU first:
 * it never loses its device). null when nothing could be measured.
 */
export function chooseMeasured(measured: readonly Measured[]): CalibrationBackend | null {
  let best: Measured | null = null;
  for (const m of measured) {
    if (m.msPerStep === null || !Number.isFinite(m.msPerStep)) continue;
    if (best === null || m.msPerStep < best.msPerStep!) best = m;
  }
  return best?.backend ?? null;
}

/** Language-neutral one-liner (the badge's tooltip): "wasm 3.1 ms/step · webgpu 41 ms/step [measured]". */
export function measuredSummary(c: Calibration): string {
  const one = (m: Measured): string => `${m.backend} ${m.msPerStep === null ? `– (${m.why ?? '?'})` : `${m.msPerStep.toFixed(1)} ms/step`}`;
  return `${c.measured.map(one).join(' · ')} [measured]`;
}
