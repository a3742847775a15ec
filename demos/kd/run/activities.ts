/**
 * The 12 PAMAP2 protocol classes in the order of the lab's relabelling (protocol §1:
 * cls_id = [24, 1, 2, 3, 4, 5, 6, 7, 12, 13, 16, 17] → indices 0..11), Korean and English.
 */
export const ACTIVITIES: readonly { id: number; ko: string; en: string }[] = [
  { id: 24, ko: '줄넘기', en: 'rope jumping' },
  { id: 1, ko: '누워 있기', en: 'lying' },
  { id: 2, ko: '앉아 있기', en: 'sitting' },
  { id: 3, ko: '서 있기', en: 'standing' },
  { id: 4, ko: '걷기', en: 'walking' },
  { id: 5, ko: '달리기', en: 'running' },
  { id: 6, ko: '자전거', en: 'cycling' },
  { id: 7, ko: '노르딕 워킹', en: 'Nordic walking' },
  { id: 12, ko: '계단 오르기', en: 'ascending stairs' },
  { id: 13, ko: '계단 내려가기', en: 'descending stairs' },
  { id: 16, ko: '청소기 돌리기', en: 'vacuum cleaning' },
  { id: 17, ko: '다림질', en: 'ironing' },
];
export const NUM_CLASSES = 12;
