/** Whether the loaded data can be split as the reader chose (pure; the page says why not). */
import { windowSplitCounts, type SplitKind } from '@demos/kd/experiment/split';
import type { DataSummary } from '@demos/kd/run/protocol';
import { S } from './strings';

/**
 * Why a LOSO fold cannot be evaluated, or null: its held-out subject has no window, or none of
 * its classes occurs in the other subjects' (training) windows — then every model scores 0 % by
 * construction (on the bundled excerpt each activity comes from one subject, so every fold).
 */
export function foldProblemOf(d: DataSummary, subject: number): string | null {
  const test = d.subjects.find((x) => x.id === subject);
  if (!test || test.windows === 0) return S.foldNoWindows(subject);
  const seen = new Set(d.subjects.filter((x) => x.id !== subject).flatMap((x) => x.classes));
  return test.classes.some((c) => seen.has(c)) ? null : S.foldUnseen(subject, test.classes);
}

/** The LOSO folds (subjects with windows) that can be evaluated. */
export function usableFolds(d: DataSummary): number[] {
  return d.subjects.filter((x) => x.windows > 0 && foldProblemOf(d, x.id) === null).map((x) => x.id);
}

/** Why the chosen split (and, for LOSO, fold) cannot run on the loaded data, or null. */
export function splitProblemOf(d: DataSummary, split: SplitKind, subject: number): string | null {
  if (split === 'window') return windowSplitCounts(d.classCounts).test > 0 ? null : S.windowSplitImpossible;
  const usable = d.subjects.filter((x) => x.windows > 0).length;
  if (usable < 2) return S.losoImpossible(usable);
  const fold = foldProblemOf(d, subject);
  if (fold === null) return null;
  return usableFolds(d).length === 0 ? `${fold} ${S.losoNoFold}` : fold;
}
