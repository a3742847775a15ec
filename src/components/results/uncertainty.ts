/**
 * Subject-level intervals and paired comparisons for the results pages, built at build time from
 * the raw per-fold, per-trial sheets (content/results/reference/raw-trials.json). Pure (no Astro,
 * no DOM), so the unit test checks the very numbers and sentences the pages show.
 *
 * Per-subject value = mean of that fold's trials (fold f = test subject 101 + f). Only settings
 * whose raw sheet holds all 9 folds enter; everything else is named as "no per-subject data".
 */
import type { RawBlock, ReferenceCell, ReferenceRawTrialsArtifact } from '@demos/kd/artifact/index.ts';
import { splitDisplayed } from '@demos/kd/artifact/aggregation.ts';
import {
  foldMean,
  type PairedDifference,
  pairedDifference,
  type SubjectSummary,
  summarizeSubjects,
} from '@demos/kd/stats/subject-stats.ts';
import { DERIVED_DECIMALS } from './views';

const SUBJECTS = 9;
const f = (x: number) => x.toFixed(DERIVED_DECIMALS);
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(DERIVED_DECIMALS)}`;

/** Per-subject values (fold order 0…8) of one raw block; null unless it holds all 9 folds. */
function subjectValues(b: RawBlock): number[] | null {
  if (b.folds.length !== SUBJECTS) return null;
  const byFold = b.folds.map((fold, i) => ({ fold, v: foldMean(b.values[i]!) })).sort((x, y) => x.fold - y.fold);
  if (byFold.some((x, i) => x.fold !== i)) return null;
  return byFold.map((x) => x.v);
}

export interface Setting {
  /** short Korean label, e.g. "α 0.7 · WRN16-3" */
  label: string;
  values: number[];
  summary: SubjectSummary;
  /** the sheet's own cell as displayed ("86.5589(2.21)") and its rule, when the sheet has one */
  sheet: { mean: string; std: string | null; rule: string } | null;
  /** which trials make the per-subject value, in words */
  trialsNote: string;
}

interface Comparison {
  /** "b − a" in words */
  label: string;
  d: PairedDifference;
  sentence: string;
}

function setting(label: string, block: RawBlock, trialsNote: string, cell: ReferenceCell | undefined): Setting {
  const values = subjectValues(block);
  if (!values) throw new Error(`${label}: raw block lacks some of the ${SUBJECTS} folds`);
  const sheet = cell ? { ...splitDisplayed(cell.displayed), rule: cell.rule } : null;
  return {
    label,
    values,
    summary: summarizeSubjects(values),
    sheet: sheet ? { mean: sheet.meanText, std: sheet.stdText, rule: sheet.rule } : null,
    trialsNote,
  };
}

/** Average of several settings per subject (e.g. over the four teacher structures). */
function averaged(label: string, parts: readonly Setting[], trialsNote: string): Setting {
  const values = Array.from({ length: SUBJECTS }, (_, s) => parts.reduce((acc, p) => acc + p.values[s]!, 0) / parts.length);
  return { label, values, summary: summarizeSubjects(values), sheet: null, trialsNote };
}

/** The sentence a page shows for one paired comparison (b − a). */
function comparisonSentence(a: string, b: string, d: PairedDifference): string {
  const verdict = d.distinguishable
    ? `95 % 구간이 0을 포함하지 않으므로 피험자 ${d.n}명 기준으로 0과 구별됩니다`
    : `95 % 구간이 0을 포함하므로 피험자 ${d.n}명 기준으로 0과 구별되지 않습니다`;
  return `${b} − ${a}: 피험자별 차이의 평균 ${signed(d.mean)} %p, 95 % 구간 [${signed(d.lo)}, ${signed(d.hi)}] %p — ${verdict}.`;
}

function compare(a: Setting, b: Setting): Comparison {
  const d = pairedDifference(a.values, b.values);
  return { label: `${b.label} − ${a.label}`, d, sentence: comparisonSentence(a.label, b.label, d) };
}

/** Row texts of the interval table (sheet's "std" beside the subject-level SE and interval). */
export function settingRow(s: Setting): string[] {
  const { mean, se, lo, hi } = s.summary;
  return [
    s.label,
    s.sheet ? `${s.sheet.mean}${s.sheet.std ? ` ± ${s.sheet.std}` : ''} (${s.sheet.rule})` : '–',
    `${f(mean)} ± ${f(se)}`,
    `[${f(lo)}, ${f(hi)}]`,
  ];
}

export const INTERVAL_COLUMNS = ['설정', '시트의 평균 ± “std”(= s/√27)', '피험자 9명 평균 ± SE(= s/√9)', '95 % 구간(t, 자유도 8)'] as const;

/** What the per-subject values are made of, once per distinct description (shown under the table). */
export const trialsNotes = (u: PageUncertainty) => [...new Set(u.settings.map((s) => s.trialsNote))];

export const INTERVAL_NOTE =
  's는 피험자별 값(그 폴드 trial들의 평균) 9개의 표본 표준편차입니다. 한 폴드의 trial들은 모두 같은 평가 피험자로 재므로 서로 독립이 아닙니다. 독립인 단위는 피험자 9명이고, 평균의 SE는 s / √9입니다. 시트의 “std”는 같은 표준편차를 √27로 나눈 값이라 이 SE보다 약 √3 ≈ 1.73배 작습니다.';

const block = (raw: ReferenceRawTrialsArtifact, sheet: string, pick: (b: RawBlock) => boolean): RawBlock => {
  const s = raw.sheets.find((x) => x.id === sheet);
  const b = s?.blocks.find((x) => pick(x) && x.folds.length === SUBJECTS);
  if (!b) throw new Error(`raw sheet ${sheet}: no 9-fold block for this setting`);
  return b;
};
const cellOf = (cells: readonly ReferenceCell[], group: string, col: string) =>
  cells.find((c) => c.groupId === group && c.columnHeader === col);

export interface PageUncertainty {
  settings: Setting[];
  comparisons: Comparison[];
}

/** α sweep (λ = 0.99): α 0.7 vs 0.9, WRN16-3 vs WRN28-1 teachers, two teachers vs one. */
export function alphaUncertainty(raw: ReferenceRawTrialsArtifact, cells: readonly ReferenceCell[]): PageUncertainty {
  const two = (alpha: number, arch: string) =>
    setting(
      `두 교사 α ${alpha} · ${arch}`,
      block(raw, 'raw_2T_GAF_lam0.99_alpha0.7_0.9', (b) => b.alpha === alpha && b.arch === arch),
      '폴드마다 trial 3개의 평균 (2025-05-09 원시 시트)',
      cellOf(cells, `2T_GAF_base_a${alpha}_lam0.99`, arch),
    );
  const one = (arch: string) =>
    setting(
      `한 교사(GAF) · ${arch}`,
      block(raw, 'raw_1T_GAF_lam0.99_partial', (b) => b.arch === arch),
      '폴드마다 trial 1~3의 평균 (2025-04-18 원시 시트; 시트의 값은 6 trial 가운데 3개 평균)',
      cellOf(cells, '1T_GAF_lam0.99_mid3of6', arch),
    );
  const [a7w163, a9w163, a7w281, a9w281] = [two(0.7, 'WRN16-3'), two(0.9, 'WRN16-3'), two(0.7, 'WRN28-1'), two(0.9, 'WRN28-1')];
  const [o163, o281] = [one('WRN16-3'), one('WRN28-1')];
  return {
    settings: [a7w163, a9w163, a7w281, a9w281, o163, o281],
    comparisons: [
      compare(a7w163, a9w163),
      compare(a7w281, a9w281),
      compare(a7w281, a7w163),
      compare(a9w281, a9w163),
      compare(o163, a7w163),
      compare(o281, a7w281),
    ],
  };
}

/** λ choice (one teacher, GAF → signal): λ 0.7 / 0.9 / 0.99, per teacher and averaged over the four. */
export function lambdaUncertainty(raw: ReferenceRawTrialsArtifact, cells: readonly ReferenceCell[]): PageUncertainty {
  const sheets: Record<number, string> = {
    0.7: 'raw_1T_GAF_lam0.7_6trials',
    0.9: 'raw_1T_GAF_lam0.9_6trials',
    0.99: 'raw_1T_GAF_lam0.99_partial',
  };
  const archs = ['WRN16-1', 'WRN16-3', 'WRN28-1', 'WRN28-3'];
  const note =
    '폴드마다 trial 1~3의 평균 (2025-04-18 원시 시트; λ 0.99 시트에는 trial 4~6이 폴드 0, 1에만 있어 세 λ 모두 trial 1~3으로 맞춤)';
  const per = (lam: number) =>
    archs.map((arch) => {
      const b = block(raw, sheets[lam]!, (x) => x.arch === arch);
      // the per-subject value uses trials 1–3 only, so all three λ are measured alike
      const first3: RawBlock = { ...b, trials: b.trials.slice(0, 3), values: b.values.map((row) => row.slice(0, 3)) };
      return setting(`λ ${lam} · ${arch}`, first3, note, cellOf(cells, `1T_GAF_lam${lam}_mid3of6`, arch));
    });
  const byLam = [0.7, 0.9, 0.99].map((lam) => ({ lam, parts: per(lam) }));
  const avg = byLam.map(({ lam, parts }) => averaged(`λ ${lam} (교사 구조 4개 평균)`, parts, note));
  const [l7, l9, l99] = avg as [Setting, Setting, Setting];
  return {
    settings: [...byLam.flatMap((x) => x.parts), ...avg],
    comparisons: [compare(l7, l99), compare(l9, l99), compare(l7, l9)],
  };
}
