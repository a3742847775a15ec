/**
 * Does the distilled student beat the student alone, and the label-smoothing control, on
 * macro-F1 by more than the seed spread? Paired per seed (same initial weights and batches):
 * the 95 % t interval of the per-seed difference kd − other. Entirely above 0: 'better';
 * entirely below: 'worse'; containing 0: 'unclear'. The sentence (./sentence.ts) follows this.
 */
import type { SeedResult } from './scenario';
import { summarize, type Summary } from './stats';

export type Verdict = 'better' | 'worse' | 'unclear';
export interface Comparison {
  diff: Summary;
  /** Seeds where kd's macro-F1 is higher. */
  wins: number;
  verdict: Verdict;
}

export function verdictOf(diff: Summary): Verdict {
  if (diff.n < 2) return 'unclear';
  if (diff.lo > 0) return 'better';
  if (diff.hi < 0) return 'worse';
  return 'unclear';
}

export function compare(kd: readonly number[], other: readonly number[]): Comparison {
  const d = kd.map((v, i) => v - other[i]!);
  const diff = summarize(d);
  return { diff, wins: d.filter((x) => x > 0).length, verdict: verdictOf(diff) };
}

export function compareStudents(seeds: readonly Pick<SeedResult, 'scores'>[]): { vsAlone: Comparison; vsLs: Comparison } {
  const f1 = (m: 'alone' | 'ls' | 'kd') => seeds.map((s) => s.scores[m].macroF1);
  return { vsAlone: compare(f1('kd'), f1('alone')), vsLs: compare(f1('kd'), f1('ls')) };
}
