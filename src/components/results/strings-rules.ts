/**
 * The aggregation rules (kd-protocol §9) in words, in both languages. Short: each is one table cell
 * or one legend line; the full English definition lives in the reference artifact.
 */
import type { AggregationRule } from '@demos/kd/artifact/index.ts';
import type { Localized } from '@src/i18n/lang';

export const RULES: Localized<Record<AggregationRule, string>> = {
  ko: {
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
  },
  en: {
    best3: 'best of 3 trials per fold → mean over the 9 folds. std = (population SD of the 9 fold values) / √26',
    best3_pstd: 'best of 3 trials per fold → mean over the 9 folds. std = population SD of the 9 fold values (the 2025-02-20 convention)',
    mean3: 'plain mean of the 27 runs (9 folds × 3 trials). No std',
    mean3_se: 'mean over 9 folds × 3 trials. std = (sample SD of the 9 fold means) / √27, truncated to two decimals',
    mid3of6:
      '6 trials per fold sorted ascending, mean of the 2nd–4th (the middle three) → mean over the 9 folds. std = (sample SD of the fold values) / √27',
    mean3_se_assumed: 'assumed to follow mean3_se (the notes have no raw data to check it)',
    unknown: "aggregation not stated in the notes — PAMAP2 results carried over from the advisor's earlier work (TPKD)",
    unknown_own: 'aggregation not written down in the notes',
    mean27_pstd: 'mean of all 27 runs. std = population SD of the 27 values',
    mean_se: "mean over F folds × R trials. std = (sample SD of the fold means) / √(F·R) — this site's sweep rule",
  },
};
