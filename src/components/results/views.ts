/**
 * Table view-models for the results pages, built from reference cells (content/results/reference).
 * Pure functions (no Astro, no DOM) so unit tests can check the exact strings the pages show.
 *
 * Every number shown is the cell's DISPLAYED text (the note's own digits, truncation kept);
 * "best per column" compares the numeric means of the rows in one table.
 */
import type { AggregationRule, ReferenceCell } from '@demos/kd/artifact/index.ts';
import { splitDisplayed } from '@demos/kd/artifact/aggregation.ts';

const ARCHS = ['WRN16-1', 'WRN16-3', 'WRN28-1', 'WRN28-3'] as const;

interface ViewCell {
  meanText: string;
  stdText: string | null;
  mean: number;
  rule: AggregationRule;
  best: boolean;
  cellId: string;
  sources: string[];
}
interface ViewRow {
  label: string;
  /** short note shown under the label (e.g. provenance) */
  note?: string;
  cells: (ViewCell | null)[];
  /** extra right-hand columns (e.g. a sum), already formatted */
  extra?: string[];
}
export interface ViewTable {
  caption: string;
  /** header of the first column */
  rowHeader: string;
  columns: string[];
  extraColumns?: string[];
  rows: ViewRow[];
  highlightBest: boolean;
}

export interface RowSpec {
  label: string;
  note?: string;
  /** group ids whose cells fill the row (first match per column wins) */
  groups: string[];
}

function viewCell(c: ReferenceCell): ViewCell {
  const { meanText, stdText } = splitDisplayed(c.displayed);
  return { meanText, stdText, mean: c.mean, rule: c.rule, best: false, cellId: c.id, sources: c.sources };
}

export function buildTable(
  cells: readonly ReferenceCell[],
  opts: {
    caption: string;
    rowHeader?: string;
    rows: RowSpec[];
    columns?: readonly string[];
    highlightBest?: boolean;
    /** only cells shown in this source (e.g. 'i502' = the 2025-05-02 sheet) */
    source?: string;
  },
): ViewTable {
  const src = opts.source;
  const columns = [...(opts.columns ?? ARCHS)];
  const rows: ViewRow[] = opts.rows.map((spec) => {
    const row: ViewRow = {
      label: spec.label,
      cells: columns.map((col) => {
        for (const g of spec.groups) {
          const c = cells.find((x) => x.groupId === g && x.columnHeader === col && (!src || x.sources.includes(src)));
          if (c) return viewCell(c);
        }
        return null;
      }),
    };
    if (spec.note) row.note = spec.note;
    return row;
  });
  const table: ViewTable = {
    caption: opts.caption,
    rowHeader: opts.rowHeader ?? '설정',
    columns,
    rows,
    highlightBest: opts.highlightBest ?? true,
  };
  if (table.highlightBest) markBest(table);
  return table;
}

/** Marks the highest mean in each column (ties: all of them). */
function markBest(table: ViewTable): void {
  table.columns.forEach((_, j) => {
    const vals = table.rows.map((r) => r.cells[j]).filter((c): c is ViewCell => c !== null);
    if (vals.length < 2) return;
    const max = Math.max(...vals.map((c) => c.mean));
    for (const c of vals) c.best = c.mean === max;
  });
}

/** Rows of the reference that share a table row label, in the order they first appear. */
export function rowsBySource(cells: readonly ReferenceCell[], source: string): RowSpec[] {
  const out: RowSpec[] = [];
  for (const c of cells) {
    if (!c.sources.includes(source)) continue;
    const row = out.find((r) => r.label === c.rowLabel);
    if (!row) out.push({ label: c.rowLabel, groups: [c.groupId] });
    else if (!row.groups.includes(c.groupId)) row.groups.push(c.groupId);
  }
  return out;
}

export function rulesOf(table: ViewTable): AggregationRule[] {
  const set = new Set<AggregationRule>();
  for (const r of table.rows) for (const c of r.cells) if (c) set.add(c.rule);
  return [...set];
}

/** Short Korean description of each rule (kd-protocol §9; the full English text is in the artifact). */
export const RULE_KO: Record<AggregationRule, string> = {
  best3: '폴드마다 3 trial 중 최고값 → 9 폴드 평균. std = (9개 폴드값의 모집단 표준편차) / √26',
  best3_pstd: '폴드마다 3 trial 중 최고값 → 9 폴드 평균. std = 9개 폴드값의 모집단 표준편차 (2025-02-20 방식)',
  mean3: '9 폴드 × 3 trial, 27번 실행의 단순 평균. std 없음',
  mean3_se: '9 폴드 × 3 trial 평균. std = (폴드별 평균 9개의 표본 표준편차) / √27, 소수 둘째 자리에서 버림',
  mid3of6: '폴드마다 6 trial을 오름차순 정렬해 2~4번째(가운데 3개) 평균 → 9 폴드 평균. std = (폴드값의 표본 표준편차) / √27',
  mean3_se_assumed: 'mean3_se와 같은 방식으로 추정(원시 데이터가 노트에 없어 검증 불가)',
  unknown: '집계 방식이 노트에 없음 — 지도 교수의 선행 연구(TPKD)에서 옮겨 온 PAMAP2 결과',
  unknown_own: '집계 방식이 노트에 적혀 있지 않음',
  mean27_pstd: '27번 실행 전체 평균. std = 27개 값의 모집단 표준편차',
  mean_se: '폴드 F개 × trial R개 평균. std = (폴드별 평균의 표본 표준편차) / √(F·R) — 이 사이트의 스윕 규칙',
};

/**
 * Decimals of every number the results pages derive from the sheets (sums of means, %p
 * differences, ranges): one rounding convention on every page, rounded half away from zero by
 * toFixed. Sheet values themselves keep their own (truncated) digits.
 */
export const DERIVED_DECIMALS = 2;

/** Smallest and largest std shown in the tables (as displayed), or null when none shows one. */
export function stdRange(tables: readonly ViewTable[]): { min: string; max: string } | null {
  const shown = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c?.stdText ? [c.stdText] : []))));
  if (shown.length === 0) return null;
  const byValue = [...shown].sort((a, b) => Number(a) - Number(b));
  return { min: byValue[0]!, max: byValue[byValue.length - 1]! };
}

/** Adds a right-hand column with the sum of each row's shown means (the λ-selection criterion). */
export function addSumColumn(table: ViewTable, header: string, decimals: number): number[] {
  const sums = table.rows.map((r) => r.cells.reduce((s, c) => s + (c ? Number(c.meanText) : NaN), 0));
  const best = Math.max(...sums.filter((x) => !Number.isNaN(x)));
  table.extraColumns = [...(table.extraColumns ?? []), header];
  table.rows.forEach((r, i) => {
    const s = sums[i]!;
    r.extra = [...(r.extra ?? []), Number.isNaN(s) ? '–' : `${s.toFixed(decimals)}${table.highlightBest && s === best ? ' ▲' : ''}`];
  });
  return sums;
}
