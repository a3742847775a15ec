/** Typed access to the `results` content collection (build time only). */
import { getCollection } from 'astro:content';
import type { GroupArtifact, ReferenceCellsArtifact, ReferenceRawTrialsArtifact, RunArtifact } from '@demos/kd/artifact/index.ts';

async function all() {
  return (await getCollection('results')).map((e) => ({ id: e.id, data: e.data }));
}
async function one<K extends string, T>(kind: K): Promise<T> {
  const hit = (await all()).find((e) => e.data.kind === kind);
  if (!hit) throw new Error(`results collection has no "${kind}" artifact (content/results/reference/ missing?)`);
  return hit.data as T;
}
export const referenceCells = () => one<'reference-cells', ReferenceCellsArtifact>('reference-cells');
export const referenceRawTrials = () => one<'reference-raw-trials', ReferenceRawTrialsArtifact>('reference-raw-trials');

/** Own sweep runs/groups, with the collection id (ids of $RESULTS_EXTRA_DIR start with "extra/"). */
export async function ownArtifacts(): Promise<{
  runs: { id: string; data: RunArtifact }[];
  groups: { id: string; data: GroupArtifact }[];
}> {
  const entries = await all();
  const runs: { id: string; data: RunArtifact }[] = [];
  const groups: { id: string; data: GroupArtifact }[] = [];
  for (const e of entries) {
    if (e.data.kind === 'run') runs.push({ id: e.id, data: e.data });
    else if (e.data.kind === 'group') groups.push({ id: e.id, data: e.data });
  }
  return { runs, groups };
}
