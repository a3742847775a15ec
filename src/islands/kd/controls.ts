/** Reads the island's form controls into an unvalidated config (parseConfig validates it). */
import { DEFAULT_CONFIG, SPLITS, type SplitKind } from '../../../demos/kd/run/config';
import type { DataSummary } from '../../../demos/kd/run/protocol';
import { SPLIT_LABELS, TEST_FRACTION, testCountFor, windowSplitCounts } from '../../../demos/kd/run/split';
import { ACTIVITIES } from '../../../demos/kd/run/activities';

export function readControls(root: HTMLElement): Record<string, unknown> {
  const v = (role: string): string => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-role="${role}"]`)?.value ?? '';
  const num = (role: string): number => (v(role).trim() === '' ? Number.NaN : Number(v(role)));
  return {
    ...DEFAULT_CONFIG,
    split: v('split'),
    testSubject: num('fold'),
    teacherArch: v('arch'),
    alpha: num('alpha'),
    lambda: num('lambda'),
    temperature: num('temperature'),
    epochs: num('epochs'),
    gafSize: num('gafSize'),
    batchSize: num('batchSize'),
    teachers: v('teachers'),
  };
}

/**
 * The split selector (평가 분할), inserted just before the fold selector's label, so the static
 * figure (src/components/KdRunDemo.astro) needs no change. Returns the existing one when present.
 */
export function ensureSplitControl(root: HTMLElement): HTMLSelectElement {
  const have = root.querySelector<HTMLSelectElement>('[data-role="split"]');
  if (have) return have;
  const fold = root.querySelector<HTMLSelectElement>('[data-role="fold"]');
  const sel = document.createElement('select');
  sel.dataset['role'] = 'split';
  sel.dataset['testid'] = 'kd-split';
  sel.append(...SPLITS.map((k) => new Option(SPLIT_LABELS[k], k)));
  const label = document.createElement('label');
  label.className = 'kd-wide';
  label.append('평가 분할 ', sel);
  const foldLabel = fold?.closest('label');
  if (foldLabel) foldLabel.before(label);
  else root.querySelector('.kd-controls')?.prepend(label);
  return sel;
}

/** Fold selector only means something for LOSO: disabled and hidden for the window split. */
export function syncFoldControl(root: HTMLElement, split: SplitKind): void {
  const fold = root.querySelector<HTMLSelectElement>('[data-role="fold"]');
  if (!fold) return;
  fold.disabled = split !== 'loso';
  const label = fold.closest('label');
  if (label) {
    label.hidden = split !== 'loso';
    label.style.display = split === 'loso' ? '' : 'none'; // the controls grid styles labels; `hidden` alone loses to it
  }
}

/** The honest-scale sentence: what data, how many windows, which split — computed from the summary. */
export function summaryText(s: DataSummary, c: { split: SplitKind; testSubject: number }): string {
  const classes = s.classCounts.filter((n) => n > 0).length;
  const subj = s.subjects.filter((x) => x.windows > 0).map((x) => x.id).join(', ');
  const head = `${s.label}: ${s.rows.toLocaleString('ko-KR')}행(33.3 Hz) → 창 ${s.windows.toLocaleString('ko-KR')}개 (100스텝 × 40채널), 피험자 ${subj}, 클래스 ${classes}/12개. `;
  let split: string;
  if (c.split === 'window') {
    const n = windowSplitCounts(s.classCounts);
    const perClass = s.classCounts.map(testCountFor);
    const top = perClass.indexOf(Math.max(...perClass));
    const share = n.test > 0 ? (100 * (perClass[top] ?? 0)) / n.test : 0;
    split = `평가 분할: ${SPLIT_LABELS.window} — 클래스마다 창의 약 ${Math.round(TEST_FRACTION * 100)}%를 무작위(시드 고정)로 평가용으로 빼서 학습 창 ${n.train}개, 평가 창 ${n.test}개입니다 `
      + `(평가 창의 ${share.toFixed(1)}%가 '${ACTIVITIES[top]?.ko ?? top}': 늘 이 클래스만 답해도 이 정확도). `
      + '논문의 프로토콜(피험자 단위 LOSO)이 아니며, 같은 피험자의 (서로 겹치는) 창이 학습과 평가 양쪽에 들어가므로 정확도가 실제보다 높게 나옵니다.';
  } else {
    const test = s.subjects.find((x) => x.id === c.testSubject)?.windows ?? 0;
    split = `평가 분할: ${SPLIT_LABELS.loso} — 피험자 ${c.testSubject}을(를) 평가용으로 빼면 학습 창 ${s.windows - test}개, 평가 창 ${test}개입니다.`;
  }
  return head + split + (s.source === 'full' ? '' : ' 이 규모로는 논문의 수치(9명 × 200 에폭)가 아니라 KD의 작동 방식만 보여 줍니다.');
}
