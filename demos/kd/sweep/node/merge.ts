/**
 * Node: `sweep merge` — gathers run artifacts from shard outputs into one results folder and
 * writes one group artifact (mean_se over folds × trials, ../group.ts) per cell. Idempotent:
 * a run already present with the same id is kept (copies with the same config and metrics are
 * fine — a deterministic re-run differs only in its time stamps; different results under one
 * id are reported as a conflict and not overwritten).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupRuns, toGroupArtifact } from '../group';
import { runFile, runsDir, scanRuns, writeFileAtomic } from './store';

export interface MergeResult {
  copied: number;
  identical: number;
  conflicts: string[];
  broken: string[];
  groups: number;
  sweeps: string[];
}

/** Sweep names under an output folder (folders that have runs/). */
export function sweepsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'runs')))
    .map((d) => d.name)
    .sort();
}

export function mergeSweeps(out: string, from: readonly string[], createdAt = new Date().toISOString()): MergeResult {
  const r: MergeResult = { copied: 0, identical: 0, conflicts: [], broken: [], groups: 0, sweeps: [] };
  for (const src of from) {
    for (const name of sweepsIn(src)) {
      const scan = scanRuns(runsDir(src, name));
      r.broken.push(...scan.broken.map((b) => b.message.split('\n')[0]!));
      for (const a of scan.finished.values()) {
        const text = readFileSync(runFile(src, name, a.id), 'utf8');
        const dest = runFile(out, name, a.id);
        if (existsSync(dest)) {
          // same run = same config and metrics (a deterministic re-run differs only in env: time, duration)
          const same = (t: string) => {
            const j = JSON.parse(t) as { config: unknown; metrics: unknown };
            return JSON.stringify([j.config, j.metrics]);
          };
          if (same(readFileSync(dest, 'utf8')) === same(text)) r.identical++;
          else r.conflicts.push(`${dest} differs from ${runFile(src, name, a.id)} (kept the existing file)`);
          continue;
        }
        writeFileAtomic(dest, text);
        r.copied++;
      }
    }
  }
  r.sweeps = sweepsIn(out);
  for (const name of r.sweeps) {
    const runs = [...scanRuns(runsDir(out, name)).finished.values()];
    for (const g of groupRuns(runs)) {
      const a = toGroupArtifact(g, createdAt);
      writeFileAtomic(join(out, name, 'groups', `${g.groupKey}.json`), `${JSON.stringify(a, null, 1)}\n`);
      r.groups++;
    }
  }
  return r;
}
