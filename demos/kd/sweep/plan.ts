/**
 * Expands a sweep config into work: units = (teacher arch, fold), each holding its runs
 * (α × trial). A unit is the scheduling grain: its two teachers are trained once (or read
 * from the on-disk cache) and serve every run in it. Sharding (`--shard k/n`) splits units,
 * never runs, so no teacher is trained on two machines. Pure and deterministic.
 */
import type { SweepConfig } from './config';

export interface RunSpec {
  id: string;
  arch: string;
  subject: number;
  alpha: number;
  trial: number;
  /** student seed (teachers use unitSeed) */
  seed: number;
  /** same for all folds/trials of one (arch, α): the cell a run belongs to */
  groupKey: string;
}
export interface UnitSpec {
  key: string;
  arch: string;
  subject: number;
  teacherSeed: number;
  runs: RunSpec[];
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._=+-]/g, '_');
const groupKeyOf = (arch: string, alpha: number) => safe(`${arch.toLowerCase()}-a${alpha}`);

export function planSweep(c: SweepConfig, subjects: readonly number[]): UnitSpec[] {
  const folds = c.folds === 'all' ? [...subjects].sort((a, b) => a - b) : c.folds;
  const missing = folds.filter((f) => !subjects.includes(f));
  if (missing.length) throw new Error(`folds ${missing.join(', ')} are not in the data (subjects: ${subjects.join(', ')})`);
  const units: UnitSpec[] = [];
  for (const arch of c.teacherArchs) {
    for (const subject of folds) {
      const runs: RunSpec[] = [];
      for (const alpha of c.alphas) {
        for (let trial = 0; trial < c.trials; trial++) {
          runs.push({
            id: safe(`${c.name}-${arch.toLowerCase()}-a${alpha}-s${subject}-t${trial}`),
            arch,
            subject,
            alpha,
            trial,
            seed: c.seed + 1000 * (trial + 1) + subject,
            groupKey: groupKeyOf(arch, alpha),
          });
        }
      }
      units.push({ key: safe(`${arch.toLowerCase()}-s${subject}`), arch, subject, teacherSeed: c.seed + subject, runs });
    }
  }
  return units;
}

/** "2/3" → { k: 2, n: 3 } (1-based k). */
export function parseShard(s: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new Error(`--shard must look like k/n with 1 ≤ k ≤ n, got "${s}"`);
  return { k, n };
}

/** Units of shard k of n: round-robin over the deterministic unit order. */
export function shardUnits(units: readonly UnitSpec[], shard: { k: number; n: number }): UnitSpec[] {
  return units.filter((_, i) => i % shard.n === shard.k - 1);
}
