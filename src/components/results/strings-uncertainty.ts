/**
 * Every sentence of the subject-level intervals (uncertainty.ts, Uncertainty.astro) in both
 * languages. The verdict is written per language, not word for word: Korean puts the condition
 * first ("…을 포함하므로 … 구별되지 않습니다"), English says what the interval does and what follows.
 * Differences of percentages are percentage points: Korean "%p", English "pp".
 */
import type { Localized } from '@src/i18n/lang';

export interface UncertaintyStrings {
  /** "b − a: mean of per-subject differences …, 95 % interval […] — verdict." (numbers already signed) */
  comparison: (p: { a: string; b: string; n: number; mean: string; lo: string; hi: string; distinguishable: boolean }) => string;
  columns: readonly [string, string, string, string];
  note: string;
  /** "Per-subject values: …" above the note */
  valuesLine: (notes: string) => string;
  twoTeachers: (alpha: number, arch: string) => string;
  oneTeacher: (arch: string) => string;
  lambdaAveraged: (lam: number) => string;
  trials2T: string;
  trials1T: string;
  trialsLambda: string;
}

export const UNCERTAINTY: Localized<UncertaintyStrings> = {
  ko: {
    comparison: ({ a, b, n, mean, lo, hi, distinguishable }) =>
      `${b} − ${a}: 피험자별 차이의 평균 ${mean} %p, 95 % 구간 [${lo}, ${hi}] %p — ${
        distinguishable
          ? `95 % 구간이 0을 포함하지 않으므로 피험자 ${n}명 기준으로 0과 구별됩니다`
          : `95 % 구간이 0을 포함하므로 피험자 ${n}명 기준으로 0과 구별되지 않습니다`
      }.`,
    columns: ['설정', '시트의 평균 ± “std”(= s/√27)', '피험자 9명 평균 ± SE(= s/√9)', '95 % 구간(t, 자유도 8)'],
    note: 's는 피험자별 값(그 폴드 trial들의 평균) 9개의 표본 표준편차입니다. 한 폴드의 trial들은 모두 같은 평가 피험자로 재므로 서로 독립이 아닙니다. 독립인 단위는 피험자 9명이고, 평균의 SE는 s / √9입니다. 시트의 “std”는 같은 표준편차를 √27로 나눈 값이라 이 SE보다 약 √3 ≈ 1.73배 작습니다.',
    valuesLine: (notes) => `피험자별 값: ${notes}.`,
    twoTeachers: (alpha, arch) => `두 교사 α ${alpha} · ${arch}`,
    oneTeacher: (arch) => `한 교사(GAF) · ${arch}`,
    lambdaAveraged: (lam) => `λ ${lam} (교사 구조 4개 평균)`,
    trials2T: '폴드마다 trial 3개의 평균 (2025-05-09 원시 시트)',
    trials1T: '폴드마다 trial 1~3의 평균 (2025-04-18 원시 시트; 시트의 값은 6 trial 가운데 3개 평균)',
    trialsLambda:
      '폴드마다 trial 1~3의 평균 (2025-04-18 원시 시트; λ 0.99 시트에는 trial 4~6이 폴드 0, 1에만 있어 세 λ 모두 trial 1~3으로 맞춤)',
  },
  en: {
    comparison: ({ a, b, n, mean, lo, hi, distinguishable }) =>
      `${b} − ${a}: mean per-subject difference ${mean} pp, 95 % interval [${lo}, ${hi}] pp — ${
        distinguishable
          ? `the interval excludes 0, so with ${n} subjects the difference is distinguishable from zero`
          : `the interval includes 0, so with ${n} subjects the difference cannot be told apart from zero`
      }.`,
    columns: ['Setting', 'Sheet mean ± “std” (= s/√27)', 'Mean of 9 subjects ± SE (= s/√9)', '95 % interval (t, 8 df)'],
    note: 's is the sample standard deviation of the 9 per-subject values (each the mean of that fold’s trials). The trials of one fold are all measured on the same held-out subject, so they are not independent: the independent units are the 9 subjects, and the SE of the mean is s / √9. The sheet’s “std” divides the same standard deviation by √27, so it is about √3 ≈ 1.73 times smaller than this SE.',
    valuesLine: (notes) => `Per-subject values: ${notes}.`,
    twoTeachers: (alpha, arch) => `two teachers, α ${alpha} · ${arch}`,
    oneTeacher: (arch) => `one teacher (GAF) · ${arch}`,
    lambdaAveraged: (lam) => `λ ${lam} (mean of the 4 teacher architectures)`,
    trials2T: 'mean of the 3 trials of each fold (raw sheet of 2025-05-09)',
    trials1T: 'mean of trials 1–3 of each fold (raw sheet of 2025-04-18; the sheet’s value averages 3 of 6 trials)',
    trialsLambda:
      'mean of trials 1–3 of each fold (raw sheets of 2025-04-18; the λ 0.99 sheet has trials 4–6 for folds 0 and 1 only, so all three λ use trials 1–3)',
  },
};
