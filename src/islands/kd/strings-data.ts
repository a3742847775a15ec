/**
 * The KD island's sentences about the data and the split (what data, how many windows, which
 * split, what the fold holds), computed from the summary; part of strings.ts's S (Korean) and
 * strings-en.ts's S_EN (the *En functions).
 */
import {
  SPLIT_LABELS,
  SPLIT_LABELS_EN,
  TEST_FRACTION,
  testCountFor,
  thinnedCounts,
  windowSplitCounts,
  type SplitKind,
} from '@demos/kd/experiment/split';
import type { DataSummary, FoldInfo } from '@demos/kd/run/protocol';
import { ACTIVITIES } from '@demos/kd/run/activities';
import { english } from '../strings-lang';

/** The honest-scale sentence: what data, how many windows, which split — computed from the summary. */
export function summaryText(s: DataSummary, c: { split: SplitKind; testSubject: number }): string {
  const classes = s.classCounts.filter((n) => n > 0).length;
  const subj = s.subjects
    .filter((x) => x.windows > 0)
    .map((x) => x.id)
    .join(', ');
  const head = `${s.label}: ${s.rows.toLocaleString('ko-KR')}행(33.3 Hz) → 윈도우 ${s.windows.toLocaleString('ko-KR')}개 (100스텝 × 40채널), 피험자 ${subj}, 클래스 ${classes}/12개. `;
  let split: string;
  if (c.split === 'window') {
    const n = windowSplitCounts(s.classCounts);
    const kept = thinnedCounts(s.classCounts);
    const perClass = kept.map(testCountFor);
    const top = perClass.indexOf(Math.max(...perClass));
    const share = n.test > 0 ? (100 * (perClass[top] ?? 0)) / n.test : 0;
    const thin =
      n.dropped > 0
        ? `한 클래스가 윈도우 대부분을 차지하면 짧은 학습은 그 클래스만 답하게 되므로, 윈도우가 클래스별 개수 중앙값의 2배보다 많은 클래스는 시간 순서로 고르게 ${Math.max(...kept)}개만 남겨 ${n.dropped}개를 뺍니다. `
        : '';
    split =
      `평가 분할: ${SPLIT_LABELS.window} — ${thin}클래스마다 윈도우의 약 ${Math.round(TEST_FRACTION * 100)}%를 무작위(시드 고정)로 평가용으로 빼서 학습 윈도우 ${n.train}개, 평가 윈도우 ${n.test}개입니다 ` +
      `(평가 윈도우의 ${share.toFixed(1)}%가 '${ACTIVITIES[top]?.ko ?? top}'). ` +
      '논문의 프로토콜(피험자 단위 LOSO)이 아니며, 같은 피험자의 (서로 겹치는) 윈도우가 학습과 평가 양쪽에 들어가므로 정확도가 실제보다 높게 나옵니다.';
  } else {
    const test = s.subjects.find((x) => x.id === c.testSubject)?.windows ?? 0;
    split = `평가 분할: ${SPLIT_LABELS.loso} — 피험자 ${c.testSubject}을(를) 평가용으로 빼면 학습 윈도우 ${s.windows - test}개, 평가 윈도우 ${test}개입니다.`;
  }
  return head + split + (s.source === 'full' ? '' : ' 이 규모로는 논문의 수치(9명 × 200 에폭)가 아니라 KD의 작동 방식만 보여 줍니다.');
}

export function foldNote(f: FoldInfo): string {
  const which = f.split === 'window' ? '이번 분할(윈도우 단위 층화, LOSO 아님)' : `이번 폴드(평가 피험자 ${f.testSubject ?? '?'})`;
  const cap = f.capped
    ? ` 전체 ${f.capped.from.toLocaleString('ko-KR')}개 윈도우는 브라우저 한 번의 실행에 너무 많아(메모리·시간), GAF 크기에 따른 상한 ${f.capped.cap}개 안에서 클래스 비율을 유지해 시드 ${f.capped.seed}로 ${f.capped.used}개를 뽑아 씁니다.`
    : '';
  return (
    (f.unseenTest > 0
      ? `${which}: 학습 윈도우 ${f.train}개, 평가 윈도우 ${f.test}개 — 그중 ${f.unseenTest}개는 학습 데이터에 한 번도 없는 클래스라서, 맞히더라도 우연입니다 (발췌본에서는 활동마다 피험자가 한 명뿐이기 때문).`
      : `${which}: 학습 윈도우 ${f.train}개, 평가 윈도우 ${f.test}개.`) + cap
  );
}

/** The English of summaryText and foldNote (under `en:`: English text, for the glossary check). */
export const DATA_EN = english({
  en: {
    summary: (s: DataSummary, c: { split: SplitKind; testSubject: number }): string => {
      const classes = s.classCounts.filter((n) => n > 0).length;
      const subj = s.subjects
        .filter((x) => x.windows > 0)
        .map((x) => x.id)
        .join(', ');
      const head = `${s.label}: ${s.rows.toLocaleString('en-US')} rows (33.3 Hz) → ${s.windows.toLocaleString('en-US')} windows (100 steps × 40 channels), subjects ${subj}, ${classes}/12 classes. `;
      let split: string;
      if (c.split === 'window') {
        const n = windowSplitCounts(s.classCounts);
        const kept = thinnedCounts(s.classCounts);
        const perClass = kept.map(testCountFor);
        const top = perClass.indexOf(Math.max(...perClass));
        const share = n.test > 0 ? (100 * (perClass[top] ?? 0)) / n.test : 0;
        const thin =
          n.dropped > 0
            ? `when one class holds most windows, short training learns to answer only that class, so a class with more than twice the median per-class count keeps ${Math.max(...kept)} windows spread evenly in time (${n.dropped} dropped); `
            : '';
        split =
          `Evaluation split: ${SPLIT_LABELS_EN.window} — ${thin}about ${Math.round(TEST_FRACTION * 100)}% of each class’s windows are held out at random (fixed seed): ${n.train} training windows, ${n.test} test windows ` +
          `(${share.toFixed(1)}% of the test windows are '${ACTIVITIES[top]?.en ?? top}'). ` +
          'This is not the paper’s protocol (LOSO by subject): (overlapping) windows of the same subject land in both training and test, so accuracy comes out higher than it really is.';
      } else {
        const test = s.subjects.find((x) => x.id === c.testSubject)?.windows ?? 0;
        split = `Evaluation split: ${SPLIT_LABELS_EN.loso} — holding out subject ${c.testSubject} leaves ${s.windows - test} training windows and ${test} test windows.`;
      }
      return (
        head +
        split +
        (s.source === 'full' ? '' : ' At this scale it shows how KD works, not the paper’s numbers (9 subjects × 200 epochs).')
      );
    },
    foldNote: (f: FoldInfo): string => {
      const which =
        f.split === 'window' ? 'This split (stratified by window, not LOSO)' : `This fold (held-out subject ${f.testSubject ?? '?'})`;
      const cap = f.capped
        ? ` All ${f.capped.from.toLocaleString('en-US')} windows are too many for one run in a browser (memory, time), so ${f.capped.used} are drawn with seed ${f.capped.seed}, keeping the class proportions, under the cap of ${f.capped.cap} for this GAF size.`
        : '';
      return (
        (f.unseenTest > 0
          ? `${which}: ${f.train} training windows, ${f.test} test windows — ${f.unseenTest} of them belong to classes never seen in training, so getting them right is chance (the excerpt has one subject per activity).`
          : `${which}: ${f.train} training windows, ${f.test} test windows.`) + cap
      );
    },
  },
});
