/**
 * The aggregation rules of kd-protocol §9 (keys of reference-results.json `aggregation_methods`),
 * as functions from per-fold per-trial accuracies to (mean, std).
 *
 * Input: trials[f][t] = accuracy (%) of trial t on LOSO fold f.
 * The sheets TRUNCATE (not round): means to 4 decimals, SE-like stds to 2 — see `truncate`.
 *
 * "std" in these tables is NOT the spread across subjects; for most rules it is an SE-like
 * quantity (std of per-fold values divided by √26 or √27), which is why it is ~2 while the
 * folds range from ~52 % to 100 %.
 */

export interface Aggregate {
  /** per-fold value the rule averages (best, mean, or middle-3 mean of the fold's trials) */
  perFold: number[];
  mean: number;
  std: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;
/** population std (divide by n) */
export function pstd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / xs.length);
}
/** sample std (divide by n - 1) */
function sstd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
}

/** middle 3 of 6 after an ascending sort: elements [1:4] (drops the lowest 1 and the highest 2) */
function middle3of6(xs: readonly number[]): number {
  if (xs.length !== 6) throw new Error(`mid3of6 needs 6 trials per fold, got ${xs.length}`);
  const s = [...xs].sort((a, b) => a - b);
  return mean(s.slice(1, 4));
}

function requireShape(trials: readonly (readonly number[])[], nTrials: number | null, rule: string): void {
  if (trials.length === 0) throw new Error(`${rule}: no folds`);
  trials.forEach((t, f) => {
    if (t.length === 0 || (nTrials !== null && t.length !== nTrials)) {
      throw new Error(`${rule}: fold ${f} has ${t.length} trials, expected ${nTrials ?? '≥ 1'}`);
    }
  });
}

/** Which rules can be recomputed from raw trials (the others are stated, not derivable). */
const COMPUTABLE_RULES = ['best3', 'best3_pstd', 'mean3', 'mean3_se', 'mean3_se_assumed', 'mid3of6', 'mean27_pstd', 'mean_se'] as const;
export type ComputableRule = (typeof COMPUTABLE_RULES)[number];

export function aggregate(rule: ComputableRule, trials: readonly (readonly number[])[]): Aggregate {
  switch (rule) {
    case 'best3':
    case 'best3_pstd': {
      requireShape(trials, 3, rule);
      const perFold = trials.map((t) => Math.max(...t));
      const p = pstd(perFold);
      // best3: pstd/√26 (reverse-engineered in the notes, exact for every checked row)
      return { perFold, mean: mean(perFold), std: rule === 'best3' ? p / Math.sqrt(26) : p };
    }
    case 'mean3': {
      requireShape(trials, 3, rule);
      return { perFold: trials.map(mean), mean: mean(trials.flat()), std: null };
    }
    case 'mean27_pstd': {
      requireShape(trials, 3, rule);
      const all = trials.flat();
      return { perFold: trials.map(mean), mean: mean(all), std: pstd(all) };
    }
    case 'mean3_se':
    case 'mean3_se_assumed': {
      requireShape(trials, 3, rule);
      const perFold = trials.map(mean);
      return { perFold, mean: mean(perFold), std: sstd(perFold) / Math.sqrt(27) };
    }
    case 'mid3of6': {
      requireShape(trials, 6, rule);
      const perFold = trials.map(middle3of6);
      return { perFold, mean: mean(perFold), std: sstd(perFold) / Math.sqrt(27) };
    }
    case 'mean_se': {
      requireShape(trials, null, rule);
      const n = trials[0]?.length ?? 0;
      requireShape(trials, n, rule);
      const perFold = trials.map(mean);
      const std = perFold.length > 1 ? sstd(perFold) / Math.sqrt(perFold.length * n) : null;
      return { perFold, mean: mean(perFold), std };
    }
  }
}

/**
 * Truncate to `decimals` as the sheets do, returned as the exact decimal string.
 * A tiny epsilon absorbs binary noise (86.55895 stored as 86.558949999…); it is far below
 * the 1e-4 resolution the sheets show.
 */
export function truncate(x: number, decimals: number): string {
  const f = 10 ** decimals;
  const n = Math.floor(x * f + 1e-7);
  const s = String(n).padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** Decimals shown in a displayed string part ("85.80" → 2, "88" → 0). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Split a reference `displayed` string into its mean and std texts. */
export function splitDisplayed(displayed: string): { meanText: string; stdText: string | null } {
  const m = /^(\d+(?:\.\d+)?)(?:\((\d+(?:\.\d+)?)\)|±(\d+(?:\.\d+)?))?$/.exec(displayed);
  if (!m?.[1]) throw new Error(`cannot read displayed value "${displayed}"`);
  return { meanText: m[1], stdText: m[2] ?? m[3] ?? null };
}
