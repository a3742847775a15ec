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
    /** header of the first column, in the page's language */
    rowHeader: string;
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
    rowHeader: opts.rowHeader,
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
