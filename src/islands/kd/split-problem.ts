/** Whether the loaded data can be split as the reader chose (pure; the page says why not). */
import { windowSplitCounts, type SplitKind } from '@demos/kd/experiment/split';
import type { DataSummary } from '@demos/kd/run/protocol';
import { S } from './strings';

/** Why the chosen split cannot run on the loaded data (no test window, or fewer than 2 subjects), or null. */
export function splitProblemOf(d: DataSummary, split: SplitKind): string | null {
  if (split === 'window') return windowSplitCounts(d.classCounts).test > 0 ? null : S.windowSplitImpossible;
  const usable = d.subjects.filter((x) => x.windows > 0).length;
  return usable < 2 ? S.losoImpossible(usable) : null;
}
