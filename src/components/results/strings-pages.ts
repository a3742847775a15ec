/**
 * Table captions, row headers, notes and chart captions of the four results pages' data components
 * (AlphaSweep, FinalTwoTeacher, LambdaSelection, Table0425), in both languages.
 */
import type { Localized } from '@src/i18n/lang';

export interface PagesStrings {
  sum: string;
  // AlphaSweep
  alphaRowHeader: string;
  notRun: string;
  alphaSheet: string;
  alphaFilled: string;
  alphaLambda07: string;
  alphaChart: string;
  alphaSpread: string;
  alphaUncCaption: string;
  alphaUncMissing: string;
  // FinalTwoTeacher
  finalCaption: string;
  paperCaption: string;
  piCaption: string;
  baseNote: string;
  annNote: string;
  annSpNote: string;
  // LambdaSelection
  lambdaRowHeader: string;
  lambdaMid: string;
  lambdaMean: string;
  lambdaBest: string;
  lambdaSums: (sums: string, chosen: string) => string;
  lambdaSpread: string;
  lambdaUncCaption: string;
  lambdaUncMissing: string;
  // Table0425
  sheetRowHeader: string;
  t425Single: string;
  t425OneT: string;
  t425TwoT: string;
  t425Count: [string, string];
}

export const PAGES: Localized<PagesStrings> = {
  ko: {
    sum: '합계',
    alphaRowHeader: 'α (GAF 교사 가중치)',
    notRun: '실행하지 않음',
    alphaSheet: '2025-05-02 시트: 두 교사(GAF + 신호) Base, λ = 0.99 — 열 = 교사 구조, 학생 = WRN16-1',
    alphaFilled: '이후 채워진 값까지 (2025-05-09 ~ 05-23): 두 교사 Base, λ = 0.99 — 열 = 교사 구조',
    alphaLambda07: '이전 α 스윕 (2025-04-11, λ = 0.7, 폐기됨) — 열 = 교사 구조',
    alphaChart:
      '교사 구조 WRN16-3과 WRN28-1에서 α에 따른 학생(WRN16-1) 정확도 (λ = 0.99, 3 trial × 9 폴드 평균, mean3_se). 실선 = WRN16-3, 점선 = WRN28-1. 막대 = ±시트의 std(폴드 평균들의 표준편차 / √27).',
    alphaSpread: 'α = 0.7, λ = 0.99에서 피험자(LOSO 폴드)별 3 trial 정확도 (2025-05-09 원시 시트). 회색 선 = 피험자별 최저~최고.',
    alphaUncCaption: 'α 스윕(λ = 0.99)과 한 교사: 피험자 9명 기준 평균, SE, 95 % 구간 — 시트의 “std”와 나란히',
    alphaUncMissing:
      'α 0.3과 0.5는 노트에 시트의 평균 ± std만 있고 피험자(폴드)별 값이 없어 구간과 짝지은 차이를 계산할 수 없습니다. 05-23에 돌린 WRN16-1 / WRN28-3의 α 0.7과 최종 표의 ann / ann+sp도 마찬가지입니다.',
    finalCaption: '최종 두 교사 (GAF + 신호), λ = 0.99, α = 0.7 — 열 = 교사 구조, 학생 = WRN16-1',
    paperCaption: '같은 결과의 논문 형식 표 (2025-07-10, 소수 둘째 자리) — 열 = 교사 구조',
    piCaption: '비교: PI + 신호 두 교사 (지도 교수의 선행 결과, 집계 방식 미상) — 열 = 교사 구조',
    baseNote: '로짓 KD, 학생 무작위 초기화',
    annNote: '학생을 신호로 먼저 학습한 WRN16-1에서 시작',
    annSpNote: 'ann + 중간 특징의 유사도 보존(SP) 손실, β = 200',
    lambdaRowHeader: 'λ (KD 항 가중치)',
    lambdaMid: '3단계 (2025-04-25): 한 교사(GAF) → 학생 WRN16-1, 6 trial의 가운데 3개 평균 — 열 = 교사 구조',
    lambdaMean: '2단계 (2025-03-28 ~ 04-11): 3 trial 단순 평균, WRN28-3 열은 04-11에 고친 값 — 열 = 교사 구조',
    lambdaBest: '1단계 (2025-03-21): 폴드마다 3 trial 중 최고값의 평균 (폐기) — 열 = 교사 구조',
    lambdaSums: (sums, chosen) => `합계: ${sums}. 가장 큰 λ = ${chosen}를 선택.`,
    lambdaSpread:
      'λ = 0.7 원시 시트(2025-04-18): 교사 구조 4가지 × 피험자 9명 × 6 trial = 216번 실행 각각의 정확도. 회색 선 = 피험자별 최저~최고.',
    lambdaUncCaption: 'λ 0.7 / 0.9 / 0.99 (한 교사 GAF → 신호 학생): 피험자 9명 기준 평균, SE, 95 % 구간 — 시트의 “std”와 나란히',
    lambdaUncMissing:
      '시트의 가운데 3개 평균(mid3of6)은 6 trial이 필요한데, λ 0.99 원시 시트에는 trial 4~6이 폴드 0, 1에만 있습니다. 그래서 피험자별 비교는 세 λ 모두 trial 1~3의 평균으로 했고, 시트의 mid3of6 값과 같지 않습니다.',
    sheetRowHeader: '모델 (시트의 행 이름)',
    t425Single: '단일 네트워크 (열 = 그 네트워크 자체의 구조)',
    t425OneT: '한 교사 → 학생 WRN16-1 (열 = 교사 구조)',
    t425TwoT: '두 교사 → 학생 WRN16-1 (열 = 교사 구조)',
    t425Count: ['이 시트에서 옮긴 값: ', '개 칸.'],
  },
  en: {
    sum: 'Sum',
    alphaRowHeader: 'α (GAF teacher weight)',
    notRun: 'not run',
    alphaSheet: 'Sheet of 2025-05-02: two teachers (GAF + signal), Base, λ = 0.99 — columns = teacher architecture, student = WRN16-1',
    alphaFilled: 'With the values filled in later (2025-05-09 to 05-23): two teachers, Base, λ = 0.99 — columns = teacher architecture',
    alphaLambda07: 'Earlier α sweep (2025-04-11, λ = 0.7, discarded) — columns = teacher architecture',
    alphaChart:
      'Student (WRN16-1) accuracy against α with the teacher architectures WRN16-3 and WRN28-1 (λ = 0.99, mean of 3 trials × 9 folds, mean3_se). Solid line = WRN16-3, dashed = WRN28-1. Bars = ± the sheet’s std (SD of the fold means / √27).',
    alphaSpread:
      'Accuracy of the 3 trials per subject (LOSO fold) at α = 0.7, λ = 0.99 (raw sheet of 2025-05-09). Grey line = lowest to highest per subject.',
    alphaUncCaption: 'α sweep (λ = 0.99) and one teacher: mean, SE and 95 % interval over the 9 subjects — beside the sheet’s “std”',
    alphaUncMissing:
      'For α 0.3 and 0.5 the notes hold only the sheet’s mean ± std and no per-subject (per-fold) values, so neither an interval nor a paired difference can be computed. The same holds for α 0.7 with WRN16-1 / WRN28-3 (run on 05-23) and for ann / ann+sp in the final table.',
    finalCaption: 'Final two teachers (GAF + signal), λ = 0.99, α = 0.7 — columns = teacher architecture, student = WRN16-1',
    paperCaption: 'The same results as the paper’s table (2025-07-10, two decimals) — columns = teacher architecture',
    piCaption:
      'For comparison: two teachers, PI + signal (the advisor’s earlier results, aggregation unknown) — columns = teacher architecture',
    baseNote: 'logit KD, student initialised at random',
    annNote: 'student starts from a WRN16-1 first trained on the signals',
    annSpNote: 'ann + similarity-preserving (SP) loss on intermediate features, β = 200',
    lambdaRowHeader: 'λ (KD term weight)',
    lambdaMid:
      'Phase 3 (2025-04-25): one teacher (GAF) → student WRN16-1, mean of the middle 3 of 6 trials — columns = teacher architecture',
    lambdaMean:
      'Phase 2 (2025-03-28 to 04-11): plain mean of 3 trials, WRN28-3 column as corrected on 04-11 — columns = teacher architecture',
    lambdaBest: 'Phase 1 (2025-03-21): mean of the best of 3 trials per fold (discarded) — columns = teacher architecture',
    lambdaSums: (sums, chosen) => `Sums: ${sums}. The largest, λ = ${chosen}, was chosen.`,
    lambdaSpread:
      'Raw sheet for λ = 0.7 (2025-04-18): the accuracy of each of the 216 runs (4 teacher architectures × 9 subjects × 6 trials). Grey line = lowest to highest per subject.',
    lambdaUncCaption:
      'λ 0.7 / 0.9 / 0.99 (one GAF teacher → signal student): mean, SE and 95 % interval over the 9 subjects — beside the sheet’s “std”',
    lambdaUncMissing:
      'The sheet’s mean of the middle three (mid3of6) needs 6 trials, but the λ 0.99 raw sheet has trials 4–6 for folds 0 and 1 only. So the per-subject comparison uses the mean of trials 1–3 for all three λ, which is not the sheet’s mid3of6 value.',
    sheetRowHeader: 'Model (row name in the sheet)',
    t425Single: 'Single networks (columns = the network’s own architecture)',
    t425OneT: 'One teacher → student WRN16-1 (columns = teacher architecture)',
    t425TwoT: 'Two teachers → student WRN16-1 (columns = teacher architecture)',
    t425Count: ['Values taken from this sheet: ', ' cells.'],
  },
};
