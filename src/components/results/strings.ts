/**
 * Every caption, header, chart label and sentence the results components show, in both languages
 * (pick with pageLang(Astro.locals)). Numbers are computed by the components and passed in; the
 * functions here only say them. Korean "%p" is English "pp" (percentage points). Table row labels
 * that come from the researcher's sheets (e.g. "S : Signals (Teacher로 쓸거)") are data, quoted
 * as the sheet wrote them, and are not translated here.
 */
import type { Localized } from '@src/i18n/lang';

export interface ResultsStrings {
  // ResultTable
  ruleColumn: string;
  noValue: string;
  source: (ids: string) => string;
  columnBest: string;
  noteTable: string;
  sourcesLead: string;
  bestLegend: string;
  // RuleLegend: the sheet's "std" is SE-like
  /** [before, in bold, after] */
  stdIsNotSpread: (range: string | null) => [string, string, string];
  stdRange: (min: string, max: string) => string;
  rawSpread: (n: number, lo: string, hi: string) => string;
  truncated: [string, string, string];
  // charts (AlphaChart, SubjectSpread, FinalTwoTeacher)
  accuracyAxis: string;
  teacherArch: string;
  showData: string;
  alphaChartLabel: (lambda: number) => string;
  alphaAxisWide: string;
  alphaAxisPhone: string;
  alphaDataRegion: string;
  alphaHeaders: [string, string, string, string, string];
  spreadLabel: (lo: string, hi: string) => string;
  testSubject: string;
  spreadRange: (lo: string, hi: string) => string;
  spreadSummary: string;
  spreadRegion: string;
  spreadSubjectHeader: string;
  method: string;
  finalChartLabel: string;
  finalChartCaption: string;
  // ResultsOverview
  /** [before the bold cell count, after it] */
  overview: (final: number, changed: number, notes: number) => [string, string];
  ruleCountsRegion: string;
  ruleCountsCaption: string;
  ruleCountsHeaders: [string, string, string];
  overviewStdNote: [string, string, string];
  overviewSpreadCaption: string;
}

export const RESULTS: Localized<ResultsStrings> = {
  ko: {
    ruleColumn: '집계 규칙',
    noValue: '값 없음',
    source: (ids) => `출처: ${ids}`,
    columnBest: '(열 최고)',
    noteTable: '노트 표',
    sourcesLead: '출처 — 이 숫자들이 실린 노트(날짜, 시트 이미지): ',
    bestLegend: '굵은 글씨와 ▲ 표시 = 그 열(교사 구조)에서 가장 높은 평균.',
    stdIsNotSpread: (range) => [
      '※ 표의 “std”는 피험자(폴드) 사이의 퍼짐이 아닙니다. 폴드값의 표준편차를 √26 또는 √27로 나눈 ',
      '표준오차(SE)에 가까운 값',
      `이라${range ?? ''} 작게 나옵니다. `,
    ],
    stdRange: (min, max) => ` 이 표에서는 ${min}~${max}로`,
    rawSpread: (n, lo, hi) =>
      `실제 정확도는 피험자마다 크게 다릅니다: λ = 0.7 원시 시트(2025-04-18)의 실행 ${n}개는 ${lo} %에서 ${hi} %까지 퍼져 있습니다. `,
    truncated: ['시트의 평균은 소수 넷째 자리, std는 둘째 자리에서 ', '반올림이 아니라 버림', '한 값입니다.'],
    accuracyAxis: '정확도 (%)',
    teacherArch: '교사 구조',
    showData: '차트 데이터를 표로 보기',
    alphaChartLabel: (lambda) =>
      `교사 구조별 α에 따른 학생(WRN16-1) 정확도, λ = ${lambda}. 막대는 ±시트의 std(폴드 평균들의 표준편차 / √27).`,
    alphaAxisWide: 'α (GAF 교사 KD 항의 가중치)',
    alphaAxisPhone: 'α (GAF 교사 KD 가중치)',
    alphaDataRegion: 'α 차트 데이터',
    alphaHeaders: ['교사 구조', 'α', '평균', 'std', '규칙'],
    spreadLabel: (lo, hi) => `피험자(폴드)별 정확도 분포: 최저 ${lo} %, 최고 ${hi} %.`,
    testSubject: '평가 피험자',
    spreadRange: (lo, hi) => ` 전체 범위 ${lo} % – ${hi} %.`,
    spreadSummary: '차트 데이터를 표로 보기 (피험자별 최저 / 평균 / 최고)',
    spreadRegion: '피험자별 정확도 표',
    spreadSubjectHeader: '피험자 (폴드)',
    method: '방법',
    finalChartLabel: '교사 구조별 base, ann, ann+sp 정확도와 ±std 막대',
    finalChartCaption:
      '교사 구조마다 세 방법의 평균과 ±시트의 std(폴드 평균들의 표준편차 / √27). 숫자는 위 표와 같습니다(표가 이 차트의 대체 텍스트입니다).',
    overview: (final, changed, notes) => ['참고 결과: ', `칸 (그중 최종 ${final}칸, 나중에 바뀐 값 ${changed}칸), 출처 노트 ${notes}개.`],
    ruleCountsRegion: '집계 규칙별 칸 수',
    ruleCountsCaption: '집계 규칙과 그 규칙을 쓰는 칸 수',
    ruleCountsHeaders: ['규칙', '칸 수', '뜻'],
    overviewStdNote: [
      '※ “std”는 피험자 사이의 퍼짐이 아니라 ',
      '폴드값 표준편차 / √26 또는 √27',
      '입니다. 독립인 단위는 피험자 9명이라 평균의 SE(표준편차 / √9)는 이보다 약 √3배 큽니다. 시트의 평균은 소수 넷째 자리, std는 둘째 자리에서 버림한 값입니다.',
    ],
    overviewSpreadCaption:
      '피험자(LOSO 폴드)별 정확도: 한 교사(GAF) → 학생 WRN16-1, λ = 0.7, 교사 구조 4가지 × 6 trial (2025-04-18 원시 시트). 같은 설정이라도 평가 피험자에 따라 정확도가 크게 다릅니다.',
  },
  en: {
    ruleColumn: 'Aggregation rule',
    noValue: 'no value',
    source: (ids) => `Source: ${ids}`,
    columnBest: '(best in column)',
    noteTable: 'table in the note',
    sourcesLead: 'Sources — the notes these numbers appear in (date, sheet image): ',
    bestLegend: 'Bold with ▲ = the highest mean in that column (teacher architecture).',
    stdIsNotSpread: (range) => [
      '※ The tables’ “std” is not the spread between subjects (folds). It is the standard deviation of the fold values divided by √26 or √27, ',
      'close to a standard error (SE)',
      `, so it comes out small${range ?? ''}. `,
    ],
    stdRange: (min, max) => ` (${min} to ${max} in this table)`,
    rawSpread: (n, lo, hi) =>
      `Real accuracy differs a lot from subject to subject: the ${n} runs of the λ = 0.7 raw sheet (2025-04-18) range from ${lo} % to ${hi} %. `,
    truncated: ['The sheets’ means are cut to four decimals and their std to two: ', 'truncated, not rounded', '.'],
    accuracyAxis: 'Accuracy (%)',
    teacherArch: 'Teacher architecture',
    showData: 'Show the chart data as a table',
    alphaChartLabel: (lambda) =>
      `Student (WRN16-1) accuracy against α for each teacher architecture, λ = ${lambda}. Bars: ± the sheet’s std (SD of the fold means / √27).`,
    alphaAxisWide: 'α (weight of the GAF teacher’s KD term)',
    alphaAxisPhone: 'α (GAF teacher’s KD weight)',
    alphaDataRegion: 'α chart data',
    alphaHeaders: ['Teacher architecture', 'α', 'Mean', 'std', 'Rule'],
    spreadLabel: (lo, hi) => `Accuracy per subject (fold): lowest ${lo} %, highest ${hi} %.`,
    testSubject: 'Held-out subject',
    spreadRange: (lo, hi) => ` Overall range ${lo} % – ${hi} %.`,
    spreadSummary: 'Show the chart data as a table (lowest / mean / highest per subject)',
    spreadRegion: 'Accuracy per subject',
    spreadSubjectHeader: 'Subject (fold)',
    method: 'Method',
    finalChartLabel: 'Accuracy of base, ann and ann+sp for each teacher architecture, with ± std bars',
    finalChartCaption:
      'For each teacher architecture, the mean of the three methods with ± the sheet’s std (SD of the fold means / √27). The numbers are those of the table above (the table is this chart’s text alternative).',
    overview: (final, changed, notes) => [
      'Reference results: ',
      ` cells (${final} final, ${changed} later revised), from ${notes} source notes.`,
    ],
    ruleCountsRegion: 'Cells per aggregation rule',
    ruleCountsCaption: 'Aggregation rules and how many cells use each',
    ruleCountsHeaders: ['Rule', 'Cells', 'Meaning'],
    overviewStdNote: [
      '※ The “std” is not the spread between subjects but ',
      'the SD of the fold values / √26 or √27',
      '. The independent units are the 9 subjects, so the SE of the mean (SD / √9) is about √3 times larger. The sheets’ means are truncated to four decimals and their std to two.',
    ],
    overviewSpreadCaption:
      'Accuracy per subject (LOSO fold): one teacher (GAF) → student WRN16-1, λ = 0.7, 4 teacher architectures × 6 trials (raw sheet of 2025-04-18). The same setting gives very different accuracy depending on the held-out subject.',
  },
};
