/**
 * A bound on how many windows one in-page run uses, so the full dataset (the deployed site's
 * shards: up to ~27k windows) cannot exhaust a tab's memory or run for an hour. The GAF images
 * are the largest allocation (N·G²·40 float32), so the bound follows the GAF size:
 *   cap = min(MAX_RUN_WINDOWS, ⌊GAF_BUDGET_BYTES / (G²·40·4)⌋)   e.g. G 16: 3000, G 32: 1228, G 64: 307.
 * Above it, a seeded subsample keeps every class's share (per class, a seeded permutation's
 * first ⌈share⌉): LOSO keeps up to a third of the cap from the test subject and the rest from the
 * others; the window split subsamples the whole set before splitting. The page states it.
 */
import { createRng, permutation } from '../../shared/rng';
import { CHANNELS } from '../pamap2/format';
import { selectWindows, type WindowSet } from '../pamap2/windows';
import { subsetWindows, type WindowSource, type Windows } from '../pamap2/window-source';
import { groupByClass, type InputChoice } from './split';

export const MAX_RUN_WINDOWS = 3000;
const GAF_BUDGET_BYTES = 192 * 2 ** 20;

export function runWindowCap(gafSize: number): number {
  return Math.max(12, Math.min(MAX_RUN_WINDOWS, Math.floor(GAF_BUDGET_BYTES / (gafSize * gafSize * CHANNELS * 4))));
}

export interface CapInfo {
  from: number;
  used: number;
  cap: number;
  seed: number;
}

/** Sorted indices of `idx` (into y): at most `max`, each class keeping its share, seeded. */
export function stratifiedSubsample(idx: readonly number[], y: ArrayLike<number>, max: number, seed: number): number[] {
  if (idx.length <= max) return [...idx];
  const out: number[] = [];
  groupByClass(idx, y).forEach((list, c) => {
    if (list.length === 0) return;
    const keep = Math.max(1, Math.floor((list.length * max) / idx.length));
    const perm = permutation(list.length, createRng((seed ^ Math.imul(c + 7, 0x85ebca6b)) >>> 0));
    for (let k = 0; k < keep; k++) out.push(list[perm[k]!]!);
  });
  return out.sort((a, b) => a - b);
}

/** Sorted indices of the windows a run uses, or null when all of them fit under the cap. */
function capIndices(ws: Pick<WindowSet, 'n' | 'y' | 'subject'>, c: InputChoice): { keep: number[] | null; cap: CapInfo | null } {
  const cap = runWindowCap(c.gafSize);
  if (ws.n <= cap) return { keep: null, cap: null };
  let keep: number[];
  if (c.split === 'loso') {
    const test: number[] = [],
      train: number[] = [];
    for (let i = 0; i < ws.n; i++) (ws.subject[i] === c.testSubject ? test : train).push(i);
    const t = stratifiedSubsample(test, ws.y, Math.floor(cap / 3), c.seed);
    keep = [...t, ...stratifiedSubsample(train, ws.y, cap - t.length, c.seed + 1)].sort((a, b) => a - b);
  } else {
    keep = stratifiedSubsample(
      Array.from({ length: ws.n }, (_, i) => i),
      ws.y,
      cap,
      c.seed,
    );
  }
  return { keep, cap: { from: ws.n, used: keep.length, cap, seed: c.seed } };
}

/** The windows a run uses (all of them when under the cap), copied, and what was dropped. */
export function capWindows(ws: WindowSet, c: InputChoice): { ws: WindowSet; cap: CapInfo | null } {
  const { keep, cap } = capIndices(ws, c);
  return keep ? { ws: selectWindows(ws, keep), cap } : { ws, cap };
}

/** The same as a view: nothing is copied until the split selects its train and test windows. */
export function capSource(ws: Windows, c: InputChoice): { ws: Windows; cap: CapInfo | null } {
  const { keep, cap } = capIndices(ws, c);
  return keep ? { ws: subsetWindows(ws, keep) satisfies WindowSource, cap } : { ws, cap };
}
