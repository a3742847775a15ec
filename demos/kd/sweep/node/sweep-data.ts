/** Node: loads a sweep's data (excerpt or full-dataset shards) and identifies it by SHA-256. */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadExcerptSeries } from '../../pamap2/node/excerpt';
import { EXCERPT_FILES } from '../../pamap2/excerpt';
import { loadShardDir } from '../../pamap2/node/shard-files';
import { makeWindows, type WindowSet } from '../../pamap2/windows';
import type { DataSpec } from '../config';

export interface SweepData {
  source: string;
  sha256: string;
  subjects: number[];
  windows: WindowSet;
}

export async function loadSweepData(spec: DataSpec): Promise<SweepData> {
  if (spec.kind === 'excerpt') {
    const h = createHash('sha256');
    // same identity as the in-browser run (demos/kd/run/data-summary.ts excerptData): hash of the three texts
    for (const f of [EXCERPT_FILES.first10000, EXCERPT_FILES.alexchow, EXCERPT_FILES.indexCsv])
      h.update(readFileSync(join(spec.dir, f), 'utf8'));
    const series = await loadExcerptSeries(spec.dir);
    return {
      source: `excerpt:${spec.dir}`,
      sha256: h.digest('hex'),
      subjects: series.map((s) => s.subject).sort((a, b) => a - b),
      windows: makeWindows(series),
    };
  }
  let shards: Awaited<ReturnType<typeof loadShardDir>>;
  try {
    shards = await loadShardDir(spec.dir);
  } catch (e) {
    throw new Error(
      `data.dir ${spec.dir}: cannot read PAMAP2 shards (${(e as Error).message}). Build them with "npm run data:pamap2", or use a preset on the excerpt (quick, smoke).`,
    );
  }
  const sha256 = createHash('sha256')
    .update(readFileSync(join(spec.dir, 'manifest.json')))
    .digest('hex');
  const series = shards.series;
  return {
    source: `shards:${spec.dir}`,
    sha256,
    subjects: series.map((s) => s.subject).sort((a, b) => a - b),
    windows: makeWindows(series),
  };
}
