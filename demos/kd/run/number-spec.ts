/**
 * The KD run's numeric ranges and GAF sizes: the ONE place they are written. demos/kd/run/config.ts
 * turns them into controls (KD_CONTROLS) from which the schema the worker re-validates with, the
 * page's inputs (min/max/step in KdRunDemo.astro), the per-field check at the input
 * (`checkNumber`) and the URL codec (src/islands/kd/url-state.ts) are derived
 * (test/unit/kd-control-spec.test.ts changes a range here and sees them all follow).
 */

/** The GAF image sides the page offers (its select, the URL and the worker's schema read this list). */
export const GAF_SIZES = [8, 16, 24, 32, 64] as const;

/**
 * The numeric settings' ranges: the place the schema below, the page's inputs (min/max/step
 * in KdRunDemo.astro), the per-field check at the input (`checkNumber`) and the URL codec
 * (src/islands/kd/url-state.ts) read them from, so they cannot drift apart. `step` is the
 * input's spinner step only (not a constraint: α = 0.25 is valid).
 */
export const NUMBER_SPEC = {
  /** Held-out subject (leave-one-subject-out fold), e.g. 101. Ignored by the 'window' split. */
  testSubject: { min: 101, max: 109, step: 1, int: true },
  /** Weight of the GAF (image) teacher; the signal teacher gets 1 − α (protocol §6). */
  alpha: { min: 0, max: 1, step: 0.1, int: false },
  /** Weight of the KD term; CE gets 1 − λ (protocol §6). */
  lambda: { min: 0, max: 1, step: 0.01, int: false },
  /** T ≥ 0.5: T → 0 makes softmax(z/T) one-hot (and z/0 is not a number). */
  temperature: { min: 0.5, max: 20, step: 0.5, int: false },
  epochs: { min: 1, max: 50, step: 1, int: true },
  /** GAF image side (the paper uses 64; the browser default is small). */
  gafSize: { min: Math.min(...GAF_SIZES), max: Math.max(...GAF_SIZES), step: 8, int: true },
  batchSize: { min: 4, max: 256, step: 4, int: true },
  /** int32: the seeded generators take a 32-bit seed. */
  seed: { min: 0, max: 2 ** 31 - 1, step: 1, int: true },
} as const;
