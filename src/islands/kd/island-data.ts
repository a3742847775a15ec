/**
 * What the island's form does when data arrives (part of island-state.ts's update, pure): the
 * split and fold for the new data, the batch size the data suggests, and the URL's `kd-data=full`
 * once the build says whether it has the full shards.
 */
import { defaultSplitFor } from '@demos/kd/experiment/split';
import { defaultBatchFor } from '@demos/kd/run/config';
import type { DataSummary } from '@demos/kd/run/protocol';
import type { Step } from '@src/lib/create-island';
import { splitProblemOf, usableFolds } from './split-problem';
import { splitOf } from './form';
import { loadBundled, runWith, saveUrl, type KdEffect, type KdIslandState } from './island-core';
import { S } from './strings';

/** The fold to select: `want` (e.g. from the URL) when the data has windows for it, else the first fold that can be evaluated. */
function foldFor(d: DataSummary, want: number): number | null {
  const options = d.subjects.filter((x) => x.windows > 0);
  if (options.some((x) => x.id === want)) return want;
  return usableFolds(d)[0] ?? options[0]?.id ?? null;
}

/**
 * The URL's split and fold on the first data; else the data's own default split. No fold that can be
 * evaluated (e.g. the excerpt): the window split, unless the URL asks (then the reason shows). The batch
 * field follows the data's default unless the reader (or the URL) changed it from the previous default.
 */
export function afterData(s: KdIslandState, d: DataSummary): KdIslandState {
  const noLoso = usableFolds(d).length === 0;
  const split = s.firstData && s.url.split ? s.url.split : noLoso ? 'window' : defaultSplitFor(d.source);
  const fold = foldFor(d, s.firstData ? s.url.config.testSubject : Number(s.form.fold));
  const auto = String(defaultBatchFor(d.source));
  const form = {
    ...s.form,
    split,
    fold: fold === null ? s.form.fold : String(fold),
    batchSize: s.form.batchSize === s.batchAuto ? auto : s.form.batchSize,
  };
  let next: KdIslandState = { ...s, form, firstData: false, batchAuto: auto };
  const why = splitProblemOf(d, splitOf(form), Number(form.fold) || s.url.config.testSubject);
  if (why) next = runWith(next, { type: 'ui-status', text: S.dataReadyBut(why) });
  return saveUrl(next);
}

/** The URL asked for the full data: load it once the build says it has it, else say that it does not. */
export function afterFullData(s: KdIslandState, description: string | null): Step<KdIslandState, KdEffect> {
  if (s.url.data !== 'full' || s.choice !== 'excerpt') return { state: s, send: [] };
  if (description) return loadBundled({ ...s, radio: 'full' }, 'full');
  return { state: { ...s, notes: [...s.notes, S.urlNoFull] }, send: [] };
}
