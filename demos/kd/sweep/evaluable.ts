/**
 * Whether a sweep's accuracies can mean anything, from its run artifacts alone: every run must
 * record its fold's test windows and how many of them belong to a class absent from that fold's
 * training windows (schemaVersion 2), and every fold must test on at least one window of a class
 * seen in training. A fold that tests only on unseen classes scores ≈ 0 whatever the model — on the
 * bundled excerpt every LOSO fold does (each activity comes from one subject) — so a table of such
 * runs is zero by construction and the results page leaves it out, saying why.
 */
import type { RunArtifact } from '../artifact/index';

export type SweepVerdict =
  | { shown: true }
  | { shown: false; why: 'not-recorded'; runs: number }
  | { shown: false; why: 'unseen-only'; folds: string[] };

export interface FoldCounts {
  /** "101" (held-out subject), or "fold 0" / "window split" when there is none */
  fold: string;
  testWindows: number;
  unseenTestWindows: number;
}

function foldName(r: RunArtifact): string {
  if (r.config.split === 'window') return 'window split';
  return r.config.heldOutSubject ?? `fold ${r.config.fold}`;
}

/** Per fold: its test windows and the unseen ones (runs of one fold share them); null if a run lacks them. */
export function foldCounts(runs: readonly RunArtifact[]): FoldCounts[] | null {
  const out = new Map<string, FoldCounts>();
  for (const r of runs) {
    const { testWindows, unseenTestWindows } = r.metrics;
    if (testWindows === undefined || unseenTestWindows === undefined) return null;
    out.set(foldName(r), { fold: foldName(r), testWindows, unseenTestWindows });
  }
  return [...out.values()];
}

export function sweepVerdict(runs: readonly RunArtifact[]): SweepVerdict {
  const folds = foldCounts(runs);
  if (!folds) {
    return {
      shown: false,
      why: 'not-recorded',
      runs: runs.filter((r) => r.metrics.testWindows === undefined || r.metrics.unseenTestWindows === undefined).length,
    };
  }
  const blind = folds.filter((f) => f.testWindows - f.unseenTestWindows <= 0).map((f) => f.fold);
  return blind.length > 0 ? { shown: false, why: 'unseen-only', folds: blind } : { shown: true };
}
