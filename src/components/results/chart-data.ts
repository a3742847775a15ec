/** Data for the static charts, from reference artifacts (pure; unit-tested). */
import type { RawBlock, ReferenceCell } from '@demos/kd/artifact/index.ts';
import { splitDisplayed } from '@demos/kd/artifact/aggregation.ts';

export interface AlphaPoint {
  arch: string;
  alpha: number;
  mean: number;
  meanText: string;
  stdText: string | null;
  lo: number;
  hi: number;
  rule: string;
  cellId: string;
}

/** Final 2-teacher base cells (GAF+Sig) at λ, one point per (teacher arch, α). */
export function alphaPoints(cells: readonly ReferenceCell[], lambda: number, archs: readonly string[]): AlphaPoint[] {
  const pts: AlphaPoint[] = [];
  for (const arch of archs) {
    const hits = cells.filter(
      (c) =>
        c.status === 'final' &&
        c.method === 'base' &&
        c.nTeachers === 2 &&
        c.teachers[0]?.modality === 'GAF' &&
        c.lambda === lambda &&
        c.alpha !== null &&
        c.columnHeader === arch &&
        !c.groupId.endsWith('_paper'),
    );
    for (const c of hits) {
      const { meanText, stdText } = splitDisplayed(c.displayed);
      const s = c.std ?? 0;
      pts.push({ arch, alpha: c.alpha!, mean: c.mean, meanText, stdText, lo: c.mean - s, hi: c.mean + s, rule: c.rule, cellId: c.id });
    }
  }
  return pts.sort((a, b) => a.arch.localeCompare(b.arch) || a.alpha - b.alpha);
}

export const subjectOf = (fold: number) => `S${101 + fold}`;

export interface SubjectPoint {
  subject: string;
  arch: string;
  /** index of the arch (vertical offset so symbols do not overlap) */
  k: number;
  trial: number;
  acc: number;
}
export function subjectPoints(blocks: readonly RawBlock[]): SubjectPoint[] {
  const out: SubjectPoint[] = [];
  blocks.forEach((b, k) =>
    b.values.forEach((row, i) =>
      row.forEach((acc, t) => out.push({ subject: subjectOf(b.folds[i]!), arch: b.arch, k, trial: b.trials[t]!, acc })),
    ),
  );
  return out;
}

export interface SubjectSummary {
  subject: string;
  min: number;
  max: number;
  byArch: { arch: string; min: number; mean: number; max: number }[];
}
export function subjectSummary(blocks: readonly RawBlock[]): SubjectSummary[] {
  const folds = [...new Set(blocks.flatMap((b) => b.folds))].sort((a, b) => a - b);
  return folds.map((f) => {
    const byArch = blocks.flatMap((b) => {
      const i = b.folds.indexOf(f);
      const v = i >= 0 ? b.values[i] : undefined;
      if (!v || v.length === 0) return [];
      return [{ arch: b.arch, min: Math.min(...v), mean: v.reduce((x, y) => x + y, 0) / v.length, max: Math.max(...v) }];
    });
    return { subject: subjectOf(f), min: Math.min(...byArch.map((a) => a.min)), max: Math.max(...byArch.map((a) => a.max)), byArch };
  });
}
