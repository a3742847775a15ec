/**
 * Groups run artifacts into cells (one config, all folds × trials) and aggregates them with
 * the `mean_se` rule — the rule this project's sweeps use (mean over F folds × R trials;
 * std = sample std of the F per-fold means / √(F·R); identical to the notes' mean3_se for
 * F = 9, R = 3). Used by `sweep merge` (writes group artifacts) and the own-runs page.
 */
import { aggregate } from '../artifact/aggregation';
import { ARTIFACT_SCHEMA_VERSION, groupArtifactSchema, type GroupArtifact, type GroupConfig, type RunArtifact } from '../artifact/index';

export interface RunGroup {
  sweep: string;
  preset: string | undefined;
  groupKey: string;
  config: GroupConfig;
  runs: RunArtifact[];
  folds: number[];
  trials: number[];
  /** folds missing some trial → the aggregate is over complete folds only */
  complete: boolean;
  mean: number;
  std: number | null;
  perFold: number[];
  backends: string[];
  codeVersions: string[];
}

function groupConfigOf(r: RunArtifact): GroupConfig {
  const { fold: _f, trial: _t, seed: _s, heldOutSubject: _h, ...rest } = r.config;
  return rest;
}

export function groupRuns(runs: readonly RunArtifact[]): RunGroup[] {
  const byKey = new Map<string, RunArtifact[]>();
  for (const r of runs) {
    const key = `${r.sweep?.name ?? 'ad-hoc'}::${r.sweep?.groupKey ?? r.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: RunGroup[] = [];
  for (const list of byKey.values()) {
    const first = list[0]!;
    const folds = [...new Set(list.map((r) => r.config.fold))].sort((a, b) => a - b);
    const trials = [...new Set(list.map((r) => r.config.trial))].sort((a, b) => a - b);
    const table = folds.map((f) => trials.map((t) => list.find((r) => r.config.fold === f && r.config.trial === t)?.metrics.bestTestAcc));
    const full = table.filter((row): row is number[] => row.every((v) => v !== undefined));
    const a = full.length > 0 ? aggregate('mean_se', full) : { mean: NaN, std: null, perFold: [] };
    out.push({
      sweep: first.sweep?.name ?? 'ad-hoc',
      preset: first.sweep?.preset,
      groupKey: first.sweep?.groupKey ?? first.id,
      config: groupConfigOf(first),
      runs: [...list].sort((x, y) => x.config.fold - y.config.fold || x.config.trial - y.config.trial),
      folds,
      trials,
      complete: full.length === folds.length,
      mean: a.mean,
      std: a.std,
      perFold: a.perFold,
      backends: [...new Set(list.map((r) => r.env.backend))],
      codeVersions: [...new Set(list.map((r) => r.env.codeVersion))],
    });
  }
  return out.sort((a, b) => a.sweep.localeCompare(b.sweep) || a.groupKey.localeCompare(b.groupKey));
}

export function groupLabel(c: GroupConfig): string {
  const t = c.teachers.map((x) => `${x.modality}:${x.arch}`).join(' + ');
  return `${c.method} | T ${t || '–'} → S ${c.student.arch} | α ${c.alpha ?? '–'} λ ${c.lambda ?? '–'} T ${c.temperature ?? '–'}`;
}

export function toGroupArtifact(g: RunGroup, createdAt: string): GroupArtifact {
  return groupArtifactSchema.parse({
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    kind: 'group',
    id: `${g.sweep}--${g.groupKey}`,
    label: groupLabel(g.config),
    config: g.config,
    rule: 'mean_se',
    metric: 'bestTestAcc',
    nFolds: g.perFold.length,
    nTrials: g.trials.length,
    mean: g.mean,
    std: g.std,
    perFold: g.perFold,
    runIds: g.runs.map((r) => r.id),
    backend: g.backends.join('+'),
    codeVersions: g.codeVersions,
    createdAt,
    sweep: { name: g.sweep, ...(g.preset ? { preset: g.preset } : {}), groupKey: g.groupKey },
  });
}
