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
import type { Lang } from '@src/i18n/lang';
import { UNCERTAINTY } from './strings-uncertainty';
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
  /** short label in the page's language, e.g. "두 교사 α 0.7 · WRN16-3" */
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

/** The sentence a page shows for one paired comparison (b − a), in the page's language. */
function comparisonSentence(a: string, b: string, d: PairedDifference, lang: Lang = 'ko'): string {
  const { n, distinguishable } = d;
  return UNCERTAINTY[lang].comparison({ a, b, n, mean: signed(d.mean), lo: signed(d.lo), hi: signed(d.hi), distinguishable });
}

function compare(a: Setting, b: Setting, lang: Lang = 'ko'): Comparison {
  const d = pairedDifference(a.values, b.values);
  return { label: `${b.label} − ${a.label}`, d, sentence: comparisonSentence(a.label, b.label, d, lang) };
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

/** Header of the interval table (the columns of settingRow). */
export const intervalColumns = (lang: Lang) => UNCERTAINTY[lang].columns;

/** What the per-subject values are made of, once per distinct description (shown under the table). */
export const trialsNotes = (u: PageUncertainty) => [...new Set(u.settings.map((s) => s.trialsNote))];

/** Why the sheet's "std" is not the subject-level SE (shown under the table). */
export const intervalNote = (lang: Lang) => UNCERTAINTY[lang].note;

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
export function alphaUncertainty(raw: ReferenceRawTrialsArtifact, cells: readonly ReferenceCell[], lang: Lang = 'ko'): PageUncertainty {
  const t = UNCERTAINTY[lang];
  const cmp = (a: Setting, b: Setting) => compare(a, b, lang);
  const two = (alpha: number, arch: string) =>
    setting(
      t.twoTeachers(alpha, arch),
      block(raw, 'raw_2T_GAF_lam0.99_alpha0.7_0.9', (b) => b.alpha === alpha && b.arch === arch),
      t.trials2T,
      cellOf(cells, `2T_GAF_base_a${alpha}_lam0.99`, arch),
    );
  const one = (arch: string) =>
    setting(
      t.oneTeacher(arch),
      block(raw, 'raw_1T_GAF_lam0.99_partial', (b) => b.arch === arch),
      t.trials1T,
      cellOf(cells, '1T_GAF_lam0.99_mid3of6', arch),
    );
  const [a7w163, a9w163, a7w281, a9w281] = [two(0.7, 'WRN16-3'), two(0.9, 'WRN16-3'), two(0.7, 'WRN28-1'), two(0.9, 'WRN28-1')];
  const [o163, o281] = [one('WRN16-3'), one('WRN28-1')];
  return {
    settings: [a7w163, a9w163, a7w281, a9w281, o163, o281],
    comparisons: [cmp(a7w163, a9w163), cmp(a7w281, a9w281), cmp(a7w281, a7w163), cmp(a9w281, a9w163), cmp(o163, a7w163), cmp(o281, a7w281)],
  };
}

/** λ choice (one teacher, GAF → signal): λ 0.7 / 0.9 / 0.99, per teacher and averaged over the four. */
export function lambdaUncertainty(raw: ReferenceRawTrialsArtifact, cells: readonly ReferenceCell[], lang: Lang = 'ko'): PageUncertainty {
  const t = UNCERTAINTY[lang];
  const sheets: Record<number, string> = {
    0.7: 'raw_1T_GAF_lam0.7_6trials',
    0.9: 'raw_1T_GAF_lam0.9_6trials',
    0.99: 'raw_1T_GAF_lam0.99_partial',
  };
  const archs = ['WRN16-1', 'WRN16-3', 'WRN28-1', 'WRN28-3'];
  const note = t.trialsLambda;
  const per = (lam: number) =>
    archs.map((arch) => {
      const b = block(raw, sheets[lam]!, (x) => x.arch === arch);
      // the per-subject value uses trials 1–3 only, so all three λ are measured alike
      const first3: RawBlock = { ...b, trials: b.trials.slice(0, 3), values: b.values.map((row) => row.slice(0, 3)) };
      return setting(`λ ${lam} · ${arch}`, first3, note, cellOf(cells, `1T_GAF_lam${lam}_mid3of6`, arch));
    });
  const byLam = [0.7, 0.9, 0.99].map((lam) => ({ lam, parts: per(lam) }));
  const avg = byLam.map(({ lam, parts }) => averaged(t.lambdaAveraged(lam), parts, note));
  const [l7, l9, l99] = avg as [Setting, Setting, Setting];
  return {
    settings: [...byLam.flatMap((x) => x.parts), ...avg],
    comparisons: [compare(l7, l99, lang), compare(l9, l99, lang), compare(l7, l9, lang)],
  };
}
