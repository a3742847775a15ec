/** Reads the island's form controls into an unvalidated config (parseConfig validates it). */
import { DEFAULT_CONFIG } from '../../../demos/kd/run/config';
import type { DataSummary } from '../../../demos/kd/run/protocol';

export function readControls(root: HTMLElement): Record<string, unknown> {
  const v = (role: string): string => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-role="${role}"]`)?.value ?? '';
  const num = (role: string): number => (v(role).trim() === '' ? Number.NaN : Number(v(role)));
  return {
    ...DEFAULT_CONFIG,
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

/** The honest-scale sentence: what data, how many windows, computed from the summary. */
export function summaryText(s: DataSummary, testSubject: number): string {
  const test = s.subjects.find((x) => x.id === testSubject)?.windows ?? 0;
  const classes = s.classCounts.filter((n) => n > 0).length;
  const subj = s.subjects.filter((x) => x.windows > 0).map((x) => x.id).join(', ');
  return `${s.label}: ${s.rows.toLocaleString('ko-KR')}행(33.3 Hz) → 창 ${s.windows.toLocaleString('ko-KR')}개 (100스텝 × 40채널), 피험자 ${subj}, 클래스 ${classes}/12개. `
    + `피험자 ${testSubject}을(를) 평가용으로 빼면 학습 창 ${s.windows - test}개, 평가 창 ${test}개입니다.`
    + (s.source === 'full' ? '' : ' 이 규모로는 논문의 수치(9명 × 200 에폭)가 아니라 KD의 작동 방식만 보여 줍니다.');
}
